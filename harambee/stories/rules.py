"""Who may write, publish and run calls for stories. Roles are asked through
``user.may``/``membership.may`` (``people/roles.py``); reading is the gate's."""

from __future__ import annotations

from typing import Any

from harambee.people.roles import Perm
from harambee.spaces.models import Space
from harambee.spaces.rules import may_in, space_role_may
from harambee.stories.models import Story


def may_write_in(user: Any, space: Space | None) -> bool:
    """Write in a space's blog (a role there that may post) or the alliance's (a
    member, not a guest)."""
    if not (user.is_authenticated and user.is_active):
        return False
    if space is None:
        return not user.is_guest
    return space_role_may(user, space.pk, Perm.POST)


def may_edit_stories(user: Any, space: Space | None) -> bool:
    """Publishing and story calls: leads and facilitators in a space, stewards for
    the alliance blog."""
    return may_in(user, space, Perm.EDIT_STORIES)


def is_author(user: Any, story: Story) -> bool:
    """Authors and co-authors edit a story and send it for review."""
    return story.author_id == user.pk or story.coauthors.filter(pk=user.pk).exists()
