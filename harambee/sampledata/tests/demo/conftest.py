"""One demo alliance for the tests of this package, loaded once and shared.

Loading the demo takes seconds; these tests only read it. ``loaded_demo`` loads it into
the test database inside a transaction that stays open while this package's tests run:
each test runs in a savepoint within it (pytest-django's ``db``), and the whole demo is
rolled back when the package is done, so the tests after it start from an empty database
again. (Under xdist each worker that runs some of these tests loads it once.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import transaction
from django.test import override_settings

from harambee.people.models import User
from harambee.sampledata.demo import load_demo
from harambee.sampledata.people import PEOPLE


@pytest.fixture(scope="package")
def loaded_demo(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[dict[str, int]]:
    """The demo's counts by kind, with the demo in the database for the whole package.
    Tests that read it ask for ``demo`` (or ``db`` after this fixture)."""
    # The settings the tests run with (see harambee/conftest.py), for the load too; its
    # photos and PDFs go to a temporary media directory.
    with (
        override_settings(
            MEDIA_ROOT=tmp_path_factory.mktemp("media"),
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
            ANONYMOUS_PAGE_CACHE_SECONDS=0,
            SEARCH_VOCABULARY_CACHE_SECONDS=0,
            TASKS={
                "default": {
                    "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
                    "QUEUES": [],
                }
            },
        ),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        counts = load_demo()
        yield counts
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded_demo, db) -> dict[str, User]:
    """The demo's people by their keys in ``data/people.toml``, for one test."""
    return {p.key: User.objects.get(email=p.email) for p in PEOPLE}
