"""The portal in Chromium: axe finds no WCAG 2.2 A/AA violation on the front page,
news and the newsletter's pages at phone (360 px) and laptop sizes, in light and dark,
nothing scrolls sideways on a phone, and a visitor signs up with JavaScript off."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from harambee.core.tests.browser.test_accessibility import (
    LAPTOP,
    PHONE,
    problems_on,
    sign_in,
)
from harambee.core.tests.checkers import AXE_JS, require_file
from harambee.portal import services
from harambee.portal.models import Subscriber
from harambee.portal.tests import helpers

pytestmark = pytest.mark.browser

LOOKS = [(PHONE, "light"), (LAPTOP, "light"), (PHONE, "dark")]


@pytest.fixture
def front(cast):
    world = helpers.build(cast)
    services.front_page_update(
        actor=cast.steward,
        intro="An alliance of **practitioners** who learn from each other's initiatives.",
    )
    for title in ("PUB-story", "PUB-lesson", "PUB-resource"):
        services.feature_add(actor=cast.steward, content=world.items[title])
    news = services.news_create(
        author=cast.steward,
        title="A long headline about the regional workshop on community forest stewardship",
        body="Forty people from nine countries met in Accra.",
        publish=True,
    )
    return {"world": world, "news": news}


def test_portal_pages_pass_axe_at_360_px(new_page, live_server, cast, front):  # noqa: F811
    require_file(AXE_JS)
    news = front["news"]
    tours = {
        None: ["/", "/portal/", "/news/", news.get_absolute_url(), "/newsletter/"],
        cast.steward: ["/portal/", "/portal/curate/", "/news/new/"],
    }
    problems = []
    for user, paths in tours.items():
        page = new_page(bypass_csp=True)
        if user is not None:
            sign_in(page, user, live_server.url)
        for path in paths:
            response = page.goto(path)
            assert response is not None and response.status == 200, path
            problems += problems_on(page, f"{path} ({user or 'anon'})", LOOKS)
    assert problems == [], "\n".join(problems)


def test_the_front_page_at_360_px_shows_its_sections_in_order(new_page, live_server, front):  # noqa: F811
    page = new_page()
    page.set_viewport_size(PHONE)
    page.goto("/")
    headings = page.locator("main h2")
    expect(headings.first).to_have_text("Featured")
    expect(page.get_by_role("heading", name="News", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Initiatives", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=front["news"].title)).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width


def test_a_visitor_signs_up_with_javascript_off(new_page, live_server, front):  # noqa: F811
    page = new_page(java_script_enabled=False)
    page.set_viewport_size(PHONE)
    page.goto("/")
    page.get_by_role("link", name="Get the newsletter").click()
    page.get_by_label("Your email address").fill("visitor@example.org")
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    assert Subscriber.objects.get().confirmed is None
    link = next(w for w in mail.outbox[0].body.split() if "/newsletter/confirm/" in w)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    page.get_by_role("button", name="Confirm my subscription").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are subscribed")
    assert Subscriber.objects.get().confirmed is not None


def test_a_printed_news_item_hides_the_site_and_shows_where_links_go(
    new_page,  # noqa: F811
    live_server,
    cast,
    front,
):
    news = services.news_create(
        author=cast.steward,
        title="Printed news",
        body="Read [the report](https://example.org/report) and [the lesson](/lessons/1/).",
        publish=True,
    )
    page = new_page()
    sign_in(page, cast.steward, live_server.url)
    page.goto(news.get_absolute_url())
    page.emulate_media(media="print")
    for selector in (".site-header", ".site-footer", "a.noprint"):
        assert not page.locator(selector).first.is_visible(), selector
    expect(page.get_by_role("heading", level=1)).to_have_text("Printed news")
    after = page.evaluate(
        """[...document.querySelectorAll('.prose a')].map(
            a => getComputedStyle(a, '::after').content)"""
    )
    assert after == ['" (https://example.org/report)"', '" (/lessons/1/)"'], after
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "serif" in family
