"""A facilitator works through the verification queue in Chromium: the queue, a
report with its reporter's number, the verdict form; axe finds no WCAG 2.2 A/AA
violation on them, on a phone and a laptop, in light and dark."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.tests.browser.test_accessibility import (
    LIGHT_ONLY,
    WITH_DARK,
    problems_on,
    sign_in,
)
from harambee.core.tests.checkers import AXE_JS, require_file
from harambee.reach.gateways import Inbound
from harambee.reach.models import FieldReport
from harambee.reach.services import inbound_accept, inbound_handle
from harambee.reach.tests.helpers import contact, sms_space

pytestmark = pytest.mark.browser


def test_a_facilitator_verifies_a_report_from_the_queue(new_page, live_server, cast):
    require_file(AXE_JS)
    sms_space(cast.space)
    contact(cast.space, phone="+233201111111", name="Abena Owusu")
    for n, text in enumerate(["FIRE Kintampo 2 farms burnt", "LOGGING trucks at night"]):
        message = inbound_accept(
            channel_name="console", event=Inbound(f"b{n}", "+233201111111", "", text)
        )
        inbound_handle(message_id=message.pk)
    first = FieldReport.objects.order_by("pk").first()
    page = new_page(bypass_csp=True)
    sign_in(page, cast.space_lead, live_server.url)
    queue = reverse("reach:reports", args=[cast.space.slug]) + "?status=pending"
    page.goto(live_server.url + queue)
    assert page.get_by_role("heading", name="FIRE: Kintampo 2 farms burnt").is_visible()
    problems = problems_on(page, "queue", WITH_DARK)
    page.get_by_role("link", name="FIRE: Kintampo 2 farms burnt").click()
    page.wait_for_load_state()
    assert "+233201111111" in page.content()
    problems += problems_on(page, "report", LIGHT_ONLY)
    page.get_by_role("radio", name="Verified").check()
    page.get_by_role("radio", name="Public: everyone, also outside the platform").check()
    page.get_by_label("Note").fill("Seen by the forest guard")
    page.get_by_role("button", name="Save the verdict").click()
    page.wait_for_load_state()
    assert page.url.endswith(queue)
    assert page.get_by_role("link", name="FIRE: Kintampo 2 farms burnt").count() == 0
    assert page.get_by_role("link", name="LOGGING: trucks at night").is_visible()
    first.refresh_from_db()
    assert (first.status, first.visibility, first.review_note) == (
        "verified",
        "public",
        "Seen by the forest guard",
    )
    # A wrong duplicate number: the form says why and the queue keeps the report.
    page.get_by_role("link", name="LOGGING: trucks at night").click()
    page.wait_for_load_state()
    page.get_by_role("radio", name="Duplicate").check()
    page.get_by_label("Repeats report number").fill("999999")
    page.get_by_role("button", name="Save the verdict").click()
    page.wait_for_load_state()
    assert page.locator(".errorlist").count() >= 1
    problems += problems_on(page, "verdict with an error", LIGHT_ONLY)
    assert problems == [], "\n".join(problems)
    # A visitor reads the verified report, without the reporter.
    visitor = new_page()
    visitor.goto(live_server.url + first.get_absolute_url())
    assert "Kintampo" in visitor.content() and "Abena" not in visitor.content()
    assert "+233201111111" not in visitor.content()
