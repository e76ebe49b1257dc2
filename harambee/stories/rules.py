"""Who may write, publish and run calls for stories. Roles are asked through
``user.may``/``membership.may`` (``people/roles.py``); reading is the gate's."""

from __future__ import annotations

from typing import Any

from harambee.people.roles import Perm
from harambee.spaces.models import Space
from harambee.spaces.rules import may_in
from harambee.stories.models import Story


def may_edit_stories(user: Any, space: Space | None) -> bool:
    """Publishing and story calls: leads and facilitators in a space, stewards for
    the alliance blog."""
    return may_in(user, space, Perm.EDIT_STORIES)


def is_author(user: Any, story: Story) -> bool:
    """Authors and co-authors edit a story and send it for review."""
    return story.author_id == user.pk or story.coauthors.filter(pk=user.pk).exists()
