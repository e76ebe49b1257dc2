"""Reads for events; every one through the gate."""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from harambee.core.models import Content
from harambee.core.queries import one
from harambee.core.visibility import can_view, is_reader, visible
from harambee.events import rules
from harambee.events.models import (
    CalendarToken,
    Event,
    EventGuest,
    EventOutput,
    Registration,
    Session,
)
from harambee.people.models import User
from harambee.people.regions import REGIONS, countries_in
from harambee.spaces.models import Space
from harambee.spaces.selectors import with_shown_space


@dataclass
class Filters:
    """What a calendar is narrowed to; unknown values are ignored."""

    kind: str = ""
    mode: str = ""
    language: str = ""
    region: str = ""

    @classmethod
    def from_query(cls, query: Any) -> Filters:
        from harambee.events.models import EVENT_LANGUAGES

        kind = query.get("kind", "")
        mode = query.get("mode", "")
        language = query.get("language", "")
        region = query.get("region", "")
        return cls(
            kind=kind if kind in Event.Kind.values else "",
            mode=mode if mode in ("online", "in_person") else "",
            language=language if language in dict(EVENT_LANGUAGES) else "",
            region=region if region in REGIONS else "",
        )

    def apply(self, qs: QuerySet[Event]) -> QuerySet[Event]:
        if self.kind:
            qs = qs.filter(event_kind=self.kind)
        if self.mode:
            qs = qs.filter(mode__in=[self.mode, Event.Mode.HYBRID])
        if self.language:
            qs = qs.filter(language_codes__contains=f",{self.language},")
        if self.region:
            qs = qs.filter(country__in=countries_in(self.region))
        return qs

    def query(self) -> str:
        from urllib.parse import urlencode

        return urlencode({k: v for k, v in vars(self).items() if v})


def _events(user: Any, space: Space | None = None) -> QuerySet[Event]:
    qs = visible(user, Event.objects.all())
    if space is not None:
        # Compared through ``+ 0``: the events are found by their own (ends, starts)
        # index, not by walking the space's (much larger) index of items.
        qs = qs.alias(space_plus=F("space_id") + 0).filter(space_plus=space.pk)
    return qs.select_related("author", "space")


def upcoming(
    *, user: Any, space: Space | None = None, filters: Filters | None = None
) -> QuerySet[Event]:
    """Events not yet over, soonest first (cancelled ones stay, marked, so people
    who planned to come learn of it)."""
    qs = _events(user, space).filter(ends__gt=timezone.now())
    if filters is not None:
        qs = filters.apply(qs)
    return qs.order_by("starts", "pk")


def past(*, user: Any, space: Space | None = None, filters: Filters | None = None):
    qs = _events(user, space).filter(ends__lte=timezone.now())
    if filters is not None:
        qs = filters.apply(qs)
    return qs.order_by("-starts", "-pk")


# How many of the next events ``soon`` looks among for the few a reader may see.
SOON_CANDIDATES = 500


def soon(*, user: Any, space: Space | None = None, limit: int = 5) -> list[Event]:
    """The next few events, for the home page and a space's page."""
    # The candidates first, from the events' own (ends, starts) index: with the gate's
    # conditions in the same query SQLite may walk every public item instead (830 ms
    # at a million items on a site whose events table is still new and unanalysed).
    candidates = (
        Event.objects.filter(ends__gt=timezone.now(), cancelled__isnull=True)
        .order_by("starts", "pk")
        .values("pk")[:SOON_CANDIDATES]
    )
    events = list(
        upcoming(user=user, space=space).filter(pk__in=candidates, cancelled__isnull=True)[:limit]
    )
    return with_shown_space(user, events)


def mine(*, user: Any) -> QuerySet[Event]:
    """Events the person registered for (and still holds a registration) or organises,
    that they may still see."""
    if not is_reader(user):
        return Event.objects.none()
    registered = Registration.objects.filter(user=user).exclude(
        status=Registration.Status.CANCELLED
    )
    return (
        visible(user, Event.objects.all())
        .filter(
            Q(pk__in=registered.values("event_id"))
            | Q(author=user)
            | Q(pk__in=Event.organisers.through.objects.filter(user_id=user.pk).values("event_id"))
        )
        .select_related("author", "space")
        .order_by("starts", "pk")
    )


@dataclass
class Day:
    day: date
    in_month: bool
    events: list[Event] = field(default_factory=list)
    # Ids of the events that began on an earlier day and go on this one.
    continuing: set[int] = field(default_factory=set)


@dataclass
class Month:
    first: date
    weeks: list[list[Day]]
    previous: date
    next: date
    more: bool = False

    @property
    def busy(self) -> bool:
        return any(day.events for week in self.weeks for day in week)


# A month's grid shows at most this many events; past it, it says to use the list.
MONTH_LIMIT = 300


def month(
    *, user: Any, year: int, month_no: int, space: Space | None = None, filters: Filters | None
) -> Month:
    """A month's grid in the reader's time zone: each event on every day it runs, from
    the day it starts to the day it ends (a three-day workshop fills three days)."""
    zone = timezone.get_current_timezone()
    first = date(year, month_no, 1)
    weeks_dates = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month_no)
    grid_first, grid_last = weeks_dates[0][0], weeks_dates[-1][-1]
    grid_start = datetime.combine(grid_first, datetime.min.time(), tzinfo=zone)
    grid_end = datetime.combine(grid_last, datetime.min.time(), tzinfo=zone)
    grid_end += timedelta(days=1)
    # Every event that runs during the grid, also one that began before it (no event
    # lasts longer than ``Event.MAX_DAYS``, so the starts index bounds the search).
    qs = _events(user, space).filter(
        starts__gte=grid_start - timedelta(days=Event.MAX_DAYS),
        starts__lt=grid_end,
        ends__gt=grid_start,
    )
    if filters is not None:
        qs = filters.apply(qs)
    events = list(qs.order_by("starts", "pk")[: MONTH_LIMIT + 1])
    by_day: dict[date, list[Event]] = {}
    continuing: dict[date, set[int]] = {}
    for event in events[:MONTH_LIMIT]:
        start_day = timezone.localtime(event.starts, zone).date()
        # An event that ends at midnight does not run on the day that begins then.
        end_day = timezone.localtime(event.ends - timedelta(microseconds=1), zone).date()
        day = max(start_day, grid_first)
        while day <= min(end_day, grid_last):
            by_day.setdefault(day, []).append(event)
            if day != start_day:
                continuing.setdefault(day, set()).add(event.pk)
            day += timedelta(days=1)
    weeks = [
        [Day(d, d.month == month_no, by_day.get(d, []), continuing.get(d, set())) for d in week]
        for week in weeks_dates
    ]
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return Month(first, weeks, previous, following, more=len(events) > MONTH_LIMIT)


def event_get(*, user: Any, pk: int) -> Event:
    event = one(Event.objects.select_related("author", "space").filter(pk=pk))
    if event is None or not can_view(user, event):
        raise Http404
    with_shown_space(user, [event])
    return event


def organisers(*, event: Event) -> list[User]:
    people = [
        event.author,
        *event.organisers.exclude(pk=event.author_id).order_by("display_name"),
    ]
    rules.know_organisers(event, people)
    return people


def agenda(*, event: Event) -> list[Session]:
    return list(
        Session.objects.filter(event=event)
        .prefetch_related(Prefetch("speakers", queryset=User.objects.order_by("display_name")))
        .order_by("starts", "pk")
    )


def session_get(*, event: Event, pk: int) -> Session:
    session = Session.objects.filter(event=event, pk=pk).select_related("event").first()
    if session is None:
        raise Http404
    return session


def registration_for(*, user: Any, event: Event) -> Registration | None:
    if not is_reader(user):
        return None
    return Registration.objects.filter(event=event, user=user).first()


def registration_get(*, user: Any, event: Event, pk: int) -> Registration:
    """A registration the person owns, or any of the event's for an organiser."""
    registration = (
        Registration.objects.filter(event=event, pk=pk).select_related("user", "event").first()
    )
    if registration is None or not (
        registration.user_id == getattr(user, "pk", None) or rules.is_organiser(user, event)
    ):
        raise Http404
    return registration


def attendance(*, event: Event) -> list[Registration]:
    """Everyone registered, for the organisers (the caller checks they are one)."""
    return list(
        Registration.objects.filter(event=event)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("user")
        .order_by("status", "queued", "pk")
    )


def waitlist_position(*, registration: Registration) -> int | None:
    if registration.status != Registration.Status.WAITLISTED:
        return None
    return (
        Registration.objects.filter(
            event_id=registration.event_id,
            status=Registration.Status.WAITLISTED,
        )
        .filter(
            Q(queued__lt=registration.queued)
            | Q(queued=registration.queued, pk__lt=registration.pk)
        )
        .count()
        + 1
    )


@dataclass
class Report:
    registered: int
    attended: int
    by_sector: list[tuple[str, int]]
    by_country: list[tuple[str, int]]


def closing_report(*, event: Event) -> Report:
    """Counts only: who came, by stakeholder sector and country (no names)."""
    from django_countries import countries

    from harambee.people.models import Sector

    rows = list(
        Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).values_list(
            "checked_in", "sector", "user__sector", "user__country"
        )
    )
    came = [r for r in rows if r[0] is not None]
    sectors: Counter[str] = Counter(str(dict(Sector.choices).get(r[1] or r[2], "—")) for r in came)
    places: Counter[str] = Counter(str(countries.name(r[3]) or "—") for r in came)
    return Report(
        registered=len(rows),
        attended=len(came),
        by_sector=sorted(sectors.items(), key=lambda kv: (-kv[1], kv[0])),
        by_country=sorted(places.items(), key=lambda kv: (-kv[1], kv[0])),
    )


def outputs(*, user: Any, event: Event) -> list[Content]:
    """The items linked back to the event that this reader may read."""
    links = dict(EventOutput.objects.filter(event=event).values_list("item_id", "pk"))
    items = list(
        visible(user, Content.objects.filter(pk__in=list(links)))
        .select_related("author", "space")
        .order_by("created", "pk")
    )
    for item in items:
        item.output_pk = links[item.pk]  # type: ignore[attr-defined]
    return items


def output_get(*, event: Event, pk: int) -> EventOutput:
    output = EventOutput.objects.filter(event=event, pk=pk).select_related("event").first()
    if output is None:
        raise Http404
    return output


def output_candidate(*, user: Any, pk: int) -> Content | None:
    """An item the organiser may link as an output (one they may read)."""
    item = Content.objects.filter(pk=pk).first()
    if item is None or not can_view(user, item):
        return None
    return item


def public_feed() -> QuerySet[Event]:
    from django.contrib.auth.models import AnonymousUser

    return _events(AnonymousUser()).order_by("starts", "pk")


def token_owner(*, token: str) -> User:
    """The person whose private feed this is; 404 for a revoked or made-up token."""
    found = CalendarToken.objects.filter(token=token).select_related("user").first()
    if found is None or not found.user.is_active:
        raise Http404
    return found.user


def calendar_token(*, user: Any) -> CalendarToken | None:
    if not is_reader(user):
        return None
    return CalendarToken.objects.filter(user=user).first()


def guests(*, event: Event) -> list[EventGuest]:
    """The event's invited guests, for its organisers (the caller checks)."""
    return list(EventGuest.objects.filter(event=event).select_related("user").order_by("-created"))


def guest_get(*, event: Event, pk: int) -> EventGuest:
    guest = EventGuest.objects.filter(event=event, pk=pk).select_related("event").first()
    if guest is None:
        raise Http404
    return guest


def guest_invitation(*, token: str) -> EventGuest | None:
    """The invitation a link names. Only its title is shown before it is accepted: the
    link was sent to the guest for this event."""
    return EventGuest.objects.filter(token=token).select_related("event").first()
