"""Editing a collaboration, a call, an output and a contributor's roles outside the
admin: organisers may, everyone else gets 403 (or 404 where they may not read it);
bad input is a field error with what was typed kept; a change of who can see an item,
and every change of a contributor's roles, is in the audit log."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from harambee.core.models import AuditEntry
from harambee.research import services
from harambee.research.models import Call, Contributor, Submission
from harambee.research.tests.helpers import call, collaboration
from harambee.spaces.models import Space

pytestmark = pytest.mark.django_db

COLLABORATION = {
    "title": "What do monitors trust?",
    "body": "New agenda.",
    "methods": "Interviews.",
    "visibility": "alliance",
}


def _deadline(days: int) -> str:
    return (timezone.localtime() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def test_an_organiser_edits_a_collaboration_and_the_wider_audience_is_audited(cast, client_for):
    collab = collaboration(cast)
    url = reverse("research:collaboration_edit", args=[collab.pk])
    lead = client_for(cast.space_lead)
    form = lead.get(url).content.decode()
    assert "How do community monitors see forest change?" in form  # the current question
    assert 'name="roles"' not in form  # roles change on the contributor's page
    assert lead.post(url, COLLABORATION).status_code == 302
    collab.refresh_from_db()
    assert (collab.title, collab.methods, collab.visibility) == (
        "What do monitors trust?",
        "Interviews.",
        "alliance",
    )
    assert "Interviews." in collab.methods_html
    entry = AuditEntry.objects.get(action="visibility_changed", content=collab)
    assert entry.detail == {"before": "space", "after": "alliance"}
    # Now the alliance reads it.
    page = client_for(cast.member).get(collab.get_absolute_url()).content.decode()
    assert "What do monitors trust?" in page


def test_only_organisers_open_the_edit_pages(cast, client_for):
    collab = collaboration(cast)
    the_call = call(cast, collab)
    output = services.output_create(
        author=cast.space_lead, collaboration=collab, title="Note", body="x", visibility="space"
    )
    contributor = Contributor.objects.get(collaboration=collab)
    urls = [
        reverse("research:collaboration_edit", args=[collab.pk]),
        reverse("research:contributor_edit", args=[collab.pk, contributor.pk]),
        reverse("research:call_edit", args=[the_call.pk]),
        reverse("research:output_edit", args=[output.pk]),
    ]
    for url in urls:
        # May read it, may not change it.
        assert client_for(cast.space_member).get(url).status_code == 403, url
        assert client_for(cast.space_member).post(url, COLLABORATION).status_code == 403, url
        # May not read it: like a missing page.
        for who in (cast.member, cast.outsider):
            assert client_for(who).get(url).status_code == 404, (who, url)
        assert client_for(cast.space_lead).get(url).status_code == 200, url
    collab.refresh_from_db()
    assert collab.title.startswith("How do community")


def test_bad_input_on_the_edit_page_is_a_field_error_with_the_text_kept(cast, client_for):
    collab = collaboration(cast)
    url = reverse("research:collaboration_edit", args=[collab.pk])
    response = client_for(cast.space_lead).post(
        url, {**COLLABORATION, "visibility": "private", "title": "Kept question"}
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "Select a valid choice" in body and "Kept question" in body
    collab.refresh_from_db()
    assert collab.visibility == "space"


def test_only_the_author_names_coordinators(cast, client_for):
    collab = collaboration(cast)
    collab.coauthors.add(cast.space_member)
    url = reverse("research:collaboration_edit", args=[collab.pk])
    coordinator = client_for(cast.space_member)
    page = coordinator.get(url).content.decode()
    assert 'name="coauthors"' not in page
    assert coordinator.post(url, {**COLLABORATION, "coauthors": []}).status_code == 302
    assert list(collab.coauthors.all()) == [cast.space_member]
    assert 'name="coauthors"' in client_for(cast.space_lead).get(url).content.decode()


def test_an_initiative_the_editor_may_not_know_stays_linked(cast, client_for):
    collab = collaboration(cast)
    secret = Space.objects.create(
        name="Hidden initiative", slug="hidden-init", kind=Space.Type.INITIATIVE, listing="secret"
    )
    shown = Space.objects.create(
        name="Open initiative", slug="open-init", kind=Space.Type.INITIATIVE, listing="public"
    )
    collab.initiatives.add(secret)
    url = reverse("research:collaboration_edit", args=[collab.pk])
    lead = client_for(cast.space_lead)
    assert "Hidden initiative" not in lead.get(url).content.decode()
    assert lead.post(url, {**COLLABORATION, "initiatives": [shown.pk]}).status_code == 302
    assert set(collab.initiatives.all()) == {secret, shown}
    # Nor can a hidden one be added by its number.
    collab.initiatives.set([])
    response = lead.post(url, {**COLLABORATION, "initiatives": [secret.pk]})
    assert response.status_code == 422 and not collab.initiatives.exists()


def test_a_role_outside_credit_on_the_roles_page_is_a_field_error(cast, client_for):
    collab = collaboration(cast)
    contributor = Contributor.objects.get(collaboration=collab)
    url = reverse("research:contributor_edit", args=[collab.pk, contributor.pk])
    lead = client_for(cast.space_lead)
    page = lead.get(url).content.decode()
    # Today's roles are ticked.
    assert re.search(r'<input[^>]*value="methodology"[^>]*checked', page)
    assert not re.search(r'<input[^>]*value="software"[^>]*checked', page)
    for roles in (["hero"], ["software", "hero"], []):
        response = lead.post(url, {"roles": roles})
        assert response.status_code == 422, roles
        assert 'class="field invalid"' in response.content.decode()
    contributor.refresh_from_db()
    assert contributor.roles == ["conceptualization", "methodology"]
    assert lead.post(url, {"roles": ["visualization", "software"]}).status_code == 302
    contributor.refresh_from_db()
    assert contributor.roles == ["software", "visualization"]
    entry = AuditEntry.objects.get(action="research_roles_set", subject=cast.space_lead)
    assert entry.detail == {"roles": ["software", "visualization"]}


def test_removing_a_contributor_is_audited(cast, client_for):
    collab = collaboration(cast)
    services.contributor_set(
        actor=cast.space_lead, collaboration=collab, user=cast.space_member, roles=["software"]
    )
    contributor = Contributor.objects.get(user=cast.space_member)
    client_for(cast.space_lead).post(
        reverse("research:contributor_remove", args=[collab.pk, contributor.pk])
    )
    assert not Contributor.objects.filter(user=cast.space_member).exists()
    assert AuditEntry.objects.filter(
        action="research_contributor_removed", subject=cast.space_member
    ).exists()


def test_a_call_is_edited_and_its_questions_are_fixed_once_answered(cast, client_for):
    the_call = call(cast, collaboration(cast))
    url = reverse("research:call_edit", args=[the_call.pk])
    lead = client_for(cast.space_lead)
    fields = {
        "title": "Monitors wanted",
        "body": "Join us.",
        "questions": "Where do you work?\nWhat do you measure?\nSince when?",
        "deadline": _deadline(10),
        "visibility": "space",
    }
    assert lead.post(url, fields).status_code == 302
    the_call.refresh_from_db()
    assert the_call.question_list()[-1] == "Since when?"
    Submission.objects.create(call=the_call, author=cast.space_member, answers=["a", "b", "c"])
    response = lead.post(url, {**fields, "questions": "Something else?"})
    assert response.status_code == 422
    body = response.content.decode()
    assert "already answered these questions" in body and "Something else?" in body
    the_call.refresh_from_db()
    assert len(the_call.question_list()) == 3
    # The rest may still change: the deadline is extended.
    assert lead.post(url, {**fields, "deadline": _deadline(20)}).status_code == 302
    the_call.refresh_from_db()
    assert the_call.deadline > timezone.now() + timedelta(days=19)


def test_a_late_call_opens_again_when_its_deadline_is_extended(cast, client_for):
    the_call = call(cast, collaboration(cast))
    Call.objects.filter(pk=the_call.pk).update(deadline=timezone.now() - timedelta(hours=1))
    submit = reverse("research:submit", args=[the_call.pk])
    member = client_for(cast.space_member)
    answers = {"answer_0": "Here", "answer_1": "Trees"}
    assert member.post(submit, answers).status_code == 422
    client_for(cast.space_lead).post(
        reverse("research:call_edit", args=[the_call.pk]),
        {
            "title": the_call.title,
            "body": the_call.body,
            "questions": the_call.questions,
            "deadline": _deadline(3),
            "visibility": "space",
        },
    )
    assert member.post(submit, answers).status_code == 302
    assert Submission.objects.filter(call=the_call).count() == 1


def test_an_output_is_edited_by_an_organiser(cast, client_for):
    output = services.output_create(
        author=cast.space_lead,
        collaboration=collaboration(cast),
        title="Interim note",
        body="Draft findings.",
        visibility="space",
    )
    url = reverse("research:output_edit", args=[output.pk])
    response = client_for(cast.space_lead).post(
        url, {"title": "Final note", "body": "Findings.", "visibility": "public"}
    )
    assert response.status_code == 302
    page = client_for(cast.anon).get(output.get_absolute_url()).content.decode()
    assert "Final note" in page and "Findings." in page
    assert AuditEntry.objects.filter(action="visibility_changed", content=output).exists()
    missing = client_for(cast.space_lead).post(url, {"title": "", "visibility": "public"})
    assert missing.status_code == 422
