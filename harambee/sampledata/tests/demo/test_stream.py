from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.html import escape

from harambee.core.visibility import can_view
from harambee.sampledata.spaces import SPACES
from harambee.sampledata.stream import FOLLOWS
from harambee.spaces.models import Space
from harambee.stream.models import Bookmark, Follow, StreamPost

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_world(demo):
    spaces = {s.key: Space.objects.get(name=s.name) for s in SPACES}
    return demo, spaces


def test_the_demo_stream_has_tags_across_spaces_mentions_follows_and_bookmarks(
    demo_world, client_for
):
    people, spaces = demo_world
    radio = StreamPost.objects.filter(tagged__hashtag__name="radio")
    assert radio.values("space").distinct().count() >= 2
    assert StreamPost.objects.filter(body__contains="@akosua_boateng").exists()
    for key in FOLLOWS:
        assert Follow.objects.filter(follower=people[key]).exists(), key
        assert Bookmark.objects.filter(user=people[key]).exists(), key
    member = client_for(people["lucia"])
    page = member.get(reverse("stream:tag", args=["stakeholdermapping"])).content.decode()
    assert "chalk" in page
    timeline = member.get(reverse("stream:timeline")).content.decode()
    assert "stones" in timeline or "quilombo" in timeline
    post = StreamPost.objects.get(body__contains="@akosua_boateng")
    html = member.get(post.get_absolute_url()).content.decode()
    assert f'href="{reverse("people:person", args=[people["akosua"].pk])}"' in html


def test_demo_sign_ins_see_only_what_the_gate_allows(demo_world, client_for):
    people, _spaces = demo_world
    hidden_from_guest = [p for p in StreamPost.objects.all() if not can_view(people["pieter"], p)]
    assert hidden_from_guest
    guest = client_for(people["pieter"])
    for url in (reverse("stream:stream"), reverse("stream:timeline"), reverse("stream:bookmarks")):
        page = guest.get(url).content.decode()
        for post in hidden_from_guest:
            assert escape(post.title[:40]) not in page, (url, post.title)
