"""Who may do what in a programme, one condition per line.

Enrolled learners are the space's active members; facilitators (the reviewers of
evidence and issuers of certificates) are those whose space role may review what the
space shares (``Perm.ADAPT``: leads and facilitators)."""

from __future__ import annotations

from typing import Any

from harambee.core.visibility import is_reader
from harambee.people.roles import Perm
from harambee.spaces.selectors import membership_for
from harambee.training.models import Programme

FACILITATE = Perm.ADAPT


def is_enrolled(user: Any, programme: Programme) -> bool:
    if not is_reader(user):
        return False
    return membership_for(user, programme.space_id) is not None


def may_facilitate(user: Any, programme: Programme) -> bool:
    if not is_reader(user):
        return False
    membership = membership_for(user, programme.space_id)
    return membership is not None and membership.may(FACILITATE)


def may_learn(user: Any, programme: Programme) -> bool:
    """Mark items done, reflect and offer evidence: an enrolled member who may post."""
    if not is_reader(user):
        return False
    membership = membership_for(user, programme.space_id)
    return membership is not None and membership.may(Perm.COMMENT)
