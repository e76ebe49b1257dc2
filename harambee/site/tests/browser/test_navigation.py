"""The header on a phone (360px) and a laptop (1280px): the menu opens with a
details/summary (so without JavaScript too), the search box stays on screen, the
closed header takes at most a fifth of a phone's screen, nothing scrolls sideways,
and axe finds nothing."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harambee.core.tests.browser.test_accessibility import problems_on, sign_in
from harambee.core.tests.checkers import AXE_JS, require_file

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}


def header_height(page) -> float:
    return page.evaluate(
        "() => document.querySelector('.site-header').getBoundingClientRect().height"
    )


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
@pytest.mark.parametrize("who", ["anon", "member"])
def test_the_phone_menu_opens_and_the_header_stays_small(
    new_page, live_server, cast, javascript, who, tmp_path
):
    page = new_page(java_script_enabled=javascript, viewport=PHONE)
    if who == "member":
        sign_in(page, cast.space_member, live_server.url)
    page.goto("/forum/")
    assert header_height(page) <= 0.2 * PHONE["height"]
    search = page.get_by_role("searchbox", name="Search everything you may read")
    expect(search).to_be_visible()
    learning = page.get_by_role("navigation", name="Main").get_by_role("link", name="Learning")
    expect(learning).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    expect(learning).to_be_visible()
    conversations = page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Conversations"
    )
    # The forum is the first page of Conversations: the place is this very page.
    expect(conversations).to_have_attribute("aria-current", "page")
    page.screenshot(path=str(tmp_path / f"menu-{who}-{javascript}.png"))
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0
    # Closed again with the keyboard: the summary is a button.
    page.get_by_text("Menu", exact=True).focus()
    page.keyboard.press("Enter")
    expect(learning).to_be_hidden()


def test_a_laptop_shows_the_places_without_opening_a_menu(new_page, live_server, cast):
    page = new_page(viewport=LAPTOP)
    sign_in(page, cast.space_member, live_server.url)
    page.goto("/wiki/")
    main = page.get_by_role("navigation", name="Main")
    for name in ("Home", "Spaces", "Learning", "Knowledge", "Conversations", "People"):
        expect(main.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()
    expect(main.get_by_role("link", name="Knowledge")).to_have_attribute("aria-current", "page")
    # One level down: the section's pages, on the page itself.
    sub = page.get_by_role("navigation", name="Knowledge")
    expect(sub.get_by_role("link", name="Wiki")).to_have_attribute("aria-current", "page")
    expect(sub.get_by_role("link", name="Library")).to_be_visible()
    # The account menu opens too.
    page.locator(".account-menu > summary").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_every_place_has_a_visible_focus_and_large_targets(new_page, live_server, cast):
    page = new_page(viewport=PHONE)
    sign_in(page, cast.space_member, live_server.url)
    page.goto("/")
    page.get_by_text("Menu", exact=True).click()
    sizes = page.evaluate(
        """() => [...document.querySelectorAll(
                     '.site-header a, .site-header summary, .site-header button')]
                 .filter((el) => el.offsetParent !== null)
                 .map((el) => { const r = el.getBoundingClientRect();
                                return [el.textContent.trim(), r.width, r.height]; })"""
    )
    small = [s for s in sizes if s[1] < 24 or s[2] < 24]
    assert sizes and small == []
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


@pytest.mark.parametrize("path", ["/", "/forum/", "/wiki/", "/lessons/", "/spaces/"])
def test_navigation_pages_pass_axe_on_a_phone_and_a_laptop(new_page, live_server, cast, path):
    require_file(AXE_JS)
    page = new_page(bypass_csp=True)
    sign_in(page, cast.space_lead, live_server.url)
    page.goto(path)
    page.get_by_text("Menu", exact=True).click()
    problems = problems_on(page, path, [(PHONE, "light"), (LAPTOP, "light"), (PHONE, "dark")])
    assert problems == [], "\n".join(problems)


def test_home_tabs_forum_and_wiki_pages_at_both_sizes(new_page, live_server, cast, tmp_path):
    """A lead's morning: the join requests lead home; the space's tabs, the forum's
    sorts and a long wiki page's contents fit a phone and a laptop, axe finds nothing."""
    require_file(AXE_JS)
    from harambee.conftest import make_user
    from harambee.core.tests.factories import PostFactory
    from harambee.spaces import services
    from harambee.wiki.services import page_create

    for n in range(3):
        services.join_request_create(
            user=make_user(display_name=f"Asker {n}"), space=cast.space, message="Hello"
        )
    PostFactory(space=None, author=cast.member, title="A forum question", visibility="alliance")
    page_create(
        author=cast.space_lead,
        space=None,
        title="Stakeholder mapping",
        body="## Purpose\n\nWhy.\n\n## Steps\n\nHow.\n\n## Tips\n\nA " + "very-long-word" * 8,
        visibility="public",
    )
    paths = [
        "/",
        cast.space.get_absolute_url(),
        f"/spaces/{cast.space.slug}/threads/",
        "/forum/?sort=replies",
        "/wiki/pages/recent/",
        "/wiki/stakeholder-mapping/",
    ]
    page = new_page(bypass_csp=True)
    sign_in(page, cast.space_lead, live_server.url)
    problems = []
    for n, path in enumerate(paths):
        page.goto(path)
        problems += problems_on(page, path, [(PHONE, "light"), (LAPTOP, "light")])
        for size in (PHONE, LAPTOP):
            page.set_viewport_size(size)
            page.screenshot(path=str(tmp_path / f"{n}-{size['width']}.png"), full_page=True)
    assert problems == [], "\n".join(problems)
    page.set_viewport_size(PHONE)
    page.goto("/")
    expect(page.get_by_role("heading", name="3 people ask to join spaces you lead")).to_be_visible()
    page.goto(cast.space.get_absolute_url())
    tabs = page.get_by_role("navigation", name=f"Sections of {cast.space.name}")
    expect(tabs.get_by_role("link", name="Overview")).to_have_attribute("aria-current", "page")
    tabs.get_by_role("link", name="Threads").click()
    expect(tabs.get_by_role("link", name="Threads")).to_have_attribute("aria-current", "page")
    page.goto("/wiki/stakeholder-mapping/")
    page.get_by_role("navigation", name="Contents").get_by_role("link", name="Steps").click()
    assert page.url.endswith("#s-steps")
    print(f"Screenshots: {tmp_path}")
