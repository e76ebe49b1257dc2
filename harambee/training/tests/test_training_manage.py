"""Running a programme outside the admin: programmes, modules, steps and cohorts made
and changed by the space's leads and facilitators (others 403, or 404 where they may
not know the programme), progress counted again as modules change (never over 100 %),
learners placed in a cohort when they enrol through the space's join policy and moved
by a facilitator, and cohort pages that list learners only to who may see them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from harambee.core.models import AuditEntry
from harambee.core.tests.factories import MembershipFactory, OrganisationFactory, SpaceFactory
from harambee.people.roles import SpaceRole
from harambee.spaces import services as space_services
from harambee.spaces.models import JoinRequest, Space
from harambee.training import selectors, services
from harambee.training.models import Cohort, Completion, Item, Placement, Programme
from harambee.training.tests.helpers import make_programme
from harambee.wiki.models import WikiPage

pytestmark = pytest.mark.django_db


def _steps(module):
    return list(module.items.order_by("position"))


def _cohort(programme, name, starts_in, ends_in, **kwargs):
    today = timezone.localdate()
    return Cohort.objects.create(
        programme=programme,
        name=name,
        starts=today + timedelta(days=starts_in),
        ends=today + timedelta(days=ends_in),
        **kwargs,
    )


# Programmes ---------------------------------------------------------------------------


def test_a_lead_adds_a_programme_to_a_programme_space(cast, client_for):
    space = SpaceFactory(kind=Space.Type.PROGRAMME, listing=Space.Listing.MEMBERS)
    MembershipFactory(space=space, user=cast.space_lead, role=SpaceRole.LEAD)
    MembershipFactory(space=space, user=cast.space_member)
    partner = OrganisationFactory(name="Coastal Institute")
    url = reverse("training:programme_create", args=[space.slug])
    lead = client_for(cast.space_lead)
    assert "Add a programme" in lead.get(space.get_absolute_url()).content.decode()
    empty = lead.post(url, {"title": "  ", "placement": "auto"})
    assert empty.status_code == 422
    response = lead.post(
        url,
        {
            "title": "Dialogue basics",
            "summary": "Four weeks.",
            "partner": partner.pk,
            "placement": "lead",
        },
    )
    assert response.status_code == 302
    programme = Programme.objects.get()
    assert (programme.space, programme.partner, programme.placement) == (space, partner, "lead")
    # A member of the space may not; someone who may not know the space gets 404; a
    # space of another kind holds no programme.
    assert client_for(cast.space_member).get(url).status_code == 403
    assert (
        "Add a programme"
        not in client_for(cast.space_member).get(space.get_absolute_url()).content.decode()
    )
    assert client_for(cast.guest).get(url).status_code == 404
    other = reverse("training:programme_create", args=[cast.space.slug])
    assert client_for(cast.space_lead).get(other).status_code == 403


def test_facilitators_edit_a_programme_and_others_may_not(cast, client_for):
    programme, _module, _c = make_programme(cast)
    url = reverse("training:programme_edit", args=[programme.pk])
    fields = {"title": "Listening well", "summary": "New.", "placement": "auto"}
    assert client_for(cast.space_member).post(url, fields).status_code == 403
    assert client_for(cast.outsider).get(url).status_code == 404
    assert client_for(cast.space_lead).post(url, fields).status_code == 302
    programme.refresh_from_db()
    assert programme.title == "Listening well" and programme.partner is None
    bad = client_for(cast.space_lead).post(url, {**fields, "framework": "99999999999999999999"})
    assert bad.status_code == 422


# Modules and steps, and progress as they change ---------------------------------------


def test_modules_are_added_edited_and_removed_and_progress_follows(cast, client_for):
    programme, module, _c = make_programme(cast)
    learner = cast.space_member
    for item in _steps(module):
        services.item_mark(learner=learner, item=item, done=True)
    assert selectors.progress_of(learner=learner, programme=programme) == 100
    lead = client_for(cast.space_lead)
    response = lead.post(
        reverse("training:module_create", args=[programme.pk]), {"title": "Convening"}
    )
    assert response.status_code == 302
    second = programme.modules.get(title="Convening")
    assert second.position == module.position + 1
    # An empty module changes nothing; one more step does.
    assert selectors.progress_of(learner=learner, programme=programme) == 100
    lead.post(
        reverse("training:item_add", args=[second.pk]),
        {"kind": "assignment", "title": "Invite three parties"},
    )
    assert selectors.progress_of(learner=learner, programme=programme) == 75
    lead.post(
        reverse("training:module_edit", args=[second.pk]),
        {"title": "Convening a table", "summary": "Who comes."},
    )
    second.refresh_from_db()
    assert second.title == "Convening a table"
    page = client_for(learner).get(programme.get_absolute_url()).content.decode()
    assert "Convening a table" in page and 'value="75"' in page
    assert lead.post(reverse("training:module_remove", args=[second.pk])).status_code == 302
    assert not programme.modules.filter(pk=second.pk).exists()
    assert selectors.progress_of(learner=learner, programme=programme) == 100
    for url in (
        reverse("training:module_create", args=[programme.pk]),
        reverse("training:module_edit", args=[module.pk]),
        reverse("training:module_remove", args=[module.pk]),
    ):
        assert client_for(learner).post(url, {"title": "x"}).status_code == 403, url
        assert client_for(cast.outsider).post(url, {"title": "x"}).status_code == 404, url
    assert programme.modules.count() == 1


def test_a_step_made_to_point_elsewhere_no_longer_counts_as_done(cast, client_for):
    programme, module, _c = make_programme(cast)
    wiki, _reflection, assignment = _steps(module)
    learner = cast.space_member
    for item in (wiki, assignment):
        services.item_mark(learner=learner, item=item, done=True)
    assert selectors.progress_of(learner=learner, programme=programme) == 66
    lead = client_for(cast.space_lead)
    url = reverse("training:item_edit", args=[assignment.pk])
    form = lead.get(url).content.decode()
    assert "Run a circle" in form  # what the step says today
    # New words, same step: still done.
    lead.post(url, {"kind": "assignment", "title": "Run a circle", "instructions": "Twice."})
    assert Completion.objects.filter(item=assignment, learner=learner).exists()
    # Another page: what was done was another step.
    other = WikiPage.objects.create(author=cast.space_lead, title="Paraphrase", visibility="public")
    response = lead.post(
        reverse("training:item_edit", args=[wiki.pk]), {"kind": "wiki", "content": other.pk}
    )
    assert response.status_code == 302
    assert not Completion.objects.filter(item=wiki).exists()
    assert selectors.progress_of(learner=learner, programme=programme) == 33
    # A kind that needs an item, without one: a field error, nothing changed.
    bad = lead.post(url, {"kind": "resource", "content": ""})
    assert bad.status_code == 422 and "Choose an item you can see" in bad.content.decode()
    assignment.refresh_from_db()
    assert assignment.kind == Item.Kind.ASSIGNMENT
    assert client_for(learner).get(url).status_code == 403


def test_progress_is_never_over_100_whatever_the_module_does(cast):
    programme, module, _c = make_programme(cast)
    learner = cast.space_member
    for item in _steps(module):
        services.item_mark(learner=learner, item=item, done=True)
    added = services.item_add(
        actor=cast.space_lead, module=module, kind=Item.Kind.ASSIGNMENT, title="Extra"
    )
    services.item_mark(learner=learner, item=added, done=True)
    for item in _steps(module)[:2]:
        services.item_remove(actor=cast.space_lead, item=item)
        value = selectors.progress_of(learner=learner, programme=programme)
        assert value == 100
    services.module_remove(actor=cast.space_lead, module=module)
    assert selectors.progress_of(learner=learner, programme=programme) == 0


# Cohorts ------------------------------------------------------------------------------


def test_a_cohort_is_added_and_edited_with_its_dates_checked(cast, client_for):
    programme, _module, _c = make_programme(cast)
    lead = client_for(cast.space_lead)
    url = reverse("training:cohort_create", args=[programme.pk])
    backwards = lead.post(url, {"name": "Late", "starts": "2027-05-01", "ends": "2027-04-01"})
    assert backwards.status_code == 422
    assert "cannot end before it starts" in backwards.content.decode()
    assert (
        lead.post(
            url, {"name": "Autumn", "starts": "2027-09-01", "ends": "2027-12-01", "open": "on"}
        ).status_code
        == 302
    )
    cohort = programme.cohorts.get(name="Autumn")
    assert cohort.open
    edit = reverse("training:cohort_edit", args=[cohort.pk])
    assert 'value="2027-09-01"' in lead.get(edit).content.decode()
    lead.post(edit, {"name": "Autumn", "starts": "2027-09-01", "ends": "2027-12-15"})
    cohort.refresh_from_db()
    assert cohort.ends == date(2027, 12, 15) and not cohort.open
    assert client_for(cast.space_member).get(edit).status_code == 403
    assert client_for(cast.outsider).get(edit).status_code == 404


def test_joining_the_space_places_the_learner_in_the_running_cohort(
    cast, client_for, run_on_commit_now
):
    programme, _module, _c = make_programme(cast, listing=Space.Listing.PUBLIC)
    Space.objects.filter(pk=programme.space_id).update(join_policy=Space.JoinPolicy.OPEN)
    _cohort(programme, "Ended", -90, -1)
    _cohort(programme, "Closed", -10, 30, open=False)
    running = _cohort(programme, "Running", -5, 60)
    _cohort(programme, "Next", 10, 90)
    response = client_for(cast.member).post(reverse("spaces:join", args=[programme.space.slug]))
    assert response.status_code == 302
    placed = Placement.objects.get(learner=cast.member)
    assert placed.cohort == running and placed.placed_by is None
    page = client_for(cast.member).get(programme.get_absolute_url()).content.decode()
    assert "Your cohort:" in page and "Running" in page


def test_without_a_running_cohort_the_next_one_takes_the_learner(cast, run_on_commit_now):
    programme, _module, _c = make_programme(cast, listing=Space.Listing.PUBLIC)
    Space.objects.filter(pk=programme.space_id).update(join_policy=Space.JoinPolicy.REQUEST)
    later = _cohort(programme, "Later", 40, 90)
    sooner = _cohort(programme, "Sooner", 10, 90)
    request = space_services.join_request_create(user=cast.member, space=programme.space)
    assert not Placement.objects.filter(learner=cast.member).exists()
    space_services.join_request_decide(actor=cast.space_lead, request=request, approve=True)
    assert JoinRequest.objects.get().status == JoinRequest.Status.APPROVED
    assert Placement.objects.get(learner=cast.member).cohort == sooner
    assert later.placements.count() == 0


def test_a_programme_whose_lead_places_learners_leaves_them_waiting(
    cast, client_for, run_on_commit_now
):
    programme, _module, _c = make_programme(cast)
    Programme.objects.filter(pk=programme.pk).update(placement=Programme.Placement.LEAD)
    _cohort(programme, "Running", -5, 60)
    MembershipFactory(space=programme.space, user=cast.member)
    assert not Placement.objects.exists()
    page = (
        client_for(cast.space_lead)
        .get(reverse("training:learners", args=[programme.pk]))
        .content.decode()
    )
    assert "in no cohort yet" in page
    # Where the programme places learners, a facilitator who joins is not one.
    Programme.objects.filter(pk=programme.pk).update(placement=Programme.Placement.AUTO)
    MembershipFactory(space=programme.space, user=cast.steward, role=SpaceRole.FACILITATOR)
    MembershipFactory(space=programme.space, user=cast.guest)
    assert [p.learner for p in Placement.objects.all()] == [cast.guest]


def test_a_facilitator_moves_a_learner_between_cohorts(cast, client_for):
    programme, _module, _c = make_programme(cast)
    first, second = programme.cohorts.get(), _cohort(programme, "Second", 100, 200)
    url = reverse("training:learner_place", args=[programme.pk, cast.space_member.pk])
    lead = client_for(cast.space_lead)
    assert lead.post(url, {"cohort": first.pk}).status_code == 302
    assert lead.post(url, {"cohort": second.pk}).status_code == 302
    assert Placement.objects.get(learner=cast.space_member).cohort == second
    moves = AuditEntry.objects.filter(action="learner_placed", subject=cast.space_member)
    assert [e.detail for e in moves.order_by("pk")] == [
        {"cohort": "2027 cohort", "before": ""},
        {"cohort": "Second", "before": "2027 cohort"},
    ]
    # Out of every cohort, and refused: another programme's cohort, someone not enrolled,
    # anyone but a facilitator.
    assert lead.post(url, {"cohort": ""}).status_code == 302
    assert not Placement.objects.exists()
    elsewhere = Programme.objects.create(space=programme.space, title="Other")
    lead.post(url, {"cohort": _cohort(elsewhere, "Theirs", 1, 9).pk})
    assert not Placement.objects.exists()
    stranger = reverse("training:learner_place", args=[programme.pk, cast.outsider.pk])
    assert lead.post(stranger, {"cohort": first.pk}).status_code == 404
    assert client_for(cast.space_member).post(url, {"cohort": first.pk}).status_code == 403
    assert client_for(cast.outsider).post(url, {"cohort": first.pk}).status_code == 404
    assert not Placement.objects.exists()


def test_a_cohort_page_lists_its_learners_only_to_who_may_see_the_members(cast, client_for):
    programme, _module, _c = make_programme(cast)
    cohort = programme.cohorts.get()
    services.learner_place(
        actor=cast.space_lead, programme=programme, learner=cast.space_member, cohort=cohort
    )
    url = cohort.get_absolute_url()
    for who in (cast.space_member, cast.space_lead):
        page = client_for(who).get(url).content.decode()
        assert "Sam Spacemember" in page, who
    # An alliance member knows the programme (listed to members) but not who is in it.
    page = client_for(cast.member).get(url)
    assert page.status_code == 200 and "Sam Spacemember" not in page.content.decode()
    assert "2027 cohort" in page.content.decode()
    for who in (cast.anon, cast.outsider, cast.guest):
        assert client_for(who).get(url).status_code == 404, who
    # Someone who left the space is no longer listed.
    programme.space.memberships.filter(user=cast.space_member).delete()
    assert "Sam Spacemember" not in client_for(cast.space_lead).get(url).content.decode()


def test_cohort_and_learners_pages_cost_the_same_with_many_learners(
    cast, client_for, django_assert_max_num_queries
):
    programme, _module, _c = make_programme(cast)
    cohort = programme.cohorts.get()
    lead = client_for(cast.space_lead)
    urls = [cohort.get_absolute_url(), reverse("training:learners", args=[programme.pk])]

    def grow(n: int) -> None:
        for _ in range(n):
            person = MembershipFactory(space=programme.space).user
            Placement.objects.create(programme=programme, cohort=cohort, learner=person)

    grow(2)
    counts = []
    for url in urls:
        with django_assert_max_num_queries(12) as few:
            assert lead.get(url).status_code == 200
        counts.append(len(few.captured_queries))
    grow(10)
    for url, count in zip(urls, counts, strict=True):
        with django_assert_max_num_queries(count):
            assert lead.get(url).status_code == 200, url


# Search -------------------------------------------------------------------------------


def test_search_finds_a_programme_only_for_who_may_know_it(cast, client_for):
    programme, _module, _c = make_programme(
        cast, listing=Space.Listing.SECRET, title="Deliberation craft"
    )
    search = reverse("search:search")
    for who in (cast.space_member, cast.space_lead):
        page = client_for(who).get(search, {"q": "deliberat"}).content.decode()
        assert programme.get_absolute_url() in page and "Training programmes" in page, who
    for who in (cast.anon, cast.member, cast.outsider, cast.guest):
        page = client_for(who).get(search, {"q": "deliberation"}).content.decode()
        assert "Deliberation craft" not in page, who
    member = client_for(cast.space_member)
    # By its partner, with every word; not with a word left out.
    assert "Deliberation craft" in member.get(search, {"q": "regional craft"}).content.decode()
    assert "Deliberation craft" not in member.get(search, {"q": "craft -regional"}).content.decode()
    assert "Deliberation craft" not in member.get(search, {"q": "craft unheard"}).content.decode()
