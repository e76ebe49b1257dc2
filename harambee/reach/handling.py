"""Handler runs for inbound SMS: the webhook queues one run for a burst of messages,
and a run handles every message waiting, oldest first, each by
``services.inbound_handle`` (idempotent: a message is handled once)."""

from __future__ import annotations

import logging

from django.core.cache import cache

from harambee.reach import services
from harambee.reach.models import Message

log = logging.getLogger(__name__)

# Set while a run of ``tasks.handle_received`` is queued and has not started: the
# webhook then enqueues nothing more. A queued run deletes it before it reads, so a
# message committed after that enqueues the next run. Its expiry bounds how long a
# lost run (or a cache of each process's own) could hold new messages back.
HANDLER_QUEUED_KEY = "harambee:reach:handler-queued"
HANDLER_QUEUED_SECONDS = 5
# Handled per read of the waiting messages.
HANDLE_BATCH = 200


def inbound_handle_later() -> None:
    """After a message is committed: make sure a handler run is queued. A burst of a
    thousand messages queues a few runs, not a thousand tasks (one row each in the
    database queue: a third of the webhook's time, measured in docs/performance.md)."""
    from harambee.reach import tasks

    if cache.add(HANDLER_QUEUED_KEY, 1, HANDLER_QUEUED_SECONDS):
        tasks.handle_received.enqueue()


def inbound_handle_waiting() -> int:
    """Handle every inbound message still waiting, oldest first; returns how many.
    One that fails is logged and left waiting for the next run (``harambee sms
    handle`` runs one by hand)."""
    cache.delete(HANDLER_QUEUED_KEY)
    failed: set[int] = set()
    handled = 0
    while True:
        waiting = list(
            Message.objects.filter(direction=Message.Direction.IN, status=Message.Status.RECEIVED)
            .exclude(pk__in=failed)
            .order_by("pk")
            .values_list("pk", flat=True)[:HANDLE_BATCH]
        )
        if not waiting:
            return handled
        for pk in waiting:
            try:
                services.inbound_handle(message_id=pk)
                handled += 1
            except Exception:
                log.exception("SMS: inbound message %s could not be handled", pk)
                failed.add(pk)
