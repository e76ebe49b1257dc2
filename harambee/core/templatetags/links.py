"""Links that need more than ``get_absolute_url``."""

from __future__ import annotations

import re
from typing import Any

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from harambee.core.models import Comment, Content, comment_url
from harambee.core.visibility import can_see_person, can_see_space, may_see_people

register = template.Library()


@register.simple_tag
def comment_link(content: Content, comment: Comment) -> str:
    """Where ``comment`` is shown on ``content``'s page (a thread's later replies are
    on a later page: the link names it)."""
    return comment_url(content, comment)


@register.simple_tag(takes_context=True)
def person_link(context: template.Context, person: Any, url: str = "") -> str:
    """``person``'s name, linked (to ``url``, or their profile) only if the reader may
    see them: a link that answers 404 is worse than a name."""
    if person is None:
        return ""
    if can_see_person(context.get("user") or None, person):
        return format_html(
            '<a href="{}">{}</a>', url or person.get_absolute_url(), person.display_name
        )
    return conditional_escape(person.display_name)


_PERSON_LINK = re.compile(r'<a href="/people/\d+/"[^>]*>(.*?)</a>', re.DOTALL)


@register.filter
def for_reader(html: str, user: Any) -> SafeString:
    """A body's sanitised HTML as ``user`` reads it. Mentions are linked to profiles
    when the text is saved, for everyone alike: a reader who may not see people
    (a guest, a visitor) gets the names without the links, which would answer 404."""
    if not html:
        return mark_safe("")  # noqa: S308 (empty)
    # A template without ``user`` passes "" (its reader is unknown: nobody).
    if may_see_people(user or None):
        return mark_safe(html)  # noqa: S308 (sanitised when saved)
    return mark_safe(_PERSON_LINK.sub(r"\1", html))  # noqa: S308 (links taken out only)


@register.simple_tag(takes_context=True)
def item_url(context: template.Context, item: Content) -> str:
    """``item``'s address for the reader, or "" where it has none for them: a kind
    whose address names its space (``ContentKind.address_needs_space``) in a space
    the reader may not know. Lists then name the item without a link."""
    if (
        item.kind_spec.address_needs_space
        and item.space_id is not None
        and not can_see_space(context.get("user") or None, item.space)
    ):
        return ""
    return item.get_absolute_url()
