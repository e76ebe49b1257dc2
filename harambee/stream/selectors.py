"""Reads of the stream. Every list of items goes through the gate; lists are paged
by keyset (a ``before`` cursor), never by COUNT and OFFSET."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse

from harambee.core.markdown import fold_accents
from harambee.core.models import Content
from harambee.core.selectors import with_comment_counts
from harambee.core.visibility import (
    can_see_person,
    can_view,
    listed_people,
    visible,
    visible_people,
    visible_spaces,
)
from harambee.people.models import User
from harambee.spaces.models import Membership, Space
from harambee.spaces.selectors import with_shown_space
from harambee.stream.models import Bookmark, ContentHashtag, Follow, Handle, Hashtag, StreamPost

PAGE_SIZE = 20
NEW_ITEMS_CAP = 20
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


# Markdown linkers (registered in ``apps.StreamConfig.ready``).


def link_hashtags(names: set[str]) -> dict[str, str]:
    return {name: reverse("stream:tag", args=[name]) for name in names}


def link_mentions(names: set[str]) -> dict[str, str]:
    """People who may be named and linked across the alliance (guests are known only
    in their spaces, so a link to them would lead nowhere)."""
    listed = listed_people(User.objects.all()).values("pk")
    # Accents do not matter: @lucía_ramírez and @lucia_ramirez are one person.
    keys = {name: fold_accents(name) for name in names}
    rows = dict(
        Handle.objects.filter(name__in=set(keys.values()), user__in=listed).values_list(
            "name", "user_id"
        )
    )
    return {
        name: reverse("people:person", args=[rows[key]])
        for name, key in keys.items()
        if key in rows
    }


# Keyset paging.


@dataclass(frozen=True)
class Cursor:
    """A position in a newest-first list: the ``created`` and ``pk`` of an item."""

    created: datetime
    pk: int

    def __str__(self) -> str:
        micros = (self.created - _EPOCH) // timedelta(microseconds=1)
        return f"{micros}.{self.pk}"

    @classmethod
    def of(cls, item: Any) -> Cursor:
        return cls(item.created, item.pk)

    @classmethod
    def parse(cls, raw: str | None) -> Cursor | None:
        """The cursor written by ``str``, or None for anything else."""
        if not raw:
            return None
        micros, _sep, pk = raw.partition(".")
        try:
            return cls(_EPOCH + timedelta(microseconds=int(micros)), int(pk))
        except (ValueError, OverflowError):
            return None


@dataclass
class KeysetPage:
    items: list[Any]
    next_cursor: str | None
    first_cursor: str | None
    is_first: bool


def keyset_page(
    queryset: QuerySet[Any], *, before: str | None, size: int = PAGE_SIZE
) -> KeysetPage:
    """One page of a list ordered newest first, after ``before`` (a ``Cursor``)."""
    cursor = Cursor.parse(before)
    qs = queryset.order_by("-created", "-pk")
    if cursor is not None:
        qs = qs.filter(Q(created__lt=cursor.created) | Q(created=cursor.created, pk__lt=cursor.pk))
    rows = list(qs[: size + 1])
    items = rows[:size]
    return KeysetPage(
        items=items,
        next_cursor=str(Cursor.of(items[-1])) if len(rows) > size else None,
        first_cursor=str(Cursor.of(items[0])) if items else None,
        is_first=cursor is None,
    )


def newer_than(queryset: QuerySet[Any], since: str | None, cap: int = NEW_ITEMS_CAP) -> int:
    """How many items of a newest-first list came after ``since``, counted up to
    ``cap`` + 1 (shown as "20+"), reading no more rows than that."""
    cursor = Cursor.parse(since)
    if cursor is None:
        return 0
    newer = queryset.filter(
        Q(created__gt=cursor.created) | Q(created=cursor.created, pk__gt=cursor.pk)
    )
    return len(newer.order_by("-created", "-pk").values_list("pk", flat=True)[: cap + 1])


def now_cursor() -> str:
    from django.utils import timezone

    return str(Cursor(timezone.now(), 0))


# Lists.


def _listed(user: Any, queryset: QuerySet[Any]) -> QuerySet[Any]:
    """The gate, the author and space in the same query, comment counts and, for a
    signed-in reader, whether each item is in their bookmarks."""
    qs = with_comment_counts(visible(user, queryset)).select_related("author", "space")
    if user.is_authenticated:
        qs = qs.annotate(
            bookmarked=Exists(Bookmark.objects.filter(user_id=user.pk, content_id=OuterRef("pk")))
        )
    return qs


def page_of(user: Any, queryset: QuerySet[Any], *, before: str | None) -> KeysetPage:
    page = keyset_page(_listed(user, queryset), before=before)
    with_shown_space(user, page.items)
    return page


def stream_posts(*, space: Space | None = None) -> QuerySet[StreamPost]:
    """Stream posts, all of them or one space's (still to go through the gate)."""
    qs = StreamPost.objects.all()
    if space is not None:
        qs = qs.filter(space=space)
    return qs


def tagged(*, hashtag: Hashtag | None) -> QuerySet[Content]:
    """Every kind of item carrying the tag (still to go through the gate)."""
    if hashtag is None:
        return Content.objects.none()
    return Content.objects.filter(
        pk__in=ContentHashtag.objects.filter(hashtag=hashtag).values("content_id")
    )


def by_person(*, person: User) -> QuerySet[Content]:
    return Content.objects.filter(author=person)


def timeline(*, user: Any) -> QuerySet[Content]:
    """Items carrying a followed tag, written by a followed person or in a followed
    space (still to go through the gate)."""
    follows = Follow.objects.filter(follower_id=user.pk)
    tag_ids = follows.filter(hashtag__isnull=False).values("hashtag_id")
    people = follows.filter(person__isnull=False).values("person_id")
    spaces = follows.filter(space__isnull=False).values("space_id")
    with_tag = ContentHashtag.objects.filter(hashtag_id__in=tag_ids).values("content_id")
    return Content.objects.filter(
        Q(pk__in=with_tag) | Q(author_id__in=people) | Q(space_id__in=spaces)
    )


def bookmarks_page(*, user: Any, before: str | None, size: int = PAGE_SIZE) -> KeysetPage:
    """The person's bookmarks that they may still read, the latest kept first.
    Paged by the bookmark's id: ``before`` is one."""
    try:
        cursor = int(before) if before else None
    except ValueError:
        cursor = None
    # One filter() call, so the user and the cursor apply to the same bookmark row
    # (and the annotation below reuses that join rather than adding one).
    mine: dict[str, Any] = {"bookmarks__user_id": user.pk}
    if cursor is not None:
        mine["bookmarks__pk__lt"] = cursor
    qs = _listed(user, Content.objects.filter(**mine)).annotate(bookmark_id=F("bookmarks__pk"))
    rows = list(qs.order_by("-bookmark_id")[: size + 1])
    items = rows[:size]
    with_shown_space(user, items)
    return KeysetPage(
        items=items,
        next_cursor=str(items[-1].bookmark_id) if len(rows) > size else None,
        first_cursor=None,
        is_first=cursor is None,
    )


def tags_in_use(*, user: Any, recent: int = 200, limit: int = 15) -> list[dict[str, Any]]:
    """The tags most used on the newest items the reader may see, in one query. Only
    readable items count, so a tag used only where the reader cannot look is not named."""
    newest = visible(user, Content.objects.all()).order_by("-created").values("pk")[:recent]
    rows = (
        ContentHashtag.objects.filter(content_id__in=newest)
        .values("hashtag__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "hashtag__name")[:limit]
    )
    return [dict(row) for row in rows]


def my_spaces(*, user: Any) -> QuerySet[Space]:
    """The spaces the person may post stream posts in (for links to their streams)."""
    if not user.is_authenticated:
        return Space.objects.none()
    member_of = Membership.objects.active().filter(user_id=user.pk).values("space_id")
    return visible_spaces(user, Space.objects.filter(pk__in=member_of)).order_by("name")


# Single things.


def stream_post_get(*, user: Any, pk: int) -> StreamPost:
    post = (
        StreamPost.objects.select_related("author", "space", "author__handle").filter(pk=pk).first()
    )
    if post is None or not can_view(user, post):
        raise Http404
    with_shown_space(user, [post])
    return post


def content_get(*, user: Any, pk: int) -> Content:
    content = Content.objects.select_related("space").filter(pk=pk).first()
    if content is None or not can_view(user, content):
        raise Http404
    return content


def hashtag_find(*, name: str) -> Hashtag | None:
    return Hashtag.objects.filter(name=name).first()


def person_get(*, user: Any, pk: int) -> User:
    """A person whose items may be listed: the same rule as their profile page."""
    person = User.objects.filter(pk=pk).select_related("handle").first()
    if person is None or not can_see_person(user, person):
        raise Http404
    return person


def is_following(*, user: Any, target: Hashtag | User | Space | None) -> bool:
    if target is None or not user.is_authenticated:
        return False
    if isinstance(target, Hashtag):
        return Follow.objects.filter(follower_id=user.pk, hashtag=target).exists()
    if isinstance(target, Space):
        return Follow.objects.filter(follower_id=user.pk, space=target).exists()
    return Follow.objects.filter(follower_id=user.pk, person=target).exists()


def is_bookmarked(*, user: Any, content: Content) -> bool:
    return (
        user.is_authenticated
        and Bookmark.objects.filter(user_id=user.pk, content_id=content.pk).exists()
    )


def following(*, user: Any) -> dict[str, list[Any]]:
    """What the person follows, in three queries; spaces only while they may see them."""
    follows = Follow.objects.filter(follower_id=user.pk)
    tags = list(Hashtag.objects.filter(followers__in=follows).order_by("name"))
    people = list(
        visible_people(user, User.objects.filter(followers__in=follows)).order_by("display_name")
    )
    spaces = list(
        visible_spaces(user, Space.objects.filter(followers__in=follows)).order_by("name")
    )
    return {"tags": tags, "people": people, "spaces": spaces}
