"""The two full-text engines, chosen by the database in use.

Both keep their index up to date with triggers on ``search_entry``, so the Python
code only writes ``Entry`` rows (one at a time, or in batches for a rebuild).

* SQLite: an FTS5 table ``search_fts`` with ``search_entry`` as its external content
  (the text is stored once), tokenizer ``unicode61 remove_diacritics 2``. The newest
  matching entries are read without FTS5's ``bm25()`` and ranked in Python by the
  same formula over those candidates (``bm25`` below: title weighing 10, body 1);
  prefixes are looked up in the index's vocabulary; snippets cut in Python
  (``highlight.py``).
* PostgreSQL: a ``document tsvector`` column (title weight A, body B) with a GIN
  index, text search configuration ``harambee_search`` (``simple`` plus ``unaccent``
  when the extension can be created), ranked by ``ts_rank_cd``; ``ts_headline``.

Text is cut at everything but letters and digits before PostgreSQL parses it, so
both engines see the same tokens (PostgreSQL would otherwise keep ``3.5`` or an
e-mail address whole).

Highlights come back between ``MARK_START`` and ``MARK_END``: control characters
that indexed text never holds (``services.plain`` strips them), so the page can
escape everything and then turn only these into ``<mark>``.
"""

# The SQL here is assembled from this module's constants, placeholders and the ORM's
# compiled gate; what people type only ever travels as a parameter.
# ruff: noqa: S608

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import Any

MARK_START = "\x02"
MARK_END = "\x03"
ELLIPSIS = "…"
SNIPPET_WORDS = 24

TSCONFIG = "harambee_search"

SQLITE_FTS = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, body, content='search_entry', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')"
)
SQLITE_RANK = "INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)')"
SQLITE_TRIGGERS = [
    """CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN
  INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END""",
    """CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN
  INSERT INTO search_fts(search_fts, rowid, title, body)
  VALUES ('delete', old.id, old.title, old.body);
END""",
    """CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN
  INSERT INTO search_fts(search_fts, rowid, title, body)
  VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_entry_ai",
    "DROP TRIGGER IF EXISTS search_entry_ad",
    "DROP TRIGGER IF EXISTS search_entry_au",
    "DROP TABLE IF EXISTS search_fts",
]

PG_DOCUMENT = (
    "setweight(to_tsvector('{cfg}', regexp_replace(coalesce({t}.title, ''), "
    "'[^[:alnum:]]+', ' ', 'g')), 'A') || "
    "setweight(to_tsvector('{cfg}', regexp_replace(coalesce({t}.body, ''), "
    "'[^[:alnum:]]+', ' ', 'g')), 'B')"
)
# The planner's statistics on the documents: see ``optimize``.
PG_STATISTICS_TARGET = 1000
PG_STATISTICS = (
    f"ALTER TABLE search_entry ALTER COLUMN document SET STATISTICS {PG_STATISTICS_TARGET}"
)
PG_SETUP = [
    "ALTER TABLE search_entry ADD COLUMN document tsvector",
    f"""CREATE FUNCTION search_entry_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.document := {PG_DOCUMENT.format(cfg=TSCONFIG, t="NEW")};
  RETURN NEW;
END $$""",
    """CREATE TRIGGER search_entry_document BEFORE INSERT OR UPDATE OF title, body
  ON search_entry FOR EACH ROW EXECUTE FUNCTION search_entry_document()""",
    "CREATE INDEX search_entry_document_gin ON search_entry USING gin (document)",
    PG_STATISTICS,
]
PG_DROP = [
    "DROP INDEX IF EXISTS search_entry_document_gin",
    "DROP TRIGGER IF EXISTS search_entry_document ON search_entry",
    "DROP FUNCTION IF EXISTS search_entry_document()",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS document",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {TSCONFIG}",
]
PG_UNACCENT_TYPES = "word, hword, hword_part, numword, numhword, hword_numpart"


def _pg_config(cursor: Any) -> None:
    """The ``harambee_search`` configuration: ``simple``, with ``unaccent`` first
    when the extension is installed or can be (it needs a superuser or a trusted
    extension; without it, accented and plain letters stay different)."""
    cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {TSCONFIG} (COPY = simple)")
    cursor.execute("SAVEPOINT search_unaccent")
    try:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    except Exception:  # noqa: BLE001 -- no permission or not shipped: document and go on
        cursor.execute("ROLLBACK TO SAVEPOINT search_unaccent")
        return
    cursor.execute("RELEASE SAVEPOINT search_unaccent")
    cursor.execute(
        f"ALTER TEXT SEARCH CONFIGURATION {TSCONFIG} "
        f"ALTER MAPPING FOR {PG_UNACCENT_TYPES} WITH unaccent, simple"
    )


def install(connection: Any) -> None:
    """Create the full-text index for ``connection`` (migration and tests)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(SQLITE_FTS)
            cursor.execute(SQLITE_RANK)
            for sql in SQLITE_TRIGGERS:
                cursor.execute(sql)
        elif connection.vendor == "postgresql":
            _pg_config(cursor)
            for sql in PG_SETUP:
                cursor.execute(sql)
        else:
            raise NotImplementedError(f"No search backend for {connection.vendor}.")


def uninstall(connection: Any) -> None:
    with connection.cursor() as cursor:
        for sql in SQLITE_DROP if connection.vendor == "sqlite" else PG_DROP:
            cursor.execute(sql)


def clear(connection: Any) -> None:
    """Empty the index and its entries quickly (the rebuild's first step)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # Deleting row by row through the trigger would tokenize every old text
            # again; dropping and recreating the FTS table is instant.
            for sql in SQLITE_DROP:
                cursor.execute(sql)
            cursor.execute("DELETE FROM search_entry")
            cursor.execute(SQLITE_FTS)
            cursor.execute(SQLITE_RANK)
            for sql in SQLITE_TRIGGERS:
                cursor.execute(sql)
        else:
            # Not TRUNCATE: it refuses while deferred foreign-key checks are pending.
            cursor.execute("DELETE FROM search_entry")


def optimize(connection: Any) -> None:
    """Merge the index's segments after a rebuild (SQLite); gather the statistics
    the planner needs (PostgreSQL)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        else:
            # PostgreSQL plans ``ORDER BY e.id DESC LIMIT n`` on its estimate of how
            # many entries a word matches. With the default statistics (100 most
            # common lexemes) it guessed 2,231 of 1.8 million entries for a word no
            # entry holds, and for a member (a costlier gate per row) chose to walk
            # every entry backwards instead of asking the GIN index: 0.5 s. With
            # 1,000 the guess is 560 and it asks the index: 0.2 ms. Set here too, so
            # that a database created before the setting gets it at its next rebuild;
            # autovacuum keeps using it.
            cursor.execute(
                "SELECT attstattarget FROM pg_attribute "
                "WHERE attrelid = 'search_entry'::regclass AND attname = 'document'"
            )
            if cursor.fetchone()[0] != PG_STATISTICS_TARGET:
                cursor.execute(PG_STATISTICS)
            cursor.execute("ANALYZE search_entry")


def index_bytes(connection: Any) -> int:
    """Bytes the full-text index takes (not the entries' text, which it points at)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN "
                "('search_fts_data', 'search_fts_idx', 'search_fts_docsize', "
                "'search_fts_config')"
            )
            return int(cursor.fetchone()[0])
        cursor.execute(
            "SELECT pg_relation_size('search_entry_document_gin') + "
            "coalesce((SELECT sum(pg_column_size(document)) FROM search_entry), 0)"
        )
        return int(cursor.fetchone()[0])


# Queries --------------------------------------------------------------------------
#
# ``gated`` is the SQL of ``visible(user, Content...)`` with the search filters, as
# a derived table of (id, kind, space_id, created): both databases flatten it into
# the join, so the gate is checked per matching row inside the one query.
#
# ``candidates`` returns, per item, (id, kind, space_id, score — higher is better,
# newest, entries, best entry) for the newest ``CANDIDATES`` matching entries the
# reader may see (newest by entry id, which the index walks in order without
# sorting). Ranking, the total, the facets and the page are made from those rows,
# read by one query (PostgreSQL ranks in it, the rows past its ``LIMIT``; SQLite
# ranks the rows in Python); both group them by item in Python.

# A comment is found while it is not removed, nor the comment it replies to (pages
# drop the replies of a removed comment with it): the parameter is False, and a
# parent's flag must equal the comment's.
_COMMENT_JOIN = (
    "LEFT JOIN core_comment cm ON cm.id = e.comment_id "
    "LEFT JOIN core_comment pm ON pm.id = cm.parent_id "
)
_COMMENT_ALIVE = (
    "(e.comment_id IS NULL OR (cm.removed = %s AND (pm.id IS NULL OR pm.removed = cm.removed)))"
)
# Entry id -> (comment id, title, body) of the candidates (SQLite; empty otherwise).
Texts = dict[int, tuple[int | None, str, str]]


class Sqlite:
    def match(self, query: Any) -> str:
        return query.to_fts5()

    def hits_sql(self, gated: str) -> str:
        """Per item (id, kind, space_id, 0, newest, entries, an entry id) for the
        newest ``limit`` matching entries through ``gated``: for counting (see
        ``suggest``). No score: SQLite's results are ranked by ``candidates``."""
        return (
            "SELECT id, kind, space_id, 0, MAX(created), COUNT(*), MAX(entry_id) FROM ("
            "SELECT c.id AS id, c.kind AS kind, c.space_id AS space_id, c.created AS created, "
            "e.id AS entry_id "
            "FROM search_fts JOIN search_entry e ON e.id = search_fts.rowid "
            f"JOIN ({gated}) c ON c.id = e.content_id "
            f"{_COMMENT_JOIN}"
            f"WHERE search_fts MATCH %s AND {_COMMENT_ALIVE} "
            "ORDER BY search_fts.rowid DESC LIMIT %s"
            ") GROUP BY id"
        )

    def candidates(
        self, cursor: Any, gated: str, gated_params: tuple[Any, ...], query: Any, limit: int
    ) -> tuple[list[tuple[Any, ...]], Texts]:
        """Per item (id, kind, space_id, score, newest, entries, best entry id) for
        the newest ``limit`` matching entries the reader may see, ranked by ``bm25``
        over those entries; and the text of every one of those entries, by id.

        Two queries (the first only makes sure the vocabulary table exists)."""
        cursor.execute(SQLITE_TERMS)
        match, match_params = _fts5_match(query)
        cursor.execute(
            # ``created`` as text: compared, never shown, so not parsed per row.
            "SELECT c.id, c.kind, c.space_id, CAST(c.created AS text), e.id, e.comment_id, "
            "e.title, e.body "
            "FROM search_fts JOIN search_entry e ON e.id = search_fts.rowid "
            f"JOIN ({gated}) c ON c.id = e.content_id "
            f"{_COMMENT_JOIN}"
            f"WHERE search_fts MATCH {match} AND {_COMMENT_ALIVE} "
            "ORDER BY search_fts.rowid DESC LIMIT %s",
            (*gated_params, *match_params, False, limit),
        )
        entries = cursor.fetchall()
        scores = bm25([(row[6], row[7]) for row in entries], query)
        items: dict[int, list[Any]] = {}
        texts: Texts = {}
        for (item_id, kind, space_id, created, entry_id, comment_id, title, body), score in zip(
            entries, scores, strict=True
        ):
            texts[entry_id] = (comment_id, title, body)
            row = items.get(item_id)
            if row is None:
                items[item_id] = [item_id, kind, space_id, score, created, 1, entry_id]
                continue
            row[5] += 1
            if score > row[3]:
                row[3], row[6] = score, entry_id
        return [tuple(row) for row in items.values()], texts

    def snippets(
        self, cursor: Any, query: Any, item_of: dict[int, int], texts: Texts
    ) -> dict[int, tuple[int | None, str, str]]:
        """Per item, (comment id, marked title, marked snippet) of the entries
        ``item_of`` names (entry id -> item id), cut in Python from the text the
        candidates brought (FTS5's ``snippet()`` would run the MATCH again for each)."""
        from harambee.search import highlight

        best = {}
        for entry_id, item_id in item_of.items():
            comment_id, title, body = texts[entry_id]
            best[item_id] = (
                comment_id,
                highlight.highlight_all(title or "", query),
                highlight.snippet(body or "", query),
            )
        return best


# FTS5's ``bm25()`` cannot be used on a large index: before the first row it counts,
# for every phrase of the query, all the entries that hold it (a word in most of 1.8
# million entries costs tens of ms, whatever the LIMIT). The candidates are ranked
# here instead, by the same formula over the candidates themselves: the title weighs
# 10 and the body 1, lengths are in characters, and each term's idf comes from the
# share of candidates holding it. Term frequencies are counted in the text, lower-
# cased and without diacritics, as the tokenizer sees it: a word (or a phrase's
# words, with anything but letters and digits between them) that starts a token, and
# ends one unless it is a prefix. FTS5's ``highlight()`` would count exactly as the
# index matched, but tokenizing every candidate's text again costs 2 ms per 1,000.
BM25_K1 = 1.2
BM25_B = 0.75
TITLE_WEIGHT = 10.0


def _fold(text: str) -> str:
    text = text.lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"[\W_]+".join(map(re.escape, words)))


def _counter(words: tuple[str, ...], prefix: bool) -> Callable[[str], int]:
    """How often a term occurs in one folded text."""
    return lambda text: sum(_occurrences([text], words, prefix))


def _occurrences(texts: list[str], words: tuple[str, ...], prefix: bool) -> list[int]:
    """How often a term occurs in each of ``texts`` (folded): one pass of a regular
    expression over all of them, joined, each match given to its text by offset."""
    counts = [0] * len(texts)
    joined = "\0".join(texts)
    if words[0] not in joined:
        return counts
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    end_of = len(joined)
    for m in _pattern(words).finditer(joined):
        start, end = m.span()
        if start and joined[start - 1].isalnum():
            continue
        if not prefix and end < end_of and joined[end].isalnum():
            continue
        counts[bisect_right(starts, start) - 1] += 1
    return counts


def bm25(texts: list[tuple[str, str]], query: Any) -> list[float]:
    """A score per (title, body) of the candidates, higher is better."""
    terms = sorted({(tuple(_fold(w) for w in t.words), t.prefix) for g in query.groups for t in g})
    if not texts or not terms:
        return [0.0] * len(texts)
    titles = [t.lower() if t.isascii() else _fold(t) for t, _ in texts]
    bodies = [b.lower() if b.isascii() else _fold(b) for _, b in texts]
    # Per term, per entry: the weighted term frequency.
    freqs = [
        [
            TITLE_WEIGHT * a + b
            for a, b in zip(
                _occurrences(titles, words, prefix),
                _occurrences(bodies, words, prefix),
                strict=True,
            )
        ]
        for words, prefix in terms
    ]
    total = len(texts)
    idfs = []
    for per_entry in freqs:
        holding = total - per_entry.count(0)
        idf = math.log((total - holding + 0.5) / (holding + 0.5))
        idfs.append(idf if idf > 0 else 1e-6)  # as FTS5's bm25()
    lengths = [len(t) + len(b) for t, b in zip(titles, bodies, strict=True)]
    average = max(sum(lengths) / total, 1.0)
    k1, b = BM25_K1, BM25_B
    norms = [k1 * (1 - b + b * length / average) for length in lengths]
    scores = [0.0] * total
    for idf, per_entry in zip(idfs, freqs, strict=True):
        for i, tf in enumerate(per_entry):
            if tf:
                scores[i] += idf * tf * (k1 + 1) / (tf + norms[i])
    return scores


# Prefixes ------------------------------------------------------------------------
#
# FTS5 answers ``"tok"*`` by merging, in memory, the whole doclist of every word that
# starts with ``tok`` before it returns the first row: a word in most entries costs
# 5–10 ms at a million items whatever the LIMIT. The words of the index that start
# with it are looked up instead (a few index seeks in an ``fts5vocab`` table, inside
# the search's own query) and OR-ed, which FTS5 walks lazily, newest first. When a
# prefix starts more than ``PREFIX_WORDS`` words, or none, ``"tok"*`` is kept.
PREFIX_WORDS = 12
SQLITE_TERMS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fts_terms "
    "USING fts5vocab(main, search_fts, 'instance')"
)
_STEP = (
    "SELECT term FROM temp.search_fts_terms WHERE term >= {lo} AND term < %s ORDER BY term LIMIT 1"
)
_EXPAND = (
    "(SELECT CASE WHEN count(*) BETWEEN 1 AND {n} "
    "THEN '(' || group_concat('\"' || term || '\"', ' OR ') || ')' ELSE %s END FROM ("
    "WITH RECURSIVE t(term) AS (SELECT ({first}) UNION ALL "
    "SELECT ({next}) FROM t WHERE t.term IS NOT NULL) "
    "SELECT term FROM t WHERE term IS NOT NULL LIMIT {more}))"
).format(
    n=PREFIX_WORDS,
    more=PREFIX_WORDS + 1,
    first=_STEP.format(lo="%s"),
    # The next word: past every word that starts with this one and a character that
    # no token holds.
    next=_STEP.format(lo="t.term || char(1)"),
)
_SLOT = "\x01"


def _fts5_match(query: Any) -> tuple[str, list[Any]]:
    """The MATCH argument as SQL (with parameters): the query's expression, in which
    each prefix term is looked up in the vocabulary."""
    slots: list[Any] = []

    def prefix(term: Any) -> str:
        (word,) = term.words
        folded = _fold(word)
        native = f'"{word}"*'
        if not (folded.isascii() and folded.isalnum()):
            return native  # where the tokenizer might fold otherwise, FTS5 itself
        slots.append((native, folded))
        return f"{_SLOT}{len(slots) - 1}{_SLOT}"

    expression = query.to_fts5(prefix=prefix)
    if not slots:
        return "%s", [expression]
    sql: list[str] = []
    params: list[Any] = []
    for i, piece in enumerate(expression.split(_SLOT)):
        if i % 2 == 0:
            if piece:
                sql.append("%s")
                params.append(piece)
            continue
        native, folded = slots[int(piece)]
        high = folded + "\U0010ffff"
        sql.append(_EXPAND)
        params += [native, folded, high, high]
    return "(" + " || ".join(sql) + ")", params


# Cover density (near words count more, so a phrase in a title wins), divided by
# 1 + log(length) as bm25 also weighs length; title weight A, body B. Computed only
# for the entries the walk's ``LIMIT`` lets through (the walk carries each one's
# document and the query out): in the walk itself, a plan that gathers and sorts the
# matches (a word in a few thousand entries) ranked every match before the sort,
# 7 ms of 23 for ``savings groups`` at 100k items.
PG_RANK = "ts_rank_cd(h.document, h.q, 1)"


class Postgres:
    def match(self, query: Any) -> str:
        return query.to_tsquery()

    def _walk_sql(self, gated: str) -> str:
        """The newest ``limit`` matching entries through ``gated``, with each one's
        item, ``created``, document and the query (parameters: the gate's, the
        match, False, the limit)."""
        return (
            "SELECT c.id, c.kind, c.space_id, c.created, e.id AS entry_id, e.document, q "
            f"FROM search_entry e JOIN ({gated}) c ON c.id = e.content_id "
            f"{_COMMENT_JOIN}"
            f"CROSS JOIN to_tsquery('{TSCONFIG}', %s) q "
            f"WHERE e.document @@ q AND {_COMMENT_ALIVE} "
            "ORDER BY e.id DESC LIMIT %s"
        )

    def hits_sql(self, gated: str) -> str:
        """Per item (id, kind, space_id, 0, newest, entries, an entry id) for the
        newest ``limit`` matching entries through ``gated``: for counting (see
        ``suggest``). No score: results are ranked by ``candidates``."""
        return (
            "SELECT id, kind, space_id, 0, MAX(created), COUNT(*), MAX(entry_id) "
            f"FROM ({self._walk_sql(gated)}) h GROUP BY id, kind, space_id"
        )

    def candidates(
        self, cursor: Any, gated: str, gated_params: tuple[Any, ...], query: Any, limit: int
    ) -> tuple[list[tuple[Any, ...]], Texts]:
        """Per item (id, kind, space_id, score, newest, entries, best entry id) for
        the newest ``limit`` matching entries the reader may see, ranked by
        ``ts_rank_cd``. One query, one row per entry, grouped by item here (grouping
        in SQL cost 0.5 ms more for 500 entries); ``created`` comes as seconds since
        the epoch (only compared, so not parsed into a datetime per entry)."""
        cursor.execute(
            "SELECT h.id, h.kind, h.space_id, "
            "CAST(extract(epoch FROM h.created) AS double precision), h.entry_id, "
            f"{PG_RANK} FROM ({self._walk_sql(gated)}) h",
            (*gated_params, self.match(query), False, limit),
        )
        items: dict[int, list[Any]] = {}
        for item_id, kind, space_id, created, entry_id, score in cursor.fetchall():
            row = items.get(item_id)
            if row is None:
                items[item_id] = [item_id, kind, space_id, score, created, 1, entry_id]
                continue
            row[5] += 1  # ``created`` is the item's own, the same on each of its entries
            if score > row[3]:
                row[3], row[6] = score, entry_id
        return [tuple(row) for row in items.values()], {}

    def snippets(
        self, cursor: Any, query: Any, item_of: dict[int, int], texts: Texts
    ) -> dict[int, tuple[int | None, str, str]]:
        """Per item, (comment id, marked title, marked snippet) of the entries
        ``item_of`` names (entry id -> item id), by ``ts_headline``. One query."""
        if not item_of:
            return {}
        cursor.execute(self.snippet_sql(len(item_of)), (self.match(query), *item_of))
        return {
            item_of[entry_id]: (comment_id, title or "", text or "")
            for entry_id, comment_id, title, text in cursor.fetchall()
        }

    def snippet_sql(self, n: int) -> str:
        """Title and snippet of ``n`` entries, by id (the match text given once)."""
        ids = ", ".join(["%s"] * n)
        opts_title = f"HighlightAll=true, StartSel={MARK_START}, StopSel={MARK_END}"
        opts_body = (
            f"MaxWords={SNIPPET_WORDS}, MinWords=8, MaxFragments=2, "
            f'FragmentDelimiter=" {ELLIPSIS} ", StartSel={MARK_START}, StopSel={MARK_END}'
        )
        return (
            # Only placeholders and this module's constants are formatted in.
            "SELECT e.id, e.comment_id, "
            f"ts_headline('{TSCONFIG}', e.title, q, '{opts_title}'), "
            f"ts_headline('{TSCONFIG}', e.body, q, '{opts_body}') "
            f"FROM search_entry e CROSS JOIN to_tsquery('{TSCONFIG}', %s) q "
            f"WHERE e.id IN ({ids})"
        )


def for_connection(connection: Any) -> Sqlite | Postgres:
    return Sqlite() if connection.vendor == "sqlite" else Postgres()
