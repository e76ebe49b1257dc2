"""Two people edit one knowledge-base page at the same time, each in their own
Chromium context at phone size: changes that do not overlap are merged, and
overlapping ones bring the second person to a conflict page showing both
versions, from which they save a resolution. No edit is ever silently lost."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from harambee.conftest import make_user
from harambee.wiki import services
from harambee.wiki.models import WikiPage

from .test_browser import sign_in

pytestmark = pytest.mark.browser

TEXT = (
    "## Purpose\n\nSee who holds a stake.\n\n## Steps\n\nList everyone.\n\n"
    "## Facilitation tips\n\nLet the quiet ones start.\n"
)


@pytest.fixture
def two_editors(transactional_db):
    alice = make_user(display_name="Alice Akua", email="alice@example.org")
    bob = make_user(display_name="Bob Baraka", email="bob@example.org")
    page = services.page_create(
        author=alice,
        space=None,
        title="Stakeholder mapping",
        body=TEXT,
        category="methodology",
        visibility="alliance",
    )
    return alice, bob, page


def open_editor(new_page, user, page, *, javascript=True):
    browser_page = new_page(java_script_enabled=javascript)
    sign_in(browser_page, user.email)
    browser_page.goto(page.url("edit"))
    expect(browser_page.get_by_role("heading", level=1)).to_contain_text("Stakeholder mapping")
    return browser_page


def text_box(browser_page):
    return browser_page.get_by_label(re.compile(r"^Text:?$"))


def save(browser_page):
    browser_page.get_by_role("button", name="Save", exact=True).click()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_two_editors_merge_then_conflict(new_page, two_editors, browser_errors, javascript):
    alice, bob, page = two_editors
    alice_page = open_editor(new_page, alice, page, javascript=javascript)
    bob_page = open_editor(new_page, bob, page, javascript=javascript)

    # Both opened revision 1; they change different sections.
    text_box(alice_page).fill(
        TEXT.replace("See who holds a stake.", "See who holds a stake, and why.")
    )
    save(alice_page)
    expect(alice_page.get_by_role("status")).to_contain_text("The page is saved.")

    text_box(bob_page).fill(TEXT.replace("Let the quiet ones start.", "Let the quietest start."))
    save(bob_page)
    expect(bob_page.get_by_role("status")).to_contain_text("did not overlap")
    prose = bob_page.locator(".prose")
    expect(prose).to_contain_text("See who holds a stake, and why.")
    expect(prose).to_contain_text("Let the quietest start.")
    assert WikiPage.objects.get(pk=page.pk).revision == 3

    # Both open revision 3 and change the same line.
    alice_page.goto(page.url("edit"))
    bob_page.goto(page.url("edit"))
    merged = WikiPage.objects.get(pk=page.pk).body
    text_box(alice_page).fill(merged.replace("List everyone.", "List everyone, Alice's way."))
    save(alice_page)
    expect(alice_page.get_by_role("status")).to_contain_text("The page is saved.")
    text_box(bob_page).fill(merged.replace("List everyone.", "List everyone, Bob's way."))
    save(bob_page)

    alert = bob_page.get_by_role("alert")
    expect(alert).to_contain_text("Someone else changed this page while you were editing")
    expect(alert).to_contain_text("Alice Akua")
    versions = bob_page.locator(".wiki-conflict")
    expect(versions).to_contain_text("List everyone, Alice's way.")
    expect(versions).to_contain_text("List everyone, Bob's way.")
    kept = text_box(bob_page).input_value()
    assert "<<<<<<< your version" in kept and ">>>>>>> revision 4 by Alice Akua" in kept
    assert "Bob's way" in kept and "Alice's way" in kept
    assert WikiPage.objects.get(pk=page.pk).revision == 4

    # Bob resolves the conflict and saves; both ways survive.
    text_box(bob_page).fill(merged.replace("List everyone.", "List everyone, both ways."))
    save(bob_page)
    expect(bob_page.get_by_role("status")).to_contain_text("The page is saved.")
    saved = WikiPage.objects.get(pk=page.pk)
    assert saved.revision == 5 and "both ways" in saved.body
    # The history shows every save, with its author.
    bob_page.goto(page.url("history"))
    rows = bob_page.locator("tbody tr")
    expect(rows).to_have_count(5)
    expect(rows.first).to_contain_text("Bob Baraka")
    assert not browser_errors
    # Nothing overflows a phone screen sideways, except inside the scrolling tables.
    width = bob_page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, width


def test_wiki_pages_pass_axe_in_light_and_dark_on_a_phone_and_a_laptop(
    new_page, live_server, two_editors
):
    """axe finds nothing on the wiki's pages, the diff colours included in dark mode,
    and nothing scrolls sideways, the conflict page among them."""
    from harambee.core.tests.checkers import AXE_JS, require_file

    from .test_accessibility import WITH_DARK, problems_on
    from .test_accessibility import sign_in as sign_in_by_cookie

    require_file(AXE_JS)
    alice, bob, page = two_editors
    services.page_edit(
        actor=alice,
        page=page,
        body=TEXT.replace("List everyone.", "List everyone, then [[Power cube|their power]]."),
        base_revision=1,
        summary="Link the power cube",
    )
    browser_page = new_page(bypass_csp=True)
    sign_in_by_cookie(browser_page, bob, live_server.url)
    found = []
    for where in (
        "",
        "history/",
        "diff/?from=1&to=2",
        "diff/?from=1&to=2&mode=inline",
        "revisions/1/",
        "links/",
        "rename/",
    ):
        browser_page.goto(page.url() + where)
        found += problems_on(browser_page, where or "page", WITH_DARK)
    browser_page.goto("/wiki/")
    found += problems_on(browser_page, "index", WITH_DARK)
    # The conflict page: Bob's editor is opened, Alice saves, Bob saves over her line.
    browser_page.goto(page.url("edit"))
    services.page_edit(
        actor=alice,
        page=WikiPage.objects.get(pk=page.pk),
        body=TEXT.replace("List everyone.", "Alice's list."),
        base_revision=2,
    )
    text_box(browser_page).fill(TEXT.replace("List everyone.", "Bob's list."))
    save(browser_page)
    expect(browser_page.get_by_role("alert")).to_be_visible()
    found += problems_on(browser_page, "conflict", WITH_DARK)
    assert not found, "\n".join(found)
