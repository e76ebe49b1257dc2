"""Reads for moderation. Titles and texts of flagged items pass through the gate:
a moderator learns that a flag exists where they moderate, and reads the item only
if ``visible``/``can_view`` let them."""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Count, Max, Min, Q, QuerySet
from django.http import Http404

from harambee.core.models import Comment, Content
from harambee.core.visibility import can_see_space, can_view, is_reader, visible
from harambee.inputs import to_id
from harambee.moderation.models import Flag, Hiding, Reason, Suspension
from harambee.people.models import User
from harambee.people.roles import Perm, space_may
from harambee.spaces.models import Membership, Post

_MODERATED_ATTR = "_harambee_moderated_space_ids"
_SUSPENSION_ATTR = "_harambee_suspension"


def moderated_space_ids(user: Any) -> frozenset[int]:
    """Spaces whose items ``user`` moderates by their space role, cached per request."""
    if not is_reader(user):
        return frozenset()
    cached = user.__dict__.get(_MODERATED_ATTR)
    if cached is None:
        rows = Membership.objects.active().filter(user_id=user.pk).values_list("space_id", "role")
        cached = frozenset(space for space, role in rows if space_may(role, Perm.MODERATE))
        user.__dict__[_MODERATED_ATTR] = cached
    return cached


def readable_ignoring_removal(user: Any, content: Content) -> bool:
    """Whether ``user`` could read ``content`` if it were not removed: asked only to
    decide who may restore a hidden item, never to show one."""
    if not content.removed:
        return can_view(user, content)
    shadow = copy.copy(content)
    shadow.removed = False
    return can_view(user, shadow)


def _scope(user: Any) -> Q | None:
    """Which flags reach ``user``'s queue: all for stewards (they learn a flag exists,
    and read the item only if the gate lets them), their spaces' for leads and
    facilitators, none for anybody else."""
    if not is_reader(user):
        return None
    if user.may(Perm.MODERATE):
        return Q()
    spaces = moderated_space_ids(user)
    return Q(content__space_id__in=spaces) if spaces else None


@dataclass
class QueueEntry:
    content: Content
    comment: Comment | None
    readable: bool
    may_act: bool
    shown_space: Any
    count: int
    first: datetime
    last: datetime
    flags: list[Flag] = field(default_factory=list)

    @property
    def reasons(self) -> list[tuple[str, int]]:
        labels = dict(Reason.choices)
        counted = Counter(flag.reason for flag in self.flags)
        return [(str(labels.get(reason, reason)), n) for reason, n in counted.most_common()]

    @property
    def flaggers(self) -> list[Any]:
        return [flag.flagger for flag in self.flags]

    @property
    def notes(self) -> list[str]:
        return [flag.note for flag in self.flags if flag.note]


def open_targets(user: Any) -> QuerySet[Any]:
    """One row per flagged item or comment in ``user``'s queue, oldest flag first."""
    scope = _scope(user)
    if scope is None:
        return Flag.objects.none().values("content_id", "comment_id")
    return (
        Flag.objects.filter(scope, status=Flag.Status.OPEN, content__removed=False)
        .exclude(comment__removed=True)
        .values("content_id", "comment_id")
        .annotate(count=Count("pk"), first=Min("created"), last=Max("created"))
        .order_by("first", "content_id", "comment_id")
    )


def queue_entries(user: Any, targets: list[dict[str, Any]]) -> list[QueueEntry]:
    """What the queue shows of one page of ``open_targets``, in a constant number of
    queries. An item's title and a comment's text only where the gate allows."""
    content_ids = {row["content_id"] for row in targets}
    comment_ids = {row["comment_id"] for row in targets if row["comment_id"]}
    contents = {c.pk: c for c in Content.objects.filter(pk__in=content_ids).select_related("space")}
    readable = set(
        visible(user, Content.objects.filter(pk__in=content_ids)).values_list("pk", flat=True)
    )
    comments = {
        c.pk: c for c in Comment.objects.filter(pk__in=comment_ids).select_related("author")
    }
    flags: dict[tuple[int, int | None], list[Flag]] = {}
    for flag in Flag.objects.filter(
        status=Flag.Status.OPEN, content_id__in=content_ids
    ).select_related("flagger"):
        flags.setdefault((flag.content_id, flag.comment_id), []).append(flag)
    moderated = moderated_space_ids(user)
    steward = user.may(Perm.MODERATE)
    entries = []
    for row in targets:
        content = contents[row["content_id"]]
        is_readable = content.pk in readable
        space = content.space if content.space_id else None
        entries.append(
            QueueEntry(
                content=content,
                comment=comments.get(row["comment_id"]) if row["comment_id"] else None,
                readable=is_readable,
                may_act=(content.space_id is not None and content.space_id in moderated)
                or (steward and is_readable),
                shown_space=space if space is not None and can_see_space(user, space) else None,
                count=row["count"],
                first=row["first"],
                last=row["last"],
                flags=flags.get((row["content_id"], row["comment_id"]), []),
            )
        )
    return entries


def flags_on(content: Content) -> list[Flag]:
    """Open flags on an item and on its comments."""
    return list(
        Flag.objects.filter(content=content, status=Flag.Status.OPEN).select_related(
            "flagger", "comment", "comment__author"
        )
    )


def hidings(user: Any) -> QuerySet[Hiding]:
    """What moderators hid and nobody restored yet, where ``user`` moderates. Lists
    carry no title or text: a hidden item is absent for everyone."""
    scope = _scope(user)
    if scope is None:
        return Hiding.objects.none()
    return (
        Hiding.objects.filter(scope, restored__isnull=True)
        .select_related("content", "content__space", "hidden_by", "comment")
        .order_by("-created", "-pk")
    )


def hiding_for(*, content: Content, comment: Comment | None = None) -> Hiding | None:
    return (
        Hiding.objects.filter(content=content, comment=comment, restored__isnull=True)
        .order_by("-created")
        .first()
    )


def active_suspension(user: Any) -> Suspension | None:
    """The suspension that applies to ``user`` now, cached per request."""
    if not is_reader(user):
        return None
    if _SUSPENSION_ATTR not in user.__dict__:
        user.__dict__[_SUSPENSION_ATTR] = (
            Suspension.objects.active().filter(user_id=user.pk).order_by("-created").first()
        )
    return user.__dict__[_SUSPENSION_ATTR]


def is_suspended(user: Any) -> bool:
    return active_suspension(user) is not None


def forget_suspension(user: Any) -> None:
    user.__dict__.pop(_SUSPENSION_ATTR, None)


def suspensions() -> QuerySet[Suspension]:
    return Suspension.objects.select_related("user", "created_by", "lifted_by")


# One item, comment, person or suspension ----------------------------------------------


def content_for_moderation(*, pk: int) -> Content | None:
    """An item by id, not through the gate: a moderator may learn that a flag exists
    on what they cannot read. The caller asks ``rules.may_moderate`` before use."""
    return Content.objects.select_related("space", "author").filter(pk=pk).first()


def flaggable_get(*, user: Any, pk: int) -> Content:
    """An item ``user`` may read, to flag; 404 otherwise, and for an item that has no
    address for them (a wiki page in a space they may not know: nowhere to go back to)."""
    content = Content.objects.select_related("space").filter(pk=pk).first()
    if content is None or not can_view(user, content):
        raise Http404
    if (
        content.kind_spec.address_needs_space
        and content.space is not None
        and not can_see_space(user, content.space)
    ):
        raise Http404
    return content


def live_comment_get(*, content: Content, comment_id: str) -> Comment:
    """One of ``content``'s comments that is not removed; 404 otherwise."""
    pk = to_id(comment_id)
    if pk is None:
        raise Http404
    comment = (
        Comment.objects.select_related("author")
        .filter(pk=pk, content=content, removed=False)
        .first()
    )
    if comment is None:
        raise Http404
    return comment


def comment_get(*, content: Content, pk: int) -> Comment:
    """One of ``content``'s comments, removed or not (to restore it); 404 otherwise."""
    comment = Comment.objects.filter(pk=pk, content=content).first()
    if comment is None:
        raise Http404
    return comment


def flagged_or_hidden(content: Content) -> bool:
    """Whether anyone ever flagged ``content`` (or one of its comments) or a moderator
    hid it: the only ways an item its moderator may not read reaches them."""
    return (
        Flag.objects.filter(content=content).exists()
        or Hiding.objects.filter(content=content).exists()
    )


def hidden_from_author(*, user: Any, pk: int, comment_id: str | None = None) -> Hiding | None:
    """The open hiding of ``user``'s own item ``pk`` (or of their comment on it), to
    show them what was hidden and why; None for anything else, which is absent."""
    if not (user.is_authenticated and user.is_active):
        return None
    hidings = Hiding.objects.filter(content_id=pk, restored__isnull=True).select_related(
        "content", "comment"
    )
    if comment_id is None:
        return hidings.filter(comment__isnull=True, content__author_id=user.pk).first()
    try:
        comment_pk = int(comment_id)
    except ValueError:
        return None
    return hidings.filter(comment_id=comment_pk, comment__author_id=user.pk).first()


def open_hidings(*, content: Content) -> list[Hiding]:
    """The hidings of an item and its comments nobody restored yet."""
    return list(
        Hiding.objects.filter(content=content, restored__isnull=True).select_related(
            "hidden_by", "comment", "comment__author"
        )
    )


def thread_of(*, content: Content) -> Post:
    """The thread an item of kind "post" is; 404 if it is gone."""
    thread = Post.objects.filter(pk=content.pk).first()
    if thread is None:
        raise Http404
    return thread


def person_to_suspend(*, pk: int) -> User:
    person = User.objects.filter(pk=pk, is_active=True).first()
    if person is None:
        raise Http404
    return person


def suspension_get(*, pk: int) -> Suspension:
    suspension = Suspension.objects.select_related("user").filter(pk=pk).first()
    if suspension is None:
        raise Http404
    return suspension
