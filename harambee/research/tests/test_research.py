"""Research collaborations through HTTP: CRediT roles, the plan, linked items shown
only to who may read them, calls with one submission a person before the deadline,
and organisers accepting or declining."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from harambee.core.models import AuditEntry
from harambee.core.tests.factories import MembershipFactory, PostFactory
from harambee.research import services
from harambee.research.models import Call, Contributor, CreditRole, Link, Submission
from harambee.research.tests.helpers import call, collaboration, research_space
from harambee.spaces.models import Space

pytestmark = pytest.mark.django_db

ANSWERS = {"answer_0": "In Kumasi forest", "answer_1": "Canopy cover"}


def test_there_are_the_fourteen_credit_roles():
    assert len(CreditRole.values) == 14
    assert "Writing – review & editing" in CreditRole.labels


def test_a_role_outside_credit_is_a_field_error(cast, client_for):
    collab = collaboration(cast)
    with pytest.raises(ValidationError) as refused:
        services.contributor_set(
            actor=cast.space_lead, collaboration=collab, user=cast.space_member, roles=["hero"]
        )
    assert "roles" in refused.value.message_dict
    response = client_for(cast.space_lead).post(
        reverse("research:contributor_add", args=[collab.pk]),
        {"user": cast.space_member.pk, "roles": ["hero", "software"]},
    )
    assert response.status_code == 422
    assert "Select a valid choice" in response.content.decode()
    assert not Contributor.objects.filter(user=cast.space_member).exists()


def test_an_organiser_adds_a_contributor_with_roles_in_credit_order(cast, client_for):
    collab = collaboration(cast)
    response = client_for(cast.space_lead).post(
        reverse("research:contributor_add", args=[collab.pk]),
        {"user": cast.space_member.pk, "roles": ["software", "data_curation"]},
    )
    assert response.status_code == 302
    assert Contributor.objects.get(user=cast.space_member).roles == ["data_curation", "software"]
    page = client_for(cast.space_member).get(collab.get_absolute_url()).content.decode()
    assert "Sam Spacemember: Data curation, Software" in page


def test_only_organisers_change_a_collaboration(cast, client_for):
    collab = collaboration(cast)
    for who in (cast.space_member, cast.guest):
        response = client_for(who).post(
            reverse("research:milestone_add", args=[collab.pk]),
            {"title": "Sneaky", "due": "2027-01-01"},
        )
        assert response.status_code == 403
    assert not collab.milestones.exists()


def test_only_research_spaces_hold_collaborations(cast, client_for):
    research_space(cast)
    assert (
        client_for(cast.space_member).get(f"/spaces/{cast.space.slug}/research/new/").status_code
        == 200
    )
    Space.objects.filter(pk=cast.space.pk).update(kind=Space.Type.INITIATIVE)
    assert (
        client_for(cast.space_member).get(f"/spaces/{cast.space.slug}/research/new/").status_code
        == 403
    )


def test_a_member_starts_a_collaboration_linked_to_initiatives(cast, client_for):
    research_space(cast)
    initiative = Space.objects.create(
        name="Forest initiative", slug="forest-init", kind=Space.Type.INITIATIVE, listing="public"
    )
    response = client_for(cast.space_member).post(
        f"/spaces/{cast.space.slug}/research/new/",
        {
            "title": "What do monitors see?",
            "body": "Agenda",
            "methods": "Walks",
            "visibility": "alliance",
            "initiatives": [initiative.pk],
            "roles": ["investigation"],
        },
    )
    assert response.status_code == 302
    page = client_for(cast.member).get(response["Location"]).content.decode()
    assert "What do monitors see?" in page and "Forest initiative" in page
    assert "Sam Spacemember: Investigation" in page


def test_a_hidden_collaboration_answers_404_like_a_missing_one(cast, client_for):
    collab = collaboration(cast)
    for who in (cast.anon, cast.member, cast.outsider):
        assert client_for(who).get(collab.get_absolute_url()).status_code == 404
    assert client_for(cast.member).get("/research/999999/").status_code == 404
    assert client_for(cast.guest).get(collab.get_absolute_url()).status_code == 200
    assert "How do community" not in client_for(cast.member).get("/research/").content.decode()
    assert "How do community" in client_for(cast.guest).get("/research/").content.decode()


def test_a_linked_item_the_reader_may_not_see_is_a_restricted_item(cast, client_for):
    collab = collaboration(cast, visibility="alliance")
    shown = PostFactory(space=cast.space, visibility="alliance", title="OPEN-NOTE")
    hidden = PostFactory(space=cast.other_space, visibility="space", title="HIDDEN-NOTE")
    lead = client_for(cast.space_lead)
    for item in (shown, hidden):
        Link.objects.create(holder=collab, item=item, added_by=cast.space_lead)
    page = client_for(cast.member).get(collab.get_absolute_url()).content.decode()
    assert "OPEN-NOTE" in page and shown.get_absolute_url() in page
    assert "HIDDEN-NOTE" not in page and hidden.get_absolute_url() not in page
    assert page.count('class="restricted-citation"') == 1
    # The lead may not link what they may not read.
    response = lead.post(
        reverse("research:link_add", args=[collab.pk]), {"item": hidden.get_absolute_url()}
    )
    assert response.status_code == 422 and "That item cannot be found." in response.content.decode()
    response = lead.post(
        reverse("research:link_add", args=[collab.pk]), {"item": "https://evil.example/x/"}
    )
    assert response.status_code == 422


def test_an_output_cites_its_sources_with_restricted_ones_unnamed(cast, client_for):
    collab = collaboration(cast, visibility="public")
    lead = client_for(cast.space_lead)
    response = lead.post(
        reverse("research:output_create", args=[collab.pk]),
        {"title": "Monitoring report", "body": "Findings.", "visibility": "public"},
    )
    assert response.status_code == 302
    output_url = response["Location"]
    lesson = PostFactory(space=cast.space, visibility="space", title="SPACE-LESSON")
    public = PostFactory(space=cast.space, visibility="public", title="PUBLIC-REPORT")
    for item in (lesson, public):
        output_pk = int(output_url.rstrip("/").rsplit("/", 1)[1])
        assert (
            lead.post(
                reverse("research:source_add", args=[output_pk]), {"item": item.get_absolute_url()}
            ).status_code
            == 302
        )
    anon = client_for(cast.anon).get(output_url).content.decode()
    assert "PUBLIC-REPORT" in anon and "SPACE-LESSON" not in anon and "a restricted item" in anon
    member = client_for(cast.space_member).get(output_url).content.decode()
    assert (
        "PUBLIC-REPORT" in member and "SPACE-LESSON" in member and "a restricted item" not in member
    )


def test_one_submission_a_person_with_a_clear_message_and_the_text_kept(cast, client_for):
    the_call = call(cast, collaboration(cast))
    url = reverse("research:submit", args=[the_call.pk])
    member = client_for(cast.space_member)
    assert member.post(url, ANSWERS).status_code == 302
    again = member.post(url, {"answer_0": "A second try", "answer_1": "x"})
    assert again.status_code == 422
    body = again.content.decode()
    assert "You have already answered this call." in body and "A second try" in body
    assert Submission.objects.filter(call=the_call).count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Submission.objects.create(call=the_call, author=cast.space_member, answers=[])


def test_a_late_submission_is_refused_with_a_message_and_the_text_kept(cast, client_for):
    the_call = call(cast, collaboration(cast))
    Call.objects.filter(pk=the_call.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    response = client_for(cast.space_member).post(
        reverse("research:submit", args=[the_call.pk]), ANSWERS
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "The deadline for this call has passed" in body and "In Kumasi forest" in body
    assert not Submission.objects.exists()
    page = client_for(cast.guest).get(the_call.get_absolute_url()).content.decode()
    assert "submissions are closed" in page and 'name="answer_0"' not in page


def test_submissions_are_read_only_by_their_author_and_the_organisers(cast, client_for):
    the_call = call(cast, collaboration(cast))
    client_for(cast.space_member).post(reverse("research:submit", args=[the_call.pk]), ANSWERS)
    url = the_call.get_absolute_url()
    assert "In Kumasi forest" in client_for(cast.space_lead).get(url).content.decode()
    own = client_for(cast.space_member).get(url).content.decode()
    assert "Your submission" in own and "Waiting for review" in own
    other = client_for(cast.guest).get(url).content.decode()
    assert "In Kumasi forest" not in other and "Your submission" not in other
    submission = Submission.objects.get()
    decide = reverse("research:decide", args=[submission.pk, "accept"])
    assert client_for(cast.guest).post(decide, {"roles": ["software"]}).status_code == 404
    assert client_for(cast.space_member).post(decide, {"roles": ["software"]}).status_code == 404


def test_accepting_makes_the_applicant_a_contributor(cast, client_for):
    the_call = call(cast, collaboration(cast))
    client_for(cast.guest).post(reverse("research:submit", args=[the_call.pk]), ANSWERS)
    submission = Submission.objects.get()
    lead = client_for(cast.space_lead)
    url = reverse("research:decide", args=[submission.pk, "accept"])
    refused = lead.post(url, {})
    assert refused.status_code == 422 and "This field is required." in refused.content.decode()
    assert lead.post(url, {"roles": ["investigation", "validation"]}).status_code == 302
    submission.refresh_from_db()
    assert submission.status == "accepted"
    contributor = Contributor.objects.get(user=cast.guest)
    assert contributor.roles == ["investigation", "validation"]
    assert AuditEntry.objects.filter(action="research_accepted", subject=cast.guest).exists()


def test_declining_keeps_a_note_for_the_applicant(cast, client_for):
    the_call = call(cast, collaboration(cast))
    client_for(cast.space_member).post(reverse("research:submit", args=[the_call.pk]), ANSWERS)
    submission = Submission.objects.get()
    url = reverse("research:decide", args=[submission.pk, "decline"])
    assert client_for(cast.space_lead).post(url, {"note": "Full this round."}).status_code == 302
    page = client_for(cast.space_member).get(the_call.get_absolute_url()).content.decode()
    assert "Declined" in page and "Full this round." in page
    assert not Contributor.objects.filter(user=cast.space_member).exists()


def test_a_milestone_is_added_and_marked_done(cast, client_for):
    collab = collaboration(cast)
    lead = client_for(cast.space_lead)
    bad = lead.post(reverse("research:milestone_add", args=[collab.pk]), {"title": "Baseline"})
    assert bad.status_code == 422 and "Baseline" in bad.content.decode()
    lead.post(
        reverse("research:milestone_add", args=[collab.pk]),
        {"title": "Baseline survey", "due": "2027-03-01"},
    )
    milestone = collab.milestones.get()
    assert milestone.due == date(2027, 3, 1) and not milestone.done
    lead.post(reverse("research:milestone_toggle", args=[collab.pk, milestone.pk]))
    milestone.refresh_from_db()
    assert milestone.done


def test_the_collaboration_page_costs_the_same_with_many_contributors_and_items(
    cast, client_for, django_assert_max_num_queries
):
    collab = collaboration(cast, visibility="alliance")
    reader = client_for(cast.member)
    url = collab.get_absolute_url()
    reader.get(url)

    def grow(n: int) -> None:
        for number in range(n):
            person = MembershipFactory(space=cast.space).user
            Contributor.objects.create(collaboration=collab, user=person, roles=["software"])
            collab.milestones.create(title=f"Step {number}", due=date(2027, 1, 1 + number))
            Link.objects.create(holder=collab, item=PostFactory(space=cast.space))
            call(cast, collab, visibility="alliance")

    grow(2)
    with django_assert_max_num_queries(12) as few:
        assert reader.get(url).status_code == 200
    grow(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert reader.get(url).status_code == 200
    lead = client_for(cast.space_lead)
    # A reader's first visit of the day also records the read (insights: one insert).
    assert lead.get(url).status_code == 200
    with django_assert_max_num_queries(12):
        assert lead.get(url).status_code == 200


def test_a_public_output_of_a_hidden_collaboration_does_not_name_it(cast, client_for):
    collab = collaboration(cast, visibility="space")
    output = services.output_create(
        author=cast.space_lead,
        collaboration=collab,
        title="Open findings",
        body="Shared.",
        visibility="public",
    )
    the_call = call(cast, collab, visibility="public")
    for url in (output.get_absolute_url(), the_call.get_absolute_url()):
        anon = client_for(cast.anon).get(url).content.decode()
        assert "How do community monitors" not in anon and collab.get_absolute_url() not in anon
        member = client_for(cast.space_member).get(url).content.decode()
        assert "How do community monitors" in member


def test_search_finds_a_collaboration_by_its_methods_only_for_its_readers(
    cast, client_for, run_on_commit_now
):
    collab = collaboration(cast, methods="Transect walks with drone photographs.")
    url = reverse("search:search")
    for who in (cast.space_member, cast.guest):
        page = client_for(who).get(url, {"q": "drone photographs"}).content.decode()
        assert collab.get_absolute_url() in page, who
    for who in (cast.anon, cast.member, cast.outsider):
        page = client_for(who).get(url, {"q": "drone photographs"}).content.decode()
        assert collab.get_absolute_url() not in page, who
    # An edit is searched at once.
    services.collaboration_update(
        actor=cast.space_lead, collaboration=collab, methods="Kite mapping."
    )
    page = client_for(cast.space_member).get(url, {"q": "kite"}).content.decode()
    assert collab.get_absolute_url() in page
