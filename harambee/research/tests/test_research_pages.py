"""Every research page, with its parts showing (contributors, a plan, linked items some
of them restricted, submissions, form errors), is valid HTML by the Nu Html Checker,
and passes axe (WCAG 2.2 A/AA) at phone and laptop sizes in Chromium."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.tests.browser.test_accessibility import LAPTOP, PHONE, problems_on, sign_in
from harambee.core.tests.checkers import AXE_JS, VNU_JAR, java, require_file, vnu
from harambee.core.tests.factories import CommentFactory, PostFactory
from harambee.core.tests.test_html_validity import report
from harambee.research import services
from harambee.research.models import Link, Submission
from harambee.research.tests.helpers import call, collaboration


@pytest.fixture
def project(cast):
    collab = collaboration(cast, visibility="alliance")
    services.contributor_set(
        actor=cast.space_lead,
        collaboration=collab,
        user=cast.space_member,
        roles=["writing_original_draft", "writing_review_editing"],
    )
    services.milestone_add(
        actor=cast.space_lead, collaboration=collab, title="Baseline", due="2027-01-01"
    )
    Link.objects.create(holder=collab, item=PostFactory(space=cast.space, visibility="alliance"))
    Link.objects.create(holder=collab, item=PostFactory(space=cast.other_space))
    the_call = call(cast, collab, visibility="alliance")
    Submission.objects.create(call=the_call, author=cast.member, answers=["Here", "Trees"])
    output = services.output_create(
        author=cast.space_lead,
        collaboration=collab,
        title="Interim note",
        body="Findings.",
        visibility="alliance",
    )
    Link.objects.create(holder=output, item=PostFactory(space=cast.other_space))
    CommentFactory(content=collab, author=cast.space_member, body="Count me in.")
    return {"collab": collab, "call": the_call, "output": output}


@pytest.mark.django_db
def test_research_pages_are_valid_html(cast, client_for, project, tmp_path):
    require_file(VNU_JAR)
    java()
    c, k, o = project["collab"].pk, project["call"].pk, project["output"].pk
    slug = cast.space.slug
    person = project["collab"].contributors.get(user=cast.space_member).pk
    tour = [
        ("list", "anon", "get", "/research/", None, 200),
        ("space-list", "space_lead", "get", f"/spaces/{slug}/research/", None, 200),
        ("create", "space_member", "get", f"/spaces/{slug}/research/new/", None, 200),
        ("create-errors", "space_member", "post", f"/spaces/{slug}/research/new/", {}, 422),
        ("collab-lead", "space_lead", "get", f"/research/{c}/", None, 200),
        ("collab-member", "member", "get", f"/research/{c}/", None, 200),
        ("link-errors", "space_lead", "post", f"/research/{c}/links/", {"item": "x"}, 422),
        ("contributor", "space_lead", "get", f"/research/{c}/contributors/", None, 200),
        ("contributor-errors", "space_lead", "post", f"/research/{c}/contributors/", {}, 422),
        ("collab-edit", "space_lead", "get", f"/research/{c}/edit/", None, 200),
        ("collab-edit-errors", "space_lead", "post", f"/research/{c}/edit/", {}, 422),
        ("roles", "space_lead", "get", f"/research/{c}/contributors/{person}/", None, 200),
        ("roles-errors", "space_lead", "post", f"/research/{c}/contributors/{person}/", {}, 422),
        ("call-edit", "space_lead", "get", f"/research/calls/{k}/edit/", None, 200),
        ("call-edit-errors", "space_lead", "post", f"/research/calls/{k}/edit/", {}, 422),
        ("output-edit", "space_lead", "get", f"/research/outputs/{o}/edit/", None, 200),
        ("output-edit-errors", "space_lead", "post", f"/research/outputs/{o}/edit/", {}, 422),
        ("call-new", "space_lead", "get", f"/research/{c}/calls/new/", None, 200),
        ("output-new", "space_lead", "get", f"/research/{c}/outputs/new/", None, 200),
        ("call-lead", "space_lead", "get", f"/research/calls/{k}/", None, 200),
        ("call-member", "space_member", "get", f"/research/calls/{k}/", None, 200),
        ("call-own", "member", "get", f"/research/calls/{k}/", None, 200),
        ("submit-errors", "space_member", "post", f"/research/calls/{k}/submit/", {}, 422),
        ("output-lead", "space_lead", "get", f"/research/outputs/{o}/", None, 200),
        ("output-member", "member", "get", f"/research/outputs/{o}/", None, 200),
    ]
    submission = Submission.objects.get()
    tour.append(
        (
            "accept-errors",
            "space_lead",
            "post",
            reverse("research:decide", args=[submission.pk, "accept"]),
            {},
            422,
        )
    )
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


@pytest.mark.browser
def test_research_pages_pass_axe(new_page, live_server, cast, project):
    require_file(AXE_JS)
    c = project["collab"]
    tours = {
        None: ["/research/"],
        cast.space_lead: [
            c.get_absolute_url(),
            reverse("research:contributor_add", args=[c.pk]),
            project["call"].get_absolute_url(),
            project["output"].get_absolute_url(),
            reverse("research:call_create", args=[c.pk]),
            reverse("research:collaboration_edit", args=[c.pk]),
            reverse("research:call_edit", args=[project["call"].pk]),
        ],
        cast.space_member: [project["call"].get_absolute_url()],
    }
    problems = []
    for user, paths in tours.items():
        page = new_page(bypass_csp=True)
        if user is not None:
            sign_in(page, user, live_server.url)
        for path in paths:
            response = page.goto(path)
            assert response is not None and response.status == 200, path
            problems += problems_on(
                page, f"{path} ({user or 'anon'})", [(PHONE, "light"), (LAPTOP, "light")]
            )
    assert problems == [], "\n".join(problems)
