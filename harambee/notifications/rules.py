"""Who may be told of an event. What they may see is the gate's answer
(``core/visibility.py``); this adds who is told at all."""

from __future__ import annotations

from typing import Any

from harambee.core.models import Comment, Content
from harambee.core.visibility import can_see_space, can_view
from harambee.notifications.selectors import comment_alive


def may_hear(
    recipient: Any,
    *,
    actor_id: int | None,
    content: Content | None = None,
    comment: Comment | None = None,
    space: Any = None,
) -> bool:
    """Whether ``recipient`` may be told: active, not the actor, and allowed by the gate
    to see the item (and the space, when one is named without an item)."""
    if recipient is None or not recipient.is_active:
        return False
    if recipient.pk == actor_id:
        return False
    if comment is not None and not comment_alive(comment):
        return False
    if content is not None:
        return can_view(recipient, content)
    if space is not None:
        return can_see_space(recipient, space)
    return True
