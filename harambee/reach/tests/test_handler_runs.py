"""A burst of inbound messages queues a few handler runs, not one task per message,
and no message waits for ever (the database task queue, as in production)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from harambee.reach import handling, services
from harambee.reach.gateways import Inbound
from harambee.reach.models import FieldReport, Message
from harambee.reach.tests.helpers import contact, sms_space

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_queue(settings, run_on_commit_now):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    cache.delete(handling.HANDLER_QUEUED_KEY)


def _arrive(n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        with transaction.atomic():
            services.inbound_accept(
                channel_name="console",
                event=Inbound(f"burst-{i}", "+233201234567", "", f"FIRE Techiman {i}"),
            )


def _runs() -> int:
    return DBTaskResult.objects.filter(task_path__endswith="handle_received").count()


def test_a_burst_queues_one_run_that_handles_every_message(cast, database_queue):
    sms_space(cast.space)
    contact(cast.space)
    _arrive(30)
    assert Message.objects.filter(direction="in", status="received").count() == 30
    assert _runs() == 1, "one queued run for the whole burst"
    # The worker runs it: every message handled, one report each, the flag cleared.
    assert handling.inbound_handle_waiting() == 30
    assert Message.objects.filter(direction="in", status="processed").count() == 30
    assert FieldReport.objects.count() == 30
    # A message after the run started queues the next run.
    _arrive(1, start=30)
    assert _runs() == 2
    assert handling.inbound_handle_waiting() == 1


def test_a_message_that_fails_is_left_waiting_and_the_others_are_handled(
    cast, database_queue, monkeypatch
):
    sms_space(cast.space)
    contact(cast.space)
    _arrive(3)
    first = Message.objects.filter(direction="in").order_by("pk").first()
    real = services._handle

    def fails_once(message):
        if message.pk == first.pk:
            raise RuntimeError("gateway table missing")
        return real(message)

    monkeypatch.setattr(services, "_handle", fails_once)
    assert handling.inbound_handle_waiting() == 2
    assert Message.objects.get(pk=first.pk).status == "received"
    monkeypatch.setattr(services, "_handle", real)
    assert handling.inbound_handle_waiting() == 1
    assert not Message.objects.filter(direction="in", status="received").exists()
