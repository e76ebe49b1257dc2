"""A reusable guard: a page's number of SQL queries does not grow with its items."""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext

MAX_QUERIES = 12


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries)


def assert_constant_queries(client, url: str, add_items: Callable[[int], None]) -> int:
    """Render ``url`` with 10 items, then with 100: the query count must not change,
    and stays within the budget of DESIGN.md. The page is seen once before both: a
    reader's first visit of the day also records that they read the item (one insert,
    insights' readers) and fills what is cached per reader."""
    client.get(url)
    add_items(10)
    with_ten = count_queries(client, url)
    add_items(90)
    with_hundred = count_queries(client, url)
    assert with_ten == with_hundred, (
        f"{url}: {with_ten} queries with 10 items, {with_hundred} with 100"
    )
    assert with_hundred <= MAX_QUERIES, f"{url}: {with_hundred} queries"
    return with_hundred
