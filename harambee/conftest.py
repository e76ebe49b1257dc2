"""Shared test set-up: a fast hasher, no network, and the cast.

The cast (``anon``, ``outsider``, ``guest``, ``member``, ``space_member``,
``space_lead``, ``steward``) sees one space, ``cast.space``, from every angle.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from harambee.core.tests.factories import (
    EmailAddressFactory,
    MembershipFactory,
    SpaceFactory,
    UserFactory,
)
from harambee.people.roles import AllianceRole, SpaceRole

# Hypothesis: no deadline anywhere (a loaded 2-core machine takes longer than 200 ms for
# an example now and then, which fails as DeadlineExceeded or Flaky), and in CI the same
# examples on every run (derandomized, no example database), so that a red CI always
# means a reproducible failure. Profiles must be loaded before the test modules are
# imported: their @settings take what they leave out from the profile loaded then.
hypothesis_settings.register_profile("dev", deadline=None)
hypothesis_settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "dev")

# Playwright's sync API keeps an event loop running in the test thread, which Django
# would otherwise take for async code touching the database.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


# What every test runs with: a fast hasher, a private cache, immediate tasks.
TEST_SETTINGS = {
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    "CACHES": {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "fragments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "test-fragments",
        },
    },
    "HARAMBEE_STEWARD_MFA": False,
    # Test transactions never commit, so the cache's invalidation would never run:
    # the anonymous page cache is off except in its own (transactional) tests.
    "ANONYMOUS_PAGE_CACHE_SECONDS": 0,
    "SEARCH_VOCABULARY_CACHE_SECONDS": 0,
    "TASKS": {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": []}
    },
}


def _guarded_connect(real_connect):
    def guarded_connect(self, address):
        host = address[0] if isinstance(address, tuple) else None
        if host is not None:
            try:
                allowed = ipaddress.ip_address(host).is_loopback
            except ValueError:
                allowed = host == "localhost"
            if not allowed:
                raise RuntimeError(f"Tests may not reach the network ({host}).")
        return real_connect(self, address)

    return guarded_connect


def _test_settings(settings) -> dict:
    return {
        **TEST_SETTINGS,
        "STORAGES": {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    }


@contextmanager
def offline_test_settings(**extra):
    """The test settings and the network guard, for work done outside a test function
    (a world built once per module): what ``_fast_and_offline`` gives each test."""
    from django.conf import settings
    from django.test import override_settings

    with override_settings(**_test_settings(settings), **extra), pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", _guarded_connect(socket.socket.connect))
        _clear_caches()
        yield


# What migrations write into the database besides tables: (migration module, function).
SEEDED_BY_MIGRATIONS = [
    ("harambee.initiatives.migrations.0002_seed_themes_and_profiles", "seed"),
    ("harambee.initiatives.migrations.0005_theme_translations", "translate"),
]


@pytest.fixture(autouse=True)
def _seeded_rows_after_a_flush(request):
    """A test that commits (``transaction=True``, a live server) empties every table
    when it ends, the rows the migrations seeded (the themes) too. Each such test puts
    them back first, so it sees the database every other test sees, whatever ran before
    it in its worker. (Django's serialized rollback does the same for every table, at a
    second or two a test.)"""
    marker = request.node.get_closest_marker("django_db")
    committing = marker is not None and marker.kwargs.get("transaction")
    if not (committing or {"transactional_db", "live_server"} & set(request.fixturenames)):
        return
    import importlib

    from django.apps import apps

    request.getfixturevalue("transactional_db")
    for module, function in SEEDED_BY_MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture(autouse=True)
def _fast_and_offline(settings, monkeypatch):
    for name, value in _test_settings(settings).items():
        setattr(settings, name, value)
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect(socket.socket.connect))
    _clear_caches()
    yield
    # A request through the test client leaves its language and the viewer's time zone
    # (core.middleware.TimezoneMiddleware) active in the thread; the next test starts in
    # the default ones, whatever ran before it.
    from django.utils import timezone, translation

    translation.deactivate()
    timezone.deactivate()


def _clear_caches() -> None:
    from django.core.cache import caches

    for alias in ("default", "fragments"):
        caches[alias].clear()


@pytest.fixture
def run_on_commit_now(monkeypatch):
    """The test's transaction never commits, so run on-commit work (mail, tasks)
    as soon as it is registered. Tests with ``transaction=True`` need not do this."""
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


def make_user(**kwargs):
    user = UserFactory(**kwargs)
    EmailAddressFactory(user=user, email=user.email)
    return user


def make_cast() -> SimpleNamespace:
    """The cast and its two spaces (the database must be open)."""
    space = SpaceFactory(name="Ghana forest forum", slug="ghana-forest")
    other = SpaceFactory(name="Water working group", slug="water")
    people = SimpleNamespace(
        anon=AnonymousUser(),
        outsider=make_user(display_name="Olu Outsider", role=AllianceRole.GUEST),
        guest=make_user(display_name="Gina Guest", role=AllianceRole.GUEST),
        member=make_user(display_name="Mo Member"),
        space_member=make_user(display_name="Sam Spacemember"),
        space_lead=make_user(display_name="Lea Lead"),
        steward=make_user(display_name="Stella Steward", role=AllianceRole.STEWARD),
        space=space,
        other_space=other,
    )
    MembershipFactory(space=other, user=people.outsider)
    MembershipFactory(space=space, user=people.guest)
    MembershipFactory(space=space, user=people.space_member)
    MembershipFactory(space=space, user=people.space_lead, role=SpaceRole.LEAD)
    people.names = ["anon", "outsider", "guest", "member", "space_member", "space_lead", "steward"]
    return people


@pytest.fixture
def cast(db):
    return make_cast()


@pytest.fixture
def client_for(client):
    """``client_for(user)``: a test client signed in as ``user`` (or anonymous)."""
    from django.test import Client

    def make(user):
        c = Client()
        if user is not None and user.is_authenticated:
            c.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return c

    return make
