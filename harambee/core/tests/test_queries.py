"""Queries of a fixed shape compiled once (``core.queries``): the rows they give are the
ORM's for every value, on SQLite and PostgreSQL alike, and a value that would change the
SQL is refused rather than baked in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Exists, F, OuterRef
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from harambee.core.models import Comment, Content, Reaction, Visibility
from harambee.core.queries import prepared_objects, prepared_values
from harambee.core.selectors import comment_page, reader_state
from harambee.core.tests.factories import (
    CommentFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)
from harambee.notifications.models import Watch
from harambee.spaces.models import Post
from harambee.spaces.selectors import post_get

pytestmark = pytest.mark.django_db


def _comments_since(content_pk: int, author_pk: int, since):
    replied = Comment.objects.filter(content_id=OuterRef("content_id"), author_id=author_pk)
    return (
        Comment.objects.filter(content_id=content_pk, created__gte=since)
        .annotate(by_them=Exists(replied))
        .order_by("pk")
        .values("pk", "body", "created", "by_them", author_name=F("author__display_name"))
    )


def test_values_are_the_orms_for_every_value():
    first, second = PostFactory(), PostFactory()
    alice, bob = UserFactory(), UserFactory()
    for author in (alice, bob, alice):
        CommentFactory(content=first, author=author)
    CommentFactory(content=second, author=bob)
    long_ago = timezone.now() - timedelta(days=1)
    cases = [
        (first.pk, alice.pk, long_ago),
        (first.pk, bob.pk, long_ago),
        (second.pk, alice.pk, long_ago),
        (second.pk, bob.pk, timezone.now() + timedelta(days=1)),
    ]
    for content_pk, author_pk, since in cases:
        expected = list(_comments_since(content_pk, author_pk, since))
        got = prepared_values(
            "test-comments-since",
            _comments_since,
            content_pk=content_pk,
            author_pk=author_pk,
            since=since,
        )
        assert got == expected
    # The dates come back as the ORM gives them: aware datetimes, not strings.
    assert got == [] and expected == []
    rows = prepared_values(
        "test-comments-since",
        _comments_since,
        content_pk=first.pk,
        author_pk=bob.pk,
        since=long_ago,
    )
    assert len(rows) == 3 and all(row["created"].tzinfo is not None for row in rows)
    assert [row["by_them"] for row in rows] == [True, True, True]


def test_a_shape_is_built_once_and_run_as_one_query():
    post = PostFactory()
    CommentFactory(content=post)
    built = []

    def build(**values):
        built.append(values)
        return _comments_since(**values)

    for author_pk in (1, 2, 3):
        with CaptureQueriesContext(connection) as queries:
            prepared_values(
                "test-once", build, content_pk=post.pk, author_pk=author_pk, since=post.created
            )
        assert len(queries) == 1
    # Built once, with stand-ins that no row has, never with a reader's values.
    assert len(built) == 1 and built[0]["content_pk"] < 0


def _post_with_author(pk: int):
    return Post.objects.select_related("author", "space").filter(pk=pk).order_by()[:1]


def test_objects_come_with_their_relations():
    posts = [PostFactory(), PostFactory()]
    for post in posts:
        [found] = prepared_objects("test-post", _post_with_author, pk=post.pk)
        assert found == post and type(found) is Post
        with CaptureQueriesContext(connection) as queries:
            assert found.author.display_name == post.author.display_name
            assert found.space.name == post.space.name
            assert found.title == post.title
        assert len(queries) == 0
    assert prepared_objects("test-post", _post_with_author, pk=posts[-1].pk + 1000) == []


def _limited(content_pk: int, limit: int = 2):
    return Comment.objects.filter(content_id=content_pk).values("pk")[:limit]


def _ignoring(content_pk: int, other: int):
    return Comment.objects.filter(content_id=content_pk).values("pk")


def test_what_changes_the_sql_is_refused():
    with pytest.raises(TypeError):
        prepared_values("test-bool", _comments_since, content_pk=True, author_pk=1, since=None)
    with pytest.raises(TypeError):
        prepared_values("test-text", _comments_since, content_pk="1", author_pk=1, since=None)
    # A LIMIT is written into the SQL (so is anything not a parameter): it must be
    # named in the key, not passed.
    with pytest.raises(ValueError):
        prepared_values("test-limit", _limited, content_pk=1, limit=5)
    with pytest.raises(ValueError, match="other is not a parameter"):
        prepared_values("test-ignored", _ignoring, content_pk=1, other=5)
    with pytest.raises(TypeError):
        prepared_objects("test-kind", _limited, content_pk=1)
    with pytest.raises(TypeError):
        prepared_values("test-kind-2", _post_with_author, pk=1)


def test_reader_state_is_the_orms_for_each_reader():
    """The thread page's one query for reactions and the reader's states (registered
    by notifications, spaces and insights) gives each reader their own."""
    post = PostFactory(visibility=Visibility.PUBLIC)
    alice, bob = UserFactory(), UserFactory()
    Reaction.objects.create(content=post, user=alice, type=Reaction.Type.choices[0][0])
    Watch.objects.create(user=bob, content=post, watching=False)
    CommentFactory(content=post, author=alice)
    reactions_a, states_a = reader_state(alice, post)
    reactions_b, states_b = reader_state(bob, post)
    assert [r["mine"] for r in reactions_a][0] is True
    assert not any(r["mine"] for r in reactions_b)
    assert reactions_a[0]["count"] == reactions_b[0]["count"] == 1
    assert states_a["watch_state"] == "taking_part"
    assert states_b["watch_state"] == "muted"
    # A change shows at once: the shape is kept, never the rows.
    Watch.objects.create(user=alice, content=post, watching=True)
    assert reader_state(alice, post)[1]["watch_state"] == "watching"
    assert reader_state(bob, PostFactory(visibility=Visibility.PUBLIC))[1]["watch_state"] == ""


def test_comment_pages_with_and_without_a_start():
    post = PostFactory()
    top = [CommentFactory(content=post) for _ in range(5)]
    reply = CommentFactory(content=post, parent=top[3])
    first, next_start, earlier = comment_page(content=post, limit=2)
    assert [c.pk for c in first] == [top[0].pk, top[1].pk]
    assert next_start == top[2].pk and not earlier
    later, next_start, earlier = comment_page(content=post, start=top[3].pk, limit=2)
    assert [c.pk for c in later] == [top[3].pk, top[4].pk]
    assert [r.pk for r in later[0].live_replies] == [reply.pk]
    assert next_start is None and earlier
    # Another thread's comment as a start gives the first page.
    other = CommentFactory(content=PostFactory())
    again, _, earlier = comment_page(content=post, start=other.pk, limit=2)
    assert [c.pk for c in again] == [top[0].pk, top[1].pk] and not earlier


def test_post_get_keeps_the_gate():
    member = MembershipFactory().user
    hidden = PostFactory(visibility=Visibility.SPACE)
    shown = PostFactory(visibility=Visibility.SPACE, space=member.memberships.first().space)
    assert post_get(user=member, pk=shown.pk) == shown
    for pk in (hidden.pk, 10**19, shown.pk + 10_000):
        with pytest.raises(Http404):
            post_get(user=member, pk=pk)
    assert Content.objects.filter(pk=shown.pk).exists()
