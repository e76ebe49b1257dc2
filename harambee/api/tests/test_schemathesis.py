"""Schemathesis against the API's own OpenAPI document, through WSGI (no network),
for an anonymous caller and for a member's and a steward's write tokens, with
request bodies generated from the document for every write:

- no server error, and no answer outside the document (status, content type,
  headers, body);
- ``positive_data_acceptance``: a request that fits the document is never refused
  as malformed (400). It may be refused otherwise: 401/403/404 by the gate and the
  rules, 409 by a wiki edit's merge, 422 by a rule the document cannot state (a
  title taken, a start in the past: ``api/errors.py``).

Generated ids and slugs name nothing, so every other example is aimed at the world
below: at the caller's own item of the kind (the write goes through), at someone
else's (403, or 404 where hidden), with a body naming the caller's space or note.
Bounded: a few derandomised examples per operation, no shrinking."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as examples_settings
from schemathesis.config import SchemathesisConfig

from harambee.core.models import Visibility
from harambee.core.tests.factories import CommentFactory, MembershipFactory, PostFactory
from harambee.events.tests.helpers import make_event
from harambee.initiatives import services as initiative_services
from harambee.initiatives.models import Initiative
from harambee.library import services as library_services
from harambee.people.roles import SpaceRole
from harambee.spaces.models import Space
from harambee.stories import services as story_services
from harambee.stories.models import Story
from harambee.wiki import services as wiki_services

pytestmark = pytest.mark.django_db

# Examples per operation: reads, and writes (whose bodies vary more).
READS, WRITES = 3, 6
# Every status a request that fits the document may get (400 is not among them).
ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "422", "429"]
KINDS = {
    "threads": "thread",
    "notes": "note",
    "lessons": "lesson",
    "stories": "story",
    "wiki": "wiki",
    "resources": "resource",
    "events": "event",
}


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


def _items(author: Any, space: Space, visibility: str) -> dict[str, int]:
    """One item of each kind by ``author`` in ``space``, with its id."""
    initiative = Initiative.objects.get_or_create(space=space)[0]
    note = initiative_services.note_create(
        author=author, initiative=initiative, title="Note", visibility=visibility, learned="L"
    )
    lesson = initiative_services.lesson_create(
        author=author, note=note, title="Lesson", body="", strength="single", visibility=visibility
    )
    story = story_services.story_create(
        author=author, space=space, title="Story", body="B", audience=visibility
    )
    thread = PostFactory(space=space, author=author, visibility=visibility)
    CommentFactory(content=thread, author=author)
    return {
        "thread": thread.pk,
        "note": note.pk,
        "lesson": lesson.pk,
        "story": story.pk,
        "wiki": wiki_services.page_create(
            author=author, space=space, title=f"Page {author.pk}", visibility=visibility
        ).pk,
        "resource": library_services.resource_create(
            author=author,
            space=space,
            title="Resource",
            resource_type="report",
            link="https://example.org/r",
            visibility=visibility,
        ).pk,
        "event": make_event(author, space=space, visibility=visibility).pk,
    }


def _world(cast, caller: Any) -> dict[str, Any]:
    """The caller leads ``cast.space`` (an initiative) and wrote one of everything
    there; its member wrote others, public ones (the story published); the other
    space holds hidden ones."""
    for space in (cast.space, cast.other_space):
        Space.objects.filter(pk=space.pk).update(kind=Space.Type.INITIATIVE)
        space.refresh_from_db()
    others = _items(cast.space_member, cast.space, Visibility.PUBLIC)
    story = Story.objects.get(pk=others["story"])
    story_services.story_submit(actor=cast.space_member, story=story)
    story_services.story_publish(actor=cast.space_lead, story=story)
    hidden = _items(cast.outsider, cast.other_space, Visibility.SPACE)
    own = others
    if caller.is_authenticated:
        MembershipFactory(space=cast.space, user=caller, role=SpaceRole.LEAD)
        own = _items(caller, cast.space, Visibility.SPACE)
    return {"slug": cast.space.slug, "targets": [own, others, hidden]}


def _aim(case: Any, n: int, world: dict[str, Any]) -> None:
    """Point example ``n`` of an operation at the world: odd ones at an item of the
    kind (the caller's own, someone else's, a hidden one, in turn) and, in bodies, at
    the caller's space and note, with a time an event may have."""
    if n % 2 == 0:
        return  # as generated
    target = world["targets"][(n // 2) % len(world["targets"])]
    kind = KINDS.get(case.operation.path.split("/")[2])
    if "id" in case.path_parameters and kind:
        case.path_parameters["id"] = str(target[kind])
    if "slug" in case.path_parameters:
        case.path_parameters["slug"] = world["slug"]
    if isinstance(case.query, dict):
        case.query.pop("cursor", None)  # a made-up cursor is refused (422)
        if "space" in case.query:
            case.query["space"] = world["slug"]
    body = case.body
    if not isinstance(body, dict):
        return
    for name in ("space", "initiative"):
        if name in body:
            body[name] = world["slug"]
    if "note" in body:
        body["note"] = target["note"]
    if body.get("parent") is not None:
        body["parent"] = None
    if "base_revision" in body:
        body["base_revision"] = 1  # what the caller's own page was made with
    if "starts" in body or "ends" in body:
        starts = timezone.now() + timedelta(days=n + 1)
        body["starts"] = starts.isoformat()
        body["ends"] = (starts + timedelta(hours=2)).isoformat()
    if "time_zone" in body:
        body["time_zone"] = "Africa/Nairobi"


def _operations():
    config = SchemathesisConfig.from_dict(
        {"checks": {"positive_data_acceptance": {"expected-statuses": ACCEPTED}}}
    )
    schema = schemathesis.openapi.from_wsgi(
        "/api/schema/?format=json", get_wsgi_application(), config=config
    )
    for result in schema.get_all_operations():
        yield result.ok()


@pytest.mark.parametrize("who", ["anon", "member", "steward"])
def test_the_api_keeps_to_its_openapi_document(cast, token_of, keep_connection, settings, who):
    # Rate limits and new accounts' hourly limit would answer most examples (429,
    # 422): they have tests of their own.
    settings.API_READS_PER_MINUTE = settings.API_WRITES_PER_MINUTE = 0
    settings.NEW_ACCOUNT_POSTS_PER_HOUR = 0
    caller = getattr(cast, who)
    world = _world(cast, caller)
    secret = token_of(caller, write=True)
    # Uncompressed: schemathesis reads the WSGI body as it comes (GZipMiddleware
    # would otherwise compress the longer lists).
    headers = {"Accept-Encoding": "identity"}
    if secret:
        headers["Authorization"] = f"Bearer {secret}"
    operations = list(_operations())
    writes = [op for op in operations if op.method.upper() != "GET"]
    assert len(operations) >= 40 and len(writes) >= 20
    statuses: dict[str, set[int]] = {}
    for operation in operations:
        examples = READS if operation.method.upper() == "GET" else WRITES
        seen = statuses.setdefault(f"{operation.method.upper()} {operation.path}", set())
        count = iter(range(10**6))

        @given(case=operation.as_strategy())
        @examples_settings(
            max_examples=examples,
            derandomize=True,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            _aim(case, next(count), world)
            seen.add(case.call_and_validate(headers=headers).status_code)

        run()
    if who != "anon":
        # The aimed examples went through: each write of a kind succeeded at least once.
        succeeded = [op for op, codes in statuses.items() if codes & {200, 201}]
        assert len([op for op in succeeded if not op.startswith("GET")]) >= 15, statuses
