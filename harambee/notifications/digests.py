"""Daily and weekly digests, built for each recipient through the gate, in batches.

A run picks the notices due by email at that frequency and not yet emailed, a batch
of recipients at a time (one query for the notices, one per recipient for the gate),
sends one message per recipient over one connection, and marks the batch sent in the
same transaction. Running it again sends nothing twice; only a crash in the middle of
sending a batch can send that batch again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from harambee.notifications.mail import _absolute_entry, build_message
from harambee.notifications.models import DigestRun, Frequency, Notification
from harambee.notifications.selectors import entry_for, gated, prime_gate
from harambee.notifications.services import ALL_KINDS
from harambee.people.models import User

BATCH_SIZE = 500
MAX_ENTRIES = 50


def period_of(frequency: str, now: datetime) -> str:
    if frequency == Frequency.DAILY:
        return now.strftime("%Y-%m-%d")
    year, week, _ = now.isocalendar()
    return f"{year}-W{week:02d}"


def _due(frequency: str, now: datetime):
    return Notification.objects.filter(email=frequency, emailed__isnull=True, created__lte=now)


def _digest_for(recipient: Any, notices: list[Notification], frequency: str):
    if not recipient.is_active:
        return None
    shown = [n for n in gated(recipient, notices) if n.read is None]
    if not shown:
        return None
    entries = [_absolute_entry(entry_for(n, recipient)) for n in shown[:MAX_ENTRIES]]
    return build_message(
        recipient=recipient,
        template="notifications/email/digest",
        context={
            "entries": entries,
            "more": len(shown) - len(entries),
            "weekly": frequency == Frequency.WEEKLY,
        },
        kind=ALL_KINDS,
    )


def digests_send(
    *, frequency: str, now: datetime | None = None, batch_size: int = BATCH_SIZE
) -> DigestRun:
    """Send every due ``frequency`` digest. Returns the run's record."""
    if frequency not in (Frequency.DAILY, Frequency.WEEKLY):
        raise ValueError(frequency)
    now = now or timezone.now()
    run = DigestRun.objects.create(frequency=frequency, period=period_of(frequency, now))
    last = 0
    connection = get_connection()
    while True:
        ids = list(
            _due(frequency, now)
            .filter(recipient_id__gt=last)
            .order_by("recipient_id")
            .values_list("recipient_id", flat=True)
            .distinct()[:batch_size]
        )
        if not ids:
            break
        last = ids[-1]
        with transaction.atomic():
            notices = list(
                _due(frequency, now)
                .filter(recipient_id__in=ids)
                .select_for_update(of=("self",))
                .select_related("actor", "content__space", "comment__parent", "space")
                .select_related("join_request", "invitation", "submission")
                .order_by("recipient_id", "-created", "-pk")
            )
            by_recipient: dict[int, list[Notification]] = {}
            for notice in notices:
                by_recipient.setdefault(notice.recipient_id, []).append(notice)
            people = User.objects.in_bulk(list(by_recipient))
            prime_gate(list(people.values()))
            messages = []
            for pk, theirs in by_recipient.items():
                message = _digest_for(people[pk], theirs, frequency)
                if message is not None:
                    messages.append(message)
            if messages:
                connection.send_messages(messages)
            _due(frequency, now).filter(pk__in=[n.pk for n in notices]).update(emailed=now)
        run.recipients += len(messages)
        run.notifications += len(notices)
    run.finished = timezone.now()
    run.save(update_fields=["recipients", "notifications", "finished"])
    return run
