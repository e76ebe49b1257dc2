"""Who curates the public portal: the alliance's stewards (the alliance role that may
publish on the alliance blog, ``Perm.EDIT_STORIES``), who also write its news."""

from __future__ import annotations

from typing import Any

from harambee.people.roles import Perm


def may_curate(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.may(Perm.EDIT_STORIES))
