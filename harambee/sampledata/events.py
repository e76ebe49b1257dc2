"""Events for the demo alliance (``data/events.toml``), written through the events
services: a past regional workshop in Ghana with its outputs and attendance, an upcoming
global webinar with an invited outside voice, a coaching session and a full training
session with a waiting list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from harambee.core.models import Content
from harambee.events import services
from harambee.events.models import Event, EventGuest, Registration
from harambee.people.models import User
from harambee.sampledata.common import text
from harambee.sampledata.datafiles import read, records
from harambee.spaces.models import Space


@dataclass(frozen=True)
class EventSpec:
    key: str
    by: str
    kind: str
    title: str
    visibility: str
    days: int
    at: str
    hours: float
    time_zone: str
    mode: str
    body: str
    registration: str
    sessions: tuple[tuple[str, str, tuple[str, ...], str], ...]
    space: str = ""
    organisers: tuple[str, ...] = ()
    place: str = ""
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    languages: tuple[str, ...] = ()
    interpretation: str = ""
    capacity: int | None = None
    ask_dietary: bool = False
    ask_accessibility: bool = False
    ask_sector: bool = False
    room: str = "none"
    join_for: str = "registered"
    registered: tuple[str, ...] = ()
    checked_in: tuple[str, ...] = ()
    outputs: tuple[str, ...] = ()
    guests: tuple[str, ...] = ()


EVENTS: tuple[EventSpec, ...] = records(EventSpec, read("events")["events"])


def _local(now: datetime, spec: EventSpec, at: str) -> datetime:
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(spec.time_zone)
    day = (now.astimezone(zone) + timedelta(days=spec.days)).date()
    hour, minute = (int(part) for part in at.split(":"))
    return services.local_to_utc(datetime.combine(day, time(hour, minute)), spec.time_zone)


def load_events(
    people: dict[str, User], spaces: dict[str, Space], now: datetime
) -> dict[str, Event]:
    written = {}
    for spec in EVENTS:
        written[spec.key] = _event(people, spaces, now, spec)
    return written


def _event(people: dict[str, User], spaces: dict[str, Space], now: datetime, spec: EventSpec):
    starts = _local(now, spec, spec.at)
    past = starts <= now
    # A new event may not start in the past: a past one is written a year ahead, with its
    # registrations, and then moved back to when it took place.
    written_at = starts + timedelta(days=400) if past else starts
    space = spaces[spec.space] if spec.space else None
    event = services.event_create(
        actor=people[spec.by],
        space=space,
        organisers=[people[k] for k in spec.organisers],
        languages=list(spec.languages),
        title=spec.title,
        body=text(spec.body),
        visibility=spec.visibility,
        event_kind=spec.kind,
        starts=written_at,
        ends=written_at + timedelta(hours=spec.hours),
        time_zone=spec.time_zone,
        mode=spec.mode,
        place=spec.place,
        address=spec.address,
        latitude=spec.latitude,
        longitude=spec.longitude,
        interpretation=spec.interpretation,
        registration=spec.registration,
        capacity=spec.capacity,
        ask_dietary=spec.ask_dietary,
        ask_accessibility=spec.ask_accessibility,
        ask_sector=spec.ask_sector,
        room=spec.room,
        join_for=spec.join_for,
    )
    shift = written_at - starts
    for at, title, speakers, outside in spec.sessions:
        services.session_add(
            actor=people[spec.by],
            event=event,
            title=title,
            starts=_local(now, spec, at) + shift,
            speakers=[people[k] for k in speakers],
            outside_speakers=outside,
        )
    for key in spec.registered:
        person = people[key]
        services.registration_create(
            event=event,
            user=person,
            dietary="Vegetarian" if spec.ask_dietary and key in ("amara", "abena") else "",
            sector=person.sector if spec.ask_sector else "",
        )
    for registration in Registration.objects.filter(event=event, status="pending")[:2]:
        services.registration_approve(actor=people[spec.by], registration=registration)
    for key in spec.checked_in:
        code = Registration.objects.get(event=event, user=people[key]).code
        services.registration_check_in(actor=people[spec.by], event=event, code=code)
    for kind in spec.outputs:
        item = _newest(space, kind, people[spec.by])
        if item is not None:
            services.output_add(actor=people[spec.by], event=event, item=item)
    for guest in spec.guests:
        invited = services.guest_invite(
            actor=people[spec.by],
            event=event,
            email=people[guest].email if guest in people else guest,
            expires=written_at + timedelta(days=14),
        )
        if guest in people:
            services.guest_accept(token=invited.token, user=people[guest])
    if past:
        Event.objects.filter(pk=event.pk).update(
            starts=starts, ends=starts + timedelta(hours=spec.hours)
        )
        for session in event.sessions.all():
            type(session).objects.filter(pk=session.pk).update(starts=session.starts - shift)
    for guest in EventGuest.objects.filter(event=event):
        guest.expires = starts + timedelta(days=14)
        guest.save(update_fields=["expires"])
    event.refresh_from_db()
    return event


def _newest(space: Space | None, kind: str, reader: User) -> Any:
    from harambee.core.visibility import visible

    return (
        visible(reader, Content.objects.filter(space=space, kind=kind))
        .order_by("-created", "-pk")
        .first()
    )
