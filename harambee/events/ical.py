"""iCalendar (RFC 5545) files and feeds, written with the ``icalendar`` package.

Every VEVENT has a UID, a DTSTAMP and start and end in the organiser's time zone,
with a VTIMEZONE for every TZID used. Callers pass only events the reader may see."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlparse

import icalendar
from django.conf import settings
from django.utils import timezone

from harambee.events.models import Event


def _uid(event: Event) -> str:
    host = urlparse(settings.SITE_URL).hostname or "harambee"
    return f"event-{event.pk}@{host}"


def _location(event: Event) -> str:
    parts = [event.place, " ".join(event.address.split())] if event.is_in_person else []
    return ", ".join(p for p in parts if p)


def calendar(events: Iterable[Event], *, name: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{settings.SITE_NAME}//Harambee events//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = timezone.now()
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", _uid(event))
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.starts_local)
        entry.add("dtend", event.ends_local)
        entry.add("last-modified", event.updated)
        entry.add("summary", event.title)
        entry.add("description", event.body)
        entry.add("url", f"{settings.SITE_URL}{event.get_absolute_url()}")
        entry.add("categories", [event.get_event_kind_display()])
        location = _location(event)
        if location:
            entry.add("location", location)
        # Coordinates of a non-public event never leave the platform (docs/maps.md);
        # a public one's are rounded as on the map (about 100 m).
        if (
            event.latitude is not None
            and event.longitude is not None
            and event.is_in_person
            and event.visibility == "public"
        ):
            entry.add("geo", (round(event.latitude, 3), round(event.longitude, 3)))
        entry.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
        cal.add_component(entry)
    cal.add_missing_timezones()
    return cal.to_ical()
