"""Reads shared by every content kind."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    DateTimeField,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404

from harambee.core.forms import CommentForm
from harambee.core.models import Attachment, Comment, Content, Reaction
from harambee.core.registry import reader_states
from harambee.core.services import may_comment
from harambee.core.visibility import can_view, visible


def with_comment_counts(queryset: QuerySet[Any]) -> QuerySet[Any]:
    """Annotate ``comment_count`` with a correlated subquery rather than a join and
    GROUP BY, so a limited, index-ordered page counts only the rows it shows."""
    counts = (
        Comment.objects.filter(content_id=OuterRef("pk"), removed=False)
        .order_by()
        .values("content_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        comment_count=Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))
    )


def comment_tree(*, content: Content) -> list[Comment]:
    """Top-level comments with their replies (``live_replies``), in one query whatever
    their number. Replies under a removed comment leave with it."""
    rows = list(
        Comment.objects.filter(content=content, removed=False)
        .filter(Q(parent__isnull=True) | Q(parent__removed=False))
        .select_related("author")
        .order_by("created", "pk")
    )
    top: dict[int, Comment] = {}
    for comment in rows:
        if comment.parent_id is None:
            comment.live_replies = []  # type: ignore[attr-defined]
            top[comment.pk] = comment
    for comment in rows:
        parent = top.get(comment.parent_id) if comment.parent_id is not None else None
        if parent is not None:
            parent.live_replies.append(comment)  # type: ignore[attr-defined]
    return list(top.values())


# Before any comment: where a page starts when its ``start`` is not a live top-level
# comment of the item.
_EARLIEST = datetime(1, 1, 1, tzinfo=UTC)


COMMENT_SHOWN = (
    "content_id",
    "parent_id",
    "author_id",
    "body_html",
    "created",
    "updated",
    "removed",
    "author__display_name",
)


def comment_page(
    *, content: Content, start: int | None = None, limit: int
) -> tuple[list[Comment], int | None, bool]:
    """One page of ``comment_tree``: up to ``limit`` top-level comments, oldest first,
    from the top-level comment ``start`` on (keyset ``(created, pk)``), each with its
    ``live_replies``, in one query whatever their number.

    Returns the comments, the pk the next page starts at (``None`` on the last page)
    and whether there are comments before this page. A ``start`` that is not a live
    top-level comment of ``content`` (another item's, a removed one, a reply, none at
    all) gives the first page."""
    live_top = Comment.objects.filter(content=content, parent__isnull=True, removed=False)
    page_top = live_top.order_by("created", "pk")
    earlier: Any = Value(False, output_field=BooleanField())
    if start is not None:
        start_created = Subquery(
            live_top.filter(pk=start).values("created")[:1], output_field=DateTimeField()
        )
        # An unknown start has no created: NULL compares false, COALESCE lets all in.
        page_top = page_top.filter(
            Q(created__gt=Coalesce(start_created, Value(_EARLIEST)))
            | Q(created=start_created, pk__gte=start)
        )
        earlier = Exists(
            live_top.filter(Q(created__lt=start_created) | Q(created=start_created, pk__lt=start))
        )
    ids = page_top.values("pk")
    rows = list(
        Comment.objects.filter(content=content, removed=False)
        # One more top-level comment than shown tells where the next page starts.
        .filter(Q(pk__in=ids[: limit + 1]) | Q(parent_id__in=ids[:limit]))
        .annotate(earlier=earlier)
        .select_related("author")
        # What a page shows of a comment and its author (core/_comment.html): the
        # rest of an author's row costs time to build and is never read here.
        .only(*COMMENT_SHOWN)
        .order_by("created", "pk")
    )
    top: dict[int, Comment] = {}
    for comment in rows:
        if comment.parent_id is None:
            comment.live_replies = []  # type: ignore[attr-defined]
            top[comment.pk] = comment
    for comment in rows:
        parent = top.get(comment.parent_id) if comment.parent_id is not None else None
        if parent is not None:
            parent.live_replies.append(comment)  # type: ignore[attr-defined]
    comments = list(top.values())
    next_start = comments[limit].pk if len(comments) > limit else None
    has_earlier = bool(rows) and bool(rows[0].earlier)  # type: ignore[attr-defined]
    return comments[:limit], next_start, has_earlier


def reaction_summary(
    *, user: Any, content: Content, counts: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Counts per reaction type and whether the user gave each, in one query (none when
    ``counts`` already holds them, as ``reader_state`` reads them)."""
    if counts is None:
        annotations = _reaction_annotations(user)
        counts = (
            Content.objects.filter(pk=content.pk).annotate(**annotations).values(*annotations)
        ).first() or {}
    return [
        {
            "type": value,
            "label": label,
            "count": counts.get(f"reactions_{value}", 0),
            "mine": bool(counts.get(f"reacted_{value}")),
        }
        for value, label in Reaction.Type.choices
    ]


def _reaction_annotations(user: Any) -> dict[str, Any]:
    annotations: dict[str, Any] = {}
    for value in Reaction.Type.values:
        annotations[f"reactions_{value}"] = Count("reactions", filter=Q(reactions__type=value))
        if user.is_authenticated:
            annotations[f"reacted_{value}"] = Count(
                "reactions", filter=Q(reactions__type=value, reactions__user_id=user.pk)
            )
    return annotations


def reader_state(user: Any, item: Content) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The item's reactions (with the reader's own) and what the apps registered to
    show a signed-in reader about it (``core.registry.ReaderState``: how they hear of
    its replies), in one query."""
    annotations = _reaction_annotations(user)
    states = reader_states()
    if user.is_authenticated:
        for state in states:
            annotations.update(state.annotate(user))
    row = Content.objects.filter(pk=item.pk).annotate(**annotations).values(*annotations).first()
    reactions = reaction_summary(user=user, content=item, counts=row or {})
    if not user.is_authenticated:
        return reactions, {state.name: state.default for state in states}
    return reactions, {state.name: state.read(user, item, row) for state in states}


def conversation(
    request: Any, item: Any, comment_form: Any = None, *, comments: list[Comment] | None = None
) -> dict[str, Any]:
    """What a page needs to show an item's comments, reactions and comment form; a page
    that shows its comments in pages passes the page's ``comments``."""
    user = request.user
    reactions, states = reader_state(user, item)
    shown = comment_tree(content=item) if comments is None else comments
    return {
        **states,
        "comments": shown,
        "reactions": reactions,
        "comment_form": comment_form or CommentForm(),
        "may_comment": user.is_authenticated and may_comment(user, item),
        "reply_parent": reply_parent(
            item,
            request.POST.get("parent", "")
            if request.method == "POST"
            else request.GET.get("reply_to", ""),
            shown,
        ),
    }


def reply_parent(
    item: Content, value: str, comments: list[Comment] | tuple[()] = ()
) -> Comment | None:
    """The top-level comment the page's one comment form replies to, named by ``value``:
    ``?reply_to=`` (a "Reply" link without JavaScript), ``?parent=`` (the same with
    htmx) or the ``parent`` of a reply sent back with an error. Only a live top-level
    comment of ``item`` qualifies (read from ``comments``, the page's, when it is among
    them); anything else is no parent."""
    if not value.isascii() or not value.isdigit():
        return None
    wanted = int(value)
    if wanted >= 2**63:
        return None
    shown = next((comment for comment in comments if comment.pk == wanted), None)
    if shown is not None:
        return shown
    return (
        Comment.objects.filter(pk=wanted, content=item, parent__isnull=True, removed=False)
        .select_related("author")
        .first()
    )


def content_get(*, user: Any, pk: int) -> Content:
    """The item ``pk`` as its envelope, or 404 alike for missing and hidden."""
    content = Content.objects.select_related("space").filter(pk=pk).first()
    if content is None or not can_view(user, content):
        raise Http404
    return content


def comment_get(*, content: Content, pk: int) -> Comment:
    """A live comment on ``content`` (the reader may already read ``content``)."""
    comment = Comment.objects.filter(pk=pk, content=content, removed=False).first()
    if comment is None:
        raise Http404
    return comment


def attachment_get(*, user: Any, pk: int) -> Attachment:
    """A stored file whose item ``user`` may read: the gate of a file is the gate of
    its item, with the same 404 for missing and hidden."""
    attachment = Attachment.objects.select_related("content").filter(pk=pk).first()
    if attachment is None or attachment.type == Attachment.Type.LINK:
        raise Http404
    if not can_view(user, attachment.content):
        raise Http404
    return attachment


def inline_image_get(*, user: Any, pk: int, name: str) -> Any:
    """A picture shown in a text: readable by its uploader and by whoever may read an
    item that shows it; 404 otherwise, as for a missing one."""
    from harambee.core.models import InlineImage

    image = InlineImage.objects.filter(pk=pk).first()
    if image is None or image.file.name.rsplit("/", 1)[-1] != name:
        raise Http404
    if user.is_authenticated and image.uploaded_by_id == user.pk:
        return image
    if not visible(user, Content.objects.filter(inline_images=image)).exists():
        raise Http404
    return image
