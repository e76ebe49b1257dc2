"""Who may do what in a research collaboration. Reading is the gate's
(``core/visibility.py``); these answer only for people who may read the item."""

from __future__ import annotations

from typing import Any

from harambee.people.roles import Perm
from harambee.research.models import Collaboration
from harambee.spaces.models import Space
from harambee.spaces.rules import may_write_in, space_role_may


def may_start(user: Any, space: Space) -> bool:
    """Start a collaboration: anyone who may post in a research space."""
    return space.kind == Space.Type.RESEARCH and may_write_in(user, space)


def is_organiser(user: Any, collaboration: Collaboration) -> bool:
    """The collaboration's author and coordinators (its co-authors), and the leads of
    its space (who may edit the space)."""
    if not (user.is_authenticated and user.is_active):
        return False
    if collaboration.author_id == user.pk:
        return True
    if any(person.pk == user.pk for person in collaboration.coauthors.all()):
        return True
    return space_role_may(user, collaboration.space_id, Perm.EDIT_SPACE)


def may_submit(user: Any, space: Space | None) -> bool:
    """Answer a call one may read: anyone who may take part across the alliance, or
    post in the call's space (a guest who is a member there)."""
    if not (user.is_authenticated and user.is_active):
        return False
    return bool(user.may(Perm.TAKE_PART)) or may_write_in(user, space)
