"""Reads for spaces and threads. Every content read goes through the gate."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import gettext as _

from harambee.core.models import Comment, Content, comment_url
from harambee.core.queries import prepared_objects
from harambee.core.selectors import with_comment_counts
from harambee.core.visibility import (
    active_memberships,
    can_see_space,
    can_view,
    visible,
    visible_people,
    visible_spaces,
)
from harambee.people.models import User
from harambee.people.roles import Perm, alliance_roles_with
from harambee.spaces.models import (
    Invitation,
    JoinRequest,
    Membership,
    Post,
    Space,
    ThreadGuest,
    ThreadRead,
    ThreadSummary,
)


def membership_for(user: Any, space_id: int | None) -> Membership | None:
    """The user's active membership of a space, cached per request."""
    if space_id is None:
        return None
    return active_memberships(user).get(space_id)


def space_list(*, user: Any, kind: str = "") -> QuerySet[Space]:
    qs = visible_spaces(user, Space.objects.all())
    if kind:
        qs = qs.filter(kind=kind)
    # A correlated subquery, not a join and GROUP BY over every membership: a page of
    # the list then counts the members of the spaces it shows, and nothing else.
    members = (
        Membership.objects.filter(space_id=OuterRef("pk"), expires__isnull=True)
        .order_by()
        .values("space_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return qs.annotate(
        member_count=Coalesce(Subquery(members, output_field=IntegerField()), Value(0))
    ).order_by("name")


def space_get(*, user: Any, slug: str) -> Space:
    """The space, or 404 alike for one that does not exist and one kept from the user."""
    space = Space.objects.filter(slug=slug).first()
    if space is None or not can_see_space(user, space):
        raise Http404
    return space


# At most this many pinned threads stand above a space's list.
PINNED_MAX = 10


def space_posts(*, user: Any, space: Space) -> QuerySet[Post]:
    """The space's threads ``user`` may read, newest first, pinned ones aside
    (``pinned_posts``): an order the (space, created) index gives, so a page reads
    only its own rows however many the space holds."""
    return (
        visible(user, Post.objects.filter(kind=Post.KIND, space=space, pinned=False))
        # Kept on the thread by ``services.thread_activity_refresh``.
        .annotate(comment_count=F("reply_count"))
        .select_related("author")
        .order_by("-created")
    )


def _pinned(space_id: int | None) -> QuerySet[Post]:
    """Pinned threads of one space (or, with ``None``, of the forum), read from the
    small partial index of pinned threads by ``space_key``: no database walks the
    space's own (much larger) index of items to find its few pinned ones. The space
    itself is compared through ``+ 0`` so that its index is not chosen instead."""
    posts = Post.objects.alias(space_plus=F("space_id") + 0).filter(pinned=True)
    if space_id is None:
        return posts.filter(space_key=0, space_plus__isnull=True)
    return posts.filter(space_key=space_id, space_plus=space_id)


def pinned_posts(*, user: Any, space: Space) -> list[Post]:
    """The space's pinned threads ``user`` may read, newest first, shown above its list."""
    return list(
        visible(user, _pinned(space.pk))
        .annotate(comment_count=F("reply_count"))
        .select_related("author")
        .order_by("-created", "-pk")[:PINNED_MAX]
    )


# How a thread list may be sorted: the key it is paged by (descending).
THREAD_SORTS = {"activity": "last_activity", "new": "created", "replies": "reply_count"}


def thread_list(*, user: Any, space: Space | None, pinned: bool | None = None) -> QuerySet[Post]:
    """The threads of ``space`` (or of the alliance forum, for None) the user may read,
    with ``read_at`` (when the reader last opened each; None for never or anonymous).
    ``pinned`` narrows to pinned or unpinned threads."""
    # ``space_key`` (the same space, 0 for the forum) lets a list sorted by activity
    # or replies read one range of its index.
    qs = (
        Post.objects.filter(kind=Post.KIND, space=space, space_key=space.pk)
        if space is not None
        else Post.objects.filter(kind=Post.KIND, space__isnull=True, space_key=0)
    )
    if pinned is not None:
        qs = qs.filter(pinned=pinned)
    qs = visible(user, qs).select_related("author").annotate(comment_count=F("reply_count"))
    if user.is_authenticated:
        qs = qs.annotate(**read_annotations(user))
    return qs


def mark_unread(user: Any, threads: list[Post]) -> list[Post]:
    """Set ``unread`` on each thread: activity since the reader last opened it, or,
    never opened, activity since they joined the alliance."""
    for thread in threads:
        read_at = getattr(thread, "thread_read_at", None)
        since = read_at if read_at is not None else getattr(user, "date_joined", None)
        thread.unread = bool(user.is_authenticated and since and thread.last_activity > since)  # type: ignore[attr-defined]
        thread.never_read = read_at is None  # type: ignore[attr-defined]
    return threads


def pinned_threads(*, user: Any, space: Space | None, limit: int = 10) -> list[Post]:
    """The pinned threads shown over the first page of a thread list."""
    return list(thread_list(user=user, space=space, pinned=True).order_by("-last_activity")[:limit])


def read_annotations(user: Any) -> dict[str, Any]:
    """When ``user`` last opened the thread (annotations of a ``Content`` or ``Post``
    query; the thread page reads it in the same query as its reactions)."""
    reads = ThreadRead.objects.filter(user_id=user.pk, thread_id=OuterRef("pk")).values("read_at")
    return {"thread_read_at": Subquery(reads[:1])}


def read_at_of(user: Any, item: Any, row: dict[str, Any] | None) -> Any:
    return (row or {}).get("thread_read_at")


def space_members(*, space: Space) -> QuerySet[Membership]:
    return (
        Membership.objects.active()
        .filter(space=space)
        .select_related("user", "user__organisation")
        .order_by("user__display_name")
    )


def coauthor_choices(*, user: Any, space: Space | None, item: Any = None) -> QuerySet[User]:
    """Who ``user`` may name co-author of an item in ``space``: the space's active
    members, or, for the alliance (no space), its active members whose alliance role
    may post (members and stewards, not guests).
    Only someone who may list those people is offered them (a member of the space;
    for the alliance, a reader of the directory). Anyone else, such as a co-author who
    has left the space, is offered the item's present co-authors and learns nobody new."""
    if not _may_list_people(user, space):
        if item is None:
            return User.objects.none()
        return item.coauthors.order_by("display_name")
    if space is None:
        writers = alliance_roles_with(Perm.POST)
        return User.objects.filter(is_active=True, role__in=writers).order_by("display_name")
    return User.objects.filter(
        pk__in=Membership.objects.active().filter(space=space).values("user_id")
    ).order_by("display_name")


def _may_list_people(user: Any, space: Space | None) -> bool:
    if space is None:
        return bool(user.is_authenticated and user.may(Perm.SEE_DIRECTORY))
    return membership_for(user, space.pk) is not None


def pending_requests(*, space: Space) -> QuerySet[JoinRequest]:
    return space.join_requests.filter(status=JoinRequest.Status.PENDING).select_related("user")


def _post_by_pk(pk: int) -> QuerySet[Post]:
    return (
        Post.objects.select_related(
            "author",
            "space",
            "author__organisation",
            "answer",
            "answer__author",
            "answer__parent",
        )
        .filter(pk=pk)
        .order_by()[:1]
    )


def post_get(*, user: Any, pk: int) -> Post:
    """The thread ``pk``, or 404 alike for missing and hidden: read with its author,
    space and accepted answer by a query compiled once per process (a hundred columns
    took Django longer to compile than the database to read)."""
    found = prepared_objects("post_get", _post_by_pk, pk=pk) if pk < 2**63 else []
    post = found[0] if found else None
    if post is None or not can_view(user, post):
        raise Http404
    return post


def recent_activity(*, user: Any, limit: int = 20) -> list[Content]:
    """The newest items the user may see: for a member, their spaces and the alliance."""
    items = list(
        with_comment_counts(visible(user, Content.objects.all()))
        .select_related("author", "space")
        .order_by("-created")[:limit]
    )
    return with_shown_space(user, items)


def with_shown_space(user: Any, items: list[Any]) -> list[Any]:
    """Set ``shown_space`` on each item: its space, unless the reader may not know
    that space exists (a public post in a secret space names no space)."""
    for item in items:
        space = item.space if item.space_id else None
        item.shown_space = space if space is not None and can_see_space(user, space) else None
    return items


# Threads -------------------------------------------------------------------------


def thread_summaries(*, thread: Post, limit: int = 6) -> list[ThreadSummary]:
    """The current summary first, then up to ``limit - 1`` earlier ones, in one query
    (compiled once per process for each ``limit``)."""

    def build(thread_pk: int) -> QuerySet[ThreadSummary]:
        return ThreadSummary.objects.filter(thread_id=thread_pk).select_related("author")[:limit]

    return prepared_objects(("thread_summaries", limit), build, thread_pk=thread.pk)


def shown_answer(*, thread: Post) -> Comment | None:
    """The accepted answer as the thread page shows it: a live reply, not one under a
    removed comment (those left the page with it)."""
    answer = thread.answer if thread.answer_id else None
    if answer is None or answer.removed:
        return None
    parent = answer.parent if answer.parent_id is not None else None
    if parent is not None and parent.removed:
        return None
    return answer


def thread_guests(*, thread: Post) -> QuerySet[ThreadGuest]:
    return ThreadGuest.objects.filter(thread=thread).select_related("user", "invited_by")


class QuoteProblem(Exception):
    """The comment asked for cannot be quoted; the message says why."""


def quote_for(*, thread: Post, comment_id: str) -> str:
    """A Markdown blockquote of one reply in ``thread``, linking back to it, to start
    a reply with. Only the thread's own live replies can be quoted."""
    try:
        pk = int(comment_id)
    except (TypeError, ValueError):
        raise QuoteProblem(_("That reply cannot be quoted: the link is not right.")) from None
    comment = (
        Comment.objects.select_related("author")
        .filter(pk=pk, content_id=thread.pk, removed=False)
        # A reply to a removed comment left the page with it: it is not quoted either.
        .exclude(parent__removed=True)
        .first()
    )
    if comment is None:
        raise QuoteProblem(
            _("That reply cannot be quoted: it is not in this thread, or it was removed.")
        )
    name = comment.author.display_name.replace("[", "\\[").replace("]", "\\]")
    link = comment_url(thread, comment)
    header = _("[%(name)s wrote](%(link)s):") % {"name": name, "link": link}
    lines = comment.body.strip().splitlines() or [""]
    quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in lines)
    return f"> {header}\n>\n{quoted}\n\n"


# Single rows the space and thread pages act on; each answers 404 when missing.

MAX_ID = 2**63 - 1


def _first_or_404(queryset: QuerySet[Any]) -> Any:
    row = queryset.first()
    if row is None:
        raise Http404
    return row


def people_shown(*, user: Any, ids: list[int]) -> set[int]:
    """Which of these people ``user`` may see (the person gate), in one query."""
    return set(visible_people(user, User.objects.filter(pk__in=ids)).values_list("pk", flat=True))


def latest_join_request(*, user: Any, space: Space) -> JoinRequest | None:
    return space.join_requests.filter(user=user).order_by("-created").first()


def pending_request_of(*, user: Any, space: Space) -> JoinRequest:
    return _first_or_404(
        JoinRequest.objects.filter(space=space, user=user, status=JoinRequest.Status.PENDING)
    )


def join_request_get(*, space: Space, pk: int) -> JoinRequest:
    return _first_or_404(JoinRequest.objects.select_related("user").filter(pk=pk, space=space))


def member_count(*, space: Space) -> int:
    return Membership.objects.active().filter(space=space).count()


def membership_get(*, space: Space, user_id: int) -> Membership:
    return _first_or_404(
        Membership.objects.select_related("user").filter(space=space, user_id=user_id)
    )


def space_fresh(*, space: Space) -> Space:
    """A fresh copy of ``space`` for a form to change (the page keeps the original)."""
    return Space.objects.get(pk=space.pk)


def post_fresh(*, post: Post) -> Post:
    """A fresh copy of the thread for a form to change (the page keeps the original)."""
    return type(post).objects.get(pk=post.pk)


def invitations_sent(*, space: Space, limit: int = 20) -> list[Invitation]:
    return list(
        space.invitations.filter(thread__isnull=True)
        .select_related("invited_by")
        .order_by("-created")[:limit]
    )


def thread_invitations_sent(*, thread: Post, limit: int = 20) -> list[Invitation]:
    return list(
        thread.invitations.filter(used__isnull=True)
        .select_related("invited_by")
        .order_by("-created")[:limit]
    )


def account_for_email(*, email: str) -> User | None:
    return User.objects.filter(email__iexact=email).first()


def thread_reply(*, thread: Post, raw_pk: str) -> Comment | None:
    """The reply of ``thread`` whose id was submitted, or None for anything else
    (not a number, out of range, another item's reply)."""
    try:
        pk = int(raw_pk)
    except ValueError:
        return None
    if not 0 < pk <= MAX_ID:
        return None
    return Comment.objects.filter(pk=pk, content_id=thread.pk).first()


def thread_guest_get(*, thread: Post, pk: int) -> ThreadGuest:
    return _first_or_404(ThreadGuest.objects.select_related("user").filter(pk=pk, thread=thread))
