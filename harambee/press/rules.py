"""Who may do what with print. A space's facilitators and leads (a space role that may
moderate) build brochures; every active member of the space may see its brochures and
print its public monthly digest. What goes *into* print is not a question of who asks:
only what the anonymous public may read (``selectors``)."""

from __future__ import annotations

from typing import Any

from harambee.core.visibility import is_reader
from harambee.people.roles import Perm
from harambee.spaces.rules import space_role_may
from harambee.spaces.selectors import membership_for


def may_build(user: Any, space: Any) -> bool:
    if space is None or not is_reader(user):
        return False
    return space_role_may(user, space.pk, Perm.MODERATE)


def may_print(user: Any, space: Any) -> bool:
    """See the space's brochures and print its public digest: its active members."""
    if space is None or not is_reader(user):
        return False
    return membership_for(user, space.pk) is not None
