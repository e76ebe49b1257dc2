"""Every insights page, with every part showing (charts, tables, prompts, slow mode,
form errors, the survey), is valid HTML by the Nu Html Checker."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from harambee.conftest import make_user
from harambee.core.tests.checkers import VNU_JAR, java, require_file, vnu
from harambee.core.tests.factories import MembershipFactory
from harambee.core.tests.test_html_validity import report
from harambee.insights.models import SlowMode
from harambee.insights.prompts import prompts_raise
from harambee.insights.tests.factories import reply, thread

pytestmark = pytest.mark.django_db


def test_insights_pages_are_valid_html(cast, client_for, tmp_path):
    require_file(VNU_JAR)
    java()
    people = [make_user(sector="research", languages=["en", "sw"]) for _ in range(6)]
    for person in people:
        MembershipFactory(space=cast.space, user=person)
    post = thread(cast.space, people[0], hours_ago=60, title="A <long> thread")
    for n, person in enumerate(people * 2):
        reply(post, person, hours_ago=50 - n)
    thread(cast.space, people[1], hours_ago=55)
    prompts_raise()
    SlowMode.objects.create(thread=post, minutes=3, ends=timezone.now() + timedelta(hours=2))
    slug, pk = cast.space.slug, post.pk
    tour = [
        ("index", "space_lead", "get", reverse("insights:index"), None, 200),
        ("index-steward", "steward", "get", reverse("insights:index"), None, 200),
        ("space-lead", "space_lead", "get", reverse("insights:space", args=[slug]), None, 200),
        ("space-member", "space_member", "get", reverse("insights:space", args=[slug]), None, 200),
        (
            "space-errors",
            "space_member",
            "get",
            reverse("insights:space", args=[slug]) + "?days=3&end=2999-01-01",
            None,
            200,
        ),
        ("alliance", "steward", "get", reverse("insights:alliance"), None, 200),
        ("thread", "space_lead", "get", reverse("insights:thread", args=[pk]), None, 200),
        (
            "slow-errors",
            "space_lead",
            "post",
            reverse("insights:slow_mode", args=[pk]),
            {"minutes": "0", "hours": "5000"},
            200,
        ),
        ("survey", "member", "get", reverse("insights:survey"), None, 200),
        # The survey's prompt on home, outside the insights pages.
        ("home", "member", "get", "/", None, 200),
    ]
    pages = {}
    for label, who, method, path, data, status in tour:
        response = getattr(client_for(getattr(cast, who)), method)(path, data or {})
        assert response.status_code == status, (label, response.status_code)
        pages[label] = response.content.decode()
    assert "every 3 minutes" in pages["thread"]
    assert "survey-prompt" in pages["home"] and "Readers (signed in)" in pages["space-lead"]
    assert "has had no reply" in pages["space-lead"] and "<svg" in pages["space-lead"]
    out = tmp_path / "pages"
    out.mkdir()
    for label, html in pages.items():
        (out / f"{label}.html").write_text(html, encoding="utf-8")
    messages = vnu(out)
    problems = [m for m in messages if m.get("type") == "error" or m.get("subType") == "warning"]
    if problems:
        pytest.fail(f"{len(problems)} problems in {len(pages)} pages:\n{report(problems)}")
