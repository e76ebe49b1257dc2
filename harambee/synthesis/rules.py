"""Who may write a theme's synthesis. Roles are asked through ``user.may``
(``people/roles.py``); reading is the gate's."""

from __future__ import annotations

from typing import Any

from harambee.people.roles import Perm


def may_write_synthesis(user: Any) -> bool:
    """Stewards write what the alliance knows about a theme."""
    if not user.is_authenticated:
        return False
    return bool(user.may(Perm.WRITE_SYNTHESIS))
