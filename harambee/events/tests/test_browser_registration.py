"""In Chromium at 360 px, with JavaScript on and off: a member finds an event on the
calendar, registers with the questions asked, sees the door code, and the page never
scrolls sideways."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from harambee.core.tests.browser.test_browser import sign_in
from harambee.events.models import Registration
from harambee.events.tests.helpers import make_event

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def _fits(page) -> None:
    page.wait_for_load_state()
    overflow = page.evaluate(
        "() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
    )
    assert overflow <= 0, (page.url, overflow)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_member_registers_for_an_event_on_a_phone(new_page, live_server, cast, javascript):
    event = make_event(
        cast.space_lead,
        title="Webinar: forest tenure across the transition zone",
        capacity=1,
        ask_dietary=True,
        ask_sector=True,
        languages=["en", "tw"],
        time_zone="Europe/Amsterdam",
    )
    page = new_page(viewport=PHONE, java_script_enabled=javascript)
    sign_in(page, cast.member.email)
    page.goto(reverse("events:calendar") + "?mode=online")
    _fits(page)
    page.get_by_role("link", name="Webinar: forest tenure across the transition zone").click()
    page.wait_for_url(f"**{event.get_absolute_url()}")
    _fits(page)
    page.get_by_label("Dietary needs").fill("No groundnuts")
    page.get_by_label("Your stakeholder sector").select_option("research")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("Your code for the door:")).to_be_visible()
    registration = Registration.objects.get(event=event, user=cast.member)
    assert registration.status == "confirmed" and registration.dietary == "No groundnuts"
    expect(page.locator("strong.code")).to_have_text(registration.code)
    _fits(page)
    # The next person finds it full and joins the waiting list.
    other = new_page(viewport=PHONE, java_script_enabled=javascript)
    sign_in(other, cast.steward.email)
    other.goto(event.get_absolute_url())
    other.get_by_role("button", name="Join the waiting list").click()
    expect(other.get_by_text("number 1 in line")).to_be_visible()
    _fits(other)
    other.goto(reverse("events:calendar") + "?view=month")
    _fits(other)
