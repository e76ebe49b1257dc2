"""The same delivery, 50 times at once, from threads with their own database
connections: one message, one report, one reply, on SQLite and on PostgreSQL
(``HARAMBEE_TEST_POSTGRES=1``). The unique constraint decides, not a look first."""

from __future__ import annotations

import random
import threading
import time

import pytest
from django.db import connection, connections
from django.test import Client

from harambee.reach.models import FieldReport, InboundRequest, Message
from harambee.reach.tests.helpers import contact, generic_post, sms_space

THREADS = 50


def _deliver_all(payload: dict) -> tuple[list[int], list[BaseException]]:
    barrier = threading.Barrier(THREADS)
    codes: list[int] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            client = Client()
            barrier.wait(timeout=60)
            # A gateway retries a 503 (SQLite's shared test database answers "locked"
            # at once instead of waiting): so does this one, for up to 90 seconds (a
            # count of tries runs out early on a loaded machine).
            deadline = time.monotonic() + 90
            while True:
                response = generic_post(client, payload)
                if response.status_code != 503:
                    codes.append(response.status_code)
                    return
                if time.monotonic() > deadline:
                    raise AssertionError("never got through")
                time.sleep(random.uniform(0.005, 0.03))
        except BaseException as error:  # noqa: BLE001 (reported to the test)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    return codes, errors


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_replays_make_one_message_one_report_one_reply(cast, gateways_accept):
    sms_space(cast.space, channel="gen")
    contact(cast.space)
    codes, errors = _deliver_all(
        {
            "type": "message",
            "id": "replayed-1",
            "from": "+233201234567",
            "text": "FIRE near the river",
        }
    )
    assert errors == []
    assert codes == [200] * THREADS, (connection.vendor, codes)
    assert Message.objects.filter(direction="in").count() == 1
    # Handling that the shared SQLite test database refused ("locked") is retried, as
    # the worker retries a failed task: handling is idempotent, so it makes one report.
    from harambee.reach import services

    for pk in Message.objects.filter(direction="in", status="received").values_list(
        "pk", flat=True
    ):
        services.inbound_handle(message_id=pk)
        services.inbound_handle(message_id=pk)
    assert FieldReport.objects.count() == 1
    assert Message.objects.filter(direction="out", purpose="reply").count() == 1
    # A send the shared SQLite test database refused ("locked") is retried, as the
    # worker retries a failed task; either way the reply goes out once.

    for pk in Message.objects.filter(direction="out", status="queued").values_list("pk", flat=True):
        services.message_send(message_id=pk)
    assert len(gateways_accept) == 1
    verdicts = list(
        InboundRequest.objects.exclude(verdict="received").values_list("verdict", flat=True)
    )
    assert verdicts.count("accepted") == 1
    assert verdicts.count("duplicate") == THREADS - 1
