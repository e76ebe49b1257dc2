"""Builders for event tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from harambee.events import services
from harambee.events.models import Event


def make_event(author, space=None, *, starts=None, hours: float = 2, **extra: Any) -> Event:
    """An event through the service (so its rules hold), moved in time afterwards when
    a test needs one in the past."""
    starts = starts or (timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    fields: dict[str, Any] = {
        "title": "Webinar on forest tenure",
        "body": "We talk about *who owns* the trees.",
        "visibility": "public",
        "event_kind": Event.Kind.WEBINAR,
        "starts": timezone.now() + timedelta(days=1),
        "ends": timezone.now() + timedelta(days=1, hours=hours),
        "time_zone": "Africa/Accra",
        "mode": Event.Mode.ONLINE,
        "registration": Event.Registration.OPEN,
        "capacity": None,
        "room": Event.Room.JITSI,
        "join_for": Event.JoinFor.REGISTERED,
    }
    fields.update(extra)
    event = services.event_create(actor=author, space=space, **fields)
    Event.objects.filter(pk=event.pk).update(starts=starts, ends=starts + timedelta(hours=hours))
    event.refresh_from_db()
    return event
