"""The API's HTTP: problem documents for every error, keyset pages without counting,
conditional GET, and a constant number of queries per list."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from harambee.core.tests.factories import PostFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def _is_problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def test_every_error_is_a_problem_document(cast, api, token_of, client_for):
    reader = api(token_of(cast.member))
    writer = api(token_of(cast.member, write=True))
    _is_problem(reader.get("/api/threads/1/"), 404)
    _is_problem(reader.get("/api/no-such-thing/"), 404)
    _is_problem(reader.delete("/api/threads/"), 405)
    wrong = _is_problem(api("hbt_not-a-token").get("/api/threads/"), 401)
    assert "token" in wrong["detail"]
    assert api("hbt_x").get("/api/threads/")["WWW-Authenticate"].startswith("Bearer")
    _is_problem(api(None).post("/api/threads/", {}, content_type="application/json"), 401)
    _is_problem(reader.post("/api/threads/", {}, content_type="application/json"), 403)
    bad = _is_problem(writer.post("/api/threads/", {}, content_type="application/json"), 400)
    assert set(bad["errors"]) >= {"title", "visibility"}
    # A string where a string goes, but no cursor of ours: refused, not malformed.
    assert "cursor" in _is_problem(reader.get("/api/threads/?cursor=nonsense"), 422)["errors"]
    _is_problem(writer.post("/api/threads/", "{", content_type="application/json"), 400)


def test_a_session_write_needs_the_csrf_token(cast, client_for):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.member, backend="django.contrib.auth.backends.ModelBackend")
    data = {"title": "From the browser", "visibility": "alliance"}
    response = client.post("/api/threads/", data, content_type="application/json")
    _is_problem(response, 403)
    assert "CSRF" in response.json()["detail"]


def test_a_token_reads_only_the_kinds_it_names(cast, api, token_of):
    client = api(token_of(cast.member, kinds=["threads"]))
    assert client.get("/api/threads/").status_code == 200
    _is_problem(client.get("/api/wiki/"), 403)
    _is_problem(client.get("/api/search/?q=x"), 403)


def test_lists_page_by_cursor_and_never_count(cast, api, token_of):
    for n in range(7):
        PostFactory(space=None, author=cast.member, title=f"Thread {n}", visibility="alliance")
    client = api(token_of(cast.member))
    seen: list[int] = []
    url = "/api/threads/?page_size=3"
    with CaptureQueriesContext(connection) as queries:
        while url:
            body = client.get(url).json()
            seen += [row["id"] for row in body["results"]]
            url = body["next"]
    assert len(seen) == len(set(seen)) == 7
    assert not [q for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]


def test_thread_list_queries_are_constant(cast, api, token_of):
    client = api(token_of(cast.space_member))

    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert len(client.get("/api/threads/").json()["results"]) > 0
        return len(queries)

    PostFactory(space=cast.space, author=cast.member, visibility="space")
    cost()  # the token's first use of the minute writes when it was used
    few = cost()
    for _n in range(15):
        PostFactory(space=cast.space, author=cast.member, visibility="space")
    assert cost() == few <= 8


def test_comment_list_queries_are_constant(cast, api, token_of):
    from harambee.core.tests.factories import CommentFactory

    post = PostFactory(space=cast.space, author=cast.member, visibility="space")
    client = api(token_of(cast.space_member))
    url = f"/api/threads/{post.pk}/comments/"

    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    CommentFactory(content=post, author=cast.member)
    cost()
    few = cost()
    for _n in range(10):
        CommentFactory(content=post, author=cast.member)
    assert cost() == few <= 8


def test_conditional_get_answers_304(cast, api, token_of):
    post = PostFactory(space=None, author=cast.member, title="Cached", visibility="public")
    client = api(token_of(cast.member))
    for url in ("/api/threads/", f"/api/threads/{post.pk}/"):
        first = client.get(url)
        assert first.status_code == 200 and first["ETag"]
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304 and again.content == b""
        assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200
    detail = client.get(f"/api/threads/{post.pk}/")
    since = client.get(f"/api/threads/{post.pk}/", HTTP_IF_MODIFIED_SINCE=detail["Last-Modified"])
    assert since.status_code == 304
    assert "Authorization" in detail["Vary"]
    post.title = "Changed"
    post.save()
    assert client.get(url, HTTP_IF_NONE_MATCH=detail["ETag"]).status_code == 200


def test_the_schema_is_openapi_3_1_and_the_docs_page_is_served_here(client):
    schema = client.get("/api/schema/?format=json").json()
    assert schema["openapi"].startswith("3.1")
    assert "/api/threads/{id}/" in schema["paths"]
    page = client.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    # Nothing from elsewhere: every script and style sheet is this site's own.
    assert not re.findall(r'<script src="(?:https?:)?//', page)
    assert not re.findall(r'<link rel="stylesheet" href="(?:https?:)?//', page)


def _maker(cast, kind: str):
    """A function making the next item of ``kind`` that ``cast.space_member`` may list."""
    from itertools import count

    from harambee.core.tests.factories import SpaceFactory
    from harambee.events.tests.helpers import make_event
    from harambee.initiatives import services as initiatives
    from harambee.initiatives.models import Initiative
    from harambee.library import services as library
    from harambee.spaces.models import Space
    from harambee.stories import services as stories
    from harambee.wiki import services as wiki

    author, n = cast.space_member, count()
    Space.objects.filter(pk=cast.space.pk).update(kind=Space.Type.INITIATIVE)
    initiative = Initiative.objects.create(space=cast.space, countries=["GH"], stage="running")

    def note():
        return initiatives.note_create(
            author=author, initiative=initiative, title="N", visibility="space", learned="L"
        )

    def story():
        made = stories.story_create(
            author=author, space=cast.space, title="S", body="B", audience="space"
        )
        stories.story_submit(actor=author, story=made)
        stories.story_publish(actor=cast.space_lead, story=made)

    return {
        "spaces": lambda: SpaceFactory(listing=Space.Listing.PUBLIC),
        "initiatives": lambda: Initiative.objects.create(
            space=SpaceFactory(listing=Space.Listing.PUBLIC)
        ),
        "notes": note,
        "lessons": lambda: initiatives.lesson_create(
            author=author, note=note(), title="L", body="", strength="single", visibility="space"
        ),
        "stories": story,
        "wiki": lambda: wiki.page_create(
            author=author, space=cast.space, title=f"Page {next(n)}", visibility="space"
        ),
        "resources": lambda: library.resource_create(
            author=author,
            space=cast.space,
            title="R",
            resource_type="report",
            link="https://example.org/r",
            visibility="space",
        ),
        "events": lambda: make_event(author, space=cast.space, visibility="space"),
    }[kind]


@pytest.mark.parametrize(
    "kind", ["spaces", "initiatives", "notes", "lessons", "stories", "wiki", "resources", "events"]
)
def test_every_list_reads_as_many_queries_for_many_rows_as_for_few(cast, api, token_of, kind):
    make = _maker(cast, kind)
    client = api(token_of(cast.space_member))

    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/{kind}/").status_code == 200
        return len(queries)

    make()
    cost()  # the token's first use of the minute writes when it was used
    few = cost()
    for _n in range(12):
        make()
    assert cost() == few <= 10
    assert len(client.get(f"/api/{kind}/").json()["results"]) >= 13


def test_a_body_that_is_not_an_object_does_not_fit(cast, api, token_of):
    client = api(token_of(cast.member, write=True))
    for body in ('["a list"]', '"a string"', "null", "3"):
        response = client.post("/api/threads/", body, content_type="application/json")
        _is_problem(response, 400)


def test_half_a_character_pair_is_not_stored(cast, api, token_of):
    """JSON may carry half of a UTF-16 pair on its own; no database can store it."""
    from harambee.spaces.models import Post

    client = api(token_of(cast.member, write=True))
    body = '{"title": "Seed\\ud800 banks", "body": "a\\udfffb", "visibility": "alliance"}'
    made = client.post("/api/threads/", body, content_type="application/json")
    assert made.status_code == 201, made.content
    post = Post.objects.get(pk=made.json()["id"])
    assert (post.title, post.body) == ("Seed banks", "ab")
