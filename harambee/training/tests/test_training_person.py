"""A member's page shows their learning pathway: the programmes the reader may know,
the competencies recognised, the evidence the reader may read, and progress only to
the learner and the programme's facilitators; in a fixed number of queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.tests.factories import MembershipFactory, PostFactory, SpaceFactory
from harambee.core.tests.querycount import assert_constant_queries
from harambee.spaces.models import Space
from harambee.training import services
from harambee.training.models import Evidence, Programme
from harambee.training.tests.helpers import make_programme

pytestmark = pytest.mark.django_db


def _with_evidence(cast):
    programme, module, competency = make_programme(cast)
    services.item_mark(learner=cast.space_member, item=module.items.first(), done=True)
    shared = PostFactory(
        space=None, author=cast.space_member, visibility="alliance", title="EVID-ALLIANCE"
    )
    inside = PostFactory(
        space=programme.space, author=cast.space_member, visibility="space", title="EVID-SPACE"
    )
    for item in (shared, inside):
        services.evidence_add(
            learner=cast.space_member, programme=programme, competency=competency, content=item
        )
    services.competency_recognise(
        reviewer=cast.space_lead,
        programme=programme,
        learner=cast.space_member,
        competency=competency,
    )
    return programme


def test_the_person_page_shows_the_learning_pathway_to_each_as_they_may_see_it(cast, client_for):
    _with_evidence(cast)
    url = reverse("people:person", args=[cast.space_member.pk])
    own = client_for(cast.space_member).get(url).content.decode()
    assert "Learning pathway" in own and "Facilitating dialogue" in own
    assert "Listening" in own and "EVID-ALLIANCE" in own and "EVID-SPACE" in own
    assert "Progress: 33 %" in own
    lead = client_for(cast.space_lead).get(url).content.decode()
    assert "Progress: 33 %" in lead and "EVID-SPACE" in lead
    # An alliance member knows the programme (listed to members): its competencies and
    # the evidence they may read, not its progress nor the space-only evidence.
    member = client_for(cast.member).get(url).content.decode()
    assert "Facilitating dialogue" in member and "EVID-ALLIANCE" in member
    assert "EVID-SPACE" not in member and "Progress:" not in member


def test_a_programme_the_reader_may_not_know_is_not_on_the_person_page(cast, client_for):
    make_programme(cast, listing=Space.Listing.SECRET, title="Quiet course")
    url = reverse("people:person", args=[cast.space_member.pk])
    assert "Quiet course" in client_for(cast.space_lead).get(url).content.decode()
    page = client_for(cast.member).get(url).content.decode()
    assert "Quiet course" not in page and "Learning pathway" not in page


def test_the_person_page_costs_the_same_with_many_programmes_and_evidence(cast, client_for):
    programme = _with_evidence(cast)
    competency = programme.framework.competencies.first()

    def add(n: int) -> None:
        for number in range(n):
            space = SpaceFactory(kind=Space.Type.PROGRAMME, listing=Space.Listing.MEMBERS)
            MembershipFactory(space=space, user=cast.space_member)
            other = Programme.objects.create(
                space=space, title=f"Course {number}", framework=programme.framework
            )
            Evidence.objects.create(
                programme=other,
                competency=competency,
                learner=cast.space_member,
                content=PostFactory(author=cast.space_member, visibility="alliance"),
            )

    url = reverse("people:person", args=[cast.space_member.pk])
    assert_constant_queries(client_for(cast.member), url, add)
