"""``{% excerpt html url title %}``: the first words of an item's rendered text, as
plain text, with a "read more" link when the text goes on. Lists, feeds and the
moderation queue show this, never a whole body (a body may hold 50,000 characters)."""

from __future__ import annotations

import html
import re

from django import template
from django.utils.html import strip_tags

register = template.Library()

EXCERPT_WORDS = 40
_BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote|pre|tr)>|<br\s*/?>", re.IGNORECASE)


def plain_words(rendered: str) -> list[str]:
    """The words of sanitised HTML, entities read back into characters (the template
    escapes them once, on output)."""
    text = html.unescape(strip_tags(_BLOCK_END.sub(" ", rendered or "")))
    return text.split()


@register.inclusion_tag("core/_excerpt.html")
def excerpt(rendered: str, url: str, title: str, words: int = EXCERPT_WORDS) -> dict:
    found = plain_words(rendered)
    return {
        "text": " ".join(found[:words]),
        "cut": len(found) > words,
        "url": url,
        "title": title,
    }
