from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _locs(response) -> set[str]:
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {loc.text for loc in root.iter(f"{SITEMAP_NS}loc")}


def _sitemap_urls(client) -> set[str]:
    """Every address of every section the index names."""
    found: set[str] = set()
    for section in _locs(client.get("/sitemap.xml")):
        found |= _locs(client.get(urlsplit(section).path + "?" + urlsplit(section).query))
    return found


def test_the_sitemap_lists_public_addresses_only(client, world):
    urls = _sitemap_urls(client)
    for title, item in world.items.items():
        address = f"{settings.SITE_URL}{item.get_absolute_url()}"
        if title.startswith("PUB-"):
            assert address in urls, title
        else:
            assert address not in urls, title
    assert f"{settings.SITE_URL}{world.public.get_absolute_url()}" in urls
    assert f"{settings.SITE_URL}/initiatives/{world.public.slug}/" in urls
    assert f"{settings.SITE_URL}/themes/{world.theme.slug}/" in urls
    for space in (world.members, world.secret):
        assert not [u for u in urls if f"/{space.slug}/" in u], space.slug


def test_every_sitemap_address_opens_for_an_anonymous_visitor(client, world):
    for url in _sitemap_urls(client):
        path = url.removeprefix(settings.SITE_URL)
        assert client.get(path, follow=True).status_code == 200, path


def test_the_sitemap_asks_a_bounded_number_of_queries(
    client, cast, world, django_assert_max_num_queries
):
    from harambee.portal.tests.helpers import make_item

    for n in range(30):
        make_item(
            "post",
            space=world.public,
            author=cast.space_lead,
            visibility="public",
            title=f"Many {n}",
        )
    with django_assert_max_num_queries(6):
        assert len(_locs(client.get("/sitemap.xml"))) == 5
    with django_assert_max_num_queries(3):
        assert len(_locs(client.get("/sitemap-items.xml"))) == 35


def test_the_sitemap_answers_bad_input_with_404(client, world):
    assert client.get("/sitemap-nonsense.xml").status_code == 404
    assert client.get("/sitemap-items.xml?p=99999999999999999999").status_code == 404
    assert client.get("/sitemap-items.xml?p=abc").status_code == 404


def test_robots_txt_keeps_crawlers_out_of_private_paths_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    for path in ("/accounts/", "/admin/", "/search/", "/feeds/private/"):
        assert f"Disallow: {path}\n" in body
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in body


def _head(page: str) -> str:
    return page.split("</head>", 1)[0]


def test_a_public_item_has_canonical_and_opengraph_tags(client, world):
    story = world.items["PUB-story"]
    head = _head(client.get(story.get_absolute_url()).content.decode())
    url = f"{settings.SITE_URL}{story.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in head
    assert f'<meta property="og:url" content="{url}">' in head
    assert '<meta property="og:title" content="PUB-story">' in head
    assert '<meta property="og:type" content="article">' in head
    assert re.search(r'<meta property="og:description" content="PUB-story body text', head)


def test_a_non_public_item_gives_previews_nothing_of_itself(cast, world, client_for):
    story = world.items["HID-story"]
    page = client_for(cast.space_member).get(story.get_absolute_url())
    assert page.status_code == 200
    head = _head(page.content.decode())
    assert "HID-story" not in head.split("<title>")[0] + head.split("</title>")[1]
    assert "og:description" not in head
    assert f'<meta property="og:title" content="{settings.SITE_NAME}">' in head


def test_pages_announce_the_feeds_that_exist_for_everyone(cast, world, client, client_for):
    def alternates(c, url):
        return re.findall(
            r'<link rel="alternate" type="application/rss\+xml" title="[^"]*" href="([^"]+)">',
            _head(c.get(url).content.decode()),
        )

    everything_and_news = [reverse("portal:all_rss"), reverse("portal:kind_rss", args=["news"])]
    assert alternates(client, "/") == everything_and_news
    assert alternates(client, reverse("portal:front")) == everything_and_news
    assert alternates(client, reverse("portal:news_list")) == everything_and_news[1:]
    assert alternates(client, world.public.get_absolute_url()) == [
        reverse("portal:space_rss", args=[world.public.slug])
    ]
    assert alternates(client, reverse("stories:blog")) == [
        reverse("portal:kind_rss", args=["story"])
    ]
    assert alternates(client, reverse("synthesis:theme", args=[world.theme.slug])) == [
        reverse("portal:theme_rss", args=[world.theme.slug])
    ]
    # A space the public may not know: no feed, even to its members.
    member = client_for(cast.space_member)
    assert alternates(member, world.secret.get_absolute_url()) == []
    for url in alternates(client, "/") + alternates(client, world.public.get_absolute_url()):
        assert client.get(url).status_code == 200
