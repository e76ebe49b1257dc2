"""A small programme for tests: a programme space with the cast in it, a framework of
two competencies, one module of three steps (a public wiki page, a reflection prompt,
an assignment) and a cohort."""

from __future__ import annotations

from datetime import date

from harambee.core.tests.factories import MembershipFactory, OrganisationFactory, SpaceFactory
from harambee.core.visibility import forget_memberships
from harambee.people.roles import SpaceRole
from harambee.spaces.models import Space
from harambee.training import services
from harambee.training.models import Competency, Framework, Item
from harambee.wiki.models import WikiPage


def make_programme(cast, *, listing=Space.Listing.MEMBERS, title="Facilitating dialogue"):
    space = SpaceFactory(name=f"{title} space", kind=Space.Type.PROGRAMME, listing=listing)
    MembershipFactory(space=space, user=cast.space_lead, role=SpaceRole.LEAD)
    MembershipFactory(space=space, user=cast.space_member)
    for person in (cast.space_lead, cast.space_member):
        forget_memberships(person)  # the gate keeps each person's memberships once read
    framework = Framework.objects.create(name="Facilitation")
    listening = Competency.objects.create(framework=framework, name="Listening", position=1)
    Competency.objects.create(framework=framework, name="Convening", position=2)
    programme = services.programme_create(
        actor=cast.space_lead,
        space=space,
        title=title,
        summary="Six weeks.",
        partner=OrganisationFactory(name=f"Regional Institute for {title}"),
        framework=framework,
    )
    module = services.module_create(actor=cast.space_lead, programme=programme, title="Listening")
    page = WikiPage.objects.create(
        author=cast.space_lead, title="Active listening", visibility="public"
    )
    services.item_add(actor=cast.space_lead, module=module, kind=Item.Kind.WIKI, content=page)
    services.item_add(
        actor=cast.space_lead, module=module, kind=Item.Kind.REFLECTION, title="What did you hear?"
    )
    services.item_add(
        actor=cast.space_lead, module=module, kind=Item.Kind.ASSIGNMENT, title="Run a circle"
    )
    services.cohort_create(
        actor=cast.space_lead,
        programme=programme,
        name="2027 cohort",
        starts=date(2027, 1, 10),
        ends=date(2027, 3, 1),
    )
    return programme, module, listening
