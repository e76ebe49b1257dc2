from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from harambee.core.models import Content
from harambee.portal.tests.helpers import KINDS, parse, titles

pytestmark = pytest.mark.django_db

FORMATS = ["rss", "atom"]
HIDDEN_PREFIXES = ("HID-", "SEC-", "MEM-")


def _anonymous_feeds(world) -> list[tuple[str, set[str]]]:
    """(feed address, titles it must show) for every anonymous feed."""
    public_titles = {f"PUB-{kind}" for kind in KINDS}
    feeds = [
        (reverse("portal:all_rss"), public_titles),
        (reverse("portal:space_rss", args=[world.public.slug]), public_titles),
        (reverse("portal:initiative_rss", args=[world.public.slug]), public_titles),
        (reverse("portal:tag_rss", args=[world.tag]), public_titles),
        (
            reverse("portal:theme_rss", args=[world.theme.slug]),
            {"PUB-story", "PUB-lesson", "PUB-resource", "PUB-post"},
        ),
    ]
    feeds += [(reverse("portal:kind_rss", args=[kind]), {f"PUB-{kind}"}) for kind in KINDS]
    return feeds


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("who", ["anon", "space_member", "steward"])
def test_every_anonymous_feed_shows_public_items_and_nothing_else(
    cast, world, client_for, who, fmt
):
    """Whoever asks (a signed-in member too), a feed is what the public may read."""
    client = client_for(getattr(cast, who))
    for url, expected in _anonymous_feeds(world):
        url = url.replace("rss.xml", f"{fmt}.xml")
        parsed = parse(client.get(url))
        shown = titles(parsed)
        assert expected <= shown, (url, expected - shown)
        assert not [t for t in shown if t.startswith(HIDDEN_PREFIXES)], (url, shown)
        assert parsed.version == ("rss20" if fmt == "rss" else "atom10")


def test_feed_entries_link_absolutely_with_excerpts_and_dates(client, world):
    parsed = parse(client.get(reverse("portal:kind_rss", args=["story"])))
    entry = next(e for e in parsed.entries if e.title == "PUB-story")
    story = world.items["PUB-story"]
    assert entry.link == f"{settings.SITE_URL}{story.get_absolute_url()}"
    assert "PUB-story body text" in entry.summary
    assert entry.published_parsed is not None
    # Nobody is named to an anonymous reader.
    assert "author" not in entry
    assert "Lea Lead" not in client.get(reverse("portal:all_atom")).content.decode()


def test_descriptions_are_escaped_text(client, cast, world):
    from harambee.portal.tests.helpers import make_item

    make_item(
        "post",
        space=world.public,
        author=cast.space_lead,
        visibility="public",
        title="Tricky <b>title</b> & co",
        body='**Bold** <script>alert("x")</script> <img src=x onerror=alert(1)> & more',
    )
    for fmt in FORMATS:
        response = client.get(reverse(f"portal:kind_{fmt}", args=["post"]))
        raw = response.content.decode()
        assert "<script" not in raw and "<img" not in raw and "<b>" not in raw
        parsed = parse(response)
        entry = next(e for e in parsed.entries if e.title.startswith("Tricky"))
        assert entry.title == "Tricky <b>title</b> & co"
        assert "Bold" in entry.summary and "alert" not in entry.summary


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("who", ["anon", "space_member", "steward"])
def test_feeds_of_spaces_the_public_may_not_know_answer_404(cast, world, client_for, who, fmt):
    client = client_for(getattr(cast, who))
    for space in (world.members, world.secret):
        for scope in ("space", "initiative"):
            url = reverse(f"portal:{scope}_{fmt}", args=[space.slug])
            assert client.get(url).status_code == 404, url


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/kinds/nonsense/rss.xml",
        "/feeds/kinds/99999999999999999999/atom.xml",
        "/feeds/spaces/no-such-space/rss.xml",
        "/feeds/initiatives/no-such-space/atom.xml",
        "/feeds/themes/no-such-theme/rss.xml",
        "/feeds/tags/not%20a%20tag/rss.xml",
        "/feeds/tags/%00/atom.xml",
        "/feeds/private/99999999999999999999/rss.xml",
        "/feeds/private/" + "x" * 300 + "/atom.xml",
    ],
)
def test_bad_input_answers_404(client, world, url):
    assert client.get(url).status_code == 404


def test_a_space_without_an_initiative_has_no_initiative_feed(client, world):
    from harambee.initiatives.models import Initiative

    Initiative.objects.filter(space=world.public).delete()
    assert client.get(reverse("portal:initiative_rss", args=[world.public.slug])).status_code == 404
    assert client.get(reverse("portal:space_rss", args=[world.public.slug])).status_code == 200


def test_a_tag_nobody_used_has_an_empty_feed_like_a_tag_used_only_in_private(client, cast, world):
    """Its feed must not tell a hidden tag from an unused one."""
    from harambee.portal.tests.helpers import make_item
    from harambee.stream.models import ContentHashtag, Hashtag

    hidden = make_item(
        "post",
        space=world.public,
        author=cast.space_lead,
        visibility="space",
        title="HID-tagged",
        body="x",
    )
    ContentHashtag.objects.create(content=hidden, hashtag=Hashtag.objects.create(name="quiet"))
    unused = parse(client.get(reverse("portal:tag_rss", args=["nobodyusedthis"])))
    quiet = parse(client.get(reverse("portal:tag_rss", args=["quiet"])))
    assert unused.entries == [] and quiet.entries == []


def test_removed_and_made_private_items_leave_the_feeds(client, world):
    story = world.items["PUB-story"]
    lesson = world.items["PUB-lesson"]
    Content.objects.filter(pk=story.pk).update(removed=True)
    Content.objects.filter(pk=lesson.pk).update(visibility="alliance")
    shown = titles(parse(client.get(reverse("portal:all_rss"))))
    assert "PUB-story" not in shown and "PUB-lesson" not in shown
    assert "PUB-resource" in shown


def test_a_feed_of_many_items_asks_a_bounded_number_of_queries(
    client, cast, world, django_assert_max_num_queries
):
    from harambee.portal.tests.helpers import make_item

    for n in range(55):
        make_item(
            "post",
            space=world.public,
            author=cast.space_lead,
            visibility="public",
            title=f"Many {n}",
        )
    urls = [
        reverse("portal:all_rss"),
        reverse("portal:kind_atom", args=["post"]),
        reverse("portal:space_rss", args=[world.public.slug]),
        reverse("portal:initiative_atom", args=[world.public.slug]),
        reverse("portal:tag_rss", args=[world.tag]),
        reverse("portal:theme_atom", args=[world.theme.slug]),
    ]
    for url in urls:
        with django_assert_max_num_queries(4):
            parsed = parse(client.get(url))
        assert len(parsed.entries) >= (50 if "theme" not in url else 4), url
