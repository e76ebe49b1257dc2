"""The budget of SQL queries per page (DESIGN.md, Budgets: at most 12), on the tour of
the leak test's world: every route, as every member of the cast, warm (the second visit
of each address, as a reader clicking about would find it).

Each route is tried on a sample of its addresses (``TRIES``), until ``SHOWN`` of them
have been shown to the reader: the addresses of a route differ by what the reader may
see there (a space they are in, one they are not), so a page that is refused is no
sample of the page that is shown. Every page visited counts, refused or not.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from harambee.core.tests.test_leaks import (  # noqa: F401 -- the shared world's fixtures
    CAST,
    cast,
    leak_world,
    our_route_names,
    urls_for,
    world,
)

pytestmark = pytest.mark.django_db

BUDGET = 12
# Addresses tried per route, and how many of them shown (200) are enough.
TRIES = 3
SHOWN = 2
# Pages of the tour that are not a route of ours (``test_leaks``' extra addresses).
EXTRA = ["/accounts/login/", "/accounts/signup/", "/?page=2"]


def _visit(client, url: str) -> tuple[int, int]:
    """The status of ``url`` and the queries of its second visit."""

    def get():
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        return response

    get()
    with CaptureQueriesContext(connection) as queries:
        response = get()
    return response.status_code, len(queries.captured_queries)


@pytest.mark.parametrize("who", CAST)
def test_no_page_of_the_tour_reads_more_than_the_budget(
    cast,  # noqa: F811
    world,  # noqa: F811
    client_for,
    who,
):
    client = client_for(getattr(cast, who))
    over: list[tuple[int, str, str, int]] = []
    visited = 0
    for name in sorted(our_route_names()):
        shown = 0
        for url in urls_for(name, cast, world)[:TRIES]:
            status, count = _visit(client, url)
            visited += 1
            if count > BUDGET:
                over.append((count, name, url, status))
            shown += status == 200
            if shown >= SHOWN:
                break
    for url in [*EXTRA, *world["extra_urls"]]:
        status, count = _visit(client, url)
        visited += 1
        if count > BUDGET:
            over.append((count, "", url, status))
    assert visited > 100
    assert not over, "\n".join(
        f"{count} queries: {name} {url} ({status}) as {who}"
        for count, name, url, status in sorted(over, reverse=True)
    )
