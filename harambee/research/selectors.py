"""Reads for research collaborations; every item through the gate. Submissions are not
content: only their author and the call's organisers read them (``submissions``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from harambee.core.models import Content
from harambee.core.visibility import can_view, visible, visible_spaces
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
from harambee.spaces.models import Space
from harambee.spaces.selectors import with_shown_space


@dataclass
class Linked:
    """One linked item as the reader is shown it: ``item`` is None when they may not
    read it (restricted, removed or gone alike), and then nothing of it is shown."""

    link: Link
    item: Content | None


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
    item and every other as restricted. Two queries, however many there are."""
    links = list(Link.objects.filter(holder_id=holder.pk).order_by("created", "pk"))
    readable = {
        item.pk: item
        for item in visible(user, Content.objects.filter(pk__in=[x.item_id for x in links]))
        .select_related("space")
        .order_by()
    }
    return [Linked(link, readable.get(link.item_id)) for link in links]


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


def calls(*, user: Any, collaboration: Collaboration) -> list[Call]:
    return list(
        visible(user, Call.objects.filter(collaboration=collaboration)).order_by("deadline", "pk")
    )


def outputs(*, user: Any, collaboration: Collaboration) -> list[Output]:
    return list(
        visible(user, Output.objects.filter(collaboration=collaboration))
        .select_related("author")
        .order_by("-created", "-pk")
    )


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
