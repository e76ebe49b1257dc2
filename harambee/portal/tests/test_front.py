"""The front page, featured items and news: what a visitor is shown is public, for
the whole cast; a steward curates; an item that stops being public leaves."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from harambee.core.models import Content
from harambee.portal import services
from harambee.portal.models import Feature, News
from harambee.portal.tests.helpers import KINDS, parse, titles

pytestmark = pytest.mark.django_db

EVERYONE = ["anon", "outsider", "guest", "member", "space_member", "space_lead", "steward"]


def feature_everything(world, steward):
    """A feature on every item, hidden ones too (as if each had been public once)."""
    Feature.objects.bulk_create(
        [Feature(content_id=item.pk, featured_by=steward) for item in world.items.values()]
    )


def section(html: str, heading_id: str) -> str:
    """The part of the page from a section's heading to the next section."""
    start = html.index(f'id="{heading_id}"')
    end = html.find("<section", start)
    return html[start : end if end != -1 else len(html)]


@pytest.mark.parametrize("who", EVERYONE)
def test_the_front_page_shows_the_public_only_whoever_asks(cast, world, client_for, who):
    feature_everything(world, cast.steward)
    News.objects.create(author=cast.steward, visibility="public", title="PUB-news")
    News.objects.create(author=cast.steward, visibility="private", title="HID-news-draft")
    News.objects.create(author=cast.steward, visibility="alliance", title="HID-news-members")
    html = client_for(getattr(cast, who)).get(reverse("portal:front")).content.decode()
    assert "HID-" not in html and "SEC-" not in html and "MEM-" not in html, who
    assert "Secret table" not in html
    featured = section(html, "featured-heading")
    for kind in KINDS:
        assert f"PUB-{kind}" in featured, (who, kind)
    assert "PUB-news" in section(html, "news-heading")
    assert "PUB-event" in html  # upcoming
    assert world.public.name in section(html, "initiatives-heading")
    assert "Ghana" in section(html, "initiatives-heading")


def test_visitors_get_the_front_page_at_home_and_members_keep_theirs(cast, world, client_for):
    anon = client_for(None).get("/").content.decode()
    assert 'data-slot="initiatives-map"' in anon
    assert reverse("portal:newsletter") in anon
    member = client_for(cast.member).get("/").content.decode()
    assert 'data-slot="initiatives-map"' not in member
    # The front page names one address for both.
    front = client_for(None).get(reverse("portal:front")).content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', front).group(1)
    assert canonical.endswith("/") and not canonical.endswith("/portal/")


def test_an_item_that_stops_being_public_leaves_the_front_page(cast, world, client_for):
    story = world.items["PUB-story"]
    services.feature_add(actor=cast.steward, content=story)
    client = client_for(None)
    assert "PUB-story" in section(client.get("/").content.decode(), "featured-heading")
    Content.objects.filter(pk=story.pk).update(visibility="space")
    cache.clear()
    assert "PUB-story" not in client.get("/").content.decode()
    curate = client_for(cast.steward).get(reverse("portal:curate")).content.decode()
    assert "1 featured item is not public any more" in curate


def test_a_steward_features_public_items_and_is_refused_the_others(cast, world, client_for):
    steward = client_for(cast.steward)
    url = reverse("portal:curate")
    story = world.items["PUB-story"]
    response = steward.post(
        url, {"action": "address", "address": f"https://x.example{story.get_absolute_url()}"}
    )
    assert response.status_code == 302
    assert Feature.objects.filter(content=story).exists()
    members_news = News.objects.create(author=cast.steward, visibility="alliance", title="M")
    refused = {
        # Public, but in a space the public may not know; visible to members only.
        "Only public items can be featured": [
            world.items["MEM-story"],
            world.items["SEC-lesson"],
            members_news,
        ],
        # What the steward may not read is not there at all, as for a missing item.
        "not the page of an item": [world.items["HID-story"]],
    }
    for message, items in refused.items():
        for item in items:
            address = item.get_absolute_url()
            response = steward.post(url, {"action": "address", "address": address})
            assert response.status_code == 422, address
            assert message in response.content.decode(), address
            assert address in response.content.decode()  # what was typed is kept
            assert not Feature.objects.filter(content=item).exists()
    response = steward.post(url, {"action": "address", "address": "/not/an/item/"})
    assert response.status_code == 422
    assert "not the page of an item" in response.content.decode()
    # The candidates' buttons: feature and take off again.
    lesson = world.items["PUB-lesson"]
    response = steward.post(url, {"action": "feature", "item": lesson.pk}, follow=True)
    assert "It is on the front page." in response.content.decode()
    response = steward.post(url, {"action": "feature", "item": members_news.pk}, follow=True)
    assert "Only public items can be featured" in response.content.decode()
    steward.post(url, {"action": "unfeature", "item": lesson.pk})
    assert not Feature.objects.filter(content=lesson).exists()
    response = steward.post(url, {"action": "feature", "item": "99999999999999999999"}, follow=True)
    assert "That item cannot be found." in response.content.decode()


def test_the_curation_page_lists_only_public_candidates(cast, world, client_for):
    html = client_for(cast.steward).get(reverse("portal:curate")).content.decode()
    assert "PUB-story" in html
    assert "HID-" not in html and "MEM-" not in html and "SEC-" not in html


@pytest.mark.parametrize("who", ["anon", "member", "space_lead", "guest"])
def test_only_stewards_curate_and_write_news(cast, world, client_for, who):
    client = client_for(getattr(cast, who))
    for url in (reverse("portal:curate"), reverse("portal:news_create")):
        response = client.get(url)
        assert response.status_code in (302, 403), (who, url)
        response = client.post(url, {"action": "intro", "intro": "Taken over", "title": "x"})
        assert response.status_code in (302, 403), (who, url)
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"]
    assert not News.objects.exists()
    with pytest.raises(Exception):  # noqa: B017 -- PermissionDenied from the service
        services.feature_add(actor=getattr(cast, who), content=world.items["PUB-story"])


def test_the_steward_writes_the_front_page_text(cast, world, client_for):
    steward = client_for(cast.steward)
    response = steward.post(
        reverse("portal:curate"),
        {"action": "intro", "intro": "We **learn** together. <script>alert(1)</script>"},
    )
    assert response.status_code == 302
    html = client_for(None).get("/").content.decode()
    assert "<strong>learn</strong>" in html
    assert "<script>alert(1)" not in html


def test_news_is_written_published_listed_fed_and_searched(cast, world, client_for):
    steward = client_for(cast.steward)
    response = steward.post(
        reverse("portal:news_create"),
        {"title": "Draft news", "body": "Not yet *ready*.", "published": ""},
    )
    draft = News.objects.get(title="Draft news")
    assert response.status_code == 302 and draft.visibility == "private"
    anon = client_for(None)
    assert anon.get(draft.get_absolute_url()).status_code == 404
    assert client_for(cast.member).get(draft.get_absolute_url()).status_code == 404
    assert "Draft news" not in anon.get(reverse("portal:news_list")).content.decode()
    assert "Draft news" in steward.get(reverse("portal:news_list")).content.decode()
    response = steward.post(
        reverse("portal:news_edit", args=[draft.pk]),
        {"title": "Alliance meets in Accra", "body": "Now *ready*.", "publish": "on"},
    )
    assert response.status_code == 302
    page = anon.get(draft.get_absolute_url()).content.decode()
    assert "Alliance meets in Accra" in page and "<em>ready</em>" in page
    assert "Alliance meets in Accra" in anon.get(reverse("portal:news_list")).content.decode()
    feed = parse(anon.get(reverse("portal:kind_rss", args=["news"])))
    assert titles(feed) == {"Alliance meets in Accra"}
    atom = parse(anon.get(reverse("portal:kind_atom", args=["news"])))
    assert titles(atom) == {"Alliance meets in Accra"}
    sitemap = anon.get(reverse("portal:sitemap_section", args=["items"])).content.decode()
    assert draft.get_absolute_url() in sitemap


def test_a_publish_date_in_the_future_is_refused_and_the_text_kept(cast, client_for):
    steward = client_for(cast.steward)
    later = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = steward.post(
        reverse("portal:news_create"),
        {"title": "Early bird", "body": "Kept text", "published": later, "publish": "on"},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "cannot be in the future" in html and "Kept text" in html
    assert not News.objects.exists()


def test_the_front_page_stays_within_the_query_budget_and_is_cached(
    cast, world, client_for, settings
):
    feature_everything(world, cast.steward)
    for n in range(8):
        News.objects.create(author=cast.steward, visibility="public", title=f"News {n}")
    client = client_for(None)
    with CaptureQueriesContext(connection) as first:
        response = client.get("/")
    assert response.status_code == 200
    assert len(first.captured_queries) <= 12, [q["sql"][:120] for q in first.captured_queries]
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 60
    client.get("/")
    with CaptureQueriesContext(connection) as again:
        assert client.get("/").content == client.get("/").content
    assert len(again.captured_queries) == 0
    with CaptureQueriesContext(connection) as news:
        client.get(reverse("portal:news_list"))
    assert len(news.captured_queries) <= 12


def test_a_feature_written_empties_the_page_cache(
    cast, world, client_for, settings, django_capture_on_commit_callbacks
):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 60
    client = client_for(None)
    assert 'id="featured-heading"' not in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.feature_add(actor=cast.steward, content=world.items["PUB-story"])
    html = client.get("/").content.decode()
    assert "PUB-story" in section(html, "featured-heading")


FEATURE_BUTTON = "Feature on the front page"


def test_a_steward_features_a_public_item_from_its_own_page(cast, world, client_for):
    """Every public item's page offers stewards the button (and nobody else); it
    features the item and comes back to the page; a refused item says why."""
    steward = client_for(cast.steward)
    for kind in KINDS:
        item = world.items[f"PUB-{kind}"]
        page = steward.get(item.get_absolute_url()).content.decode()
        assert FEATURE_BUTTON in page, kind
        for who in ("member", "space_member", "space_lead"):
            html = client_for(getattr(cast, who)).get(item.get_absolute_url()).content.decode()
            assert "PUB-" in html and FEATURE_BUTTON not in html, (kind, who)
        hidden = world.items[f"HID-{kind}"]
        assert FEATURE_BUTTON not in steward.get(hidden.get_absolute_url()).content.decode()
    story = world.items["PUB-story"]
    response = steward.post(
        reverse("portal:curate"),
        {"action": "feature", "item": story.pk, "next": story.get_absolute_url()},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == story.get_absolute_url()
    assert "It is on the front page." in response.content.decode()
    assert Feature.objects.filter(content=story).exists()
    # Public, but in a space the public may not know: the button shows, the service refuses.
    members_only = world.items["MEM-post"]
    response = steward.post(
        reverse("portal:curate"),
        {"action": "feature", "item": members_only.pk, "next": members_only.get_absolute_url()},
        follow=True,
    )
    assert "Only public items can be featured" in response.content.decode()
    assert not Feature.objects.filter(content=members_only).exists()
    # A next that is not a path of this site goes to the curation page instead.
    response = steward.post(
        reverse("portal:curate"),
        {"action": "feature", "item": story.pk, "next": "https://evil.example/"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("portal:curate")


def test_the_feature_button_costs_no_query(cast, world, client_for, monkeypatch):
    """A steward's page takes the same queries with the button as without it."""
    from harambee.core import registry

    item = world.items["PUB-story"]
    client = client_for(cast.steward)
    client.get(item.get_absolute_url())
    counts = {}
    for tools in (dict(registry._item_tools), {}):
        monkeypatch.setattr(registry, "_item_tools", tools)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(item.get_absolute_url()).content.decode()
        counts[bool(tools)] = (len(queries), FEATURE_BUTTON in html)
    assert counts[True][1] and not counts[False][1]
    assert counts[True][0] == counts[False][0]
