"""Reads for research collaborations; every item through the gate. Submissions are not
content: only their author and the call's organisers read them (``submissions``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from harambee.core.models import Content
from harambee.core.visibility import can_view, visible, visible_spaces
from harambee.people.models import User
from harambee.people.roles import Perm, SpaceRole, space_may
from harambee.research import rules
from harambee.research.models import (
    Call,
    Collaboration,
    Contributor,
    Link,
    Milestone,
    Output,
    Submission,
)
from harambee.spaces.models import Membership, Space
from harambee.spaces.selectors import with_shown_space


@dataclass
class Linked:
    """One linked item as the reader is shown it: ``item`` is None when they may not
    read it (restricted, removed or gone alike), and then nothing of it is shown."""

    link: Link
    item: Content | None


def initiative_choices(*, user: Any) -> QuerySet[Space]:
    """The initiatives ``user`` may link a collaboration to."""
    return visible_spaces(user, Space.objects.filter(kind=Space.Type.INITIATIVE)).order_by("name")


def collaboration_list(*, user: Any, space: Space | None = None) -> QuerySet[Collaboration]:
    qs = Collaboration.objects.all()
    if space is not None:
        qs = qs.filter(space=space)
    return visible(user, qs).select_related("author", "space").order_by("-created", "-pk")


def _get(user: Any, qs: QuerySet[Any], pk: int) -> Any:
    item = qs.filter(pk=pk).first()
    if item is None or not can_view(user, item):
        raise Http404
    with_shown_space(user, [item])
    return item


def collaboration_get(*, user: Any, pk: int) -> Collaboration:
    return _get(
        user,
        Collaboration.objects.select_related("author", "space").prefetch_related("coauthors"),
        pk,
    )


def call_get(*, user: Any, pk: int) -> Call:
    return _get(
        user,
        Call.objects.select_related(
            "author", "space", "collaboration", "collaboration__author"
        ).prefetch_related("collaboration__coauthors"),
        pk,
    )


def output_get(*, user: Any, pk: int) -> Output:
    return _get(
        user,
        Output.objects.select_related(
            "author", "space", "collaboration", "collaboration__author"
        ).prefetch_related("collaboration__coauthors"),
        pk,
    )


def contributors(*, collaboration: Collaboration) -> list[Contributor]:
    return list(
        Contributor.objects.filter(collaboration=collaboration)
        .select_related("user")
        .order_by("created", "pk")
    )


def contributor_get(*, collaboration: Collaboration, pk: int) -> Contributor:
    found = (
        Contributor.objects.filter(collaboration=collaboration, pk=pk)
        .select_related("collaboration")
        .first()
    )
    if found is None:
        raise Http404
    return found


def milestones(*, collaboration: Collaboration) -> list[Milestone]:
    return list(Milestone.objects.filter(collaboration=collaboration).order_by("due", "pk"))


def milestone_get(*, collaboration: Collaboration, pk: int) -> Milestone:
    found = (
        Milestone.objects.filter(collaboration=collaboration, pk=pk)
        .select_related("collaboration")
        .first()
    )
    if found is None:
        raise Http404
    return found


def initiatives(*, user: Any, collaboration: Collaboration) -> list[Space]:
    """The linked initiatives the reader may know exist."""
    return list(visible_spaces(user, collaboration.initiatives.all()).order_by("name"))


def linked(*, user: Any, holder: Content) -> list[Linked]:
    """Every item linked to ``holder``, in the order linked, each readable one with its
    item and every other as restricted. One query, however many there are: the gate
    is part of it."""
    readable = visible(user, Content.objects.filter(pk=OuterRef("item_id")))
    links = list(
        Link.objects.filter(holder_id=holder.pk)
        .annotate(readable=Exists(readable))
        .select_related("item", "item__space")
        .order_by("created", "pk")
    )
    return [Linked(link, link.item if link.readable else None) for link in links]


def link_get(*, holder: Content, pk: int) -> Link:
    found = Link.objects.filter(holder_id=holder.pk, pk=pk).first()
    if found is None:
        raise Http404
    return found


def link_candidate(*, user: Any, pk: int) -> Content | None:
    """An item one may link: one they may read."""
    item = Content.objects.filter(pk=pk).first()
    if item is None or not can_view(user, item):
        return None
    return item


def calls_and_outputs(
    *, user: Any, collaboration: Collaboration
) -> tuple[list[Call], list[Output]]:
    """The collaboration's calls (by deadline) and outputs (newest first) the reader
    may read, in one query."""
    items = list(
        visible(
            user,
            Content.objects.filter(
                Q(research_call__collaboration=collaboration)
                | Q(research_output__collaboration=collaboration)
            ),
        )
        .select_related("research_call", "research_output")
        .order_by("-created", "-pk")
    )
    calls = [item.research_call for item in items if item.kind == Call.KIND]
    outputs = [item.research_output for item in items if item.kind == Output.KIND]
    return sorted(calls, key=lambda call: (call.deadline, call.pk)), outputs


def submissions(*, user: Any, call: Call) -> list[Submission]:
    """All of a call's submissions for its organisers; one's own for anyone else."""
    if not user.is_authenticated:
        return []
    qs = Submission.objects.filter(call=call).select_related("author", "call")
    if not rules.is_organiser(user, call.collaboration):
        qs = qs.filter(author=user)
    return list(qs.order_by("created", "pk"))


def submission_get(*, user: Any, pk: int) -> Submission:
    """A submission for its call's organisers to decide on; 404 for anyone else."""
    found = (
        Submission.objects.filter(pk=pk)
        .select_related("author", "call", "call__collaboration", "call__collaboration__author")
        .prefetch_related("call__collaboration__coauthors")
        .first()
    )
    if (
        found is None
        or not can_view(user, found.call)
        or not rules.is_organiser(user, found.call.collaboration)
    ):
        raise Http404
    return found


def organisers(*, collaboration: Collaboration) -> list[User]:
    """Who ``rules.is_organiser`` answers yes for, as people: the author, the
    coordinators and the active leads of the collaboration's space."""
    leads = [role for role in SpaceRole.values if space_may(role, Perm.EDIT_SPACE)]
    ids = {collaboration.author_id, *collaboration.coauthors.values_list("pk", flat=True)}
    ids |= set(
        Membership.objects.active()
        .filter(space_id=collaboration.space_id, role__in=leads)
        .values_list("user_id", flat=True)
    )
    return list(User.objects.filter(pk__in=ids - {None}, is_active=True).order_by("pk"))
