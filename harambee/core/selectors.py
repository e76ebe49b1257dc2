"""Reads shared by every content kind."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from harambee.core.forms import CommentForm
from harambee.core.models import Attachment, Comment, Content, Reaction
from harambee.core.queries import one, prepared_values
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

    def build(content_pk: int, start: int | None = None) -> Any:
        live_top = Comment.objects.filter(content_id=content_pk, parent__isnull=True, removed=False)
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
                live_top.filter(
                    Q(created__lt=start_created) | Q(created=start_created, pk__lt=start)
                )
            )
        ids = page_top.values("pk")
        return (
            Comment.objects.filter(content_id=content_pk, removed=False)
            # One more top-level comment than shown tells where the next page starts.
            .filter(Q(pk__in=ids[: limit + 1]) | Q(parent_id__in=ids[:limit]))
            .annotate(earlier=earlier)
            .order_by("created", "pk")
            .values(
                "pk",
                "content_id",
                "parent_id",
                "author_id",
                "updated",
                "author__display_name",
                "earlier",
            )
        )

    # The shape: compiled once per process for each page size, with or without a start.
    shape = ("comment_page", limit, start is None)
    if start is None:
        found = prepared_values(shape, build, content_pk=content.pk)
    else:
        found = prepared_values(shape, build, content_pk=content.pk, start=start)
    rows = [CommentRow(*row.values()) for row in found]
    top: dict[int, CommentRow] = {}
    for comment in rows:
        if comment.parent_id is None:
            top[comment.pk] = comment
    for comment in rows:
        parent = top.get(comment.parent_id) if comment.parent_id is not None else None
        if parent is not None:
            parent.live_replies.append(comment)
    comments = list(top.values())
    next_start = comments[limit].pk if len(comments) > limit else None
    has_earlier = bool(rows) and rows[0].earlier
    return comments[:limit], next_start, has_earlier  # type: ignore[return-value]


class CommentRow:
    """What a page of replies knows of a comment before its HTML is looked up in the
    fragment cache (core/comment_html.py): what the fragment's key names, its place in
    the thread and its author's name. Read as a plain row -- no model to build for
    each of 50 or more replies whose fragments are already kept; a fragment that is
    missing is rendered from the whole comment, read then (``full_comments``)."""

    __slots__ = (
        "pk",
        "content_id",
        "parent_id",
        "author_id",
        "updated",
        "author",
        "earlier",
        "live_replies",
    )

    def __init__(
        self,
        pk: int,
        content_id: int,
        parent_id: int | None,
        author_id: int,
        updated: Any,
        author_name: str,
        earlier: bool,
    ) -> None:
        self.pk = pk
        self.content_id = content_id
        self.parent_id = parent_id
        self.author_id = author_id
        self.updated = updated
        self.author = SimpleNamespace(pk=author_id, display_name=author_name)
        self.earlier = bool(earlier)
        self.live_replies: list[CommentRow] = []

    @property
    def id(self) -> int:
        return self.pk


def full_comments(comments: list[Any]) -> dict[int, Comment]:
    """The whole comments behind ``comments`` (rows or comments), by pk: what a
    comment's template shows (``COMMENT_SHOWN``), in one query for the rows."""
    found = {c.pk: c for c in comments if isinstance(c, Comment)}
    wanted = [c.pk for c in comments if c.pk not in found]
    if wanted:
        found.update(
            (c.pk, c)
            for c in Comment.objects.filter(pk__in=wanted)
            .select_related("author")
            .only(*COMMENT_SHOWN)
        )
    return found


def reaction_summary(
    *, user: Any, content: Content, counts: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Counts per reaction type and whether the user gave each, in one query (none when
    ``counts`` already holds them)."""
    if counts is None:
        counts = _reaction_counts(user, content.pk)
    return [
        {
            "type": value,
            "label": label,
            "count": counts.get(f"reactions_{value}", 0),
            "mine": bool(counts.get(f"reacted_{value}")),
        }
        for value, label in Reaction.Type.choices
    ]


def _reaction_counts(user: Any, content_id: int) -> dict[str, int]:
    """``reactions_<type>`` and ``reacted_<type>`` (the reader's own) of one item, from
    its reactions' (type, person) pairs."""
    pairs = Reaction.objects.filter(content_id=content_id).values_list("type", "user_id")
    return _counted(user, pairs)


def _counted(user: Any, pairs: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    mine = user.pk if user.is_authenticated else None
    for kind, person in pairs:
        if kind is None:
            continue
        counts[f"reactions_{kind}"] = counts.get(f"reactions_{kind}", 0) + 1
        if person == mine:
            counts[f"reacted_{kind}"] = 1
    return counts


def reader_state(user: Any, item: Content) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The item's reactions (with the reader's own) and what the apps registered to
    show a signed-in reader about it (``core.registry.ReaderState``: how they hear of
    its replies, when they last read it), in one query: a row per reaction (one with
    none), each with the reader's state. Django builds it in a fraction of the time of
    one count per reaction type."""
    states = reader_states()
    if not user.is_authenticated:
        reactions = reaction_summary(user=user, content=item)
        return reactions, {state.name: state.default for state in states}

    def build(reader: int, item_pk: int) -> Any:
        stand_in = SimpleNamespace(pk=reader, is_authenticated=True)
        annotations: dict[str, Any] = {}
        for state in states:
            annotations.update(state.annotate(stand_in))
        return Content.objects.filter(pk=item_pk).values(
            reaction_type=F("reactions__type"), reaction_user=F("reactions__user_id"), **annotations
        )

    # Built and compiled once a day per process (``ReaderState``: the annotations may
    # depend on the reader's id and on the day, nothing else); each request only
    # brings its reader's and item's ids.
    shape = ("reader_state", tuple(state.name for state in states), timezone.now().date())
    rows = prepared_values(shape, build, reader=user.pk, item_pk=item.pk)
    counts = _counted(user, ((row["reaction_type"], row["reaction_user"]) for row in rows))
    reactions = reaction_summary(user=user, content=item, counts=counts)
    row = rows[0] if rows else None
    return reactions, {state.name: state.read(user, item, row) for state in states}


# The items a request showed on their own page, each with what the apps registered to
# know about its reader (``core.registry.ReaderState``). A middleware of an app above
# core may act on them once the page is made (insights counts who read what).
SHOWN_ITEMS = "harambee_shown_items"


def note_shown(request: Any, item: Any, states: dict[str, Any]) -> None:
    shown = getattr(request, SHOWN_ITEMS, None)
    if shown is None:
        shown = {}
        setattr(request, SHOWN_ITEMS, shown)
    shown[item.pk] = states


def shown_items(request: Any) -> dict[int, dict[str, Any]]:
    """The items ``request`` showed (``note_shown``): id -> the reader's states."""
    return getattr(request, SHOWN_ITEMS, None) or {}


def conversation(
    request: Any, item: Any, comment_form: Any = None, *, comments: list[Comment] | None = None
) -> dict[str, Any]:
    """What a page needs to show an item's comments, reactions and comment form; a page
    that shows its comments in pages passes the page's ``comments``."""
    user = request.user
    reactions, states = reader_state(user, item)
    note_shown(request, item, states)
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
    return one(
        Comment.objects.filter(
            pk=wanted, content=item, parent__isnull=True, removed=False
        ).select_related("author")
    )


def content_get(*, user: Any, pk: int) -> Content:
    """The item ``pk`` as its envelope, or 404 alike for missing and hidden."""
    content = one(Content.objects.select_related("space").filter(pk=pk))
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
