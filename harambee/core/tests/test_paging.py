"""Keyset pages (core/paging.py): every row exactly once, forward and back, with ties,
empty values and any ordering; a bad cursor gives the first page; no list counts its
rows on the way."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Count, Min
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from harambee.core.models import Comment
from harambee.core.paging import KeysetPage
from harambee.core.tests.factories import CommentFactory, PostFactory, UserFactory
from harambee.people.models import User
from harambee.spaces.models import Post

pytestmark = pytest.mark.django_db


def walk(queryset, per_page):
    """Every page forward from the first, then back from the last: the rows of each."""
    forward, pages, query = [], [], QueryDict()
    while True:
        page = KeysetPage(
            queryset,
            per_page=per_page,
            after=query.get("after"),
            before=query.get("before"),
            params=query,
        )
        pages.append(page)
        forward.extend(page.object_list)
        if not page.has_next:
            break
        query = QueryDict(page.next_query)
    last_forward = pages[-1]
    backward = []
    while pages[-1].has_previous:
        query = QueryDict(pages[-1].previous_query)
        page = KeysetPage(queryset, per_page=per_page, before=query.get("before"), params=query)
        pages.append(page)
        backward = list(page.object_list) + backward
    return forward, backward, pages, last_forward


def test_every_row_once_forward_and_back_with_ties(cast):
    now = timezone.now()
    posts = [PostFactory(space=cast.space) for _ in range(23)]
    # Ties: several posts share a time; two are pinned.
    Post.objects.filter(pk__in=[p.pk for p in posts[:9]]).update(created=now)
    Post.objects.filter(pk__in=[posts[3].pk, posts[15].pk]).update(pinned=True)
    queryset = Post.objects.filter(space=cast.space).order_by("-pinned", "-created")
    expected = list(queryset.order_by("-pinned", "-created", "-pk"))
    forward, backward, pages, last = walk(queryset, per_page=5)
    assert forward == expected
    # Back from the last page: every row before it, in order, once.
    assert backward == expected[: len(expected) - len(last.object_list)]
    assert not pages[0].has_previous and pages[0].has_next and not last.has_next


def test_empty_values_sort_last_going_down_and_first_going_up():
    never = [UserFactory() for _ in range(4)]
    seen = [UserFactory() for _ in range(5)]
    for i, user in enumerate(seen):
        User.objects.filter(pk=user.pk).update(last_login=timezone.now() - timedelta(days=i))
    ids = [u.pk for u in never + seen]
    for ordering in ("-last_login", "last_login"):
        queryset = User.objects.filter(pk__in=ids).order_by(ordering)
        forward, backward, _, _ = walk(queryset, per_page=2)
        assert sorted(u.pk for u in forward) == sorted(ids) and len(forward) == len(ids)
        logins = [u.last_login for u in forward]
        if ordering.startswith("-"):
            assert logins[-4:] == [None] * 4 and None not in logins[:5]
        else:
            assert logins[:4] == [None] * 4 and None not in logins[4:]


def test_orderings_by_a_related_field_and_grouped_rows(cast):
    posts = [PostFactory(space=cast.space) for _ in range(4)]
    for post in posts:
        for _ in range(2):
            CommentFactory(content=post, author=UserFactory())
    by_author = Comment.objects.filter(content__in=posts).order_by("author__display_name")
    forward, _, _, _ = walk(by_author, per_page=3)
    assert len(forward) == 8 and len({c.pk for c in forward}) == 8
    grouped = (
        Comment.objects.filter(content__in=posts)
        .values("content_id")
        .annotate(n=Count("pk"), first=Min("created"))
        .order_by("first", "content_id")
    )
    rows, _, _, _ = walk(grouped, per_page=3)
    assert [row["content_id"] for row in rows] == [p.pk for p in posts]
    assert all(row["n"] == 2 for row in rows)


@pytest.mark.parametrize("cursor", ["", "garbage", "a" * 500, "W10:1abc:xyz", "%00"])
def test_a_bad_cursor_gives_the_first_page(cast, client_for, cursor):
    for _ in range(3):
        PostFactory(space=cast.space)
    queryset = Post.objects.filter(space=cast.space).order_by("-created")
    page = KeysetPage(queryset, per_page=2, after=cursor, params=QueryDict())
    assert list(page) == list(queryset.order_by("-created", "-pk")[:2])
    url = reverse("spaces:detail", args=[cast.space.slug])
    for name in ("after", "before"):
        response = client_for(cast.space_lead).get(url, {name: cursor})
        assert response.status_code == 200


def test_a_cursor_from_another_list_is_refused(cast):
    posts = [PostFactory(space=cast.space) for _ in range(3)]
    users = KeysetPage(User.objects.order_by("display_name"), per_page=1, params=QueryDict())
    token = QueryDict(users.next_query)["after"]
    queryset = Post.objects.filter(pk__in=[p.pk for p in posts]).order_by("-pinned", "-created")
    page = KeysetPage(queryset, per_page=2, after=token, params=QueryDict())
    assert list(page) == list(queryset.order_by("-pinned", "-created", "-pk")[:2])


def test_links_keep_the_lists_filters():
    for _ in range(3):
        UserFactory(country="GH")
    params = QueryDict("country=GH&q=a%26b&page=4")
    page = KeysetPage(User.objects.order_by("display_name"), per_page=1, params=params)
    following = QueryDict(page.next_query)
    assert following["country"] == "GH" and following["q"] == "a&b" and "page" not in following


def test_the_space_page_and_the_lists_count_nothing(cast, client_for):
    for _ in range(30):
        PostFactory(space=cast.space)
    url = reverse("spaces:detail", args=[cast.space.slug])
    client = client_for(cast.space_lead)
    with CaptureQueriesContext(connection) as ctx:
        first = client.get(url)
    assert first.status_code == 200
    # No count over the space's items (the header's unread count, capped at 100, and
    # the lead's count of members and requests are not over items).
    counts = [q["sql"] for q in ctx.captured_queries if "COUNT(*)" in q["sql"].upper()]
    assert not [sql for sql in counts if "core_content" in sql and "notification" not in sql]
    html = first.content.decode()
    assert 'rel="next"' in html and 'rel="prev"' not in html
    next_url = html.split('href="?', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    second = client.get(f"{url}?{next_url}").content.decode()
    assert 'rel="prev"' in second


def test_a_directory_count_stops_at_its_cap(monkeypatch):
    monkeypatch.setattr("harambee.core.paging.COUNT_CAP", 3)
    for _ in range(5):
        UserFactory()
    page = KeysetPage(User.objects.order_by("display_name"), per_page=2, params=QueryDict())
    assert page.count == 3 and page.count_capped
    few = KeysetPage(User.objects.filter(pk=-1).order_by("pk"), per_page=2, params=QueryDict())
    assert few.count == 0 and not few.count_capped


def test_keys_from_another_table_give_the_same_pages(cast):
    """``keys``: the same list asked of the items' table (its index sorts it) pages
    exactly as the list itself, and the rows shown are the list's own objects."""
    from harambee.core.models import Content

    posts = [PostFactory(space=cast.space) for _ in range(12)]
    Post.objects.filter(pk__in=[p.pk for p in posts[:5]]).update(created=timezone.now())
    rows = Post.objects.filter(space=cast.space).order_by("-created", "-pk")
    keys = Content.objects.filter(kind=Post.KIND, space=cast.space).order_by("-created", "-pk")
    shown, query = [], QueryDict()
    while True:
        page = KeysetPage(rows, per_page=5, after=query.get("after"), params=query, keys=keys)
        assert all(isinstance(row, Post) for row in page.object_list)
        shown.extend(page.object_list)
        if not page.has_next:
            break
        query = QueryDict(page.next_query)
    assert shown == list(rows)
    assert page.count == len(posts)


def test_keys_no_row_leaves_empty_are_ordered_as_their_index_reads(cast):
    """A key that cannot be empty is ordered plainly, with no NULLS clause and no
    IS NULL term: PostgreSQL reads a (created DESC) index only for "created DESC",
    not for "created DESC NULLS LAST". A key that may be empty keeps both."""
    posts = [PostFactory(space=cast.space) for _ in range(4)]
    queryset = Post.objects.filter(space=cast.space).order_by("-created")
    first = KeysetPage(queryset, per_page=2, params=QueryDict())
    with CaptureQueriesContext(connection) as plain:
        KeysetPage(
            queryset, per_page=2, after=first.next_query.split("after=")[1], params=QueryDict()
        )
    keyed = plain.captured_queries[0]["sql"]
    assert "NULLS" not in keyed and "IS NULL" not in keyed, keyed
    walked, _, _, _ = walk(queryset, per_page=3)
    assert [p.pk for p in walked] == [p.pk for p in queryset.order_by("-created", "-pk")]
    assert len(walked) == len(posts)
    UserFactory()
    users = User.objects.order_by("-last_login")
    with CaptureQueriesContext(connection) as nullable:
        list(KeysetPage(users, per_page=2, params=QueryDict()))
    assert "NULLS LAST" in nullable.captured_queries[0]["sql"]
