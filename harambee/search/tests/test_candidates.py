"""The candidates each engine reads (one row per item, grouped from its matching
entries), on whichever database the suite runs on."""

from __future__ import annotations

import pytest
from django.db import connection

from harambee.core.models import Comment, Content
from harambee.core.tests.factories import CommentFactory, PostFactory
from harambee.search import backends, selectors, services
from harambee.search.models import Entry
from harambee.search.query import parse

pytestmark = pytest.mark.django_db


def candidates(user, text, limit=selectors.CANDIDATES):
    engine = backends.for_connection(connection)
    gated, params = selectors._gated_sql(user, selectors.Filters())
    with connection.cursor() as cursor:
        rows, _ = engine.candidates(cursor, gated, params, parse(text), limit)
    return {row[0]: row for row in rows}


def test_an_item_is_one_candidate_with_its_entries_counted_and_its_best_entry(cast):
    post = PostFactory(
        space=cast.space, visibility="public", title="Seed banks", body="About moringa."
    )
    CommentFactory(content=post, body="Our moringa hedges: moringa seed and moringa oil")
    CommentFactory(content=post, body="Nothing to see here")
    other = PostFactory(space=cast.space, visibility="public", title="Moringa")
    services.index_rebuild()
    rows = candidates(cast.anon, "moringa")
    assert set(rows) == {post.pk, other.pk}
    item_id, kind, space_id, score, newest, entries, best = rows[post.pk]
    assert (kind, space_id, entries) == (post.kind, cast.space.pk, 2)
    # The comment says it three times: its entry ranks above the item's own.
    comment = Comment.objects.get(content=post, body__startswith="Our")
    assert best == Entry.objects.get(comment=comment).pk
    assert rows[other.pk][5] == 1
    assert rows[other.pk][6] == Entry.objects.get(content=other, comment=None).pk
    # ``newest`` is only compared: the later item compares greater.
    assert Content.objects.get(pk=other.pk).created >= Content.objects.get(pk=post.pk).created
    assert rows[other.pk][4] >= newest


def test_the_bound_counts_entries_newest_first(cast):
    posts = [
        PostFactory(space=cast.space, visibility="public", title=f"Baobab {i}") for i in range(4)
    ]
    services.index_rebuild()
    rows = candidates(cast.anon, "baobab", limit=2)
    assert set(rows) == {posts[-1].pk, posts[-2].pk}


def test_the_count_for_suggestions_reads_the_same_entries(cast):
    post = PostFactory(space=cast.space, visibility="public", title="Cassava mills")
    CommentFactory(content=post, body="Cassava again")
    PostFactory(space=cast.space, visibility="public", title="Cassava flour")
    PostFactory(space=cast.space, visibility="space", title="Cassava for members")
    services.index_rebuild()
    engine = backends.for_connection(connection)
    gated, params = selectors._gated_sql(cast.anon, selectors.Filters())
    query = parse("cassava")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM ({engine.hits_sql(gated)}) counted",
            (*params, engine.match(query), False, 100),
        )
        counted = cursor.fetchone()[0]
    assert counted == len(candidates(cast.anon, "cassava")) == 2
