"""The stream's pages, as the cast sees them, are valid HTML (Nu Html Checker), and
its fragments are valid inside a page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.tests.checkers import VNU_JAR, java, require_file, vnu
from harambee.core.tests.factories import PostFactory
from harambee.core.tests.test_html_validity import report
from harambee.stream import services
from harambee.stream.models import Bookmark, Follow, Hashtag, StreamPost

pytestmark = pytest.mark.django_db


def test_stream_pages_are_valid_html(cast, client_for, tmp_path):
    require_file(VNU_JAR)
    java()
    posts = []
    for n in range(22):  # more than a page
        post = services.stream_post_create(
            author=cast.space_member,
            space=cast.space if n % 2 else None,
            text=f"Post {n} about #radio & <b>, for @mo_member: `code` **bold**",
            visibility="alliance" if n % 2 else "public",
        )
        posts.append(post)
    PostFactory(space=cast.space, visibility="public", title="A thread on #radio")
    post = posts[-1]
    client = client_for(cast.space_member)
    client.post(reverse("core:comment", args=[post.pk]), {"body": "Reply to @mo_member"})
    client.post(reverse("core:react", args=[post.pk]), {"type": "like"})
    Bookmark.objects.create(user=cast.member, content=post)
    Follow.objects.create(follower=cast.member, hashtag=Hashtag.objects.get(name="radio"))
    Follow.objects.create(follower=cast.member, space=cast.space)
    Follow.objects.create(follower=cast.member, person=cast.space_member)
    since = "0.0"
    pages = {
        "stream-anon": (None, "get", reverse("stream:stream"), {}),
        "stream": (cast.member, "get", reverse("stream:stream"), {}),
        "stream-errors": (cast.member, "post", reverse("stream:stream"), {"text": "x" * 501}),
        "stream-older": (cast.member, "get", reverse("stream:stream") + "?before=" + since, {}),
        "space-stream": (
            cast.space_member,
            "get",
            reverse("stream:space", args=["ghana-forest"]),
            {},
        ),
        "post": (cast.space_member, "get", post.get_absolute_url(), {}),
        "post-anon": (None, "get", posts[-2].get_absolute_url(), {}),
        "tag": (cast.member, "get", reverse("stream:tag", args=["radio"]), {}),
        "tag-anon": (None, "get", reverse("stream:tag", args=["radio"]), {}),
        "timeline": (cast.member, "get", reverse("stream:timeline"), {}),
        "timeline-empty": (cast.guest, "get", reverse("stream:timeline"), {}),
        "bookmarks": (cast.member, "get", reverse("stream:bookmarks"), {}),
        "person": (cast.member, "get", reverse("stream:person", args=[cast.space_member.pk]), {}),
    }
    html: dict[str, str] = {}
    for label, (who, method, url, data) in pages.items():
        response = getattr(client_for(who), method)(url, data)
        assert response.status_code in (200, 422), (label, response.status_code)
        html[label] = response.content.decode()
    fragments = {
        "new-items": client_for(cast.member).get(
            reverse("stream:timeline_new") + "?since=0.0", HTTP_HX_REQUEST="true"
        ),
        "follow": client_for(cast.member).post(
            reverse("stream:follow_tag", args=["wash"]), HTTP_HX_REQUEST="true"
        ),
        "bookmark": client_for(cast.member).post(
            reverse("stream:bookmark", args=[post.pk]), {"on": "0"}, HTTP_HX_REQUEST="true"
        ),
    }
    for label, response in fragments.items():
        html[label] = (
            '<!DOCTYPE html><html lang="en"><head><title>f</title></head><body><main>'
            + response.content.decode()
            + "</main></body></html>"
        )
    for label, text in html.items():
        (tmp_path / f"{label}.html").write_text(text, encoding="utf-8")
    problems = [
        m for m in vnu(tmp_path) if m.get("type") == "error" or m.get("subType") == "warning"
    ]
    assert not problems, report(problems)
    assert StreamPost.objects.count() == 22
