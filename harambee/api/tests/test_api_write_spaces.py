"""Writing spaces, initiative profiles and threads through the API: the same services
and rules as the site. Whoever may not see the thing gets 404, word for word as for a
missing one; whoever may see it but not change it, 403; and nothing is saved."""

from __future__ import annotations

import pytest

from harambee.api.tests.helpers import JSON, MISSING, assert_hidden, assert_refused
from harambee.core.models import AuditAction, AuditEntry
from harambee.core.tests.factories import PostFactory
from harambee.initiatives.models import Initiative
from harambee.notifications.models import Kind, Notification
from harambee.people.roles import SpaceRole
from harambee.spaces.models import Membership, Post, Space, SpaceAction
from harambee.stream.models import Follow

pytestmark = pytest.mark.django_db

LINK = "https://example.org/report.pdf"


def _initiative(cast) -> Initiative:
    Space.objects.filter(pk=cast.space.pk).update(kind=Space.Type.INITIATIVE)
    return Initiative.objects.create(space=cast.space, countries=["GH"], stage="running")


# Spaces ----------------------------------------------------------------------------


def test_a_member_makes_a_space_and_is_its_first_lead(cast, writer):
    client = writer(cast.member)
    made = client.post(
        "/api/spaces/",
        {"name": "Seed savers", "kind": "initiative", "listing": "public", "join_policy": "open"},
        content_type=JSON,
    )
    assert made.status_code == 201, made.content
    space = Space.objects.get(slug=made.json()["slug"])
    assert (space.name, space.listing, space.created_by) == ("Seed savers", "public", cast.member)
    assert Membership.objects.get(space=space, user=cast.member).role == SpaceRole.LEAD
    # An initiative space has its profile from the start, as when made on the site.
    assert Initiative.objects.filter(space=space).exists()
    assert AuditEntry.objects.filter(
        action=SpaceAction.SPACE_CREATED, space=space, actor=cast.member
    ).exists()
    assert client.get(f"/api/spaces/{space.slug}/").json()["name"] == "Seed savers"


def test_a_guest_may_not_make_a_space(cast, writer):
    refused = writer(cast.guest).post(
        "/api/spaces/", {"name": "Mine", "kind": "working_group"}, content_type=JSON
    )
    assert_refused(refused, 403)
    assert not Space.objects.filter(name="Mine").exists()


def test_a_lead_changes_a_space_and_the_change_is_audited(cast, writer):
    url = f"/api/spaces/{cast.space.slug}/"
    changed = writer(cast.space_lead).patch(
        url, {"name": "Forest forum", "join_policy": "open"}, content_type=JSON
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["join_policy"] == "open"
    cast.space.refresh_from_db()
    assert (cast.space.name, cast.space.join_policy) == ("Forest forum", "open")
    entry = AuditEntry.objects.get(action=SpaceAction.SPACE_CHANGED, space=cast.space)
    assert entry.actor == cast.space_lead and "name" in entry.detail["changes"]


def test_who_may_not_change_a_space_gets_403_or_404(cast, writer):
    url = f"/api/spaces/{cast.space.slug}/"
    for who in ("space_member", "member", "steward"):
        # They know the space; only its leads change it.
        assert_refused(writer(getattr(cast, who)).patch(url, {"name": "X"}, content_type=JSON), 403)
    # A guest of another space may not know this one exists.
    assert_hidden(writer(cast.outsider), "patch", url, "/api/spaces/nowhere/", {"name": "X"})
    cast.space.refresh_from_db()
    assert cast.space.name == "Ghana forest forum"


def test_a_secret_space_is_404_to_those_who_may_not_know_it(cast, writer):
    secret = Space.objects.create(
        name="Hidden", slug="hidden", kind="working_group", listing=Space.Listing.SECRET
    )
    assert_hidden(writer(cast.member), "patch", "/api/spaces/hidden/", "/api/spaces/nowhere/")
    # Nor can anything be written into it.
    bodies = {
        "/api/threads/": {"title": "In", "visibility": "space"},
        "/api/stories/": {"title": "In", "body": "Text"},
        "/api/resources/": {"title": "In", "resource_type": "report", "link": LINK},
        "/api/wiki/": {"title": "In", "category": "tool", "visibility": "space"},
    }
    client = writer(cast.member)
    for path, data in bodies.items():
        shut = client.post(path, {**data, "space": secret.slug}, content_type=JSON)
        missing = client.post(path, {**data, "space": "nowhere"}, content_type=JSON)
        assert shut.status_code == missing.status_code == 404, path
        assert shut.content == missing.content


# Initiatives -----------------------------------------------------------------------


def test_a_lead_changes_the_initiative_profile(cast, writer):
    _initiative(cast)
    url = f"/api/initiatives/{cast.space.slug}/"
    changed = writer(cast.space_lead).patch(
        url, {"stage": "scaling", "countries": ["KE", "gh"], "summary": "Seeds"}, content_type=JSON
    )
    assert changed.status_code == 200, changed.content
    profile = Initiative.objects.get(space=cast.space)
    assert (profile.stage, profile.countries, profile.summary) == ("scaling", ["KE", "GH"], "Seeds")
    assert changed.json()["countries"] == ["KE", "GH"]


def test_an_initiative_profile_is_its_leads_to_change(cast, writer):
    _initiative(cast)
    url = f"/api/initiatives/{cast.space.slug}/"
    assert_refused(
        writer(cast.space_member).patch(url, {"stage": "closed"}, content_type=JSON), 403
    )
    assert_hidden(writer(cast.outsider), "patch", url, "/api/initiatives/nowhere/")
    assert Initiative.objects.get(space=cast.space).stage == "running"


def test_an_initiative_profile_refuses_what_the_site_refuses(cast, writer):
    _initiative(cast)
    url = f"/api/initiatives/{cast.space.slug}/"
    client = writer(cast.space_lead)
    backwards = {"started": "2024-05-01", "ended": "2024-01-01"}
    assert_refused(client.patch(url, backwards, content_type=JSON), 422, "ended")
    # A code no country has fits the document (two letters) but is refused.
    assert_refused(client.patch(url, {"countries": ["QQ"]}, content_type=JSON), 422, "countries")
    # A name is not a code: it does not fit the document.
    assert_refused(client.patch(url, {"countries": ["Ghana"]}, content_type=JSON), 400, "countries")
    assert Initiative.objects.get(space=cast.space).countries == ["GH"]


# Threads ---------------------------------------------------------------------------


def test_the_author_changes_a_thread_and_its_widening_is_audited_and_told(
    cast, writer, run_on_commit_now
):
    Follow.objects.create(follower=cast.space_lead, space=cast.space)
    thread = PostFactory(space=cast.space, author=cast.space_member, visibility="private")
    url = f"/api/threads/{thread.pk}/"
    edited = writer(cast.space_member).patch(
        url, {"title": "Seed banks", "visibility": "space", "is_question": True}, content_type=JSON
    )
    assert edited.status_code == 200, edited.content
    assert edited.json()["title"] == "Seed banks"
    thread.refresh_from_db()
    assert (thread.title, thread.visibility, thread.is_question) == ("Seed banks", "space", True)
    entry = AuditEntry.objects.get(action=AuditAction.VISIBILITY_CHANGED, content=thread)
    assert entry.detail == {"before": "private", "after": "space"}
    # A draft made readable is news to those who follow its space.
    assert Notification.objects.filter(recipient=cast.space_lead, content=thread).exists()


def test_pinning_and_locking_are_the_moderators_and_the_text_the_authors(cast, writer):
    thread = PostFactory(space=cast.space, author=cast.space_member, visibility="space")
    url = f"/api/threads/{thread.pk}/"
    lead, author = writer(cast.space_lead), writer(cast.space_member)
    assert_refused(lead.patch(url, {"title": "Mine now"}, content_type=JSON), 403)
    assert_refused(author.patch(url, {"pinned": True}, content_type=JSON), 403)
    # All or nothing: the author's title does not stay when the pin is refused.
    assert_refused(author.patch(url, {"title": "T", "locked": True}, content_type=JSON), 403)
    thread.refresh_from_db()
    assert thread.title != "T" and not thread.pinned and not thread.locked
    moderated = lead.patch(url, {"pinned": True, "locked": True}, content_type=JSON)
    assert moderated.status_code == 200, moderated.content
    assert moderated.json()["pinned"] and moderated.json()["locked"]
    actions = set(AuditEntry.objects.filter(content=thread).values_list("action", flat=True))
    assert {SpaceAction.THREAD_PINNED, SpaceAction.THREAD_LOCKED} <= actions
    # A locked thread takes no replies, through the API as on the site.
    reply = author.post(f"{url}comments/", {"body": "Late"}, content_type=JSON)
    assert_refused(reply, 403)


def test_a_thread_one_may_not_see_is_404_to_every_write(cast, writer):
    thread = PostFactory(space=cast.space, author=cast.space_member, visibility="space")
    client = writer(cast.member)
    url = f"/api/threads/{thread.pk}/"
    assert_hidden(client, "patch", url, f"/api/threads/{MISSING}/", {"title": "X"})
    assert_hidden(
        client, "post", f"{url}comments/", f"/api/threads/{MISSING}/comments/", {"body": "X"}
    )
    assert Post.objects.get(pk=thread.pk).title != "X"


def test_a_forum_thread_is_never_for_a_space(cast, writer):
    thread = PostFactory(space=None, author=cast.member, visibility="alliance")
    refused = writer(cast.member).patch(
        f"/api/threads/{thread.pk}/", {"visibility": "space"}, content_type=JSON
    )
    assert_refused(refused, 422)
    assert Post.objects.get(pk=thread.pk).visibility == "alliance"


def test_a_reply_through_the_api_tells_the_threads_author(cast, writer, run_on_commit_now):
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    made = writer(cast.space_member).post(
        f"/api/threads/{thread.pk}/comments/", {"body": "We keep seeds."}, content_type=JSON
    )
    assert made.status_code == 201, made.content
    assert Notification.objects.filter(
        recipient=cast.space_lead, kind=Kind.REPLY, comment_id=made.json()["id"]
    ).exists()
