"""Every print page, with every part of it showing (a list, form errors, a brochure
being prepared and a ready one), is valid HTML by the Nu Html Checker."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.tests.checkers import VNU_JAR, java, require_file, vnu
from harambee.core.tests.test_html_validity import report
from harambee.press import services
from harambee.press.tests.helpers import lesson

pytestmark = pytest.mark.django_db


def test_print_pages_are_valid_html(cast, client_for, tmp_path, settings, run_on_commit_now):
    require_file(VNU_JAR)
    java()
    settings.MEDIA_ROOT = tmp_path / "media"
    item = lesson(cast.space, cast.space_lead, title="Fire belts", body="*Works* — ɛ ɔ ŋ.")
    pending = services.brochure_create(
        actor=cast.space_lead,
        space=cast.space,
        title="Waiting",
        source="hand",
        item_ids=[item.pk],
        queue=False,
    )
    ready = services.brochure_create(
        actor=cast.space_lead,
        space=cast.space,
        title="Ready",
        source="hand",
        item_ids=[item.pk],
        paper="a5",
        booklet=True,
    )
    Brochure = type(pending)
    Brochure.objects.filter(pk=pending.pk).update(queued="2026-12-01T00:00Z")
    slug = cast.space.slug
    tour = [
        ("index", "space_member", "get", reverse("press:index", args=[slug]), None, 200),
        ("index-lead", "space_lead", "get", reverse("press:index", args=[slug]), None, 200),
        ("new", "space_lead", "get", reverse("press:new", args=[slug]), None, 200),
        ("new-errors", "space_lead", "post", reverse("press:new", args=[slug]), {"title": ""}, 422),
        ("digest", "space_member", "get", reverse("press:digest", args=[slug]), None, 200),
        (
            "digest-errors",
            "guest",
            "post",
            reverse("press:digest", args=[slug]),
            {"month": "x"},
            422,
        ),
        ("pending", "space_member", "get", pending.get_absolute_url(), None, 200),
        ("ready", "space_lead", "get", ready.get_absolute_url(), None, 200),
    ]
    pages = {}
    for label, who, method, path, data, status in tour:
        response = getattr(client_for(getattr(cast, who)), method)(path, data or {})
        assert response.status_code == status, (label, response.status_code)
        pages[label] = response.content.decode()
    assert "Download the booklet" in pages["ready"]
    out = tmp_path / "pages"
    out.mkdir()
    for label, html in pages.items():
        (out / f"{label}.html").write_text(html, encoding="utf-8")
    messages = vnu(out)
    problems = [m for m in messages if m.get("type") == "error" or m.get("subType") == "warning"]
    if problems:
        pytest.fail(f"{len(problems)} problems in {len(pages)} pages:\n{report(problems)}")
