"""The demo's training programme (``data/training.toml``), written through the training
services: a programme on facilitating multi-stakeholder processes with a regional
partner, a cohort with its learners, two modules, some progress, a recognised competency and one
certificate."""

from __future__ import annotations

from datetime import datetime, timedelta

from harambee.core.models import Content
from harambee.people.models import Organisation, User
from harambee.sampledata.datafiles import read
from harambee.spaces.models import Space
from harambee.training import services
from harambee.training.models import Competency, Framework, Item
from harambee.training.selectors import CONTENT_KINDS


def load_training(
    people: dict[str, User], orgs: dict[str, Organisation], spaces: dict[str, Space], now: datetime
) -> None:
    data = read("training")
    space = spaces["programme"]
    lead = people[data["programme"]["lead"]]
    framework = Framework.objects.create(
        name=data["framework"]["name"], description=data["framework"]["description"]
    )
    for position, name in enumerate(data["framework"]["competencies"]):
        Competency.objects.create(framework=framework, name=name, position=position)
    spec = data["programme"]
    programme = services.programme_create(
        actor=lead,
        space=space,
        title=spec["title"],
        summary=spec["summary"],
        partner=orgs[spec["partner"]],
        framework=framework,
    )
    for spec_ in data["cohorts"]:
        cohort = services.cohort_create(
            actor=lead,
            programme=programme,
            name=spec_["name"],
            starts=(now - timedelta(days=spec_["starts_days_ago"])).date(),
            ends=(now + timedelta(days=spec_["ends_in_days"])).date(),
        )
        for key in spec_.get("learners", []):
            services.learner_place(
                actor=lead, programme=programme, learner=people[key], cohort=cohort
            )
    steps: list[Item] = []
    for module_spec in data["modules"]:
        module = services.module_create(
            actor=lead,
            programme=programme,
            title=module_spec["title"],
            summary=module_spec["summary"],
        )
        for kind, title, instructions in module_spec["steps"]:
            content = None
            if kind in Item.LINKED:
                content = Content.objects.filter(kind=CONTENT_KINDS[kind], title=title).first()
                if content is None:
                    continue
            steps.append(
                services.item_add(
                    actor=lead,
                    module=module,
                    kind=kind,
                    content=content,
                    title="" if content else title,
                    instructions=instructions,
                )
            )
    for key, count in data["progress"].items():
        for step in steps[:count]:
            services.item_mark(learner=people[key], item=step, done=True)
    for row in data["evidence"]:
        competency = Competency.objects.get(framework=framework, name=row["competency"])
        item = Content.objects.filter(title=row["item"]).order_by("pk").first()
        if item is None:
            continue
        services.evidence_add(
            learner=people[row["learner"]], programme=programme, competency=competency, content=item
        )
        services.competency_recognise(
            reviewer=people[row["recognised_by"]],
            programme=programme,
            learner=people[row["learner"]],
            competency=competency,
        )
    if steps and data["progress"].get(data["certificate"]["holder"], 0) >= len(steps):
        services.certificate_issue(
            actor=people[data["certificate"]["by"]],
            programme=programme,
            learner=people[data["certificate"]["holder"]],
        )
