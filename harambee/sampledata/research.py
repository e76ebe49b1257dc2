"""The demo's research collaboration (``data/research.toml``): community forest
monitoring across two initiatives, with contributors and their CRediT roles, a plan, a
call with a submission, an output citing its sources and items linked back."""

from __future__ import annotations

from datetime import datetime, timedelta

from harambee.core.models import Content
from harambee.initiatives.models import Lesson
from harambee.library.models import Resource
from harambee.people.models import User
from harambee.reach.models import FieldReport
from harambee.research import services
from harambee.research.models import Milestone
from harambee.sampledata.common import text
from harambee.sampledata.datafiles import read
from harambee.spaces.models import Space


def load_research(people: dict[str, User], spaces: dict[str, Space], now: datetime) -> None:
    data = read("research")
    spec = data["collaboration"]
    lead = people[spec["by"]]
    sites = [spaces[key] for key in spec["initiatives"]]
    collaboration = services.collaboration_create(
        author=lead,
        space=spaces[spec["space"]],
        title=spec["title"],
        body=text(spec["body"]),
        methods=text(spec["methods"]),
        visibility=spec["visibility"],
        initiatives=sites,
        coauthors=[people[key] for key in spec["coordinators"]],
        roles=spec["roles"],
    )
    for key, roles in spec["contributors"]:
        services.contributor_set(
            actor=lead, collaboration=collaboration, user=people[key], roles=roles
        )
    for title, days, done in spec["milestones"]:
        milestone = services.milestone_add(
            actor=lead,
            collaboration=collaboration,
            title=title,
            due=(now + timedelta(days=days)).date(),
        )
        if done:
            Milestone.objects.filter(pk=milestone.pk).update(done=True)
    linked = _linked(sites)
    for item in linked:
        services.link_add(actor=lead, holder=collaboration, item=item)

    call_spec = data["call"]
    call = services.call_create(
        author=people[call_spec["by"]],
        collaboration=collaboration,
        title=call_spec["title"],
        body=text(call_spec["body"]),
        questions=call_spec["questions"].strip(),
        deadline=now + timedelta(days=call_spec["deadline_days"]),
        visibility=call_spec["visibility"],
    )
    for key, answers in call_spec["submissions"]:
        services.submission_create(author=people[key], call=call, answers=answers)

    out = data["output"]
    output = services.output_create(
        author=people[out["by"]],
        collaboration=collaboration,
        title=out["title"],
        body=text(out["body"]),
        visibility=out["visibility"],
    )
    for item in linked:
        if not isinstance(item, Resource):
            services.link_add(actor=lead, holder=output, item=item)


def _linked(sites: list[Space]) -> list[Content]:
    """A lesson of each site, a resource and a field report of either, where the demo
    has them; the demo's own data decides which (and at which visibility)."""
    found: list[Content] = []
    for site in sites:
        lesson = Lesson.objects.filter(space=site).order_by("pk").first()
        if lesson is not None:
            found.append(lesson)
    for model in (Resource, FieldReport):
        item = model.objects.filter(space__in=sites).order_by("pk").first()
        if item is not None:
            found.append(item)
    return found
