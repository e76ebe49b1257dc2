"""Watching and muting a conversation, and items that open to more people later."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.models import Visibility
from harambee.core.services import comment_create
from harambee.core.tests.factories import PostFactory
from harambee.core.tests.querycount import assert_constant_queries
from harambee.notifications import selectors
from harambee.notifications.models import Kind, Notification, Watch
from harambee.stories import services as stories
from harambee.stream.models import Follow
from harambee.stream.services import handle_ensure

pytestmark = pytest.mark.django_db


def kinds_for(user) -> list[str]:
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


# Watching and muting.


def test_a_watcher_hears_of_every_reply_without_taking_part(cast, client_for, run_on_commit_now):
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    page = client_for(cast.space_member).get(thread.get_absolute_url()).content.decode()
    assert "Watch this conversation to hear of every reply." in page
    response = client_for(cast.space_member).post(
        reverse("notifications:watch", args=[thread.pk]), {"watching": "1"}
    )
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    comment_create(author=cast.guest, content=thread, body="A reply")
    assert kinds_for(cast.space_member) == [Kind.THREAD]
    page = client_for(cast.space_member).get(thread.get_absolute_url()).content.decode()
    assert "You are watching this conversation" in page


def test_stop_watching_silences_replies_but_not_mentions(cast, client_for, run_on_commit_now):
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    first = comment_create(author=cast.space_member, content=thread, body="I take part")
    page = client_for(cast.space_member).get(thread.get_absolute_url()).content.decode()
    assert "You hear of replies here because you took part." in page
    Notification.objects.all().delete()
    client_for(cast.space_member).post(
        reverse("notifications:watch", args=[thread.pk]), {"watching": "0"}
    )
    client_for(cast.space_lead).post(
        reverse("notifications:watch", args=[thread.pk]), {"watching": "0"}
    )
    comment_create(author=cast.guest, content=thread, body="Another")
    comment_create(author=cast.guest, content=thread, body="To you", parent=first)
    assert kinds_for(cast.space_member) == []
    assert kinds_for(cast.space_lead) == []
    name = handle_ensure(user=cast.space_member).name
    comment_create(author=cast.guest, content=thread, body=f"But @{name}, look")
    assert kinds_for(cast.space_member) == [Kind.MENTION]
    page = client_for(cast.space_member).get(thread.get_absolute_url()).content.decode()
    assert "You stopped watching this conversation" in page
    # Watching again: every reply again.
    client_for(cast.space_member).post(
        reverse("notifications:watch", args=[thread.pk]), {"watching": "1"}
    )
    comment_create(author=cast.guest, content=thread, body="Back")
    assert kinds_for(cast.space_member) == [Kind.MENTION, Kind.THREAD]


def test_watching_works_on_every_kind_with_comments_and_with_htmx(
    cast, client_for, run_on_commit_now
):
    from harambee.stream.services import stream_post_create

    post = stream_post_create(
        author=cast.member, space=None, text="Short #radio", visibility="alliance", language="en"
    )
    client = client_for(cast.steward)
    page = client.get(post.get_absolute_url()).content.decode()
    assert f'id="watch-{post.pk}"' in page
    response = client.post(
        reverse("notifications:watch", args=[post.pk]), {"watching": "1"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "You are watching this conversation" in html and "<html" not in html
    assert Watch.objects.get(user=cast.steward, content=post).watching


def test_nobody_watches_what_they_may_not_see(cast, client_for):
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    response = client_for(cast.outsider).post(
        reverse("notifications:watch", args=[thread.pk]), {"watching": "1"}
    )
    assert response.status_code == 404
    assert not Watch.objects.exists()
    anonymous = client_for(None).post(reverse("notifications:watch", args=[thread.pk]))
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    assert (
        client_for(cast.member).get(reverse("notifications:watch", args=[thread.pk])).status_code
        == 405
    )


def test_a_watcher_who_lost_access_hears_nothing(cast, run_on_commit_now):
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    Watch.objects.create(user=cast.outsider, content=thread, watching=True)
    comment_create(author=cast.space_member, content=thread, body="Inside only")
    assert kinds_for(cast.outsider) == []


def test_the_watch_state_is_one_query(cast, django_assert_num_queries):
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    with django_assert_num_queries(1):
        assert selectors.watch_state(cast.space_member, thread) == ""
    with django_assert_num_queries(1):
        assert selectors.watch_state(cast.space_lead, thread) == "taking_part"
    Watch.objects.create(user=cast.space_member, content=thread, watching=False)
    assert selectors.watch_state(cast.space_member, thread) == "muted"


# Items that open to more people later.


def test_a_story_published_after_review_tells_followers_then(cast, run_on_commit_now):
    Follow.objects.create(follower=cast.member, space=cast.space)
    Follow.objects.create(follower=cast.outsider, person=cast.space_lead)
    story = stories.story_create(
        author=cast.space_lead,
        space=cast.space,
        title="A story",
        body="Told later",
        audience=Visibility.ALLIANCE,
    )
    assert kinds_for(cast.member) == [] and kinds_for(cast.outsider) == []
    stories.story_submit(actor=cast.space_lead, story=story)
    # In review: the space's members read it; the alliance member outside it does not.
    assert kinds_for(cast.member) == []
    stories.story_publish(actor=cast.space_lead, story=story)
    assert kinds_for(cast.member) == [Kind.FOLLOWED]
    # The outside guest follows the author, but alliance stories are not for guests.
    assert kinds_for(cast.outsider) == []
    # Published again after an edit: nobody is told twice.
    stories.story_update(actor=cast.space_lead, story=story, title="A story, edited")
    assert kinds_for(cast.member) == [Kind.FOLLOWED]
    assert Notification.objects.filter(content=story, recipient=cast.member).count() == 1


def test_a_draft_made_public_tells_the_people_it_mentions(cast, run_on_commit_now):
    name = handle_ensure(user=cast.member).name
    post = PostFactory(
        space=cast.space,
        author=cast.space_lead,
        visibility=Visibility.PRIVATE,
        body=f"Draft for @{name}",
    )
    assert kinds_for(cast.member) == []
    post.visibility = Visibility.ALLIANCE
    post.save()
    assert kinds_for(cast.member) == [Kind.MENTION]
    # An edit that changes no audience tells nobody anything new.
    post.title = "Renamed"
    post.save()
    assert kinds_for(cast.member) == [Kind.MENTION]


def test_narrowing_tells_nobody(cast, run_on_commit_now):
    Follow.objects.create(follower=cast.space_member, space=cast.space)
    post = PostFactory(space=cast.space, author=cast.space_lead, visibility=Visibility.PUBLIC)
    assert kinds_for(cast.space_member) == [Kind.FOLLOWED]
    Notification.objects.all().delete()
    post.visibility = Visibility.PRIVATE
    post.save()
    assert not Notification.objects.exists()


def test_the_thread_page_query_count_stays_constant_with_watching(cast, client_for):
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")

    def grow(n: int) -> None:
        for i in range(n):
            comment_create(author=cast.space_member, content=thread, body=f"Reply {i}")

    assert_constant_queries(client_for(cast.space_member), thread.get_absolute_url(), grow)
