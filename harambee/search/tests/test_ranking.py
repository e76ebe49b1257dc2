"""SQLite's ranking of the candidates (``backends.bm25``) and its lookup of prefixes
in the index's vocabulary (``backends._fts5_match``)."""

from __future__ import annotations

import pytest
from django.db import connection

from harambee.core.tests.factories import PostFactory
from harambee.search import backends, services
from harambee.search.query import parse
from harambee.search.selectors import search
from harambee.search.tests import corpus


def ranked(texts, text):
    scores = backends.bm25(texts, parse(text))
    return sorted(range(len(texts)), key=lambda i: -scores[i])


def test_a_title_weighs_more_than_a_body():
    texts = [("Notes", "okra " * 3), ("Okra", "Notes from the field.")]
    assert ranked(texts, "okra") == [1, 0]


def test_a_shorter_entry_with_as_many_matches_ranks_higher():
    texts = [("Wells", "wells " + "and other words " * 40), ("Wells", "wells and pumps")]
    assert ranked(texts, "wells") == [1, 0]


def test_a_rarer_term_weighs_more():
    # "pumps" is in one candidate of four, "wells" in all: the pump entry wins even
    # though the other mentions wells more often.
    texts = [
        ("", "wells wells wells"),
        ("", "wells and pumps"),
        ("", "wells"),
        ("", "wells"),
    ]
    assert ranked(texts, "wells OR pumps")[0] == 1


def test_terms_are_counted_as_the_tokenizer_sees_them():
    count = backends._counter(("educ",), True)
    assert count(backends._fold("Educación, EDUCATION; coeducation")) == 2
    assert backends._counter(("rain",), False)(backends._fold("rain rainwater Rain.")) == 2
    phrase = backends._counter(("shade", "trees"), False)
    assert phrase(backends._fold("Shade-trees, shade  trees, shade treeses")) == 2


def test_no_terms_or_no_candidates_score_nothing():
    assert backends.bm25([], parse("rain")) == []
    assert backends.bm25([("a", "b")], parse("-rain")) == [0.0]


# On the database ---------------------------------------------------------------

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="FTS5's vocabulary: SQLite only"
)


def _rowids(match_sql, params):
    with connection.cursor() as cursor:
        cursor.execute(backends.SQLITE_TERMS)
        cursor.execute(
            f"SELECT rowid FROM search_fts WHERE search_fts MATCH {match_sql} ORDER BY rowid",
            params,
        )
        return [row[0] for row in cursor.fetchall()]


@sqlite_only
@pytest.mark.django_db
@pytest.mark.parametrize("text", [*sorted(corpus.EXPECTED), "rain OR educ -dam", "r", "ed"])
def test_prefixes_looked_up_in_the_vocabulary_match_as_fts5_prefixes_do(cast, text):
    corpus.build(cast.space, cast.space_lead)
    services.index_rebuild()
    query = parse(text)
    if not query:
        return
    assert _rowids(*backends._fts5_match(query)) == _rowids("%s", [query.to_fts5()])


def _expression(text):
    sql, params = backends._fts5_match(parse(text))
    with connection.cursor() as cursor:
        cursor.execute(backends.SQLITE_TERMS)
        cursor.execute(f"SELECT {sql}", params)
        return cursor.fetchone()[0]


@sqlite_only
@pytest.mark.django_db
def test_a_prefix_is_written_as_the_words_it_starts_unless_they_are_many(cast):
    words = [f"zqx{chr(ord('a') + i)}" for i in range(backends.PREFIX_WORDS + 1)]
    for word in words:
        PostFactory(space=cast.space, visibility="public", title=word, body="Zqya zqyb.")
    services.index_rebuild()
    assert _expression("zqy") == '("zqya" OR "zqyb")'
    assert _expression("ZQYA zqxa") == '("zqya") AND ("zqxa")'
    assert _expression("zqx") == '"zqx"*'  # more words than PREFIX_WORDS: FTS5's own
    assert _expression("zqz") == '"zqz"*'  # none
    assert _expression("zq") == '"zq"'  # two letters: not a prefix
    assert search(user=cast.anon, text="zqx").total == len(words)
    assert search(user=cast.anon, text="zqy").total == len(words)
    assert search(user=cast.anon, text="zqxa").total == 1


@sqlite_only
@pytest.mark.django_db
def test_searching_after_a_rebuild_in_the_same_connection(cast):
    post = PostFactory(space=cast.space, visibility="public", title="Moringa hedges")
    services.index_rebuild()
    assert [h.item.pk for h in search(user=cast.anon, text="moringa").hits] == [post.pk]
    services.index_rebuild()  # drops and recreates the FTS5 table
    assert [h.item.pk for h in search(user=cast.anon, text="moringa").hits] == [post.pk]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
@pytest.mark.django_db
def test_postgresql_keeps_detailed_statistics_on_the_documents():
    # Without them the planner guesses thousands of matches for a word no entry
    # holds and may walk every entry instead of asking the GIN index.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstattarget FROM pg_attribute "
            "WHERE attrelid = 'search_entry'::regclass AND attname = 'document'"
        )
        assert cursor.fetchone()[0] == backends.PG_STATISTICS_TARGET
