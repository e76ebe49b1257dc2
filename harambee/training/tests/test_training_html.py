"""Every training page, as its readers see it and with form errors showing, is valid
HTML by the Nu Html Checker."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.tests.checkers import VNU_JAR, java, require_file, vnu
from harambee.core.tests.test_html_validity import report
from harambee.initiatives.models import Initiative
from harambee.training import services
from harambee.training.models import Certificate
from harambee.training.tests.helpers import make_programme

pytestmark = pytest.mark.django_db


def test_training_pages_are_valid_html(cast, client_for, tmp_path):
    require_file(VNU_JAR)
    java()
    programme, module, _competency = make_programme(cast)
    Initiative.objects.create(space=cast.space)
    steps = list(module.items.order_by("position"))
    for step in steps:
        services.item_mark(learner=cast.space_member, item=step, done=True)
    services.certificate_issue(
        actor=cast.space_lead, programme=programme, learner=cast.space_member
    )
    revoked = services.certificate_revoke(
        actor=cast.space_lead, certificate=Certificate.objects.get(), reason="Test"
    )
    services.certificate_issue(
        actor=cast.space_lead, programme=programme, learner=cast.space_member
    )
    valid = Certificate.objects.get(revoked__isnull=True)
    cohort = programme.cohorts.get()
    services.learner_place(
        actor=cast.space_lead, programme=programme, learner=cast.space_member, cohort=cohort
    )
    p, m, c, s = programme.pk, module.pk, cohort.pk, steps[2].pk
    slug = programme.space.slug
    tour = [
        ("list", "anon", "get", reverse("training:programmes"), None, 200),
        ("programme-anon", "member", "get", programme.get_absolute_url(), None, 200),
        ("programme", "space_member", "get", programme.get_absolute_url(), None, 200),
        ("module", "space_member", "get", module.get_absolute_url(), None, 200),
        ("module-lead", "space_lead", "get", module.get_absolute_url(), None, 200),
        ("step-new", "space_lead", "get", reverse("training:item_add", args=[m]), None, 200),
        ("step-errors", "space_lead", "post", reverse("training:item_add", args=[m]), {}, 422),
        ("step-edit", "space_lead", "get", f"/training/steps/{s}/edit/", None, 200),
        ("step-edit-errors", "space_lead", "post", f"/training/steps/{s}/edit/", {}, 422),
        ("new", "space_lead", "get", f"/spaces/{slug}/programmes/new/", None, 200),
        ("new-errors", "space_lead", "post", f"/spaces/{slug}/programmes/new/", {}, 422),
        ("edit", "space_lead", "get", f"/training/{p}/edit/", None, 200),
        ("module-new", "space_lead", "get", f"/training/{p}/modules/new/", None, 200),
        ("module-errors", "space_lead", "post", f"/training/{p}/modules/new/", {}, 422),
        ("module-edit", "space_lead", "get", f"/training/modules/{m}/edit/", None, 200),
        ("cohort-new", "space_lead", "get", f"/training/{p}/cohorts/new/", None, 200),
        ("cohort-errors", "space_lead", "post", f"/training/{p}/cohorts/new/", {}, 422),
        ("cohort-edit", "space_lead", "get", f"/training/cohorts/{c}/edit/", None, 200),
        ("cohort", "space_member", "get", f"/training/cohorts/{c}/", None, 200),
        ("cohort-unlisted", "member", "get", f"/training/cohorts/{c}/", None, 200),
        ("space", "space_lead", "get", programme.space.get_absolute_url(), None, 200),
        (
            "reflect",
            "space_member",
            "get",
            reverse("training:reflect", args=[steps[1].pk]),
            None,
            200,
        ),
        ("evidence", "space_member", "get", reverse("training:evidence", args=[p]), None, 200),
        (
            "evidence-errors",
            "space_member",
            "post",
            reverse("training:evidence", args=[p]),
            {},
            422,
        ),
        ("learners", "space_lead", "get", reverse("training:learners", args=[p]), None, 200),
        ("pathway", "space_member", "get", reverse("training:mine"), None, 200),
        ("verify", "anon", "get", valid.get_absolute_url(), None, 200),
        ("verify-revoked", "anon", "get", revoked.get_absolute_url(), None, 200),
        ("revoke", "space_lead", "get", reverse("training:revoke", args=[valid.token]), None, 200),
    ]
    pages = {}
    for label, who, method, path, data, status in tour:
        response = getattr(client_for(getattr(cast, who)), method)(path, data or {})
        assert response.status_code == status, (label, response.status_code)
        pages[label] = response.content.decode()
    out = tmp_path / "pages"
    out.mkdir()
    for label, html in pages.items():
        (out / f"{label}.html").write_text(html, encoding="utf-8")
    messages = vnu(out)
    problems = [m for m in messages if m.get("type") == "error" or m.get("subType") == "warning"]
    if problems:
        pytest.fail(f"{len(problems)} problems in {len(pages)} pages:\n{report(problems)}")
