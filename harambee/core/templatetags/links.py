"""Links that need more than ``get_absolute_url``."""

from __future__ import annotations

from django import template

from harambee.core.models import Comment, Content, comment_url

register = template.Library()


@register.simple_tag
def comment_link(content: Content, comment: Comment) -> str:
    """Where ``comment`` is shown on ``content``'s page (a thread's later replies are
    on a later page: the link names it)."""
    return comment_url(content, comment)
