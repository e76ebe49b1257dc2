"""Schemathesis against the API's own OpenAPI document, through WSGI (no network):
no server error and no answer that breaks the document, for an anonymous caller and
for a member's and a steward's write tokens. Bounded: a few derandomised examples
per operation, no shrinking.

Left out is schemathesis' ``positive_data_acceptance`` check: input that fits the
document can still be refused, rightly, with 400 (a made-up pagination cursor, a
wiki title already taken) -- a refusal, as documented, not a break of the schema."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from harambee.core.tests.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db

EXAMPLES = 3


@pytest.fixture
def keep_connection():
    """Calls through WSGI keep the test's database connection, as Django's test client
    does: otherwise the end of each request closes it (on PostgreSQL, rolling back the
    test's transaction)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _operations():
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
    for result in schema.get_all_operations():
        yield result.ok()


@pytest.mark.parametrize("who", ["anon", "member", "steward"])
def test_the_api_keeps_to_its_openapi_document(cast, token_of, keep_connection, who):
    post = PostFactory(space=cast.space, author=cast.space_member, visibility="alliance")
    CommentFactory(content=post, author=cast.space_member)
    secret = token_of(getattr(cast, who), write=True)
    # Uncompressed: schemathesis reads the WSGI body as it comes (GZipMiddleware
    # would otherwise compress the longer lists).
    headers = {"Accept-Encoding": "identity"}
    if secret:
        headers["Authorization"] = f"Bearer {secret}"
    operations = list(_operations())
    assert len(operations) >= 20
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

        run()
