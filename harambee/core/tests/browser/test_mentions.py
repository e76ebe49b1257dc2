"""Mentions reach the person mentioned, in Chromium at phone size: A posts to the
stream with a #hashtag and an @mention of B; B signs in, sees the unread count in
the header and a notification that leads to the post. The centre, marking read and
the settings also work with JavaScript off."""

from __future__ import annotations

import pytest
from django.core import mail
from playwright.sync_api import expect

from harambee.conftest import make_user
from harambee.core.tests.browser.test_browser import assert_htmx_loaded, header, sign_in
from harambee.notifications.models import Notification
from harambee.people.roles import AllianceRole
from harambee.stream.models import StreamPost
from harambee.stream.services import handle_ensure

pytestmark = pytest.mark.browser


def _post_mentioning(page, text: str) -> StreamPost:
    page.goto("/stream/")
    page.get_by_label("Your post").fill(text)
    page.get_by_label("Alliance: signed-in members").check()
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.locator(".stream-post").first).to_contain_text(text.split(" #")[0])
    return StreamPost.objects.get()


def test_a_mentioned_person_sees_the_count_and_opens_the_post(
    new_page, live_server, browser_errors
):
    author = make_user(display_name="Akosua Author")
    reader = make_user(display_name="Bea Reader", role=AllianceRole.STEWARD)
    handle = handle_ensure(user=reader).name
    page_a = new_page()
    sign_in(page_a, author.email)
    post = _post_mentioning(page_a, f"Who has tried radio call-ins? #radio @{handle}")
    assert Notification.objects.filter(recipient=reader, content_id=post.pk).exists()
    # The mention is also emailed at once, with a one-click unsubscribe header.
    (message,) = [m for m in mail.outbox if reader.email in m.to]
    assert "List-Unsubscribe" in message.extra_headers

    page_b = new_page()
    sign_in(page_b, reader.email)
    assert_htmx_loaded(page_b, browser_errors)
    link = header(page_b).get_by_role("link", name="Notifications 1 unread")
    expect(link).to_be_visible()
    link.click()
    notice = page_b.get_by_role("link", name="Akosua Author mentioned you in")
    expect(notice).to_contain_text("Who has tried radio call-ins?")
    notice.click()
    expect(page_b).to_have_url(live_server.url + post.get_absolute_url())
    expect(page_b.locator("main")).to_contain_text("Who has tried radio call-ins?")
    expect(header(page_b).get_by_role("link", name="Notifications", exact=True)).to_be_visible()
    assert browser_errors == []


def test_the_centre_works_without_javascript(new_page, live_server):
    author = make_user(display_name="Akosua Author")
    reader = make_user(display_name="Bea Reader")
    handle = handle_ensure(user=reader).name
    page_a = new_page(java_script_enabled=False)
    sign_in(page_a, author.email)
    _post_mentioning(page_a, f"First for @{handle} #wash")
    page_a.get_by_label("Your post").fill(f"Second for @{handle} #wash")
    page_a.get_by_role("button", name="Post", exact=True).click()
    expect(page_a.locator(".stream-post").first).to_contain_text("Second for")

    page_b = new_page(java_script_enabled=False)
    sign_in(page_b, reader.email)
    header(page_b).get_by_role("link", name="Notifications 2 unread").click()
    page_b.get_by_role("button", name="Mark as read").first.click()
    expect(header(page_b).get_by_role("link", name="Notifications 1 unread")).to_be_visible()
    page_b.get_by_role("button", name="Mark all as read").click()
    expect(page_b.get_by_role("status")).to_contain_text("marked read")
    expect(header(page_b).get_by_role("link", name="Notifications", exact=True)).to_be_visible()

    page_b.goto("/notifications/settings/")
    page_b.get_by_label("Someone mentions you: By email").select_option("never")
    page_b.get_by_role("button", name="Save").click()
    expect(page_b.get_by_role("status")).to_contain_text("saved")
    expect(page_b.get_by_label("Someone mentions you: By email")).to_have_value("never")


def test_notification_pages_pass_axe_on_a_phone_and_a_laptop(new_page, live_server, cast):
    from harambee.core.tests.browser.test_accessibility import LAPTOP, PHONE, problems_on
    from harambee.core.tests.browser.test_accessibility import sign_in as sign_in_by_cookie
    from harambee.core.tests.checkers import AXE_JS, require_file
    from harambee.notifications.services import unsubscribe_token

    require_file(AXE_JS)
    handle = handle_ensure(user=cast.member).name
    for n in range(3):
        StreamPost.objects.create(
            author=cast.space_member,
            visibility="alliance",
            title=f"Post {n} for @{handle}",
            body=f"Post {n} for @{handle} on #radio.",
        )
    assert Notification.objects.filter(recipient=cast.member).count() == 3
    paths = [
        "/notifications/",
        "/notifications/settings/",
        f"/notifications/unsubscribe/{unsubscribe_token(user=cast.member, kind='mention')}/",
        "/notifications/unsubscribe/tampered/",
    ]
    page = new_page(bypass_csp=True)
    sign_in_by_cookie(page, cast.member, live_server.url)
    problems = []
    for path in paths:
        response = page.goto(path)
        assert response is not None and response.status in (200, 400), path
        looks = [(PHONE, "light"), (LAPTOP, "light"), (PHONE, "dark")]
        problems += problems_on(page, path, looks)
    assert problems == [], "\n".join(problems)
