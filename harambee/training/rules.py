"""Who may do what in a programme, one condition per line.

Enrolled learners are the space's active members; facilitators (the reviewers of
evidence and issuers of certificates) are those whose space role may review what the
space shares (``Perm.ADAPT``: leads and facilitators)."""

from __future__ import annotations

from typing import Any

from harambee.core.visibility import is_reader
from harambee.people.roles import Perm
from harambee.spaces.models import Space
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


def may_start_programme(user: Any, space: Space) -> bool:
    """Add a programme: a lead of a space of the training programme kind."""
    if not is_reader(user) or space.kind != Space.Type.PROGRAMME:
        return False
    membership = membership_for(user, space.pk)
    return membership is not None and membership.may(Perm.EDIT_SPACE)


def may_see_learners(user: Any, programme: Programme) -> bool:
    """Who is in a cohort: whoever may see the members of the programme's space (its
    members, and people whose alliance role sees every space's members)."""
    if not is_reader(user):
        return False
    if membership_for(user, programme.space_id) is not None:
        return True
    return bool(user.may(Perm.SEE_ALL_MEMBERS))
