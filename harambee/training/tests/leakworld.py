"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

A programme in each space of the world (the secret space's named with
``SECRETSPACE-MARK``, so the tour fails if anyone who may not know that space sees
it), each with a module whose steps point at every item of the world, hidden ones
included: a module page shows a step's item only to who may read it. The space member
offers every item of the world as evidence and has done some steps, so their pathway
page shows each viewer only the evidence that viewer may read. A revoked certificate
and a made-up one are fetched too (a live one is shown only by its own tests:
``training/tests/test_training.py``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from harambee.spaces.models import Membership
from harambee.training.models import (
    Certificate,
    Cohort,
    Competency,
    Completion,
    Evidence,
    Framework,
    Item,
    Module,
    Placement,
    Programme,
)


def build(cast, world) -> None:
    framework = Framework.objects.create(name="Leak framework")
    competency = Competency.objects.create(framework=framework, name="Leak competency")
    programmes, modules, steps, cohorts = [], [], [], []
    for space in world["spaces"]:
        title = "SECRETSPACE-MARK programme" if space == world["secret"] else f"Course {space.pk}"
        programme = Programme.objects.create(space=space, title=title, framework=framework)
        module = Module.objects.create(programme=programme, title=f"{title} module")
        for number, item in enumerate(world["items"]):
            steps.append(
                Item.objects.create(
                    module=module, position=number, kind=Item.Kind.RESOURCE, content=item
                )
            )
        steps.append(
            Item.objects.create(
                module=module, position=9999, kind=Item.Kind.ASSIGNMENT, title="Write it up"
            )
        )
        cohort = Cohort.objects.create(
            programme=programme, name=f"{title} cohort", starts="2027-01-01", ends="2027-06-30"
        )
        cohorts.append(cohort)
        # Everyone in the space is in its cohort, so its page lists them to whoever
        # may see the space's members, and to nobody else.
        for membership in Membership.objects.filter(space=space):
            Placement.objects.create(programme=programme, cohort=cohort, learner=membership.user)
        programmes.append(programme)
        modules.append(module)
        for item in world["items"]:
            Evidence.objects.create(
                programme=programme, competency=competency, learner=cast.space_member, content=item
            )
    for step in steps[::3]:
        Completion.objects.create(item=step, learner=cast.space_member)
    world["training_programmes"] = programmes
    world["training_modules"] = modules
    world["training_cohorts"] = cohorts
    world["training_steps"] = steps[::40] + steps[-1:]
    world["training_revoked"] = Certificate.objects.create(
        programme=programmes[0],
        holder=cast.space_member,
        holder_name="Sam",
        programme_title="Course",
        revoked=timezone.now(),
        revoked_reason="in error",
    )


def urls_for(name: str, cast, world) -> list[str] | None:
    if not name.startswith("training:"):
        return None
    route = name.split(":", 1)[1]
    programmes = world["training_programmes"]
    people = [cast.space_member, cast.guest, cast.member]
    if route in {
        "programme",
        "programme_edit",
        "module_create",
        "cohort_create",
        "evidence",
        "learners",
    }:
        return [reverse(name, args=[p.pk]) for p in programmes]
    if route in {"recognise", "certificate_issue", "learner_place"}:
        return [reverse(name, args=[p.pk, cast.space_member.pk]) for p in programmes]
    if route == "programme_create":
        return [reverse(name, args=[s.slug]) for s in world["spaces"]]
    if route in {"cohort", "cohort_edit"}:
        return [reverse(name, args=[c.pk]) for c in world["training_cohorts"]]
    if route in {"module", "module_edit", "module_remove", "item_add"}:
        return [reverse(name, args=[m.pk]) for m in world["training_modules"]]
    if route in {"item_mark", "item_edit", "item_remove", "reflect"}:
        return [reverse(name, args=[s.pk]) for s in world["training_steps"]]
    if route == "pathway":
        return [reverse(name, args=[u.pk]) for u in people]
    if route in {"verify", "pdf", "revoke"}:
        return [
            reverse(name, args=[world["training_revoked"].token]),
            reverse(name, args=["x" * 32]),
        ]
    return [reverse(name)]
