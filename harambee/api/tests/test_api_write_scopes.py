"""Every write of the API needs a signed-in caller (401), a token with the write scope
(403) that covers the kind written (403): checked for each write operation of the
OpenAPI document, before anything is read or saved."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from harambee.api.models import Scope
from harambee.api.tests.helpers import JSON, assert_refused
from harambee.core.models import AuditEntry, Comment, Content, Visibility
from harambee.core.tests.factories import PostFactory
from harambee.events.tests.helpers import make_event
from harambee.initiatives import services as initiative_services
from harambee.initiatives.models import Initiative
from harambee.library import services as library_services
from harambee.spaces.models import Space
from harambee.stories import services as story_services
from harambee.wiki import services as wiki_services

pytestmark = pytest.mark.django_db


def _world(cast) -> dict:
    """One item of each kind, written by the space's lead, who may change them all."""
    lead = cast.space_lead
    Space.objects.filter(pk=cast.space.pk).update(kind=Space.Type.INITIATIVE)
    initiative = Initiative.objects.create(space=cast.space, countries=["GH"], stage="running")
    note = initiative_services.note_create(
        author=lead, initiative=initiative, title="N", visibility="space", learned="L"
    )
    lesson = initiative_services.lesson_create(
        author=lead, note=note, title="L", body="", strength="single", visibility="space"
    )
    story = story_services.story_create(
        author=lead, space=cast.space, title="S", body="B", audience="space"
    )
    page = wiki_services.page_create(author=lead, space=cast.space, title="W", visibility="space")
    resource = library_services.resource_create(
        author=lead, space=cast.space, title="R", resource_type="report", link="https://e.org/r"
    )
    return {
        "slug": cast.space.slug,
        "thread": PostFactory(space=cast.space, author=lead, visibility=Visibility.SPACE).pk,
        "note": note.pk,
        "lesson": lesson.pk,
        "story": story.pk,
        "wiki": page.pk,
        "resource": resource.pk,
        "event": make_event(lead, space=cast.space, visibility="space").pk,
    }


def _writes(cast, w: dict) -> list[tuple[str, str, str, dict]]:
    """(kind, method, path, a body the lead may send) for every write."""
    starts = timezone.now() + timedelta(days=5)
    when = {"starts": starts.isoformat(), "ends": (starts + timedelta(hours=1)).isoformat()}
    space = cast.space.slug
    return [
        (Scope.SPACES, "post", "/api/spaces/", {"name": "New", "kind": "working_group"}),
        (Scope.SPACES, "patch", "/api/spaces/{slug}/", {"description": "About"}),
        (Scope.INITIATIVES, "patch", "/api/initiatives/{slug}/", {"stage": "scaling"}),
        (
            Scope.THREADS,
            "post",
            "/api/threads/",
            {"space": space, "title": "T", "visibility": "space"},
        ),
        (Scope.THREADS, "patch", "/api/threads/{thread}/", {"pinned": True}),
        (Scope.THREADS, "post", "/api/threads/{thread}/comments/", {"body": "C"}),
        (
            Scope.NOTES,
            "post",
            "/api/notes/",
            {"initiative": space, "title": "N2", "visibility": "space", "tried": "T"},
        ),
        (Scope.NOTES, "patch", "/api/notes/{note}/", {"title": "N3"}),
        (
            Scope.LESSONS,
            "post",
            "/api/lessons/",
            {"note": w["note"], "title": "L2", "strength": "single", "visibility": "space"},
        ),
        (Scope.LESSONS, "patch", "/api/lessons/{lesson}/", {"title": "L3"}),
        (Scope.STORIES, "post", "/api/stories/", {"space": space, "title": "S2", "body": "B"}),
        (Scope.STORIES, "patch", "/api/stories/{story}/", {"title": "S3"}),
        (Scope.STORIES, "post", "/api/stories/{story}/submit/", {}),
        (Scope.STORIES, "post", "/api/stories/{story}/publish/", {}),
        (Scope.STORIES, "post", "/api/stories/{story}/return/", {}),
        (
            Scope.WIKI,
            "post",
            "/api/wiki/",
            {"space": space, "title": "W2", "category": "tool", "visibility": "space"},
        ),
        (Scope.WIKI, "patch", "/api/wiki/{wiki}/", {"body": "New", "base_revision": 1}),
        (
            Scope.RESOURCES,
            "post",
            "/api/resources/",
            {"space": space, "title": "R2", "resource_type": "report", "link": "https://e.org/2"},
        ),
        (Scope.RESOURCES, "patch", "/api/resources/{resource}/", {"title": "R3"}),
        (
            Scope.EVENTS,
            "post",
            "/api/events/",
            {"space": space, "title": "E2", "event_kind": "meeting", **when},
        ),
        (Scope.EVENTS, "patch", "/api/events/{event}/", {"title": "E3"}),
        (Scope.EVENTS, "post", "/api/events/{event}/cancel/", {}),
    ]


def _written() -> tuple[int, int, int]:
    # (Making the tokens is audited too: not counted.)
    audit = AuditEntry.objects.exclude(action__startswith="api_token")
    return Content.objects.count(), Comment.objects.count(), audit.count()


def test_the_matrix_names_every_write_of_the_document(cast, client):
    schema = client.get("/api/schema/?format=json").json()

    def shape(path: str) -> str:
        return re.sub(r"\{[^}]+\}", "{}", path)

    documented = {
        (method, shape(path))
        for path, operations in schema["paths"].items()
        for method in operations
        if method in ("post", "put", "patch", "delete")
    }
    named = {(method, shape(path)) for _kind, method, path, _body in _writes(cast, {"note": 1})}
    assert documented == named


def test_every_write_needs_a_caller_a_write_scope_and_its_kind(
    cast, api, token_of, writer, settings
):
    settings.NEW_ACCOUNT_POSTS_PER_HOUR = 0  # the lead writes more than a new account may
    w = _world(cast)
    writes = _writes(cast, w)
    before = _written()
    others = {kind: [k for k in Scope.values if k != kind] for kind in Scope.values}
    for kind, method, path, body in writes:
        url = path.format(**w)
        assert_refused(getattr(api(None), method)(url, body, content_type=JSON), 401)
        reader = api(token_of(cast.space_lead, kinds=[kind]))
        assert_refused(getattr(reader, method)(url, body, content_type=JSON), 403)
        elsewhere = writer(cast.space_lead, kinds=others[kind])
        assert_refused(getattr(elsewhere, method)(url, body, content_type=JSON), 403)
    assert _written() == before
    # A write token for the kind goes through, to the service.
    for kind, method, path, body in writes:
        done = getattr(writer(cast.space_lead, kinds=[kind]), method)
        response = done(path.format(**w), body, content_type=JSON)
        assert response.status_code in (200, 201), (path, response.content)
