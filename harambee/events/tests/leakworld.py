"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

Events in every space and alliance-wide, at every visibility, each with a marker in
its title, body, a comment, its agenda (session title, outside speaker), the answers
of a registration and the note of its organisers. Every event links every thread of
the world as an output, so a public event holds hidden threads and must not show
them. Some events are live (their join link shows to everyone who sees them)."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from harambee.core.models import Visibility
from harambee.core.tests.factories import CommentFactory
from harambee.core.visibility import can_see_space, can_view, forget_memberships
from harambee.events.models import Event, EventGuest, EventOutput, Registration, Session


def _places(cast, world):
    return [*world["authors"].items(), (None, cast.member)]


def build(cast, world) -> None:
    items = world["items"]
    events, sessions, registrations, outputs = [], [], [], []
    now = timezone.now()
    for space, author in _places(cast, world):
        for number, vis in enumerate(Visibility.values):
            if space is None and vis == Visibility.SPACE:
                continue
            marker = f"LEAK{len(items)}E"
            live = number % 2 == 0
            starts = now - timedelta(minutes=5) if live else now + timedelta(days=2 + number)
            event = Event.objects.create(
                space=space,
                author=author,
                visibility=vis,
                title=f"{marker}-TITLE",
                body=f"{marker}-BODY",
                event_kind=Event.Kind.WEBINAR if live else Event.Kind.REGIONAL_WORKSHOP,
                starts=starts,
                # A live event lasts the whole module (the world is built once, and the
                # tour may take hours on a loaded machine): it must not end mid-tour.
                ends=starts + timedelta(hours=24 if live else 3),
                time_zone="Europe/Amsterdam",
                mode=Event.Mode.HYBRID,
                place=f"{marker}-PLACE",
                language_codes=",en,fr,",
                registration=Event.Registration.OPEN,
                capacity=5,
                ask_dietary=True,
                room=Event.Room.JITSI,
                join_for=Event.JoinFor.READERS,
            )
            CommentFactory(content=event, author=author, body=f"{marker}-COMMENT")
            session = Session.objects.create(
                event=event,
                title=f"{marker}-SESSION",
                starts=starts,
                outside_speakers=f"{marker}-SPEAKER",
            )
            sessions.append(session)
            for person in (cast.space_member, cast.guest):
                if can_view(person, event):
                    registrations.append(
                        Registration.objects.create(
                            event=event,
                            user=person,
                            status=Registration.Status.CONFIRMED,
                            dietary=f"{marker}-DIET",
                        )
                    )
                    Event.objects.filter(pk=event.pk).update(taken=event.taken + 1)
                    event.taken += 1
            for post in world["posts"]:
                outputs.append(EventOutput.objects.create(event=event, item=post, added_by=author))
            events.append(event)
            items.append(event)

    # Outside voices: the outsider is invited to a space-only event of the secret space
    # (its outputs open to them, never the space's name), the member's invitation to
    # one of cast.space has ended, and one invitation is not yet accepted.
    def pick(space, vis):
        return next(e for e in events if e.space_id == space and e.visibility == vis)

    guests = [
        EventGuest.objects.create(
            event=pick(world["secret"].pk, Visibility.SPACE),
            email=cast.outsider.email,
            user=cast.outsider,
            expires=now + timedelta(days=7),
            invited_by=cast.space_member,
        ),
        EventGuest.objects.create(
            event=pick(cast.space.pk, Visibility.SPACE),
            email=cast.member.email,
            user=cast.member,
            expires=now - timedelta(minutes=1),
            invited_by=cast.space_lead,
        ),
        EventGuest.objects.create(
            event=pick(cast.space.pk, Visibility.ALLIANCE),
            email="someone@example.org",
            expires=now + timedelta(days=7),
            invited_by=cast.space_lead,
        ),
    ]
    world["event_guests"] = guests
    for person in (cast.space_member, cast.guest, cast.outsider, cast.member):
        # can_view keeps the person's memberships and grants on the object for one
        # request; the world goes on to change after this.
        forget_memberships(person)
    world["events"] = events
    world["event_sessions"] = sessions
    world["event_registrations"] = registrations
    world["event_outputs"] = outputs


def urls_for(name: str, cast, world) -> list[str] | None:
    if not name.startswith("events:"):
        return None
    route = name.split(":", 1)[1]
    events = world["events"]
    if route in {
        "event",
        "edit",
        "cancel",
        "ics",
        "register",
        "attendance",
        "check_in",
        "output_add",
        "session_add",
        "join",
        "end_meeting",
        "guest_invite",
    }:
        return [reverse(name, args=[e.pk]) for e in events]
    if route in {"registration_cancel", "registration_approve", "registration_reminders"}:
        return [reverse(name, args=[r.event_id, r.pk]) for r in world["event_registrations"]]
    if route == "session_remove":
        return [reverse(name, args=[s.event_id, s.pk]) for s in world["event_sessions"]]
    if route == "output_remove":
        picked = world["event_outputs"][:: max(1, len(world["posts"]))]
        return [reverse(name, args=[o.event_id, o.pk]) for o in picked]
    if route == "guest_end":
        return [reverse(name, args=[g.event_id, g.pk]) for g in world["event_guests"]]
    if route == "guest":
        # The link of an invitation nobody accepted yet, and a made-up one.
        return [reverse(name, args=[world["event_guests"][2].token]), reverse(name, args=["x"])]
    if route == "private_feed":
        # A real token is a key to one person's events, whoever holds it: the events
        # tests check what it shows. Here, a made-up one must show nothing.
        return [reverse(name, args=["not-a-real-token"])]
    if route in {"space_calendar", "space_create", "space_feed"}:
        return [reverse(name, args=[s.slug]) for s in world["spaces"]]
    return [reverse(name)]


def listed_on(user, item, world) -> list[str] | None:
    """An event is on the alliance's calendar, and on its space's."""
    if not isinstance(item, Event):
        return None
    lists = [reverse("events:calendar")]
    if item.space_id is not None and can_see_space(user, item.space):
        lists.append(reverse("events:space_calendar", args=[item.space.slug]))
    return lists
