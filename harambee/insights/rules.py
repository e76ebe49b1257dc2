"""Who sees which insights. Members of a space see its aggregate measures; its leads
and facilitators (``Perm.SEE_INSIGHTS`` in the space) and stewards (the same, in the
alliance) also see per-person and per-thread figures and the prompts. Alliance-wide
measures are for stewards only."""

from __future__ import annotations

from typing import Any

from harambee.core.visibility import active_memberships, is_reader
from harambee.people.roles import Perm


def may_steward(user: Any) -> bool:
    return is_reader(user) and user.may(Perm.SEE_INSIGHTS)


def may_see_space(user: Any, space: Any) -> bool:
    """Aggregate measures of ``space``: its active members and stewards."""
    if not is_reader(user):
        return False
    return may_steward(user) or space.pk in active_memberships(user)


def may_facilitate(user: Any, space_id: int | None) -> bool:
    """Per-person figures, per-thread figures and prompts of a space (``None``: the
    alliance forum, stewards only)."""
    if not is_reader(user):
        return False
    if may_steward(user):
        return True
    if space_id is None:
        return False
    membership = active_memberships(user).get(space_id)
    return membership is not None and membership.may(Perm.SEE_INSIGHTS)
