"""Reads for spaces and posts. Every content read goes through the gate."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from harambee.core.models import Content
from harambee.core.selectors import with_comment_counts
from harambee.core.visibility import can_see_space, can_view, visible, visible_spaces
from harambee.spaces.models import JoinRequest, Membership, Post, Space


def membership_for(user: Any, space_id: int | None) -> Membership | None:
    """The user's active membership of a space, cached per request."""
    if space_id is None or not (user.is_authenticated and user.is_active):
        return None
    cache = user.__dict__.setdefault("_harambee_memberships", {})
    if space_id not in cache:
        cache[space_id] = Membership.objects.active().filter(user=user, space_id=space_id).first()
    return cache[space_id]


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


def space_posts(*, user: Any, space: Space) -> QuerySet[Post]:
    return (
        with_comment_counts(visible(user, Post.objects.filter(space=space)))
        .select_related("author")
        .order_by("-created")
    )


def space_members(*, space: Space) -> QuerySet[Membership]:
    return (
        Membership.objects.active()
        .filter(space=space)
        .select_related("user", "user__organisation")
        .order_by("user__display_name")
    )


def pending_requests(*, space: Space) -> QuerySet[JoinRequest]:
    return space.join_requests.filter(status=JoinRequest.Status.PENDING).select_related("user")


def post_get(*, user: Any, pk: int) -> Post:
    post = (
        Post.objects.select_related("author", "space", "author__organisation").filter(pk=pk).first()
    )
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
