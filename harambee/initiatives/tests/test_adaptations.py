"""Shareable versions: a restricted note or lesson is adapted, reviewed by someone
else, published at its target visibility; the original stays restricted."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from harambee.core.models import AuditEntry
from harambee.core.tests.factories import MembershipFactory, UserFactory
from harambee.initiatives import services
from harambee.initiatives.models import Adaptation, Initiative, LearningNote
from harambee.spaces.models import Space

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(cast):
    cast.space.kind = "initiative"
    cast.space.listing = Space.Listing.SECRET
    cast.space.save()
    initiative = Initiative.objects.create(space=cast.space)
    facilitator = UserFactory(display_name="Fatou Facilitator")
    MembershipFactory(space=cast.space, user=facilitator, role="facilitator")
    note = services.note_create(
        author=cast.space_member,
        initiative=initiative,
        visibility="space",
        title="Negotiating with the chief",
        context="Names of the families in dispute",
        tried="A closed meeting",
        learned="Meet the chief alone first",
    )
    return initiative, facilitator, note


def test_a_lead_adapts_a_facilitator_reviews_and_the_public_reads_it(cast, client_for, setup):
    initiative, facilitator, note = setup
    lead = client_for(cast.space_lead)
    response = lead.post(
        reverse("initiatives:adaptation_start", args=[note.pk]), {"target_visibility": "public"}
    )
    adaptation = Adaptation.objects.get(original=note)
    copy = LearningNote.objects.get(pk=adaptation.adapted_id)
    assert response.status_code == 302 and copy.visibility == "private"
    assert copy.learned == note.learned and copy.author == cast.space_lead
    # The adapter rewords; the visibility cannot be set by hand meanwhile.
    form = lead.get(reverse("initiatives:note_edit", args=[copy.pk])).content.decode()
    assert 'name="visibility"' not in form
    lead.post(
        reverse("initiatives:note_edit", args=[copy.pk]),
        {
            "title": "Negotiating with traditional authorities",
            "context": "A land dispute",
            "tried": "A closed meeting",
            "learned": "Meet the chief alone first",
            "visibility": "public",
            "summary": "Removed names",
        },
    )
    copy.refresh_from_db()
    assert copy.visibility == "private" and "families" not in copy.context
    # Nobody outside sees the draft.
    assert client_for(None).get(copy.get_absolute_url()).status_code == 404
    lead.post(reverse("initiatives:adaptation_submit", args=[adaptation.pk]))
    copy.refresh_from_db()
    assert copy.visibility == "space"
    # The adapter cannot approve their own version.
    with pytest.raises(ValidationError):
        services.adaptation_decide(
            actor=cast.space_lead, adaptation=Adaptation.objects.get(), approve=True
        )
    page = client_for(facilitator).get(copy.get_absolute_url()).content.decode()
    assert "Publish this version" in page
    client_for(facilitator).post(
        reverse("initiatives:adaptation_decide", args=[adaptation.pk]), {"decision": "approve"}
    )
    copy.refresh_from_db()
    note.refresh_from_db()
    assert copy.visibility == "public" and note.visibility == "space"
    assert AuditEntry.objects.filter(action="visibility_changed", content=copy).exists()
    public = client_for(None).get(copy.get_absolute_url())
    body = public.content.decode()
    assert public.status_code == 200 and "Negotiating with traditional authorities" in body
    # The public is not told the original's title, nor the secret space it lives in.
    assert "Adapted for sharing from a restricted item" in body
    assert "Negotiating with the chief" not in body and cast.space.name not in body
    assert client_for(None).get(note.get_absolute_url()).status_code == 404
    # Space members see the link both ways.
    member_view = client_for(cast.space_member).get(copy.get_absolute_url()).content.decode()
    assert "Negotiating with the chief" in member_view


def test_declining_sends_the_version_back_private(cast, setup):
    _initiative, facilitator, note = setup
    adaptation = services.adaptation_start(
        actor=cast.space_lead, original=note, target_visibility="alliance"
    )
    services.adaptation_submit(actor=cast.space_lead, adaptation=adaptation)
    services.adaptation_decide(
        actor=facilitator, adaptation=adaptation, approve=False, comment="Still names the village"
    )
    adaptation.refresh_from_db()
    assert adaptation.status == "draft" and adaptation.adapted.visibility == "private"
    assert adaptation.review_comment == "Still names the village"


def test_only_leads_and_facilitators_adapt_and_only_restricted_items(cast, setup, client_for):
    initiative, _facilitator, note = setup
    with pytest.raises(PermissionDenied):
        services.adaptation_start(
            actor=cast.space_member, original=note, target_visibility="public"
        )
    open_note = services.note_create(
        author=cast.space_member,
        initiative=initiative,
        visibility="alliance",
        title="Open",
        learned="x",
    )
    with pytest.raises(ValidationError):
        services.adaptation_start(
            actor=cast.space_lead, original=open_note, target_visibility="public"
        )
    url = reverse("initiatives:adaptation_start", args=[note.pk])
    assert client_for(cast.member).post(url, {"target_visibility": "public"}).status_code == 404


def test_a_lesson_can_be_shared_more_widely_than_its_note_through_review(cast, setup):
    _initiative, facilitator, note = setup
    lesson = services.lesson_create(
        author=cast.space_member,
        note=note,
        title="Go alone first",
        body="",
        strength="repeated",
        visibility="space",
    )
    adaptation = services.adaptation_start(
        actor=cast.space_lead, original=lesson, target_visibility="public"
    )
    services.adaptation_submit(actor=cast.space_lead, adaptation=adaptation)
    services.adaptation_decide(actor=facilitator, adaptation=adaptation, approve=True)
    adaptation.adapted.refresh_from_db()
    assert adaptation.adapted.visibility == "public"
    # Editing the note later does not narrow the published shareable lesson.
    services.note_update(actor=cast.space_member, note=note, summary="typo")
    adaptation.adapted.refresh_from_db()
    assert adaptation.adapted.visibility == "public"


def test_the_history_of_a_shareable_version_hides_its_restricted_drafts(cast, setup, client_for):
    _initiative, facilitator, note = setup
    adaptation = services.adaptation_start(
        actor=cast.space_lead, original=note, target_visibility="public"
    )
    copy = LearningNote.objects.get(pk=adaptation.adapted_id)
    services.note_update(
        actor=cast.space_lead,
        note=copy,
        context="A land dispute",
        summary="Removed the families' names",
    )
    services.adaptation_submit(actor=cast.space_lead, adaptation=adaptation)
    services.adaptation_decide(actor=facilitator, adaptation=adaptation, approve=True)
    history = reverse("initiatives:note_history", args=[copy.pk])
    public = client_for(None).get(history).content.decode()
    assert "Published as a shareable version" in public
    assert "Removed the families" not in public
    first = copy.revisions.order_by("number").first()
    assert (
        client_for(None)
        .get(reverse("initiatives:note_revision", args=[copy.pk, first.number]))
        .status_code
        == 404
    )
    assert "Removed the families" in client_for(cast.space_member).get(history).content.decode()
