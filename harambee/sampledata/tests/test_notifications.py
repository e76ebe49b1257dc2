from __future__ import annotations

import pytest
from django.utils import timezone

from harambee.core.tests.factories import CommentFactory, MembershipFactory, PostFactory
from harambee.core.visibility import can_view
from harambee.notifications import selectors
from harambee.notifications.models import Notification, Watch
from harambee.sampledata.notifications import load_notifications

pytestmark = pytest.mark.django_db


def test_demo_notifications_are_pending_and_through_the_gate(cast):
    for n in range(4):
        PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
        PostFactory(space=cast.other_space, author=cast.outsider, visibility="space")
    mine = PostFactory(space=cast.space, author=cast.space_member, visibility="space")
    CommentFactory(content=mine, author=cast.space_lead)
    MembershipFactory(space=cast.space, user=cast.member)
    people = {"amara": cast.steward, "kwame": cast.space_lead, "lucia": cast.space_member}
    load_notifications(people, timezone.now())
    for person in people.values():
        notices = Notification.objects.filter(recipient=person)
        assert all(can_view(person, n.content) for n in notices)
    assert selectors.unread_count(cast.space_member) >= 4
    assert Notification.objects.filter(recipient=cast.space_member, read__isnull=False).exists()
    assert not Notification.objects.filter(recipient=cast.steward).exists()  # none visible


def test_demo_sign_ins_watch_a_forum_thread_they_may_read(cast):
    hidden = PostFactory(space=None, author=cast.steward, visibility="private")
    forum = PostFactory(space=None, author=cast.space_lead, visibility="alliance")
    people = {"lucia": cast.space_member, "kwame": cast.space_lead}
    load_notifications(people, timezone.now())
    watched = Watch.objects.filter(user=cast.space_member).get()
    assert watched.content_id == forum.pk and watched.watching
    assert not Watch.objects.filter(content=hidden).exists()
    assert not Watch.objects.filter(user=cast.space_lead, content=forum).exists()
