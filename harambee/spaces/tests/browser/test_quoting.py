"""Quoting a reply, in Chromium: with htmx the filled form swaps in place; without
JavaScript the Quote link reloads the page with the form filled. Either way the posted
reply carries a blockquote that links to the quoted one."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harambee.conftest import make_user
from harambee.core.models import Comment
from harambee.core.tests.browser.test_browser import assert_htmx_loaded, sign_in
from harambee.core.tests.factories import CommentFactory, MembershipFactory, PostFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def thread_with_reply(transactional_db):
    member = make_user(display_name="Nomvula Dube")
    speaker = make_user(display_name="Kwesi Amoah")
    thread = PostFactory(author=speaker, title="Who keeps the fire records?", visibility="space")
    MembershipFactory(space=thread.space, user=member)
    quoted = CommentFactory(content=thread, author=speaker, body="The volunteers do, on paper.")
    return member, thread, quoted


@pytest.mark.parametrize("javascript", [True, False], ids=["htmx", "no-js"])
def test_quote_fills_the_reply_form_and_links_back(
    new_page, live_server, browser_errors, thread_with_reply, javascript
):
    member, thread, quoted = thread_with_reply
    page = new_page(java_script_enabled=javascript)
    sign_in(page, member.email)
    page.goto(thread.get_absolute_url())
    if javascript:
        assert_htmx_loaded(page, browser_errors)
    page.get_by_role("link", name="Quote Kwesi Amoah").click()
    box = page.get_by_label("Your comment")
    expect(box).to_have_value(
        f"> [Kwesi Amoah wrote]({quoted.get_absolute_url()}):\n>\n"
        "> The volunteers do, on paper.\n\n"
    )
    assert ("?quote=" in page.url) is not javascript
    box.press("Control+End")
    box.type("And the forest office keeps a copy.")
    page.get_by_role("button", name="Comment", exact=True).click()
    expect(page.locator("#comments blockquote")).to_contain_text("The volunteers do, on paper.")
    reply = Comment.objects.get(body__endswith="keeps a copy.")
    assert f'href="{quoted.get_absolute_url()}"' in reply.body_html
    if javascript:
        assert not browser_errors, browser_errors
