"""/healthz (the process answers) and /readyz (it can serve: database, migrations, cache)."""

from __future__ import annotations

import pytest
from django.db import OperationalError

from harambee.core import backup, views

pytestmark = pytest.mark.django_db


def test_a_ready_site_says_so_and_is_never_cached(client):
    assert client.get("/healthz").content == b"ok"
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "ready": True,
        "read_only": False,
        "checks": {"database": "ok", "cache": "ok"},
    }
    assert response["Cache-Control"] == "no-store"


def test_a_cache_that_cannot_be_reached_makes_the_site_not_ready(client, settings):
    from django.core.cache import caches

    # A real Redis client against a port where nothing listens (on this machine).
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "harambee.core.rediscache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
    }
    assert type(caches["default"]).__name__ == "RedisCache"  # the setting took effect
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "unavailable: ConnectionError"
    assert response.json()["checks"]["database"] == "ok"


def test_a_database_that_fails_makes_the_site_not_ready(client, monkeypatch):
    def refused():
        raise OperationalError("connection refused")

    monkeypatch.setattr(views, "_migrated", refused)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unavailable: OperationalError"


def test_unapplied_migrations_make_the_site_not_ready(client, monkeypatch):
    from django.db.migrations.executor import MigrationExecutor

    monkeypatch.setattr(views, "_MIGRATED", [])
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: ["one"])
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "migrations not applied"


def test_a_restore_in_progress_still_serves_reads(client, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    with backup.read_only("test"):
        response = client.get("/readyz")
    assert response.status_code == 200 and response.json()["read_only"] is True
