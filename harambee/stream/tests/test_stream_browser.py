"""The stream in Chromium at phone size: post, follow a tag in place, and see the
timeline's "new items" notice arrive by itself; and all of it with JavaScript off."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harambee.conftest import make_user
from harambee.core.tests.browser.test_browser import assert_htmx_loaded, sign_in
from harambee.people.roles import AllianceRole
from harambee.stream import services
from harambee.stream.models import Follow, StreamPost

pytestmark = pytest.mark.browser


def test_post_follow_and_see_new_items_arrive(new_page, live_server, browser_errors):  # noqa: F811
    member = make_user(display_name="Mo Member")
    steward = make_user(display_name="Stella Steward", role=AllianceRole.STEWARD)
    page = new_page()
    page.clock.install()
    sign_in(page, member.email, next_url="/stream/")
    assert_htmx_loaded(page, browser_errors)

    page.get_by_label("Your post").fill("Radio call-ins worked for us. #Radio @stella_steward")
    page.get_by_label("Alliance: signed-in members").check()
    page.get_by_role("button", name="Post", exact=True).click()
    post = page.locator(".stream-post").first
    expect(post).to_contain_text("Radio call-ins worked for us.")
    expect(post.get_by_role("link", name="@stella_steward")).to_have_attribute(
        "href", steward.get_absolute_url()
    )

    post.get_by_role("link", name="#Radio").click()
    expect(page).to_have_url(live_server.url + "/tags/radio/")
    page.get_by_role("button", name="Follow").click()
    expect(page.get_by_role("button", name="Following")).to_be_visible()
    assert Follow.objects.filter(follower=member, hashtag__name="radio").exists()

    page.goto("/timeline/")
    notice = page.locator("#timeline-new")
    expect(notice).to_be_empty()
    services.stream_post_create(author=steward, text="A new one on #radio", visibility="alliance")
    page.clock.fast_forward("00:31")
    expect(notice.get_by_role("link")).to_have_text("1 new item: show it")
    notice.get_by_role("link").click()
    expect(page.locator(".card").first).to_contain_text("A new one on #radio")
    assert browser_errors == []


def test_the_stream_works_without_javascript(new_page, live_server):  # noqa: F811
    member = make_user(display_name="Mo Member")
    page = new_page(java_script_enabled=False)
    sign_in(page, member.email, next_url="/stream/")

    page.get_by_label("Your post").fill("x" * 480 + " " + "y" * 40)
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.get_by_text("at most 500 characters; this one has 521")).to_be_visible()
    expect(page.get_by_label("Your post")).to_have_value("x" * 480 + " " + "y" * 40)

    page.get_by_label("Your post").fill("Short now. #wash")
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.locator(".stream-post").first).to_contain_text("Short now.")

    page.goto("/tags/wash/")
    page.get_by_role("button", name="Follow").click()
    expect(page).to_have_url(live_server.url + "/tags/wash/")
    expect(page.get_by_role("button", name="Following")).to_be_visible()

    page.get_by_role("button", name="Bookmark").first.click()
    page.goto("/bookmarks/")
    expect(page.locator(".card")).to_contain_text("Short now.")

    page.goto("/timeline/")
    expect(page.get_by_role("link", name="Check for new items")).to_be_visible()
    assert StreamPost.objects.count() == 1


def test_stream_pages_pass_axe_on_a_phone_and_a_laptop(new_page, live_server, cast):  # noqa: F811
    from harambee.core.tests.browser.test_accessibility import (
        LAPTOP,
        PHONE,
        problems_on,
    )
    from harambee.core.tests.browser.test_accessibility import sign_in as sign_in_by_cookie
    from harambee.core.tests.checkers import AXE_JS, require_file

    require_file(AXE_JS)
    for n in range(3):
        post = services.stream_post_create(
            author=cast.space_member,
            space=cast.space if n else None,
            text=f"Post {n} on #radio for @mo_member, with `code`.",
            visibility="public" if n else "alliance",
        )
    Follow.objects.create(follower=cast.member, person=cast.space_member)
    paths = [
        "/stream/",
        f"/spaces/{cast.space.slug}/stream/",
        post.get_absolute_url(),
        "/tags/radio/",
        "/timeline/",
        "/bookmarks/",
        f"/stream/people/{cast.space_member.pk}/",
    ]
    problems = []
    for who in (None, cast.member):
        page = new_page(bypass_csp=True)
        if who is not None:
            sign_in_by_cookie(page, who, live_server.url)
        for path in paths:
            response = page.goto(path)
            assert response is not None
            if who is None and response.status != 200:
                continue  # pages for signed-in people only
            assert response.status == 200, path
            looks = [(PHONE, "light"), (LAPTOP, "light"), (PHONE, "dark")]
            problems += problems_on(page, f"{path} ({who})", looks)
    assert problems == [], "\n".join(problems)
