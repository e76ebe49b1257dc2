"""The last place under concurrent registration: threads, each with its own database
connection, register at the same moment. On PostgreSQL (HARAMBEE_TEST_POSTGRES=1,
``make test-postgres``) the conditional UPDATE waits on the row lock and re-reads the
row; on SQLite writers take turns. Either way the event is never overbooked."""

from __future__ import annotations

import random
import threading
import time

import pytest
from django.db import OperationalError, connection, connections

from harambee.conftest import make_user
from harambee.events import services
from harambee.events.models import Event, Registration
from harambee.events.tests.helpers import make_event

THREADS = 8
CAPACITY = 3


def _retrying(work) -> None:
    """SQLite's in-memory test database shares one cache between connections, where a
    busy table raises at once instead of waiting (``busy_timeout`` does not apply):
    try again, as a waiting writer would. Anything else, or never getting through in
    a minute (a count of tries would run out early on a loaded machine, where the
    writer ahead holds the table longer), fails the test."""
    deadline = time.monotonic() + 60
    while True:
        try:
            work()
            return
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            if time.monotonic() > deadline:
                raise AssertionError("never got the database") from error
            time.sleep(random.uniform(0.001, 0.02))


def _register_all(event_id: int, user_ids: list[int]) -> list[BaseException]:
    barrier = threading.Barrier(len(user_ids))
    errors: list[BaseException] = []

    def run(user_id: int) -> None:
        from harambee.people.models import User

        try:
            user = User.objects.get(pk=user_id)
            event = Event.objects.get(pk=event_id)
            barrier.wait(timeout=60)
            _retrying(lambda: services.registration_create(event=event, user=user))
        except BaseException as error:  # noqa: BLE001 (reported to the test)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(pk,)) for pk in user_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_take_more_places_than_there_are(cast):
    event = make_event(cast.space_lead, capacity=CAPACITY)
    people = [make_user(display_name=f"Racer {i}") for i in range(THREADS)]
    errors = _register_all(event.pk, [p.pk for p in people])
    assert errors == []
    statuses = list(Registration.objects.values_list("status", flat=True))
    assert len(statuses) == THREADS
    assert statuses.count("confirmed") == CAPACITY, (connection.vendor, statuses)
    assert statuses.count("waitlisted") == THREADS - CAPACITY
    event.refresh_from_db()
    assert event.taken == CAPACITY


@pytest.mark.django_db(transaction=True)
def test_concurrent_cancellations_promote_each_waiting_person_once(cast):
    event = make_event(cast.space_lead, capacity=2)
    holders = [make_user(display_name=f"Holder {i}") for i in range(2)]
    waiting = [make_user(display_name=f"Waiting {i}") for i in range(4)]
    for person in [*holders, *waiting]:
        services.registration_create(event=event, user=person)
    barrier = threading.Barrier(len(holders))
    errors: list[BaseException] = []

    def cancel(user_id: int) -> None:
        try:
            registration = Registration.objects.get(event_id=event.pk, user_id=user_id)
            barrier.wait(timeout=60)
            _retrying(
                lambda: services.registration_cancel(
                    actor=registration.user, registration=registration
                )
            )
        except BaseException as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=cancel, args=(p.pk,)) for p in holders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    confirmed = set(
        Registration.objects.filter(status="confirmed").values_list("user__display_name", flat=True)
    )
    assert confirmed == {"Waiting 0", "Waiting 1"}
    event.refresh_from_db()
    assert event.taken == 2
