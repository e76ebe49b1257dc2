"""Background work for SMS. Each task takes ids and may run twice: what it does is
guarded by unique rows and conditional updates (``services``)."""

from __future__ import annotations

from django_tasks import task

from harambee.reach import handling, services


@task()
def handle_inbound(message_id: int) -> None:
    services.inbound_handle(message_id=message_id)


@task()
def handle_received() -> int:
    """Every inbound message still waiting, oldest first: one task for a burst of
    messages (``handling.inbound_handle_later``)."""
    return handling.inbound_handle_waiting()


@task()
def send_message(message_id: int) -> str:
    return services.message_send(message_id=message_id)


@task()
def run_broadcast(broadcast_id: int) -> int:
    return services.broadcast_run(broadcast_id=broadcast_id)


def send_due() -> int:
    """Start every broadcast whose time has come (``harambee sms send_due``, every
    minute from cron); one already running is resumed."""
    due = services.broadcasts_due()
    for pk in due:
        run_broadcast.enqueue(pk)
    return len(due)
