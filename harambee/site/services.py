"""Writes of the site app: remembering when people visit."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from harambee.site.models import Visit

# Seen again after this long away, a person starts a new visit: what is new is
# counted from the end of the last one. Longer than the hour between two writes.
NEW_VISIT_AFTER = timedelta(hours=3)


def visit_record(*, user: Any, now: datetime | None = None) -> datetime | None:
    """Note that ``user`` is here now; return when their previous visit ended (None
    for a first visit). Two queries; the caller asks at most once an hour."""
    now = now or timezone.now()
    visit = Visit.objects.filter(user_id=user.pk).first()
    if visit is None:
        Visit.objects.bulk_create([Visit(user_id=user.pk, seen=now)], ignore_conflicts=True)
        return None
    if now - visit.seen >= NEW_VISIT_AFTER:
        visit.previous = visit.seen
    visit.seen = now
    Visit.objects.filter(user_id=user.pk).update(seen=visit.seen, previous=visit.previous)
    return visit.previous
