"""Who may write, edit and change the visibility of wiki pages. Roles are asked
through ``membership.may`` (``people/roles.py``); reading is the gate's."""

from __future__ import annotations

from typing import Any

from harambee.core.models import Visibility
from harambee.core.visibility import can_view
from harambee.people.roles import Perm
from harambee.spaces.models import Space
from harambee.spaces.rules import may_in, may_write_in
from harambee.wiki.models import WikiPage


def is_author(user: Any, page: WikiPage) -> bool:
    return page.author_id == user.pk or page.coauthors.filter(pk=user.pk).exists()


def may_edit(user: Any, page: WikiPage) -> bool:
    """Anyone who may read a page and write in its wiki edits it; a private page
    only its authors."""
    if not user.is_authenticated or not can_view(user, page):
        return False
    if page.visibility == Visibility.PRIVATE:
        return is_author(user, page)
    return may_write_in(user, page.space)


def may_change_visibility(user: Any, page: WikiPage | None, space: Space | None) -> bool:
    """Who may widen or narrow a page: its author, or whoever may edit where it
    lives (a space's leads; in the alliance wiki, stewards)."""
    if page is None or is_author(user, page):
        return True
    return may_in(user, space, Perm.EDIT_SPACE)
