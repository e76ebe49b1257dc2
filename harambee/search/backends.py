"""The two full-text engines, chosen by the database in use.

Both keep their index up to date with triggers on ``search_entry``, so the Python
code only writes ``Entry`` rows (one at a time, or in batches for a rebuild).

* SQLite: an FTS5 table ``search_fts`` with ``search_entry`` as its external content
  (the text is stored once), tokenizer ``unicode61 remove_diacritics 2``, ranked by
  ``bm25`` with the title weighing 10 and the body 1; snippets cut in Python
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
    """Merge the index's segments after a rebuild."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        else:
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
# ``hits_sql`` returns, per item, (id, kind, space_id, score — higher is better,
# newest, entries) for the newest ``CANDIDATES`` matching entries the reader may see
# (newest by entry id, which the index walks in order without sorting). Ranking,
# the total, the facets and the page are made from those rows, in one query.

_COMMENT_ALIVE = "(e.comment_id IS NULL OR cm.removed = %s)"


class Sqlite:
    def match(self, query: Any) -> str:
        return query.to_fts5()

    def hits_sql(self, gated: str) -> str:
        return (
            # entry_id is a bare column: SQLite takes it from the row with MIN(score).
            "SELECT id, kind, space_id, -MIN(score), MAX(created), COUNT(*), entry_id FROM ("
            "SELECT c.id AS id, c.kind AS kind, c.space_id AS space_id, c.created AS created, "
            "e.id AS entry_id, bm25(search_fts, 10.0, 1.0) AS score "
            "FROM search_fts JOIN search_entry e ON e.id = search_fts.rowid "
            f"JOIN ({gated}) c ON c.id = e.content_id "
            "LEFT JOIN core_comment cm ON cm.id = e.comment_id "
            f"WHERE search_fts MATCH %s AND {_COMMENT_ALIVE} "
            "ORDER BY search_fts.rowid DESC LIMIT %s"
            ") GROUP BY id"
        )

    def snippet_sql(self, n: int) -> tuple[str, int]:
        """The text of ``n`` entries, by id: snippets are cut in Python
        (``highlight.py``), since FTS5's ``snippet()`` would run the MATCH again for
        each entry, which costs more than the search itself on a large index."""
        ids = ", ".join(["%s"] * n)
        return f"SELECT id, comment_id, title, body FROM search_entry WHERE id IN ({ids})", -1


# Cover density (near words count more, so a phrase in a title wins), divided by
# 1 + log(length) as bm25 also weighs length; title weight A, body B.
PG_RANK = "ts_rank_cd(e.document, q, 1)"


class Postgres:
    def match(self, query: Any) -> str:
        return query.to_tsquery()

    def hits_sql(self, gated: str) -> str:
        return (
            "SELECT id, kind, space_id, MAX(score), MAX(created), COUNT(*), "
            "(array_agg(entry_id ORDER BY score DESC))[1] FROM ("
            f"SELECT c.id, c.kind, c.space_id, c.created, e.id AS entry_id, {PG_RANK} AS score "
            f"FROM search_entry e JOIN ({gated}) c ON c.id = e.content_id "
            "LEFT JOIN core_comment cm ON cm.id = e.comment_id "
            f"CROSS JOIN to_tsquery('{TSCONFIG}', %s) q "
            f"WHERE e.document @@ q AND {_COMMENT_ALIVE} "
            "ORDER BY e.id DESC LIMIT %s"
            ") h GROUP BY id, kind, space_id"
        )

    def snippet_sql(self, n: int) -> tuple[str, int]:
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
        ), 0


def for_connection(connection: Any) -> Sqlite | Postgres:
    return Sqlite() if connection.vendor == "sqlite" else Postgres()
