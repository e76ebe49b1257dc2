"""Writes go through the apps' services: their permissions, posting limits and side
effects apply, and what is made is readable at once."""

from __future__ import annotations

import pytest

from harambee.core.models import Comment
from harambee.core.tests.factories import PostFactory
from harambee.initiatives.models import Initiative, LearningNote, Lesson
from harambee.spaces.models import Post, Space
from harambee.wiki.models import WikiPage

pytestmark = pytest.mark.django_db

JSON = "application/json"


def test_a_member_starts_a_thread_in_their_space_and_an_outsider_cannot(cast, api, token_of):
    data = {
        "space": cast.space.slug,
        "title": "Seed banks",
        "body": "Who keeps one?",
        "visibility": "space",
    }
    made = api(token_of(cast.space_member, write=True)).post(
        "/api/threads/", data, content_type=JSON
    )
    assert made.status_code == 201, made.content
    post = Post.objects.get(pk=made.json()["id"])
    assert post.author == cast.space_member and post.space == cast.space
    assert made.json()["body_html"].startswith("<p>Who keeps one?")
    # A member who knows of the space but has no role there: 403.
    refused = api(token_of(cast.member, write=True)).post("/api/threads/", data, content_type=JSON)
    assert refused.status_code == 403
    # Someone who may not know the space: 404, as if it did not exist.
    unknown = api(token_of(cast.outsider, write=True)).post(
        "/api/threads/", data, content_type=JSON
    )
    assert unknown.status_code == 404
    assert Post.objects.filter(title="Seed banks").count() == 1


def test_posting_limits_of_new_accounts_apply(cast, api, token_of, settings):
    from django.utils import timezone

    settings.NEW_ACCOUNT_POSTS_PER_HOUR = 1
    type(cast.member).objects.filter(pk=cast.member.pk).update(date_joined=timezone.now())
    client = api(token_of(cast.member, write=True))
    data = {"title": "One", "visibility": "alliance"}
    assert client.post("/api/threads/", data, content_type=JSON).status_code == 201
    second = client.post("/api/threads/", {**data, "title": "Two"}, content_type=JSON)
    # Fits the document, refused by the rule: 422, the reason said.
    assert second.status_code == 422
    assert second["Content-Type"] == "application/problem+json"
    assert "hour" in second.json()["detail"]
    assert not Post.objects.filter(title="Two").exists()


def test_a_comment_replies_under_its_parent(cast, api, token_of):
    post = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    client = api(token_of(cast.space_member, write=True))
    url = f"/api/threads/{post.pk}/comments/"
    first = client.post(url, {"body": "First"}, content_type=JSON).json()
    reply = client.post(url, {"body": "Reply", "parent": first["id"]}, content_type=JSON)
    assert reply.status_code == 201
    assert Comment.objects.get(pk=reply.json()["id"]).parent_id == first["id"]
    # A parent on another thread is not there.
    other = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    wrong = client.post(
        f"/api/threads/{other.pk}/comments/",
        {"body": "x", "parent": first["id"]},
        content_type=JSON,
    )
    assert wrong.status_code == 404


def _initiative(cast) -> Initiative:
    Space.objects.filter(pk=cast.space.pk).update(kind=Space.Type.INITIATIVE)
    return Initiative.objects.create(space=cast.space, countries=["GH"], stage="running")


def test_notes_and_lessons_are_written_through_their_services(cast, api, token_of):
    _initiative(cast)
    client = api(token_of(cast.space_member, write=True))
    note = client.post(
        "/api/notes/",
        {
            "initiative": cast.space.slug,
            "title": "Walk",
            "visibility": "space",
            "learned": "Go slow",
        },
        content_type=JSON,
    )
    assert note.status_code == 201, note.content
    assert note.json()["learned"] == "Go slow"
    assert LearningNote.objects.get(pk=note.json()["id"]).author == cast.space_member
    lesson = client.post(
        "/api/lessons/",
        {"note": note.json()["id"], "title": "Slowly", "strength": "single", "visibility": "space"},
        content_type=JSON,
    )
    assert lesson.status_code == 201, lesson.content
    assert Lesson.objects.get(pk=lesson.json()["id"]).note_id == note.json()["id"]
    # Someone else may not add a lesson to a note they may not edit.
    other = api(token_of(cast.space_lead, write=True)).post(
        "/api/lessons/",
        {"note": note.json()["id"], "title": "Mine", "strength": "single", "visibility": "space"},
        content_type=JSON,
    )
    assert other.status_code == 403


def test_a_wiki_page_is_written_with_its_first_revision(cast, api, token_of):
    client = api(token_of(cast.member, write=True))
    made = client.post(
        "/api/wiki/",
        {
            "title": "Outcome mapping",
            "body": "A method.",
            "category": "methodology",
            "visibility": "alliance",
            "summary": "start",
        },
        content_type=JSON,
    )
    assert made.status_code == 201, made.content
    page = WikiPage.objects.get(pk=made.json()["id"])
    assert page.revision == 1 and page.author == cast.member
    again = client.post(
        "/api/wiki/",
        {"title": "Outcome mapping", "category": "methodology", "visibility": "alliance"},
        content_type=JSON,
    )
    assert again.status_code == 422
    assert "title" in again.json()["errors"]


def test_a_read_only_token_may_not_write(cast, api, token_of):
    client = api(token_of(cast.member))
    data = {"title": "x", "visibility": "alliance"}
    assert client.post("/api/threads/", data, content_type=JSON).status_code == 403
    assert not Post.objects.filter(title="x").exists()


def test_control_and_direction_characters_are_not_stored(cast, api, token_of):
    client = api(token_of(cast.member, write=True))
    made = client.post(
        "/api/threads/",
        {"title": "Seed\u202e banks\x07", "body": "Line\x00 one", "visibility": "alliance"},
        content_type=JSON,
    )
    assert made.status_code == 201, made.content
    post = Post.objects.get(pk=made.json()["id"])
    assert post.title == "Seed banks" and post.body == "Line one"
    blank = client.post(
        "/api/threads/", {"title": "\x07\u200b", "visibility": "alliance"}, content_type=JSON
    )
    # A string, as the document says, with nothing left once cleaned: refused (422).
    assert blank.status_code == 422 and "title" in blank.json()["errors"]


def test_a_wiki_edit_from_an_old_revision_never_loses_the_newer_one(cast, api, token_of):
    client = api(token_of(cast.member, write=True))
    made = client.post(
        "/api/wiki/",
        {
            "title": "Timelines",
            "body": "Draw the past.",
            "category": "tool",
            "visibility": "alliance",
        },
        content_type=JSON,
    ).json()
    url = f"/api/wiki/{made['id']}/"
    first = client.patch(
        url, {"body": "Steps:\n\n- a\n- c\n", "base_revision": 1}, content_type=JSON
    )
    assert first.status_code == 200, first.content
    assert first.json()["revision"] == 2
    # From revision 1 too, changing the same line another way: nothing merges.
    late = client.patch(
        url, {"body": "Steps:\n\n- a\n- d\n", "base_revision": 1}, content_type=JSON
    )
    assert late.status_code == 409
    assert late["Content-Type"] == "application/problem+json"
    assert WikiPage.objects.get(pk=made["id"]).body.strip() == "Steps:\n\n- a\n- c"
    # A space the member knows of but may not write in: 403.
    hidden = client.post(
        "/api/wiki/",
        {"space": cast.space.slug, "title": "Inside", "category": "tool", "visibility": "space"},
        content_type=JSON,
    )
    assert hidden.status_code == 403
    assert api(token_of(cast.anon, write=True)).patch(url, {}, content_type=JSON).status_code == 401


def test_a_suspended_person_reads_but_may_not_write(cast, api, token_of):
    from harambee.moderation.services import member_suspend

    client = api(token_of(cast.member, write=True))
    member_suspend(actor=cast.steward, user=cast.member, reason="Spam")
    assert client.get("/api/threads/").status_code == 200
    refused = client.post(
        "/api/threads/", {"title": "Buy", "visibility": "alliance"}, content_type=JSON
    )
    assert refused.status_code == 403
    assert refused["Content-Type"] == "application/problem+json"
    assert "suspend" in refused.json()["detail"].lower()
    assert not Post.objects.filter(title="Buy").exists()
