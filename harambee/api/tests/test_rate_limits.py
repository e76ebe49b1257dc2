"""Rate limits are counted in the shared cache: two processes (two clients, each
with its own connection to one file cache) share one count, and the one over it
answers 429 with Retry-After."""

from __future__ import annotations

import pytest
from django.core.cache.backends.filebased import FileBasedCache

pytestmark = pytest.mark.django_db


def test_the_limit_holds_across_two_workers_sharing_the_cache(
    cast, api, token_of, settings, tmp_path
):
    location = str(tmp_path / "cache")
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": location,
        },
    }
    settings.API_READS_PER_MINUTE = 4
    secret = token_of(cast.member)
    first, second = api(secret), api(secret)
    assert [first.get("/api/threads/").status_code for _ in range(2)] == [200, 200]
    assert [second.get("/api/threads/").status_code for _ in range(2)] == [200, 200]
    over = first.get("/api/threads/")
    assert over.status_code == 429
    assert over["Content-Type"] == "application/problem+json"
    assert 0 < int(over["Retry-After"]) <= 60
    assert second.get("/api/spaces/").status_code == 429
    # The count is in the files, where any other process reads it.
    other_process = FileBasedCache(location, {})
    assert len(other_process.get(f"harambee:api-rate:read:user{cast.member.pk}")) == 4
    # Another person has a count of their own; writes are counted apart.
    assert api(token_of(cast.steward)).get("/api/threads/").status_code == 200


def test_anonymous_callers_are_counted_by_address(api, settings):
    settings.API_READS_PER_MINUTE = 2
    client = api(None)
    assert client.get("/api/threads/").status_code == 200
    assert client.get("/api/threads/", HTTP_X_FORWARDED_FOR="10.0.0.9").status_code == 200
    assert client.get("/api/threads/", HTTP_X_FORWARDED_FOR="10.0.0.8").status_code == 429
    assert api(None).get("/api/threads/", REMOTE_ADDR="10.1.1.1").status_code == 200
