"""The portal's pages and the tags it adds to every page's head are valid HTML."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.tests.checkers import vnu
from harambee.core.tests.test_html_validity import report

pytestmark = pytest.mark.django_db


def test_portal_pages_and_head_tags_are_valid_html(cast, world, client_for, tmp_path):
    member = client_for(cast.space_member)
    anon = client_for(cast.anon)
    pages = {
        "settings-empty": member.get(reverse("portal:feed_settings")),
        "settings-new": member.post(reverse("portal:feed_settings"), {"action": "create"}),
        "settings-current": member.get(reverse("portal:feed_settings")),
        "story": anon.get(world.items["PUB-story"].get_absolute_url()),
        "space": anon.get(world.public.get_absolute_url()),
        "home": anon.get("/"),
        "theme": anon.get(reverse("synthesis:theme", args=[world.theme.slug])),
    }
    out = tmp_path / "pages"
    out.mkdir()
    for label, response in pages.items():
        assert response.status_code == 200, label
        (out / f"{label}.html").write_text(response.content.decode(), encoding="utf-8")
    assert 'property="og:description"' in pages["story"].content.decode()
    messages = vnu(out)
    problems = [m for m in messages if m.get("type") == "error" or m.get("subType") == "warning"]
    if problems:
        pytest.fail(f"{len(problems)} problems in {len(pages)} pages:\n{report(problems)}")
