"""A facilitator builds a brochure in Chromium on a 360 px phone with JavaScript off,
waits for it and downloads it; axe finds no WCAG 2.2 A/AA violation on the builder
(empty, with an error), the brochure's page and the digest form, and none of them
scrolls sideways on a phone."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from harambee.core.tests.browser.test_accessibility import (
    LIGHT_ONLY,
    PHONE,
    WITH_DARK,
    problems_on,
    sign_in,
)
from harambee.core.tests.checkers import AXE_JS, require_file
from harambee.press.models import Brochure
from harambee.press.tests.helpers import lesson, pdf_text

pytestmark = pytest.mark.browser


def test_a_facilitator_builds_a_brochure_on_a_phone(
    new_page, live_server, cast, settings, tmp_path
):
    require_file(AXE_JS)
    settings.MEDIA_ROOT = tmp_path / "media"
    lesson(cast.space, cast.space_lead, title="Ɛkɔm: fire belts around the farms")
    lesson(cast.space, cast.space_lead, title="Members-only minutes", visibility="space")
    builder = reverse("press:new", args=[cast.space.slug])

    page = new_page(java_script_enabled=False, viewport=PHONE)
    sign_in(page, cast.space_lead, live_server.url)
    page.goto(live_server.url + builder)
    assert page.get_by_text("Members-only minutes").count() == 0
    page.get_by_label("Title").fill("Forest lessons")
    # Nothing chosen by hand: the form says so and keeps the title.
    page.get_by_role("button", name="Prepare the brochure").click()
    page.wait_for_load_state()
    assert page.get_by_text("Choose at least one item.").is_visible()
    assert page.get_by_label("Title").input_value() == "Forest lessons"
    page.get_by_label("Ɛkɔm: fire belts around the farms (Lesson)").check()
    page.get_by_role("radio", name="A5").check()
    page.get_by_role("radio", name="Two columns").check()
    page.get_by_label("Also as a booklet", exact=False).check()
    # The test server renders the PDF before it answers (tasks run at once here; a
    # worker does it in production): that may take longer than a click waits.
    page.get_by_role("button", name="Prepare the brochure").click(no_wait_after=True)
    page.wait_for_url(re.compile(r"/print/\d+/$"), timeout=120_000)
    brochure = Brochure.objects.get()
    assert page.url.endswith(brochure.get_absolute_url())
    assert page.get_by_role("heading", name="Forest lessons").is_visible()
    link = page.get_by_role("link", name="Download the PDF", exact=False)
    assert link.is_visible()
    with page.expect_download() as download:
        link.click()
    with open(download.value.path(), "rb") as pdf:
        text = pdf_text(pdf.read())
    assert "Ɛkɔm: fire belts around the farms" in text
    assert "Members-only minutes" not in text
    assert page.get_by_role("link", name="Download the booklet to fold").is_visible()

    # The same pages under axe, at a phone's and a laptop's width.
    checked = new_page(bypass_csp=True)
    sign_in(checked, cast.space_lead, live_server.url)
    checked.goto(live_server.url + builder)
    problems = problems_on(checked, "builder", WITH_DARK)
    checked.get_by_role("button", name="Prepare the brochure").click()
    checked.wait_for_load_state()
    problems += problems_on(checked, "builder with errors", LIGHT_ONLY)
    checked.goto(live_server.url + brochure.get_absolute_url())
    problems += problems_on(checked, "brochure", WITH_DARK)
    checked.goto(live_server.url + reverse("press:digest", args=[cast.space.slug]))
    problems += problems_on(checked, "digest", LIGHT_ONLY)
    checked.goto(live_server.url + reverse("press:index", args=[cast.space.slug]))
    problems += problems_on(checked, "brochures", LIGHT_ONLY)
    assert problems == [], "\n".join(problems)
