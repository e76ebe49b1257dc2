"""The demo's threads load through the services and show every thread feature."""

from __future__ import annotations

import pytest
from django.utils import timezone

from harambee.core.models import Comment
from harambee.core.visibility import can_view, visible
from harambee.people.roles import AllianceRole
from harambee.sampledata.people import load_organisations, load_people
from harambee.sampledata.spaces import load_spaces
from harambee.sampledata.threads import OUTSIDE_VOICE, load_threads
from harambee.spaces.models import Post, ThreadGuest, ThreadSummary

pytestmark = pytest.mark.django_db


def test_the_demo_threads_load_with_every_feature(client_for):
    now = timezone.now().replace(second=0, microsecond=0)
    people = load_people(load_organisations(), now)
    spaces = load_spaces(people, now)
    load_threads(people, spaces, now)

    threads = Post.objects.filter(comments__isnull=False).distinct()
    assert Post.objects.filter(space__isnull=True).count() == 3
    assert threads.filter(pinned=True).count() == 2
    assert threads.filter(locked=True).count() == 1
    assert threads.filter(is_question=True, answer__isnull=False).count() == 2
    assert Comment.objects.filter(body__contains="wrote](").count() >= 6
    assert ThreadSummary.objects.values("thread").distinct().count() >= 4
    sectors = {c.author.sector for c in Comment.objects.select_related("author")}
    assert {"civil_society", "government", "business", "research", "community"} <= sectors

    grant = ThreadGuest.objects.select_related("user", "thread").get()
    voice = grant.user
    assert voice.email == OUTSIDE_VOICE["email"] and voice.role == AllianceRole.GUEST
    assert grant.is_active and grant.thread.locked
    assert set(visible(voice, Post.objects.exclude(visibility="public"))) == {grant.thread}
    assert can_view(voice, grant.thread)
    page = client_for(voice).get(grant.thread.get_absolute_url()).content.decode()
    assert "firebreak" in page and "Where this discussion stands" in page
    assert spaces["ghana"].name not in page
