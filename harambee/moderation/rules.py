"""Who may moderate what. Roles are asked through ``user.may`` and the space roles
behind ``moderated_space_ids`` (``people/roles.py``); reading is the gate's."""

from __future__ import annotations

from typing import Any

from harambee.core.models import Content
from harambee.core.visibility import is_reader
from harambee.moderation.selectors import (
    flagged_or_hidden,
    moderated_space_ids,
    readable_ignoring_removal,
)
from harambee.people.roles import Perm


def is_moderator(user: Any) -> bool:
    """Whether ``user`` has a moderation queue at all (for the menu link)."""
    if not is_reader(user):
        return False
    return user.may(Perm.MODERATE) or bool(moderated_space_ids(user))


def may_moderate(user: Any, content: Content) -> bool:
    """Leads and facilitators moderate their space's items; stewards moderate items
    outside any space and, in a space, the items they may read. An item of their
    space a lead may not read (a private draft) reaches them only through a flag on
    it or a hiding of it, never by its number alone."""
    if not is_reader(user):
        return False
    in_space = content.space_id is not None and content.space_id in moderated_space_ids(user)
    if not in_space and not user.may(Perm.MODERATE):
        return False
    if readable_ignoring_removal(user, content):
        return True
    return in_space and flagged_or_hidden(content)


def may_move_to(user: Any, space: Any) -> bool:
    """A thread moves into a space its mover moderates, or (``space`` None) into the
    alliance forum, which stewards moderate."""
    if space is None:
        return bool(user.may(Perm.MODERATE))
    return space.pk in moderated_space_ids(user)


def may_suspend(user: Any) -> bool:
    return bool(user.is_authenticated and user.may(Perm.SUSPEND_MEMBERS))
