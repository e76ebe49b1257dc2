"""The issue's browser journeys, in Chromium at phone size against the live server:
sign up and sign in; ask to join a space and be approved; comment with
JavaScript on and with it off."""

from __future__ import annotations

import re
import time
from urllib.parse import quote, urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from playwright.sync_api import expect

from harambee.conftest import make_user
from harambee.core.models import Comment
from harambee.core.tests.factories import MembershipFactory, PostFactory, SpaceFactory
from harambee.people.models import User
from harambee.people.roles import SpaceRole
from harambee.spaces.models import JoinRequest, Membership, Space

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"  # what the factories give everyone
PASSWORD_FIELD = re.compile(r"^Password:?$")


def mail_to(address: str, *, wait: float = 5.0) -> list:
    """Messages in the locmem outbox for ``address``. The live server sends them
    from its own thread, so give it a moment."""
    deadline = time.monotonic() + wait
    while True:
        found = [m for m in mail.outbox if address in m.to]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def eventually(check, what: str, *, wait: float = 15.0):
    """Wait until ``check()`` is true, for what the live server does on its own after
    the page has moved on (a draft saved in the background, say): a fixed pause is too
    short on a loaded machine."""
    deadline = time.monotonic() + wait
    while not check():
        assert time.monotonic() < deadline, f"still not {what} after {wait} s"
        time.sleep(0.05)


def header(page):
    return page.get_by_role("banner")


def account_menu(page):
    """The account menu (a details/summary) that a signed-in person has in the header."""
    return header(page).locator(".account-menu")


def sign_out(page) -> None:
    account_menu(page).locator("summary").click()
    account_menu(page).get_by_role("button", name="Sign out").click()


def sign_in(page, email: str, password: str = PASSWORD, *, next_url: str = "") -> None:
    page.goto("/accounts/login/" + (f"?next={quote(next_url)}" if next_url else ""))
    page.get_by_label("Email").fill(email)
    page.get_by_label(PASSWORD_FIELD).fill(password)
    page.get_by_role("button", name="Sign In").click()
    expect(account_menu(page)).to_have_count(1)


def assert_htmx_loaded(page, browser_errors) -> None:
    assert page.evaluate("() => typeof htmx") == "object", (
        f"htmx did not load, so nothing can swap in place: {browser_errors}"
    )


def path_of(page) -> str:
    parts = urlsplit(page.url)
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


def test_pages_load_their_styles_and_scripts(page, browser_errors):
    page.goto("/")
    assert browser_errors == [], "static files failed to load"
    assert page.evaluate("() => document.styleSheets[0].cssRules.length") > 0
    assert_htmx_loaded(page, browser_errors)


def test_sign_up_confirm_and_sign_in(page, browser_errors):
    email = "ama.mensah@example.org"
    password = "lantern-meadow-quartz-91"

    page.goto("/")
    header(page).get_by_role("link", name="Join").click()
    expect(page.get_by_role("heading", name="Sign Up")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Your name").fill("Ama Mensah")
    page.get_by_label(PASSWORD_FIELD).fill(password)
    page.get_by_label("Password (again)").fill(password)
    page.get_by_role("button", name="Sign Up").click()
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))

    user = User.objects.get(email=email)
    assert user.display_name == "Ama Mensah"
    assert user.role == "member"
    assert not EmailAddress.objects.get(user=user, email=email).verified

    messages = mail_to(email)
    assert len(messages) == 1, [m.subject for m in mail.outbox]
    match = re.search(r"https?://\S+/accounts/confirm-email/[^/\s]+/", messages[0].body)
    assert match, messages[0].body
    page.goto(match.group(0))
    page.get_by_role("button", name="Confirm").click()
    # Confirming in the browser that signed up also signs the person in.
    expect(account_menu(page).locator("summary")).to_contain_text("Ama Mensah")
    assert EmailAddress.objects.get(user=user, email=email).verified

    sign_out(page)
    expect(header(page).get_by_role("link", name="Sign in")).to_be_visible()
    expect(account_menu(page)).to_have_count(0)

    header(page).get_by_role("link", name="Sign in").click()
    page.get_by_label("Email").fill(email)
    page.get_by_label(PASSWORD_FIELD).fill(password)
    page.get_by_role("button", name="Sign In").click()
    expect(account_menu(page).locator("summary")).to_contain_text("Ama Mensah")
    assert browser_errors == []


def test_request_to_join_and_be_approved(new_page, live_server, browser_errors):
    space = SpaceFactory(
        name="Ghana forest forum", slug="ghana-forest", join_policy=Space.JoinPolicy.REQUEST
    )
    lead = make_user(display_name="Lea Lead")
    MembershipFactory(space=space, user=lead, role=SpaceRole.LEAD)
    member = make_user(display_name="Mo Member")
    space_url = live_server.url + space.get_absolute_url()

    page = new_page()
    sign_in(page, member.email, next_url=space.get_absolute_url())
    expect(page).to_have_url(space_url)
    assert_htmx_loaded(page, browser_errors)
    expect(page.get_by_role("heading", name="Ghana forest forum")).to_be_visible()
    join_box = page.locator("#join-box")
    join_box.get_by_label("Message to the leads (optional)").fill("I map forest reserves.")
    page.evaluate("window.__marker = 1")
    join_box.get_by_role("button", name="Ask to join").click()
    expect(join_box).to_contain_text("You asked to join on")
    expect(join_box).to_contain_text("The leads will decide.")
    expect(join_box.get_by_role("button", name="Withdraw request")).to_be_visible()
    assert page.url == space_url
    assert page.evaluate("window.__marker") == 1, "the page reloaded"
    assert JoinRequest.objects.filter(
        space=space, user=member, status=JoinRequest.Status.PENDING
    ).exists()
    # The request was committed, so the leads have been told.
    assert mail_to(lead.email), [m.to for m in mail.outbox]

    lead_page = new_page()
    sign_in(lead_page, lead.email, next_url=space.get_absolute_url())
    lead_page.get_by_role("link", name="1 join request").click()
    expect(lead_page).to_have_url(re.compile(r"/spaces/ghana-forest/requests/$"))
    expect(lead_page.get_by_role("heading", name="Mo Member")).to_be_visible()
    expect(lead_page.get_by_text("I map forest reserves.")).to_be_visible()
    lead_page.get_by_role("button", name="Approve Mo Member").click()
    expect(lead_page.get_by_text("No requests are waiting.")).to_be_visible()
    assert Membership.objects.filter(space=space, user=member, role=SpaceRole.MEMBER).exists()
    assert mail_to(member.email), [m.to for m in mail.outbox]

    page.reload()
    expect(page.locator("#join-box")).to_contain_text("You are a member of this space")
    expect(page.get_by_role("button", name="Leave this space")).to_be_visible()
    assert browser_errors == []


@pytest.fixture
def discussion(db):
    """A space, a post in it, and a member of the space who may comment."""
    space = SpaceFactory(name="Water working group", slug="water")
    lead = make_user(display_name="Lea Lead")
    MembershipFactory(space=space, user=lead, role=SpaceRole.LEAD)
    commenter = make_user(display_name="Sam Spacemember")
    MembershipFactory(space=space, user=commenter)
    post = PostFactory(space=space, author=lead, title="Borehole maintenance")
    return post, commenter


def test_comment_with_javascript(page, discussion, browser_errors):
    post, commenter = discussion
    sign_in(page, commenter.email, next_url=post.get_absolute_url())
    expect(page.get_by_role("heading", name="Borehole maintenance")).to_be_visible()
    assert_htmx_loaded(page, browser_errors)
    url = page.url

    page.get_by_label("Your comment").fill("The **pump** in Tamale needs a new seal.")
    page.evaluate("window.__marker = 1")
    page.get_by_role("button", name="Comment", exact=True).click()

    comments = page.locator("#comments > li.comment")
    expect(comments).to_have_count(1)
    expect(comments.first).to_contain_text("The pump in Tamale needs a new seal.")
    expect(comments.first.locator("strong", has_text="pump")).to_be_visible()
    expect(comments.first).to_contain_text("Sam Spacemember")
    expect(page.get_by_label("Your comment")).to_have_value("")
    expect(page.locator("#comment-form")).to_have_count(1)
    assert page.evaluate("window.__marker") == 1, "the page reloaded"
    assert page.url == url
    comment = Comment.objects.get(content=post)
    assert comment.author == commenter
    expect(comments.first).to_have_attribute("id", f"comment-{comment.pk}")

    # The fresh form is live too: a second comment also arrives in place.
    page.get_by_label("Your comment").fill("Second thought.")
    page.get_by_role("button", name="Comment", exact=True).click()
    expect(comments).to_have_count(2)
    expect(comments.last).to_contain_text("Second thought.")
    expect(page.get_by_label("Your comment")).to_have_value("")
    assert page.evaluate("window.__marker") == 1
    assert browser_errors == []


@pytest.mark.parametrize("page", [{"java_script_enabled": False}], indirect=True)
def test_comment_without_javascript(page, discussion):
    post, commenter = discussion
    sign_in(page, commenter.email, next_url=post.get_absolute_url())
    assert page.evaluate("typeof window") == "object"  # evaluate still works ...
    assert page.evaluate("() => typeof htmx") == "undefined"  # ... but no page script ran

    page.get_by_label("Your comment").fill("Without JavaScript, this still works.")
    page.get_by_role("button", name="Comment", exact=True).click()

    # A thread's reply is shown on the page that starts at its conversation (and the
    # database is read once the browser is there).
    expect(page).to_have_url(re.compile(rf"/posts/{post.pk}/\?from=\d+#comment-\d+$"))
    comment = Comment.objects.get(content=post)
    expect(page).to_have_url(
        re.compile(rf"/posts/{post.pk}/\?from={comment.pk}#comment-{comment.pk}$")
    )
    assert comment.get_absolute_url().endswith(f"?from={comment.pk}#comment-{comment.pk}")
    assert path_of(page) == f"{post.get_absolute_url()}#comment-{comment.pk}"
    anchored = page.locator(f"#comment-{comment.pk}")
    expect(anchored).to_contain_text("Without JavaScript, this still works.")
    expect(anchored).to_contain_text("Sam Spacemember")
    expect(page.locator(":target")).to_have_attribute("id", f"comment-{comment.pk}")
    expect(page.get_by_label("Your comment")).to_have_value("")


def test_empty_comment_shows_error_and_keeps_page(page, discussion, browser_errors):
    post, commenter = discussion
    sign_in(page, commenter.email, next_url=post.get_absolute_url())
    assert_htmx_loaded(page, browser_errors)
    url = page.url
    field = page.get_by_label("Your comment")
    # Past the browser's own check, so the server's validation answers.
    field.evaluate("el => el.removeAttribute('required')")
    page.evaluate("window.__marker = 1")
    page.get_by_role("button", name="Comment", exact=True).click()

    errors = page.locator("#comment-form .errorlist")
    expect(errors).to_have_text("This field is required.")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description("This field is required.")
    expect(page.locator("#comment-form")).to_have_count(1)
    expect(page.locator("#comments > li.comment")).to_have_count(0)
    assert page.evaluate("window.__marker") == 1, "the page reloaded"
    assert page.url == url
    assert not Comment.objects.filter(content=post).exists()

    # The form that carries the error still posts in place.
    field.fill("Now with words.")
    page.get_by_role("button", name="Comment", exact=True).click()
    expect(page.locator("#comments > li.comment")).to_have_count(1)
    expect(page.locator("#comment-form .errorlist")).to_have_count(0)
    expect(field).to_have_value("")
    assert page.evaluate("window.__marker") == 1
    assert browser_errors == []
