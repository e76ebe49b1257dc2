"""Who may do what with initiatives, their items and shareable versions. Roles are
asked through ``membership.may`` (``people/roles.py``); reading is the gate's."""

from __future__ import annotations

from typing import Any

from harambee.core.models import Visibility
from harambee.core.visibility import can_view
from harambee.initiatives.models import Adaptation, Initiative
from harambee.people.roles import Perm
from harambee.spaces.rules import space_role_may

# The visibilities a shareable version exists for.
RESTRICTED = {Visibility.SPACE, Visibility.PRIVATE}


def may_post(user: Any, initiative: Initiative) -> bool:
    """Start cycles, write notes and add phase notes."""
    return space_role_may(user, initiative.space_id, Perm.POST)


def may_edit_profile(user: Any, initiative: Initiative) -> bool:
    return space_role_may(user, initiative.space_id, Perm.EDIT_SPACE)


def may_edit(user: Any, content: Any) -> bool:
    """Authors and co-authors edit their items."""
    if not user.is_authenticated or not can_view(user, content):
        return False
    # ``all()``: the co-authors the page read with the item, when it did (a few people).
    return content.author_id == user.pk or any(
        person.pk == user.pk for person in content.coauthors.all()
    )


# Shareable versions ------------------------------------------------------------------


def may_adapt(user: Any, content: Any) -> bool:
    """Make and review shareable versions of what one may read in a space where one's
    role may adapt (leads and facilitators)."""
    if not can_view(user, content):
        return False
    return space_role_may(user, content.space_id, Perm.ADAPT)


def may_start_adaptation(user: Any, item: Any, adaptation: Adaptation | None) -> bool:
    """A restricted item that is not itself a shareable version may get one."""
    if adaptation is not None:
        return False
    if item.visibility not in RESTRICTED:
        return False
    return space_role_may(user, item.space_id, Perm.ADAPT)


def may_submit(user: Any, adaptation: Adaptation | None) -> bool:
    """The adapter sends a draft for review."""
    if adaptation is None:
        return False
    if adaptation.status != Adaptation.Status.DRAFT:
        return False
    return adaptation.created_by_id == user.pk


def may_review(user: Any, item: Any, adaptation: Adaptation | None) -> bool:
    """Someone other than the adapter, who may adapt in the space, reviews it."""
    if adaptation is None:
        return False
    if adaptation.status != Adaptation.Status.REVIEW:
        return False
    if adaptation.created_by_id == user.pk:
        return False
    return space_role_may(user, item.space_id, Perm.ADAPT)


def visibility_locked(content: Any) -> bool:
    """An unpublished shareable version keeps the visibility its workflow gives it:
    nobody changes it by hand."""
    adaptation = getattr(content, "adaptation", None) if content.pk else None
    return adaptation is not None and adaptation.status != Adaptation.Status.PUBLISHED
