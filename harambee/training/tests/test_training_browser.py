"""Training in Chromium: axe finds no WCAG 2.2 A/AA violation on its pages at phone and
laptop sizes, and a learner completes a module on a 360 px phone, with JavaScript on
and off, without the page scrolling sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harambee.core.tests.browser.test_accessibility import LAPTOP, PHONE, problems_on, sign_in
from harambee.core.tests.checkers import AXE_JS, require_file
from harambee.training import selectors, services
from harambee.training.models import Certificate
from harambee.training.tests.helpers import make_programme

pytestmark = pytest.mark.browser

LOOKS = [(PHONE, "light"), (LAPTOP, "light"), (PHONE, "dark")]


def _fits(page) -> None:
    page.wait_for_load_state()
    overflow = page.evaluate(
        "() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
    )
    assert overflow <= 0, (page.url, overflow)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_learner_completes_a_module_on_a_phone(new_page, live_server, cast, javascript):
    programme, module, _c = make_programme(cast)
    # The reflection is answered elsewhere; here the steps are marked done one by one.
    page = new_page(viewport=PHONE, java_script_enabled=javascript)
    sign_in(page, cast.space_member, live_server.url)
    page.goto(programme.get_absolute_url())
    _fits(page)
    page.get_by_role("link", name="Listening").click()
    page.wait_for_url(f"**{module.get_absolute_url()}")
    _fits(page)
    for number in (1, 2, 3):
        page.get_by_role("button", name=f"Mark done (step {number})").click()
        expect(page.get_by_role("button", name=f"Mark not done (step {number})")).to_be_visible()
        _fits(page)
    expect(page.locator("progress#module-progress")).to_have_attribute("value", "100")
    assert selectors.progress_of(learner=cast.space_member, programme=programme) == 100


def test_training_pages_pass_axe(new_page, live_server, cast):
    require_file(AXE_JS)
    programme, module, _c = make_programme(cast)
    for step in module.items.all():
        services.item_mark(learner=cast.space_member, item=step, done=True)
    services.certificate_issue(
        actor=cast.space_lead, programme=programme, learner=cast.space_member
    )
    certificate = Certificate.objects.get()
    cohort = programme.cohorts.get()
    services.learner_place(
        actor=cast.space_lead, programme=programme, learner=cast.space_member, cohort=cohort
    )
    tours = {
        None: ["/training/", certificate.get_absolute_url()],
        cast.space_member: [
            programme.get_absolute_url(),
            module.get_absolute_url(),
            f"/training/{programme.pk}/evidence/",
            "/training/mine/",
        ],
        cast.space_lead: [
            f"/training/{programme.pk}/learners/",
            f"/training/modules/{module.pk}/steps/new/",
            f"/training/{programme.pk}/edit/",
            f"/training/cohorts/{cohort.pk}/",
            f"/training/cohorts/{cohort.pk}/edit/",
            f"/spaces/{programme.space.slug}/programmes/new/",
        ],
    }
    problems = []
    for user, paths in tours.items():
        page = new_page(bypass_csp=True)
        if user is not None:
            sign_in(page, user, live_server.url)
        for path in paths:
            response = page.goto(path)
            assert response is not None and response.status == 200, path
            problems += problems_on(page, f"{path} ({user or 'anon'})", LOOKS)
    assert problems == [], "\n".join(problems)
