"""The API reads through the gate: what a caller may not see answers 404, word for
word like a missing thing, and what they may see is there."""

from __future__ import annotations

import pytest

from harambee.core.models import Visibility
from harambee.core.tests.factories import PostFactory, SpaceFactory
from harambee.events.tests.helpers import make_event
from harambee.initiatives import services as initiative_services
from harambee.initiatives.models import Initiative
from harambee.library import services as library_services
from harambee.spaces.models import Space
from harambee.stories import services as story_services
from harambee.wiki import services as wiki_services

pytestmark = pytest.mark.django_db

MISSING = 987654321


def _initiative(space: Space) -> Initiative:
    Space.objects.filter(pk=space.pk).update(kind=Space.Type.INITIATIVE)
    space.refresh_from_db()
    return Initiative.objects.create(space=space, countries=["GH"], stage="running")


@pytest.fixture
def hidden(cast):
    """One space-only item of each kind in ``cast.space``, and a public thread."""
    initiative = _initiative(cast.space)
    note = initiative_services.note_create(
        author=cast.space_member,
        initiative=initiative,
        title="HIDDENNOTE walk",
        visibility=Visibility.SPACE,
        learned="HIDDENNOTE body",
    )
    lesson = initiative_services.lesson_create(
        author=cast.space_member,
        note=note,
        title="HIDDENLESSON slowly",
        body="text",
        strength="single",
        visibility=Visibility.SPACE,
    )
    page = wiki_services.page_create(
        author=cast.space_member,
        space=cast.space,
        title="HIDDENWIKI method",
        body="text",
        visibility=Visibility.SPACE,
    )
    thread = PostFactory(
        space=cast.space, author=cast.space_member, title="HIDDENTHREAD", visibility="space"
    )
    public = PostFactory(
        space=cast.space, author=cast.space_member, title="PUBLICTHREAD", visibility="public"
    )
    story = story_services.story_create(
        author=cast.space_member, space=cast.space, title="HIDDENSTORY", body="x", audience="space"
    )
    story_services.story_submit(actor=cast.space_member, story=story)
    story_services.story_publish(actor=cast.space_lead, story=story)
    resource = library_services.resource_create(
        author=cast.space_member,
        space=cast.space,
        title="HIDDENRESOURCE",
        resource_type="report",
        link="https://example.org/r",
        visibility=Visibility.SPACE,
    )
    event = make_event(cast.space_member, space=cast.space, title="HIDDENEVENT", visibility="space")
    return {
        "threads": thread,
        "notes": note,
        "lessons": lesson,
        "wiki": page,
        "stories": story,
        "resources": resource,
        "events": event,
        "public": public,
    }


KINDS = ["threads", "notes", "lessons", "wiki", "stories", "resources", "events"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_hidden_item_is_404_like_a_missing_one_and_200_for_whoever_may_see_it(
    cast, api, token_of, hidden, kind
):
    item = hidden[kind]
    for who in ("anon", "outsider", "member", "steward"):
        client = api(token_of(getattr(cast, who)))
        shut = client.get(f"/api/{kind}/{item.pk}/")
        missing = client.get(f"/api/{kind}/{MISSING}/")
        assert shut.status_code == missing.status_code == 404, who
        assert shut.content == missing.content, who
        assert shut["Content-Type"] == "application/problem+json", who
        listed = client.get(f"/api/{kind}/")
        assert listed.status_code == 200
        assert item.title not in listed.content.decode(), who
    for who in ("space_member", "space_lead"):
        client = api(token_of(getattr(cast, who)))
        shown = client.get(f"/api/{kind}/{item.pk}/")
        assert shown.status_code == 200, who
        assert shown.json()["title"] == item.title
        assert item.title in client.get(f"/api/{kind}/").content.decode(), who


def test_anonymous_callers_read_public_items_only(cast, api, hidden):
    client = api(None)
    body = client.get("/api/threads/").json()
    titles = [row["title"] for row in body["results"]]
    assert titles == ["PUBLICTHREAD"]
    assert client.get(f"/api/threads/{hidden['public'].pk}/").status_code == 200


def test_a_secret_space_is_404_for_outsiders_and_shown_to_its_members(cast, api, token_of):
    secret = SpaceFactory(name="SECRETNAME", slug="secret-room", listing=Space.Listing.SECRET)
    from harambee.core.tests.factories import MembershipFactory

    MembershipFactory(space=secret, user=cast.member)
    PostFactory(space=secret, author=cast.member, title="In the open", visibility="public")
    outsider = api(token_of(cast.outsider))
    assert (
        outsider.get("/api/spaces/secret-room/").content
        == outsider.get("/api/spaces/nowhere/").content
    )
    assert "SECRETNAME" not in outsider.get("/api/spaces/").content.decode()
    # The public thread in it is readable, but names no space.
    row = outsider.get("/api/threads/").json()["results"][0]
    assert row["title"] == "In the open" and row["space"] is None
    member = api(token_of(cast.member))
    assert member.get("/api/spaces/secret-room/").json()["name"] == "SECRETNAME"
    assert member.get("/api/threads/").json()["results"][0]["space"] == "secret-room"


def test_search_finds_only_what_the_caller_may_see(cast, api, token_of, hidden):
    from harambee.search.services import index_rebuild

    index_rebuild()
    outsider = api(token_of(cast.outsider)).get("/api/search/?q=HIDDENTHREAD").json()
    assert outsider["results"] == []
    member = api(token_of(cast.space_member)).get("/api/search/?q=HIDDENTHREAD").json()
    assert [hit["id"] for hit in member["results"]] == [hidden["threads"].pk]


def test_comments_of_a_hidden_thread_are_404(cast, api, token_of, hidden):
    thread = hidden["threads"]
    url = f"/api/threads/{thread.pk}/comments/"
    assert api(token_of(cast.outsider)).get(url).status_code == 404
    member = api(token_of(cast.space_member, write=True))
    made = member.post(url, {"body": "A reply"}, content_type="application/json")
    assert made.status_code == 201, made.content
    assert member.get(url).json()["results"][0]["body"] == "A reply"
    outsider = api(token_of(cast.outsider, write=True))
    refused = outsider.post(url, {"body": "Sneaky"}, content_type="application/json")
    assert refused.status_code == 404


@pytest.mark.parametrize("kind", KINDS)
def test_a_hidden_item_is_404_to_every_write_like_a_missing_one(cast, api, token_of, hidden, kind):
    """Whatever the write and its body, the answer says nothing of the hidden item."""
    item = hidden[kind]
    paths = [("patch", f"/api/{kind}/{{}}/")]
    paths += {
        "threads": [("post", "/api/threads/{}/comments/")],
        "stories": [("post", f"/api/stories/{{}}/{move}/") for move in ("submit", "publish")],
        "events": [("post", "/api/events/{}/cancel/")],
    }.get(kind, [])
    for who in ("outsider", "member", "steward"):
        client = api(token_of(getattr(cast, who), write=True))
        for method, path in paths:
            send = getattr(client, method)
            shut = send(path.format(item.pk), {"title": "X"}, content_type="application/json")
            missing = send(path.format(MISSING), {"title": "X"}, content_type="application/json")
            assert shut.status_code == missing.status_code == 404, (who, path)
            assert shut.content == missing.content, (who, path)
    item.refresh_from_db()
    assert item.title != "X"
