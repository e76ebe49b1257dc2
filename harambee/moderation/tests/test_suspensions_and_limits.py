"""Suspended accounts read but do not write; new accounts write only so much an
hour and lose nothing when they hit the limit; moderators move threads."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from harambee.core.models import AuditAction, AuditEntry, Comment, Content
from harambee.core.posting import person_writing
from harambee.core.tests.factories import MembershipFactory, PostFactory
from harambee.core.tests.matrix import assert_allowed, assert_forbidden
from harambee.moderation import services
from harambee.moderation.models import Flag, ModerationAction, Suspension
from harambee.people.roles import SpaceRole
from harambee.spaces.models import Post
from harambee.stream.models import StreamPost

pytestmark = pytest.mark.django_db

EVERYONE = ["anon", "outsider", "guest", "member", "space_member", "space_lead", "steward"]


def people(cast, names):
    return [getattr(cast, n) for n in names]


def others(cast, names):
    return [getattr(cast, n) for n in EVERYONE if n not in names]


@pytest.fixture
def no_rate_limit(settings):
    settings.NEW_ACCOUNT_POSTS_PER_HOUR = 0


# Suspensions ------------------------------------------------------------------------


def test_suspension_pages_matrix(cast, client_for):
    for url in (
        reverse("moderation:suspensions"),
        reverse("moderation:suspend", args=[cast.member.pk]),
    ):
        assert_allowed(client_for, url, people(cast, ["steward"]))
        assert_forbidden(client_for, url, others(cast, ["steward"]))
    assert_forbidden(
        client_for,
        reverse("moderation:suspend", args=[cast.member.pk]),
        others(cast, ["steward"]),
        method="post",
        data={"reason": "x"},
    )
    assert not Suspension.objects.exists()


def test_a_steward_suspends_until_a_day_and_it_is_audited(cast, client_for):
    day = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = client_for(cast.steward).post(
        reverse("moderation:suspend", args=[cast.space_member.pk]),
        {"reason": "Repeated insults", "until": day},
    )
    assert response.status_code == 302
    suspension = Suspension.objects.get()
    assert suspension.user == cast.space_member and suspension.created_by == cast.steward
    assert timezone.localdate(suspension.until).isoformat() == day
    entry = AuditEntry.objects.get(action=ModerationAction.MEMBER_SUSPENDED)
    assert entry.subject == cast.space_member and entry.actor == cast.steward


def test_a_suspension_must_end_in_the_future_and_keeps_the_reason(cast, client_for):
    response = client_for(cast.steward).post(
        reverse("moderation:suspend", args=[cast.member.pk]),
        {"reason": "Keep me", "until": "2001-01-01"},
    )
    assert response.status_code == 422
    assert "Keep me" in response.content.decode()
    assert not Suspension.objects.exists()


def test_stewards_cannot_be_suspended(cast):
    from harambee.core.tests.factories import UserFactory

    other = UserFactory(role="steward")
    with pytest.raises(services.ModerationRefused):
        services.member_suspend(actor=cast.steward, user=other, reason="x")
    with pytest.raises(PermissionDenied):
        services.member_suspend(actor=cast.space_lead, user=cast.member, reason="x")


def test_a_suspended_person_reads_but_cannot_write_anywhere(cast, client_for, no_rate_limit):
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    forum = PostFactory(space=None, author=cast.member, visibility="alliance")
    services.member_suspend(actor=cast.steward, user=cast.space_member, reason="Spam")
    client = client_for(cast.space_member)
    assert client.get(thread.get_absolute_url()).status_code == 200
    attempts = [
        (reverse("core:comment", args=[thread.pk]), {"body": "hello"}),
        (reverse("core:react", args=[thread.pk]), {"type": "like"}),
        (reverse("moderation:flag", args=[forum.pk]), {"reason": "spam"}),
        (reverse("spaces:post_create", args=[cast.space.slug]), {"title": "T", "body": "B"}),
        (reverse("spaces:forum_create"), {"title": "T", "body": "B"}),
        (reverse("stream:stream"), {"text": "A post", "visibility": "alliance"}),
    ]
    for url, data in attempts:
        response = client.post(url, data)
        assert response.status_code == 403, url
        assert "Your account is suspended" in response.content.decode()
    assert not Comment.objects.filter(author=cast.space_member).exists()
    assert not Content.objects.filter(author=cast.space_member).exists()
    assert not Flag.objects.exists()
    # The services refuse too, whoever calls them.
    from harambee.core.services import comment_create
    from harambee.stream.services import stream_post_create

    with pytest.raises(services.Suspended):
        comment_create(author=cast.space_member, content=thread, body="x")
    with pytest.raises(services.Suspended):
        stream_post_create(author=cast.space_member, text="x", visibility="alliance")
    # Signing out still works.
    assert client.post(reverse("account_logout")).status_code == 302


def test_a_suspension_ends_by_itself_or_when_lifted(cast, client_for, no_rate_limit):
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    suspension = services.member_suspend(
        actor=cast.steward,
        user=cast.space_member,
        reason="Cool down",
        until=timezone.now() + timedelta(hours=1),
    )
    Suspension.objects.filter(pk=suspension.pk).update(until=timezone.now() - timedelta(1))
    client = client_for(cast.space_member)
    url = reverse("core:comment", args=[thread.pk])
    assert client.post(url, {"body": "Back"}).status_code == 302
    later = services.member_suspend(actor=cast.steward, user=cast.space_member, reason="Again")
    assert client.post(url, {"body": "Blocked"}).status_code == 403
    steward = client_for(cast.steward)
    assert steward.post(reverse("moderation:lift", args=[later.pk])).status_code == 302
    assert client.post(url, {"body": "Free"}).status_code == 302
    assert AuditEntry.objects.filter(action=ModerationAction.SUSPENSION_LIFTED).exists()
    page = steward.get(reverse("moderation:suspensions")).content.decode()
    assert "Cool down" in page and "Again" in page


# Rate limits for new accounts ------------------------------------------------------------


def test_a_new_account_is_told_when_it_may_post_again_and_loses_nothing(cast, client_for, settings):
    settings.NEW_ACCOUNT_POSTS_PER_HOUR = 3
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    client = client_for(cast.space_member)
    url = reverse("core:comment", args=[thread.pk])
    for n in range(3):
        assert client.post(url, {"body": f"Comment {n}"}).status_code == 302
    first = Comment.objects.filter(author=cast.space_member).earliest("created").created
    response = client.post(url, {"body": "My carefully written fourth comment"})
    assert response.status_code == 422
    page = response.content.decode()
    retry = timezone.localtime(first + timedelta(hours=1)).strftime("%H:%M")
    assert f"New accounts may post up to 3 times an hour; try again after {retry}." in page
    assert "My carefully written fourth comment" in page
    assert Comment.objects.filter(author=cast.space_member).count() == 3
    # Items count too: the thread form keeps its text as well.
    response = client.post(
        reverse("spaces:post_create", args=[cast.space.slug]),
        {"title": "Kept title", "body": "Kept body", "visibility": "space"},
    )
    assert response.status_code == 422
    assert "New accounts may post up to 3 times" in response.content.decode()
    assert "Kept title" in response.content.decode()
    response = client.post(
        reverse("stream:stream"), {"text": "Kept post", "visibility": "alliance"}
    )
    assert response.status_code == 422 and "Kept post" in response.content.decode()
    assert not StreamPost.objects.exists()


def test_older_accounts_and_stewards_are_not_limited(cast, client_for, settings):
    settings.NEW_ACCOUNT_POSTS_PER_HOUR = 1
    type(cast.member).objects.filter(pk=cast.member.pk).update(
        date_joined=timezone.now() - timedelta(days=8)
    )
    cast.member.refresh_from_db()
    thread = PostFactory(space=None, author=cast.space_lead, visibility="alliance")
    for who in (cast.member, cast.steward):
        client = client_for(who)
        for n in range(3):
            response = client.post(reverse("core:comment", args=[thread.pk]), {"body": f"c{n}"})
            assert response.status_code == 302, who


def test_the_limit_window_slides(cast, settings):
    settings.NEW_ACCOUNT_POSTS_PER_HOUR = 2
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    from harambee.core.services import comment_create

    with person_writing():
        comment_create(author=cast.space_member, content=thread, body="one")
        comment_create(author=cast.space_member, content=thread, body="two")
        with pytest.raises(services.RateLimited):
            comment_create(author=cast.space_member, content=thread, body="three")
        Comment.objects.filter(author=cast.space_member).update(
            created=timezone.now() - timedelta(minutes=61)
        )
        comment_create(author=cast.space_member, content=thread, body="three")
    # Outside a person's request (commands, imports, the demo) nothing is limited.
    for n in range(3):
        comment_create(author=cast.space_member, content=thread, body=f"import {n}")


# Moving threads ----------------------------------------------------------------------


@pytest.fixture
def two_spaces(cast):
    MembershipFactory(space=cast.other_space, user=cast.space_lead, role=SpaceRole.FACILITATOR)
    return cast


def test_move_matrix(cast, two_spaces, client_for):
    thread = PostFactory(space=cast.space, author=cast.space_member, visibility="public")
    url = reverse("moderation:move", args=[thread.pk])
    assert_allowed(client_for, url, people(cast, ["space_lead", "steward"]))
    assert_forbidden(client_for, url, others(cast, ["space_lead", "steward"]))
    assert_forbidden(
        client_for,
        url,
        others(cast, ["space_lead", "steward"]),
        method="post",
        data={"to": str(cast.other_space.pk)},
    )
    assert Post.objects.get(pk=thread.pk).space == cast.space


def test_a_lead_of_both_spaces_moves_a_thread_and_it_is_audited(cast, two_spaces, client_for):
    thread = PostFactory(space=cast.space, author=cast.space_member, visibility="space")
    response = client_for(cast.space_lead).post(
        reverse("moderation:move", args=[thread.pk]), {"to": str(cast.other_space.pk)}
    )
    assert response.status_code == 302
    moved = Post.objects.get(pk=thread.pk)
    assert moved.space == cast.other_space and moved.visibility == "space"
    # The list key follows the space: the thread is listed in its new space only.
    assert moved.space_key == cast.other_space.pk
    new_list = client_for(cast.space_lead).get(
        reverse("spaces:threads", args=[cast.other_space.slug]) + "?sort=activity"
    )
    old_list = client_for(cast.space_lead).get(
        reverse("spaces:threads", args=[cast.space.slug]) + "?sort=activity"
    )
    assert thread.title in new_list.content.decode()
    assert thread.title not in old_list.content.decode()
    # The readers follow the place: the old space's members no longer read it.
    assert client_for(cast.space_member).get(moved.get_absolute_url()).status_code == 200  # author
    assert client_for(cast.guest).get(moved.get_absolute_url()).status_code == 404
    assert client_for(cast.outsider).get(moved.get_absolute_url()).status_code == 200
    entry = AuditEntry.objects.get(action=ModerationAction.THREAD_MOVED)
    assert entry.detail == {"moved_from": cast.space.name, "moved_to": cast.other_space.name}


def test_a_space_only_thread_goes_to_the_forum_only_when_widening_is_confirmed(cast, client_for):
    MembershipFactory(space=cast.space, user=cast.steward, role=SpaceRole.LEAD)
    thread = PostFactory(space=cast.space, author=cast.space_member, visibility="space")
    client = client_for(cast.steward)
    url = reverse("moderation:move", args=[thread.pk])
    response = client.post(url, {"to": "forum"})
    assert response.status_code == 422
    assert "whole alliance" in response.content.decode()
    assert Post.objects.get(pk=thread.pk).space == cast.space
    assert client.post(url, {"to": "forum", "widen": "on"}).status_code == 302
    moved = Post.objects.get(pk=thread.pk)
    assert moved.space is None and moved.visibility == "alliance"
    assert moved.space_key == 0
    assert thread.title in client.get(reverse("spaces:forum") + "?sort=replies").content.decode()
    assert AuditEntry.objects.filter(
        action=AuditAction.VISIBILITY_CHANGED, content_id=thread.pk
    ).exists()


def test_a_lead_cannot_move_into_a_space_they_do_not_moderate(cast):
    thread = PostFactory(space=cast.space, author=cast.space_member, visibility="public")
    with pytest.raises(PermissionDenied):
        services.thread_move(actor=cast.space_lead, thread=thread, to_space=cast.other_space)
    with pytest.raises(PermissionDenied):
        services.thread_move(actor=cast.space_lead, thread=thread, to_space=None)


def test_a_wiki_page_over_the_limit_keeps_its_text(cast, client_for, settings):
    from harambee.wiki.models import WikiPage

    settings.NEW_ACCOUNT_POSTS_PER_HOUR = 1
    PostFactory(space=None, author=cast.member, visibility="alliance")
    response = client_for(cast.member).post(
        reverse("wiki:create"),
        {
            "title": "Kept wiki title",
            "category": WikiPage.Category.CONCEPT,
            "visibility": "alliance",
            "body": "Kept wiki body",
        },
    )
    page = response.content.decode()
    assert "New accounts may post up to 1 time an hour" in page
    assert "Kept wiki title" in page and "Kept wiki body" in page
    assert not WikiPage.objects.exists()
