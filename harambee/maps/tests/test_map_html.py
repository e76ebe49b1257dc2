"""The map's pages are valid HTML by the Nu Html Checker, with and without tiles."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.urls import reverse

from harambee.core.tests.checkers import vnu
from harambee.core.tests.test_html_validity import report

pytestmark = pytest.mark.django_db


def test_map_pages_are_valid_html(mapworld, cast, client_for, tmp_path, settings):
    anon = client_for(cast.anon)
    member = client_for(cast.space_member)
    pages = {
        "world": anon.get(reverse("maps:world")).content.decode(),
        "africa-member": member.get(reverse("maps:region", args=["africa"])).content.decode(),
        "empty-region": anon.get(reverse("maps:region", args=["oceania"])).content.decode(),
    }
    settings.MAP_TILES_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILES_ATTRIBUTION = "© Example"
    pages["tiles"] = member.get(reverse("maps:world")).content.decode()
    embedded = Template("{% load maps %}{% initiatives_map %}").render(Context({}))
    pages["embedded"] = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Front</title>'
        f"</head><body><main><h1>Front</h1>{embedded}</main></body></html>"
    )
    out = tmp_path / "pages"
    out.mkdir()
    for label, body in pages.items():
        (out / f"{label}.html").write_text(body, encoding="utf-8")
    messages = vnu(out)
    problems = [m for m in messages if m.get("type") == "error" or m.get("subType") == "warning"]
    if problems:
        pytest.fail(f"{len(problems)} problems in {len(pages)} pages:\n{report(problems)}")
