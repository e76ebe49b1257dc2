"""Every synthesis page, with every part showing (a synthesis with citations, groups
with "all" links, related experiences, reports with left-out counts, a comparison and
form errors), is valid HTML by the Nu Html Checker."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from harambee.core.tests.checkers import VNU_JAR, java, require_file, vnu
from harambee.core.tests.test_html_validity import report
from harambee.spaces.models import Space
from harambee.synthesis import services
from harambee.synthesis.tests import factories as f

pytestmark = pytest.mark.django_db


def test_synthesis_pages_are_valid_html(cast, client_for, tmp_path):
    require_file(VNU_JAR)
    java()
    Space.objects.filter(pk__in=[cast.space.pk, cast.other_space.pk]).update(
        listing=Space.Listing.PUBLIC
    )
    theme = f.theme()
    ghana = f.initiative(cast.space, countries=["GH"])
    kenya = f.initiative(cast.other_space, countries=["KE"])
    note = f.note(ghana, cast.space_lead, "public", "Dry season grazing", themes=[theme])
    lessons = [
        f.lesson(note, vis, f"Grazing lesson {vis}", "Grazing *plans* hold.", [theme])
        for vis in ("public", "public", "space", "public", "public", "public", "alliance")
    ]
    other = f.note(kenya, cast.outsider, "public", "Grazing plans in Kenya", themes=[theme])
    f.lesson(other, "public", "Kenyan grazing lesson", themes=[theme])
    story = f.story(cast.other_space, cast.outsider, "public", "Grazing story", "Grazing plans.")
    for item in (note, other, lessons[0], story):
        services.related_compute(content_id=item.pk)
    cites = " ".join(f"[[lesson:{x.pk}]]" for x in lessons)
    services.synthesis_save(actor=cast.steward, theme=theme, body=f"# Known\n\nWe know {cites}.")
    t = theme.slug
    q = urlencode({"theme": t, "audience": "public", "group": "country"})
    pair = urlencode({"i": [cast.space.slug, cast.other_space.slug]}, doseq=True)
    tour = [
        ("index", "anon", "get", reverse("synthesis:themes"), None, 200),
        ("theme", "anon", "get", reverse("synthesis:theme", args=[t]), None, 200),
        (
            "theme-sector",
            "steward",
            "get",
            reverse("synthesis:theme", args=[t]) + "?by=sector",
            None,
            200,
        ),
        (
            "group",
            "anon",
            "get",
            reverse("synthesis:theme_items", args=[t]) + "?kind=lesson&by=region&key=Africa",
            None,
            200,
        ),
        ("edit", "steward", "get", reverse("synthesis:theme_edit", args=[t]), None, 200),
        (
            "edit-errors",
            "steward",
            "post",
            reverse("synthesis:theme_edit", args=[t]),
            {"body": "[[lesson:999999]]"},
            200,
        ),
        ("report-form", "anon", "get", reverse("synthesis:report"), None, 200),
        (
            "report-errors",
            "anon",
            "get",
            reverse("synthesis:report") + "?group=theme&until=x",
            None,
            200,
        ),
        ("report", "space_member", "get", reverse("synthesis:report") + "?" + q, None, 200),
        (
            "report-print",
            "space_member",
            "get",
            reverse("synthesis:report_print") + "?" + q,
            None,
            200,
        ),
        ("compare-form", "member", "get", reverse("synthesis:compare"), None, 200),
        ("compare", "space_member", "get", reverse("synthesis:compare") + "?" + pair, None, 200),
        (
            "compare-one",
            "member",
            "get",
            reverse("synthesis:compare") + f"?i={cast.space.slug}",
            None,
            400,
        ),
        ("note", "anon", "get", note.get_absolute_url(), None, 200),
        ("story", "anon", "get", story.get_absolute_url(), None, 200),
    ]
    pages = {}
    for label, who, method, path, data, status in tour:
        response = getattr(client_for(getattr(cast, who)), method)(path, data or {})
        assert response.status_code == status, (label, response.status_code)
        pages[label] = response.content.decode()
    assert "a restricted lesson" in pages["theme"] and "Related experiences" in pages["note"]
    assert "restricted lessons were left out" in pages["report"]
    out = tmp_path / "pages"
    out.mkdir()
    for label, html in pages.items():
        (out / f"{label}.html").write_text(html, encoding="utf-8")
    messages = vnu(out)
    problems = [m for m in messages if m.get("type") == "error" or m.get("subType") == "warning"]
    if problems:
        pytest.fail(f"{len(problems)} problems in {len(pages)} pages:\n{report(problems)}")
