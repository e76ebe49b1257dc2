"""Links that need more than ``get_absolute_url``."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import conditional_escape, format_html

from harambee.core.models import Comment, Content, comment_url
from harambee.core.visibility import can_see_person

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
    if can_see_person(context.get("user"), person):
        return format_html(
            '<a href="{}">{}</a>', url or person.get_absolute_url(), person.display_name
        )
    return conditional_escape(person.display_name)
