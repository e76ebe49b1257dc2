"""The Redis cache backend of production (``core.rediscache``), against the real Redis
on 127.0.0.1:6379 that .ci/run starts: it stores and reads like Django's, but makes one
client per connection pool rather than one per operation."""

from __future__ import annotations

import uuid

import pytest

from harambee.core.rediscache import RedisCache


@pytest.fixture
def cache():
    import redis

    prefix = f"test-{uuid.uuid4().hex}"
    backend = RedisCache("redis://127.0.0.1:6379/7", {"KEY_PREFIX": prefix})
    try:
        backend.get_many(["probe"])
    except redis.ConnectionError as exc:
        raise AssertionError(
            "This test needs Redis on 127.0.0.1:6379 (.ci/run starts one)."
        ) from exc
    yield backend
    client = backend._cache.get_client(write=True)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_it_stores_reads_counts_and_forgets_like_djangos(cache):
    assert cache.get("missing") is None
    assert cache.add("n", 1) and not cache.add("n", 5)
    assert cache.incr("n") == 2
    cache.set_many({"a": {"x": [1, 2]}, "b": "β"})
    assert cache.get_many(["a", "b", "c"]) == {"a": {"x": [1, 2]}, "b": "β"}
    cache.delete_many(["a", "b"])
    assert cache.get("a") is None and cache.get("n") == 2


def test_one_client_serves_every_operation(cache):
    client = cache._cache
    first = client.get_client(write=True)
    assert client.get_client("any key", write=True) is first
    assert client.get_client(write=False) is first  # one server: one pool for both
    cache.set("k", 1)
    cache.get("k")
    assert len(client._clients) == 1
