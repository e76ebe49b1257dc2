"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

A research collaboration in every space of the world at every visibility, each with
a marker in its question, agenda, methods, a comment and a milestone; each links
every thread, lesson, resource and field report of the world (hidden ones among
them, which must show only as "a restricted item") and every space of the world as
an initiative (the secret one among them). Each has a call for participation at its
visibility and an output at the opposite one (a public output of a private
collaboration must not name it); the output cites the same items as sources.

Submissions: the space member answers the public call of each collaboration the
outsider runs in the other space, with the marker of the outsider's private
collaboration in the answer. Only the outsider (the organiser, and that marker's
author) may read it; the submitter sees their submission's status, never the answer
text, and everyone else nothing of it."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from harambee.core.models import Visibility
from harambee.core.tests.factories import CommentFactory
from harambee.core.visibility import can_see_space
from harambee.research.models import (
    Call,
    Collaboration,
    Contributor,
    Link,
    Milestone,
    Output,
    Submission,
)


def _linkable(world) -> list:
    return [
        *world["posts"],
        *world["lessons"],
        *world.get("library_resources", []),
        *world.get("sms_reports", []),
    ]


def build(cast, world) -> None:
    items = world["items"]
    collaborations, calls, outputs, milestones, contributors, links = [], [], [], [], [], []
    linkable = [x for x in _linkable(world) if hasattr(x, "pk") and x.pk]
    deadline = timezone.now() + timedelta(days=30)
    private_marker = {}
    for space, author in world["authors"].items():
        for number, vis in enumerate(Visibility.values):
            marker = f"LEAK{len(items)}R"
            collab = Collaboration.objects.create(
                space=space,
                author=author,
                visibility=vis,
                title=f"{marker}-TITLE",
                body=f"{marker}-BODY",
                methods=f"{marker}-METHODS",
            )
            collab.initiatives.set(world["spaces"])
            CommentFactory(content=collab, author=author, body=f"{marker}-COMMENT")
            milestones.append(
                Milestone.objects.create(
                    collaboration=collab, title=f"{marker}-MILESTONE", due="2027-01-01"
                )
            )
            contributors.append(
                Contributor.objects.create(
                    collaboration=collab, user=author, roles=["conceptualization"]
                )
            )
            for item in linkable:
                links.append(Link.objects.create(holder=collab, item=item, added_by=author))
            items.append(collab)
            collaborations.append(collab)
            if vis == Visibility.PRIVATE:
                private_marker[space.pk] = marker
            call_marker = f"LEAK{len(items)}Q"
            call = Call.objects.create(
                collaboration=collab,
                space=space,
                author=author,
                visibility=vis,
                title=f"{call_marker}-TITLE",
                body=f"{call_marker}-BODY",
                questions=f"{call_marker}-QUESTION\nWhy?",
                deadline=deadline,
            )
            items.append(call)
            calls.append(call)
            output_marker = f"LEAK{len(items)}O"
            output = Output.objects.create(
                collaboration=collab,
                space=space,
                author=author,
                # Outputs open the other way round: a public output of a private
                # collaboration must not name it.
                visibility=Visibility.values[-1 - number],
                title=f"{output_marker}-TITLE",
                body=f"{output_marker}-BODY",
            )
            for item in linkable:
                links.append(Link.objects.create(holder=output, item=item, added_by=author))
            items.append(output)
            outputs.append(output)
    submissions = []
    other = world["spaces"][1]
    for call in calls:
        if call.space_id == other.pk and call.visibility == Visibility.PUBLIC:
            submissions.append(
                Submission.objects.create(
                    call=call,
                    author=cast.space_member,
                    answers=[f"{private_marker[other.pk]}-ANSWER", "Because."],
                )
            )
    world["research_collaborations"] = collaborations
    world["research_calls"] = calls
    world["research_outputs"] = outputs
    world["research_milestones"] = milestones
    world["research_contributors"] = contributors
    world["research_links"] = links
    world["research_submissions"] = submissions


def urls_for(name: str, cast, world) -> list[str] | None:
    if not name.startswith("research:"):
        return None
    route = name.split(":", 1)[1]
    collaborations = world["research_collaborations"]
    if route in {
        "collaboration",
        "collaboration_edit",
        "contributor_add",
        "milestone_add",
        "link_add",
        "output_create",
        "call_create",
    }:
        return [reverse(name, args=[c.pk]) for c in collaborations]
    if route in {"contributor_remove", "contributor_edit"}:
        return [
            reverse(name, args=[c.collaboration_id, c.pk]) for c in world["research_contributors"]
        ]
    if route == "milestone_toggle":
        return [
            reverse(name, args=[m.collaboration_id, m.pk]) for m in world["research_milestones"]
        ]
    if route in {"link_remove", "source_remove"}:
        ids = {c.pk for c in collaborations}
        wanted = route == "link_remove"
        links = [x for x in world["research_links"] if (x.holder_id in ids) == wanted]
        picked = links[:: max(1, len(_linkable(world)))]
        return [reverse(name, args=[x.holder_id, x.pk]) for x in picked]
    if route in {"output", "output_edit", "source_add"}:
        return [reverse(name, args=[o.pk]) for o in world["research_outputs"]]
    if route in {"call", "call_edit", "submit"}:
        return [reverse(name, args=[c.pk]) for c in world["research_calls"]]
    if route == "decide":
        return [
            reverse(name, args=[s.pk, action])
            for s in world["research_submissions"]
            for action in ("accept", "decline")
        ]
    if route in {"space_list", "create"}:
        return [reverse(name, args=[s.slug]) for s in world["spaces"]]
    return [reverse(name)]


def listed_on(user, item, world) -> list[str] | None:
    """A collaboration is on the alliance's list of research, and on its space's."""
    if not isinstance(item, Collaboration):
        return None
    lists = [reverse("research:list")]
    if item.space_id is not None and can_see_space(user, item.space):
        lists.append(reverse("research:space_list", args=[item.space.slug]))
    return lists
