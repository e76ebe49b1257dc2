"""Background work for events: mail to registered people. Each message is one
``EventMessage`` row, written in the same transaction as the send, so a retried task
or a repeated reminder run never mails anyone twice, and a failed send is retried."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django_tasks import task

from harambee.core.email import send_templated
from harambee.core.visibility import can_view
from harambee.events.models import Event, EventGuest, EventMessage, Registration

# Reminders: which, and how long before the start each is due.
REMINDERS = (
    (EventMessage.What.DAY_BEFORE, timedelta(days=1)),
    (EventMessage.What.HOUR_BEFORE, timedelta(hours=1)),
)


def _send_once(event: Event, registration: Registration, what: str, about: str = "") -> bool:
    """Send one message unless it was sent before. Returns whether it was sent now."""
    person = registration.user
    if not person.is_active or not person.email or not can_view(person, event):
        return False
    try:
        with transaction.atomic():
            EventMessage.objects.create(event=event, user=person, what=what, about=about)
            send_templated(
                to=person.email,
                template=f"events/email/{what}",
                context={"event": event, "registration": registration, "recipient": person},
                language=person.language_hint,
                time_zone=person.time_zone,
            )
    except IntegrityError:
        return False
    return True


@task()
def tell_registered(what: str, event_id: int, about: str) -> int:
    """``promoted`` (``about`` is the person's id), ``cancelled`` or ``moved``
    (``about`` is the new start)."""
    event = Event.objects.select_related("space").filter(pk=event_id).first()
    if event is None:
        return 0
    registrations = Registration.objects.filter(event=event).select_related("user")
    if what == "promoted":
        registrations = registrations.filter(
            user_id=int(about), status=Registration.Status.CONFIRMED
        )
        about = ""
    elif what == "moved":
        if event.cancelled is not None or event.starts.isoformat() != about:
            return 0  # cancelled since, or moved again: that change tells them
        registrations = registrations.exclude(status=Registration.Status.CANCELLED)
    elif what == "cancelled":
        registrations = registrations.exclude(status=Registration.Status.CANCELLED)
    else:
        raise ValueError(what)
    return sum(_send_once(event, r, what, about) for r in registrations)


def reminders_send(*, now: datetime | None = None) -> int:
    """Send every reminder that is due: a day and an hour before the start, to people
    with a confirmed place who may still see the event and did not turn reminders off,
    never for a cancelled one.
    Run every few minutes (``harambee event_reminders``); running it twice sends
    nothing twice."""
    now = now or timezone.now()
    sent = 0
    for index, (what, before) in enumerate(REMINDERS):
        # Past the next reminder's moment this one is no longer worth sending: someone
        # registering 30 minutes before gets only the hour's reminder.
        until = REMINDERS[index + 1][1] if index + 1 < len(REMINDERS) else timedelta(0)
        due = (
            Registration.objects.filter(
                status=Registration.Status.CONFIRMED,
                reminders=True,
                event__cancelled__isnull=True,
                event__removed=False,
                event__starts__gt=now + until,
                event__starts__lte=now + before,
            )
            .exclude(
                Exists(
                    EventMessage.objects.filter(
                        event_id=OuterRef("event_id"), user_id=OuterRef("user_id"), what=what
                    )
                )
            )
            .select_related("event", "event__space", "user")
        )
        for registration in due:
            sent += _send_once(registration.event, registration, what)
    return sent


@task()
def send_reminders() -> int:
    return reminders_send()


@task()
def send_guest_invitation(guest_id: int) -> None:
    """Send the guest's link once (``sent`` records it; inviting again clears it)."""
    from django.urls import reverse

    with transaction.atomic():
        guest = (
            EventGuest.objects.select_for_update(of=("self",))
            .select_related("event", "invited_by")
            .filter(pk=guest_id, sent__isnull=True)
            .first()
        )
        if guest is None:
            return
        send_templated(
            to=guest.email,
            template="events/email/guest_invitation",
            context={
                "guest": guest,
                "event": guest.event,
                "link": reverse("events:guest", args=[guest.token]),
            },
            language=guest.invited_by.language_hint if guest.invited_by else "",
        )
        guest.sent = timezone.now()
        guest.save(update_fields=["sent"])
