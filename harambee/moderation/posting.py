"""Moderation's answer to core's posting check (``core.posting``): a suspended
account may not write, and a new account may write only so much an hour.

Registered in ``ModerationConfig.ready()``. Suspensions hold everywhere; the hourly limit
holds only for writes made while ``core.posting.person_writing()`` is on.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from harambee.core.models import Comment, Content
from harambee.core.posting import is_person_writing
from harambee.moderation.models import Suspension
from harambee.moderation.selectors import active_suspension
from harambee.people.roles import Perm


class Suspended(PermissionDenied):
    """The account is suspended and may not write."""

    def __init__(self, suspension: Suspension) -> None:
        self.suspension = suspension
        super().__init__(suspension_message(suspension))


class RateLimited(ValidationError):
    """A new account wrote as much as it may this hour."""


def suspension_message(suspension: Suspension) -> str:
    if suspension.until is None:
        return _("Your account is suspended: you can read, but not post, comment or react.")
    until = timezone.localtime(suspension.until)
    return _(
        "Your account is suspended until %(when)s: you can read, but not post, "
        "comment or react until then."
    ) % {"when": date_format(until, "DATETIME_FORMAT")}


def check_posting(*, user: Any, content: Any = None) -> None:
    """Raises ``Suspended`` for a suspended account and ``RateLimited`` for a new
    account that wrote its hourly allowance; the message says until when."""
    if not (user is not None and user.is_authenticated):
        return
    suspension = active_suspension(user)
    if suspension is not None:
        raise Suspended(suspension)
    if not is_person_writing():
        return
    retry = rate_limited_until(user=user)
    if retry is not None:
        limit = settings.NEW_ACCOUNT_POSTS_PER_HOUR
        raise RateLimited(
            ngettext(
                "New accounts may post up to %(limit)d time an hour; try again after %(time)s.",
                "New accounts may post up to %(limit)d times an hour; try again after %(time)s.",
                limit,
            )
            % {"limit": limit, "time": time_format(timezone.localtime(retry), "H:i")},
            code="rate_limited",
        )


def rate_limited_until(*, user: Any, now: datetime | None = None) -> datetime | None:
    """When a new account may write again, or None if it may now. Stewards and
    accounts older than ``NEW_ACCOUNT_DAYS`` are never limited."""
    days, limit = settings.NEW_ACCOUNT_DAYS, settings.NEW_ACCOUNT_POSTS_PER_HOUR
    if days <= 0 or limit <= 0 or user.may(Perm.SUSPEND_MEMBERS):
        return None
    now = now or timezone.now()
    if user.date_joined <= now - timedelta(days=days):
        return None
    since = now - timedelta(hours=1)
    # The newest ``limit`` writes of the hour are all that matter: the oldest of them
    # leaves the window first.
    items = Content.objects.filter(author_id=user.pk, created__gt=since).order_by("-created")
    comments = Comment.objects.filter(author_id=user.pk, created__gt=since).order_by("-created")
    times = sorted(
        [
            *items.values_list("created", flat=True)[:limit],
            *comments.values_list("created", flat=True)[:limit],
        ],
        reverse=True,
    )[:limit]
    if len(times) < limit:
        return None
    return times[-1] + timedelta(hours=1)
