"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

Stream posts at every visibility in every space and alliance-wide, all tagged
``#leaktag``; the tag is also put on every other item of the world, of every kind,
so the tag page and the timeline are tried against all of them. Everyone in the
cast follows the tag, the authors and the spaces (the secret one too), and
bookmarks every item, hidden or not: none of that may show what the gate hides.
"""

from __future__ import annotations

from django.urls import reverse

from harambee.core.models import Visibility
from harambee.stream.models import Bookmark, ContentHashtag, Follow, Hashtag, StreamPost

TAG = "leaktag"


def build(cast, world) -> None:
    """Add this app's items to ``world`` (and to ``world["items"]``)."""
    posts = []
    for space, author in [*world["authors"].items(), (None, cast.member)]:
        for vis in Visibility.values:
            marker = f"LEAK{len(world['items'])}H"
            post = StreamPost.objects.create(
                space=space,
                author=author,
                visibility=vis,
                title=f"{marker}-TITLE",
                body=f"{marker}-BODY #{TAG} #{marker.lower()}tag",
            )
            posts.append(post)
            world["items"].append(post)
    world["stream_posts"] = posts
    tag = Hashtag.objects.get(name=TAG)
    ContentHashtag.objects.bulk_create(
        [ContentHashtag(content_id=item.pk, hashtag=tag) for item in world["items"]],
        ignore_conflicts=True,
    )
    readers = [getattr(cast, name) for name in cast.names if name != "anon"]
    follows, marks = [], []
    for reader in readers:
        follows.append(Follow(follower=reader, hashtag=tag))
        follows += [Follow(follower=reader, space=space) for space in world["spaces"]]
        follows += [
            Follow(follower=reader, person=author)
            for author in {*world["authors"].values(), cast.member, cast.steward}
            if author.pk != reader.pk
        ]
        marks += [Bookmark(user=reader, content_id=item.pk) for item in world["items"]]
    Follow.objects.bulk_create(follows, ignore_conflicts=True)
    Bookmark.objects.bulk_create(marks, ignore_conflicts=True)


def urls_for(name: str, cast, world) -> list[str] | None:
    """URLs for this app's routes that take parameters; None for other routes."""
    if not name.startswith("stream:"):
        return None
    posts = world["stream_posts"]
    if name in {"stream:post", "stream:post_remove"}:
        return [reverse(name, args=[p.pk]) for p in posts]
    if name == "stream:bookmark":
        return [reverse(name, args=[item.pk]) for item in world["items"]]
    if name in {"stream:tag", "stream:follow_tag"}:
        markers = [p.title.split("-")[0].lower() + "tag" for p in posts]
        return [reverse(name, args=[n]) for n in [TAG, *markers]]
    if name in {"stream:person", "stream:follow_person"}:
        people = {*world["authors"].values(), cast.member, cast.guest, cast.steward}
        return [reverse(name, args=[u.pk]) for u in people]
    if name in {"stream:space", "stream:follow_space"}:
        return [reverse(name, args=[s.slug]) for s in world["spaces"]]
    if name == "stream:timeline":
        return [reverse(name), reverse(name) + "?before=" + "9" * 17 + ".1"]
    if name == "stream:timeline_new":
        return [reverse(name), reverse(name) + "?since=0.0"]
    try:
        return [reverse(name)]
    except Exception:
        return None
