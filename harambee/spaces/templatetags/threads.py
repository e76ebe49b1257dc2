"""``{% thread_card_key item as key %}``: the fragment-cache key of a thread's card in a
list (spaces/_thread_item.html), naming everything the card shows."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def thread_card_key(item: Any) -> str:
    """The thread's own fields, its author's name, the space shown to this reader
    (``spaces.selectors.with_shown_space``; None on the space's own page), the
    reader's unread state, language and time zone. Read with ``getattr`` so that a
    list without unread state costs no failed template lookups."""
    space = getattr(item, "shown_space", None)
    return "|".join(
        str(part)
        for part in (
            item.pk,
            item.title,
            item.updated.isoformat() if item.updated else "",
            item.last_activity.isoformat() if item.last_activity else "",
            getattr(item, "comment_count", ""),
            item.pinned,
            item.locked,
            item.is_question,
            item.answer_id,
            item.visibility,
            item.author.display_name,
            space.pk if space is not None else "",
            space.name if space is not None else "",
            getattr(item, "unread", False),
            getattr(item, "never_read", False),
            get_language(),
            timezone.get_current_timezone_name(),
        )
    )
