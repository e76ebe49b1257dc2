"""A small world for the portal's tests: one item of each fed kind on each side of
the gate, in a public space, a members-only space and a secret one."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import feedparser
from django.utils import timezone

from harambee.core.tests.factories import MembershipFactory, PostFactory, SpaceFactory
from harambee.events.models import Event
from harambee.initiatives.models import Initiative, LearningNote, Lesson, Theme
from harambee.library.models import Resource
from harambee.spaces.models import Space
from harambee.stories.models import Story
from harambee.stream.models import ContentHashtag, Hashtag

TAG = "rainwater"
KINDS = ["story", "lesson", "resource", "event", "post"]


def make_item(kind: str, *, space, author, visibility: str, title: str, body: str = ""):
    common = {
        "space": space,
        "author": author,
        "visibility": visibility,
        "title": title,
        "body": body or f"{title} body text #{TAG}",
    }
    if kind == "story":
        return Story.objects.create(
            status="published", audience="public", published=timezone.now(), **common
        )
    if kind == "lesson":
        note = LearningNote.objects.create(
            initiative=space.initiative,
            space=space,
            author=author,
            visibility="private",
            title="A note",
            learned="x",
        )
        return Lesson.objects.create(note=note, **common)
    if kind == "resource":
        return Resource.objects.create(resource_type=Resource.Type.REPORT, **common)
    if kind == "event":
        starts = timezone.now() + timedelta(days=3)
        return Event.objects.create(
            event_kind=Event.Kind.WEBINAR,
            starts=starts,
            ends=starts + timedelta(hours=2),
            time_zone="Africa/Accra",
            mode=Event.Mode.ONLINE,
            **common,
        )
    post = PostFactory(**common)
    return post


def build(cast) -> SimpleNamespace:
    """Titles say where each item stands: ``PUB-<kind>`` may leave the platform;
    ``HID-`` (space visibility), ``SEC-`` (public, in a secret space) and ``MEM-``
    (public, in a members-only space) may not."""
    public = cast.space
    Space.objects.filter(pk=public.pk).update(listing=Space.Listing.PUBLIC)
    public.refresh_from_db()
    members = cast.other_space
    secret = SpaceFactory(name="Secret table", slug="secret-table", listing=Space.Listing.SECRET)
    MembershipFactory(space=secret, user=cast.space_member)
    theme = Theme.objects.create(name="Forests", slug="forests", group="issue")
    for space in (public, members, secret):
        initiative = Initiative.objects.create(space=space, countries=["GH"])
        initiative.themes.add(theme)
    hashtag, _ = Hashtag.objects.get_or_create(name=TAG)
    items: dict[str, object] = {}
    places = [
        ("PUB", public, "public"),
        ("HID", public, "space"),
        ("SEC", secret, "public"),
        ("MEM", members, "public"),
    ]
    for kind in KINDS:
        for prefix, space, vis in places:
            item = make_item(
                kind, space=space, author=cast.space_lead, visibility=vis, title=f"{prefix}-{kind}"
            )
            items[f"{prefix}-{kind}"] = item
            ContentHashtag.objects.get_or_create(content_id=item.pk, hashtag=hashtag)
            if hasattr(item, "themes"):
                item.themes.add(theme)
    return SimpleNamespace(
        public=public, members=members, secret=secret, theme=theme, items=items, tag=TAG
    )


def parse(response):
    """The feed, parsed as a feed reader would, and failing the test if malformed."""
    assert response.status_code == 200, response.status_code
    body = response.content
    parsed = feedparser.parse(body)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def titles(parsed) -> set[str]:
    return {entry.title for entry in parsed.entries}
