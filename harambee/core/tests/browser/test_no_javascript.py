"""With JavaScript off in Chromium, a member signs in, joins a space, posts and
comments: every step is a plain form and a full page load."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from harambee.conftest import make_user
from harambee.core.models import Comment
from harambee.core.tests.factories import SpaceFactory
from harambee.spaces.models import Membership, Post, Space

from .test_browser import sign_in

pytestmark = pytest.mark.browser


def test_a_member_signs_in_joins_posts_and_comments_without_javascript(new_page, live_server):
    member = make_user(display_name="Nomvula Dube")
    space = SpaceFactory(
        name="Water stewardship circle",
        join_policy=Space.JoinPolicy.OPEN,
        listing=Space.Listing.MEMBERS,
    )
    page = new_page(java_script_enabled=False)
    sign_in(page, member.email)

    page.goto(space.get_absolute_url())
    page.get_by_role("button", name="Join this space").click()
    expect(page.get_by_text("You are a member of this space")).to_be_visible()
    assert Membership.objects.filter(space=space, user=member).exists()

    page.get_by_role("link", name="Write a post").click()
    page.get_by_label("Title").fill("Catchment walk, first cycle")
    page.get_by_label("Text").fill("We walked the **upper catchment** with the water board.")
    page.get_by_label("Space: members of this space").check()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("heading", name="Catchment walk, first cycle")).to_be_visible()
    post = Post.objects.get(title="Catchment walk, first cycle")
    assert post.visibility == "space" and "<strong>upper catchment</strong>" in post.body_html

    page.get_by_label("Your comment").fill("Next time we invite the irrigators.")
    page.get_by_role("button", name="Comment", exact=True).click()
    # Read the database once the browser is on the page the answer led to.
    expect(page).to_have_url(re.compile(r"#comment-\d+$"))
    comment = Comment.objects.get(content=post)
    assert page.url.endswith(f"#comment-{comment.pk}")
    expect(page.locator(f"#comment-{comment.pk}")).to_contain_text("invite the irrigators")
