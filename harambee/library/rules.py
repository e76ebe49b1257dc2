"""Who may add to the library and edit its resources and collections. Roles are
asked through the stories' writing rule and the role table; reading is the gate's."""

from __future__ import annotations

from typing import Any

from harambee.core.models import Content
from harambee.core.visibility import can_view
from harambee.spaces.models import Space
from harambee.spaces.rules import may_write_in


def may_add_resource(user: Any, space: Space | None) -> bool:
    """Adding to the alliance library takes a member (not a guest); adding to a
    space's library takes a role there that may post."""
    return may_write_in(user, space)


def may_collect(user: Any) -> bool:
    """Keep collections of one's own: whoever may add to the alliance library."""
    return may_add_resource(user, None)


def is_editor(user: Any, item: Content) -> bool:
    """Authors and co-authors edit a resource or collection."""
    if not (user.is_authenticated and user.is_active):
        return False
    if not can_view(user, item):
        return False
    # Iterating uses the co-authors a selector prefetched, when it did.
    return item.author_id == user.pk or any(u.pk == user.pk for u in item.coauthors.all())
