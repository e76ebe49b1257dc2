"""Who may do what with an event. Reading is the gate's (``core.visibility``); these
answer what a reader who sees the event may do with it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from harambee.core.visibility import is_reader
from harambee.events.models import Event, Registration
from harambee.spaces.models import Space
from harambee.spaces.rules import may_write_in

# The join link shows from this long before the start.
JOIN_OPENS_BEFORE = timedelta(minutes=10)
_ORGANISER_ATTR = "_harambee_is_organiser"
_ORGANISERS_ATTR = "_harambee_organiser_ids"


def may_create_event(user: Any, space: Space | None) -> bool:
    """Whoever may post in a space (or alliance-wide) may organise an event there."""
    return may_write_in(user, space)


def know_organisers(event: Event, people: list[Any]) -> None:
    """Keep every organiser of ``event`` read for its page (``selectors.organisers``),
    so ``is_organiser`` asks nothing more in this request."""
    event.__dict__[_ORGANISERS_ATTR] = frozenset(person.pk for person in people)


def is_organiser(user: Any, event: Event) -> bool:
    """The author and the named organisers manage the event (asked once per request)."""
    if not is_reader(user):
        return False
    if event.author_id == user.pk:
        return True
    known = event.__dict__.get(_ORGANISERS_ATTR)
    if known is not None:
        return user.pk in known
    cache = event.__dict__.setdefault(_ORGANISER_ATTR, {})
    if user.pk not in cache:
        cache[user.pk] = event.organisers.filter(pk=user.pk).exists()
    return cache[user.pk]


def is_guest(user: Any, event: Event) -> bool:
    """An outside voice invited to this event, while the invitation runs."""
    from harambee.core.visibility import granted_ids

    return is_reader(user) and event.pk in granted_ids(user)


def registration_open(event: Event, now: Any = None) -> bool:
    now = now or timezone.now()
    return (
        event.registration != Event.Registration.OFF
        and event.cancelled is None
        and event.starts > now
    )


def may_register(user: Any, event: Event) -> bool:
    """A signed-in reader of an event that takes registrations, before it starts."""
    return is_reader(user) and registration_open(event)


def join_window_open(event: Event, now: Any = None) -> bool:
    now = now or timezone.now()
    return event.cancelled is None and event.starts - JOIN_OPENS_BEFORE <= now < event.ends


def may_join(user: Any, event: Event, registration: Registration | None) -> bool:
    """Whether to show the join link: the organiser's choice of audience, from ten
    minutes before the start until the end. The caller has checked the reader may see
    the event."""
    if event.room == Event.Room.NONE or not join_window_open(event):
        return False
    if is_organiser(user, event) or is_guest(user, event):
        return True
    if event.join_for == Event.JoinFor.READERS:
        return True
    if event.join_for == Event.JoinFor.SIGNED_IN:
        return is_reader(user)
    return (
        is_reader(user)
        and registration is not None
        and registration.status == Registration.Status.CONFIRMED
    )


# Anonymous pages may be cached this long (settings.ANONYMOUS_PAGE_CACHE_SECONDS is at
# most this in practice); around the join window an event page is not cached at all.
CLOCK_MARGIN = timedelta(minutes=10)


def changes_with_the_clock(event: Event, now: Any = None) -> bool:
    """Whether what the event page shows changes soon by time alone (the join link)."""
    now = now or timezone.now()
    if event.room == Event.Room.NONE or event.cancelled is not None:
        return False
    return event.starts - JOIN_OPENS_BEFORE - CLOCK_MARGIN <= now <= event.ends
