"""Slow mode: one reply per person per N minutes in a thread, until it ends by itself.

The check is registered with core's posting checks (``core.posting``), which every
reply passes through with the item replied to: the spaces app knows nothing of it.
A refused reply keeps its text (the comment form shows the message beside it).
Facilitators of the thread's space (whoever may moderate threads) are not held.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import ngettext

from harambee.core.models import Comment
from harambee.core.posting import is_person_writing
from harambee.core.visibility import active_memberships
from harambee.insights.models import SlowMode
from harambee.people.roles import Perm


class SlowModeRefused(ValidationError):
    """A reply came sooner than the thread's slow mode allows."""


def may_skip(user: Any, thread: Any) -> bool:
    if thread.space_id is None:
        return user.may(Perm.MODERATE_THREADS)
    membership = active_memberships(user).get(thread.space_id)
    return membership is not None and membership.may(Perm.MODERATE_THREADS)


def running(thread_id: int) -> SlowMode | None:
    return SlowMode.objects.filter(thread_id=thread_id, ends__gt=timezone.now()).first()


def check_slow_mode(*, user: Any, content: Any = None) -> None:
    if content is None or getattr(content, "kind", None) != "post" or not is_person_writing():
        return
    mode = running(content.pk)
    if mode is None or may_skip(user, content):
        return
    now = timezone.now()
    last = (
        Comment.objects.filter(content_id=content.pk, author_id=user.pk)
        .order_by("-created")
        .values_list("created", flat=True)
        .first()
    )
    if last is None or last <= now - timedelta(minutes=mode.minutes):
        return
    retry = last + timedelta(minutes=mode.minutes)
    raise SlowModeRefused(
        ngettext(
            "This thread is in slow mode: one reply per person every %(minutes)d minute. "
            "Your text is kept; post it after %(time)s.",
            "This thread is in slow mode: one reply per person every %(minutes)d minutes. "
            "Your text is kept; post it after %(time)s.",
            mode.minutes,
        )
        % {"minutes": mode.minutes, "time": time_format(timezone.localtime(retry), "H:i")},
        code="slow_mode",
    )
