"""Writes for events: the event and its agenda, registrations with a waiting list,
check-in, outputs and calendar tokens. Every write is atomic; mail goes out on
commit through a task, and each message is recorded once (``EventMessage``)."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, TextChoices
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee.core.models import Content, Visibility
from harambee.core.posting import check_posting
from harambee.core.services import audit_record, audit_visibility_change
from harambee.core.visibility import can_view
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
from harambee.spaces.models import Space


class EventAction(TextChoices):
    GUEST_INVITED = "event_guest_invited", gettext_lazy("invited an outside guest to an event")
    GUEST_ENDED = "event_guest_ended", gettext_lazy("ended an event guest's access")
    EVENT_CANCELLED = "event_cancelled", gettext_lazy("cancelled an event")
    EVENT_MOVED = "event_moved", gettext_lazy("changed an event's time")
    REGISTRATION_APPROVED = "registration_approved", gettext_lazy("approved a registration")


EVENT_FIELDS = (
    "title",
    "body",
    "visibility",
    "event_kind",
    "starts",
    "ends",
    "time_zone",
    "mode",
    "country",
    "place",
    "address",
    "latitude",
    "longitude",
    "interpretation",
    "registration",
    "capacity",
    "ask_dietary",
    "ask_accessibility",
    "ask_sector",
    "room",
    "join_for",
)


def known_time_zone(name: str) -> bool:
    return name in zoneinfo.available_timezones()


def local_to_utc(value: datetime, time_zone: str) -> datetime:
    """A wall-clock time in ``time_zone`` as an aware UTC datetime."""
    return value.replace(tzinfo=zoneinfo.ZoneInfo(time_zone)).astimezone(UTC)


def _check(fields: dict[str, Any], *, new: bool, space: Space | None) -> None:
    """Refuse bad values, every problem next to its field, before anything is saved."""
    errors: dict[str, list[str]] = {}
    starts, ends = fields.get("starts"), fields.get("ends")
    if not known_time_zone(fields.get("time_zone") or ""):
        errors.setdefault("time_zone", []).append(
            _("Unknown time zone. Write it like Africa/Accra or Europe/Amsterdam.")
        )
    if starts and ends and ends <= starts:
        errors.setdefault("ends", []).append(_("The end must come after the start."))
    elif starts and ends and ends - starts > timedelta(days=Event.MAX_DAYS):
        errors.setdefault("ends", []).append(
            _(
                "An event lasts at most %(days)s days: make a longer programme several "
                "events, one for each meeting."
            )
            % {"days": Event.MAX_DAYS}
        )
    if new and starts and starts <= timezone.now():
        errors.setdefault("starts", []).append(_("A new event cannot start in the past."))
    capacity = fields.get("capacity")
    if capacity is not None and capacity <= 0:
        errors.setdefault("capacity", []).append(
            _("Give at least one place, or leave it empty for no limit.")
        )
    if fields.get("visibility") == Visibility.PRIVATE:
        errors.setdefault("visibility", []).append(_("An event is for others to see."))
    if space is None and fields.get("visibility") == Visibility.SPACE:
        errors.setdefault("visibility", []).append(
            _("An event outside any space cannot be for a space's members only.")
        )
    for name in ("latitude", "longitude"):
        value = fields.get(name)
        limit = 90 if name == "latitude" else 180
        if value is not None and not -limit <= value <= limit:
            errors.setdefault(name, []).append(
                _("Between -%(limit)s and %(limit)s.") % {"limit": limit}
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def event_create(
    *,
    actor: User,
    space: Space | None,
    languages: list[str] | None = None,
    organisers: list[User] | None = None,
    **fields: Any,
) -> Event:
    if not rules.may_create_event(actor, space):
        raise PermissionDenied
    check_posting(user=actor)
    fields.setdefault("visibility", Visibility.SPACE if space else Visibility.ALLIANCE)
    _check(fields, new=True, space=space)
    fields["title"] = fields["title"].strip()
    event = Event(author=actor, space=space, **fields)
    event.languages = languages or []
    event.full_clean(exclude=["kind"])
    event.save()
    if organisers:
        event.organisers.set([o for o in organisers if o.pk != actor.pk])
    return event


@transaction.atomic
def event_update(
    *,
    actor: User,
    event: Event,
    languages: list[str] | None = None,
    organisers: list[User] | None = None,
    **fields: Any,
) -> Event:
    """Change an event. A new time tells registered people once (per new time); more
    places let the first in the waiting list in."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if not rules.is_organiser(actor, event) or locked.cancelled is not None:
        raise PermissionDenied
    merged = {name: getattr(locked, name) for name in EVENT_FIELDS}
    merged.update(fields)
    _check(merged, new=False, space=locked.space)
    if merged["capacity"] is not None and merged["capacity"] < locked.taken:
        raise ValidationError(
            {
                "capacity": _("%(count)s people already hold a place; give at least that many.")
                % {"count": locked.taken}
            }
        )
    before_vis = locked.visibility
    moved = (merged["starts"], merged["ends"]) != (locked.starts, locked.ends)
    for name, value in fields.items():
        setattr(locked, name, value.strip() if name == "title" else value)
    if languages is not None:
        locked.languages = languages
    locked.full_clean(exclude=["kind"])
    locked.save()
    if organisers is not None:
        locked.organisers.set([o for o in organisers if o.pk != locked.author_id])
    audit_visibility_change(actor=actor, content=locked, before=before_vis)
    while _promote_first(locked):
        pass
    if moved:
        audit_record(
            actor=actor, action=EventAction.EVENT_MOVED, space=locked.space, content=locked
        )
        _tell_on_commit("moved", locked.pk, locked.starts.isoformat())
    return locked


@transaction.atomic
def event_cancel(*, actor: User, event: Event) -> Event:
    """Cancel: registration closes, no reminder goes out, and everyone registered is
    told once."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if not rules.is_organiser(actor, event):
        raise PermissionDenied
    if locked.cancelled is None:
        locked.cancelled = timezone.now()
        locked.save(update_fields=["cancelled", "updated"])
        audit_record(
            actor=actor, action=EventAction.EVENT_CANCELLED, space=locked.space, content=locked
        )
        _tell_on_commit("cancelled", locked.pk, "")
    return locked


def _tell_on_commit(what: str, event_id: int, about: str) -> None:
    from harambee.events import tasks

    transaction.on_commit(lambda: tasks.tell_registered.enqueue(what, event_id, about))


# --- Agenda -------------------------------------------------------------------------


@transaction.atomic
def session_add(
    *,
    actor: User,
    event: Event,
    title: str,
    starts: datetime,
    ends: datetime | None = None,
    speakers: list[User] | None = None,
    outside_speakers: str = "",
) -> Session:
    if not rules.is_organiser(actor, event):
        raise PermissionDenied
    errors: dict[str, str] = {}
    if not event.starts <= starts <= event.ends:
        errors["starts"] = _("A session takes place during the event.")
    if ends is not None and not starts < ends <= event.ends:
        errors["ends"] = _("A session ends after it starts and by the end of the event.")
    if errors:
        raise ValidationError(errors)
    session = Session.objects.create(
        event=event,
        title=title.strip(),
        starts=starts,
        ends=ends,
        outside_speakers=outside_speakers.strip(),
    )
    if speakers:
        session.speakers.set(speakers)
    Event.objects.filter(pk=event.pk).update(updated=timezone.now())
    return session


@transaction.atomic
def session_remove(*, actor: User, session: Session) -> None:
    if not rules.is_organiser(actor, session.event):
        raise PermissionDenied
    session.delete()


# --- Registration -------------------------------------------------------------------


def _take_place(event_id: int) -> bool:
    """Take one place with a single conditional UPDATE: the database decides, so two
    people registering at once can never both get the last place (no count, then
    insert). On PostgreSQL the second UPDATE waits for the first's row lock and then
    re-reads the row; SQLite runs one writer at a time."""
    from django.db.models import Q

    return bool(
        Event.objects.filter(pk=event_id)
        .filter(Q(capacity__isnull=True) | Q(taken__lt=F("capacity")))
        .update(taken=F("taken") + 1)
    )


def _free_place(event_id: int) -> None:
    Event.objects.filter(pk=event_id, taken__gt=0).update(taken=F("taken") - 1)


def _promote_first(event: Event) -> Registration | None:
    """Give a freed place to the first in line, in the caller's transaction, and tell
    them once (on commit)."""
    first = (
        Registration.objects.select_for_update()
        .filter(event_id=event.pk, status=Registration.Status.WAITLISTED)
        .order_by("queued", "pk")
        .first()
    )
    if first is None or not _take_place(event.pk):
        return None
    first.status = Registration.Status.CONFIRMED
    first.save(update_fields=["status"])
    _tell_on_commit("promoted", event.pk, str(first.user_id))
    return first


@transaction.atomic
def registration_create(
    *,
    event: Event,
    user: User,
    dietary: str = "",
    accessibility: str = "",
    sector: str = "",
) -> Registration:
    """Register ``user``: a confirmed place while there is one, else the waiting list;
    with approval, pending until an organiser says yes. Registering again changes the
    answers only."""
    if not can_view(user, event) or not rules.may_register(user, event):
        raise PermissionDenied
    answers = {
        "dietary": dietary.strip() if event.ask_dietary else "",
        "accessibility": accessibility.strip() if event.ask_accessibility else "",
        "sector": sector if event.ask_sector else "",
    }
    existing = Registration.objects.select_for_update().filter(event=event, user=user).first()
    if existing is not None and existing.is_active:
        for name, value in answers.items():
            setattr(existing, name, value)
        existing.save(update_fields=list(answers))
        return existing
    if event.registration == Event.Registration.APPROVAL:
        status = Registration.Status.PENDING
    elif _take_place(event.pk):
        status = Registration.Status.CONFIRMED
    else:
        status = Registration.Status.WAITLISTED
    if existing is not None:
        existing.status = status
        existing.queued = timezone.now()
        existing.checked_in = None
        for name, value in answers.items():
            setattr(existing, name, value)
        existing.save()
        return existing
    return Registration.objects.create(event=event, user=user, status=status, **answers)


def registration_reminders(*, actor: User, registration: Registration, on: bool) -> None:
    """The registered person turns their e-mail reminders on or off."""
    if actor.pk != registration.user_id:
        raise PermissionDenied
    Registration.objects.filter(pk=registration.pk).update(reminders=on)
    registration.reminders = on


@transaction.atomic
def registration_cancel(*, actor: User, registration: Registration) -> Registration:
    """The person (or an organiser) cancels; a place freed goes to the first in the
    waiting list in the same transaction."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    if actor.pk != registration.user_id and not rules.is_organiser(actor, event):
        raise PermissionDenied
    locked = Registration.objects.select_for_update().get(pk=registration.pk)
    if locked.status == Registration.Status.CANCELLED:
        return locked
    held = locked.status == Registration.Status.CONFIRMED
    locked.status = Registration.Status.CANCELLED
    locked.save(update_fields=["status"])
    if held:
        _free_place(event.pk)
        if event.cancelled is None and event.starts > timezone.now():
            _promote_first(event)
    return locked


@transaction.atomic
def registration_approve(*, actor: User, registration: Registration) -> Registration:
    """An organiser approves a pending registration: a place if one is left, else the
    waiting list."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    if not rules.is_organiser(actor, event):
        raise PermissionDenied
    locked = Registration.objects.select_for_update().get(pk=registration.pk)
    if locked.status != Registration.Status.PENDING:
        return locked
    if _take_place(event.pk):
        locked.status = Registration.Status.CONFIRMED
    else:
        locked.status = Registration.Status.WAITLISTED
        locked.queued = timezone.now()
    locked.save(update_fields=["status", "queued"])
    audit_record(
        actor=actor,
        action=EventAction.REGISTRATION_APPROVED,
        space=event.space,
        content=event,
        subject=locked.user,
    )
    return locked


@transaction.atomic
def registration_check_in(*, actor: User, event: Event, code: str) -> Registration:
    """Mark who came, by the code they show at the door."""
    if not rules.is_organiser(actor, event):
        raise PermissionDenied
    code = code.strip().upper().replace(" ", "").replace("-", "")
    registration = (
        Registration.objects.select_for_update()
        .filter(event=event, code=code, status=Registration.Status.CONFIRMED)
        .first()
    )
    if registration is None:
        raise ValidationError({"code": _("No confirmed registration has this code.")})
    if registration.checked_in is None:
        registration.checked_in = timezone.now()
        registration.save(update_fields=["checked_in"])
    return registration


# --- Outputs ------------------------------------------------------------------------


@transaction.atomic
def output_add(*, actor: User, event: Event, item: Content) -> EventOutput:
    """Link an item back to the event. The organiser must be able to read it; each
    reader later sees it only if they may read it too."""
    if not rules.is_organiser(actor, event):
        raise PermissionDenied
    if item.pk == event.pk or not can_view(actor, item):
        raise ValidationError({"item": _("That item cannot be found.")})
    output, _created = EventOutput.objects.get_or_create(
        event=event, item=item, defaults={"added_by": actor}
    )
    return output


@transaction.atomic
def output_remove(*, actor: User, output: EventOutput) -> None:
    if not rules.is_organiser(actor, output.event):
        raise PermissionDenied
    output.delete()


# --- Calendar feed token ------------------------------------------------------------


@transaction.atomic
def calendar_token_renew(*, user: User) -> CalendarToken:
    """A new private feed address; the old one answers 404 from now on."""
    CalendarToken.objects.filter(user=user).delete()
    return CalendarToken.objects.create(user=user)


@transaction.atomic
def calendar_token_revoke(*, user: User) -> None:
    CalendarToken.objects.filter(user=user).delete()


# --- Invited outside guests -----------------------------------------------------------


class InvitationProblem(Exception):
    """A guest link that cannot be used; the message is for the person who opened it."""


@transaction.atomic
def guest_invite(*, actor: User, event: Event, email: str, expires: datetime) -> EventGuest:
    """Invite an outside voice by e-mail to this one event until ``expires``. Inviting
    the same address again moves the end date and sends the link again."""
    if not rules.is_organiser(actor, event):
        raise PermissionDenied
    if expires <= timezone.now():
        raise ValidationError({"expires": _("Access must end in the future.")})
    if event.visibility not in (Visibility.ALLIANCE, Visibility.SPACE, Visibility.PUBLIC):
        raise ValidationError(_("A private event cannot have guests."))
    email = email.strip().lower()
    guest, _created = EventGuest.objects.update_or_create(
        event=event,
        email=email,
        defaults={"expires": expires, "invited_by": actor, "sent": None},
    )
    audit_record(actor=actor, action=EventAction.GUEST_INVITED, space=event.space, content=event)
    from harambee.events import tasks

    pk = guest.pk
    transaction.on_commit(lambda: tasks.send_guest_invitation.enqueue(pk))
    return guest


@transaction.atomic
def guest_accept(*, token: str, user: User) -> EventGuest:
    guest = EventGuest.objects.select_for_update().filter(token=token).first()
    if guest is None:
        raise InvitationProblem(
            _(
                "This invitation link is not valid. Check that it was copied whole, "
                "or ask the organisers for a new one."
            )
        )
    if not guest.is_active:
        raise InvitationProblem(
            _("This invitation has ended. Ask the organisers if you still need access.")
        )
    if guest.user_id is not None and guest.user_id != user.pk:
        raise InvitationProblem(_("This invitation was already used by someone else."))
    if guest.user_id is None:
        guest.user = user
        guest.accepted = timezone.now()
        guest.save(update_fields=["user", "accepted"])
    from harambee.core.visibility import forget_memberships

    forget_memberships(user)
    return guest


@transaction.atomic
def guest_end(*, actor: User, guest: EventGuest) -> None:
    if not rules.is_organiser(actor, guest.event):
        raise PermissionDenied
    EventGuest.objects.filter(pk=guest.pk).update(expires=timezone.now())
    audit_record(
        actor=actor, action=EventAction.GUEST_ENDED, space=guest.event.space, content=guest.event
    )
