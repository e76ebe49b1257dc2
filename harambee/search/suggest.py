"""Spelling suggestions ("Did you mean"), offered only when this reader would find them.

When a search finds nothing or very little (fewer than ``SUGGEST_BELOW`` hits), each
word of the query (not an excluded word, not a word of one or two letters, not a
number; at most ``MAX_WORDS``) is compared with the index's vocabulary: the words that
begin like it (``starts``), are about as long, and lie within an edit distance of 1
(words of 3 to 5 letters) or 2 (longer words), a swap of two neighbours counting as
one edit. The vocabulary is the whole index's, so it holds words of items this reader
may not see: it only proposes candidates, and nothing read from it is ever cut short,
capped or chosen from before the gate has filtered it.

1. One query reads the candidates from the vocabulary (``search_vocab``: an FTS5
   ``fts5vocab`` table on SQLite, a table kept by triggers on PostgreSQL): every word
   of the typed word's buckets (a beginning, a length band), with no limit; all those
   within reach are candidates.
2. One query reads, *through the gate* and the page's filters (the search's own gate
   and comment conditions), per typed word the newest ``SAMPLE`` entries this reader
   may see that hold the word (as searched) or any of its candidates, with their text.
   The bound applies after the gate, so only entries the reader may see fill it. The
   texts are cut into tokens as the index cuts them (letters and digits, lower case,
   without diacritics), which tells how many of the reader's items hold the word and
   each candidate. A word is replaced by its nearest candidate that this reader finds
   more than twice as often as the word (among equally near ones, the one found most).
3. One query counts the corrected query as a whole, through the gate: it is offered
   only if it finds more than the query typed.

So which suggestion a reader gets depends only on what that reader may see: a word
that occurs only where they may not look is counted 0 times in step 2, whatever its
place in the vocabulary, and can neither be offered nor push a visible candidate
aside; a typed word held only by hidden items counts 0 as well. The corrected query
keeps what was typed (quotes, ``OR``, ``-word``, spacing, the case of each word); only
the replaced words change.
"""

# The SQL here is assembled from this module's constants, placeholders, the
# engine's queries and the ORM's compiled gate; words only travel as parameters.
# ruff: noqa: S608

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection

from harambee.search import backends, selectors
from harambee.search.backends import _COMMENT_ALIVE, _COMMENT_JOIN, TSCONFIG
from harambee.search.query import _PIECE, _TOKEN, MIN_PREFIX, Query, Term, parse

# Suggest only when the query found fewer hits than this.
SUGGEST_BELOW = 3
# Words of the query looked at.
MAX_WORDS = 4
# Entries the reader may see read per typed word in step 2 (newest first).
SAMPLE = 100
# The corrected query's count reads at most this many matching entries.
COUNT_LIMIT = 100

SQLITE_VOCAB = "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row')"
SQLITE_VOCAB_DROP = "DROP TABLE IF EXISTS search_vocab"

# PostgreSQL: one row per lexeme of ``search_entry.document`` with the number of
# entries holding it, kept by statement-level triggers (one upsert per statement,
# whatever the number of rows: a rebuild's batches cost one each). Terms are upserted
# in order, so concurrent writers lock them in the same order; a term reaching 0 is
# deleted. "C" collation: ranges compare code points, as FTS5 does.
_PG_UPSERT = """WITH d AS (
    SELECT t AS term, sum(n)::integer AS n FROM ({changes}) c(t, n) GROUP BY t HAVING sum(n) <> 0
  ), up AS (
    INSERT INTO search_vocab AS v (term, doc) SELECT term, n FROM d ORDER BY term
    ON CONFLICT (term) DO UPDATE SET doc = v.doc + excluded.doc
    RETURNING v.term, v.doc
  )
  SELECT array_agg(term) INTO gone FROM up WHERE doc <= 0;"""
_PG_NEW = "SELECT t, 1 FROM new_rows, unnest(tsvector_to_array(new_rows.document)) t"
_PG_OLD = "SELECT t, -1 FROM old_rows, unnest(tsvector_to_array(old_rows.document)) t"
PG_VOCAB = [
    'CREATE TABLE search_vocab (term text COLLATE "C" PRIMARY KEY, doc integer NOT NULL)',
    f"""CREATE FUNCTION search_vocab_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  gone text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    {_PG_UPSERT.format(changes=_PG_NEW)}
  ELSIF TG_OP = 'DELETE' THEN
    {_PG_UPSERT.format(changes=_PG_OLD)}
  ELSE
    {_PG_UPSERT.format(changes=_PG_NEW + " UNION ALL " + _PG_OLD)}
  END IF;
  IF gone IS NOT NULL THEN
    DELETE FROM search_vocab WHERE term = ANY(gone) AND doc <= 0;
  END IF;
  RETURN NULL;
END $$""",
    """CREATE TRIGGER search_vocab_insert AFTER INSERT ON search_entry
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION search_vocab_count()""",
    """CREATE TRIGGER search_vocab_update AFTER UPDATE ON search_entry
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION search_vocab_count()""",
    """CREATE TRIGGER search_vocab_delete AFTER DELETE ON search_entry
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION search_vocab_count()""",
    """INSERT INTO search_vocab (term, doc)
  SELECT t, count(*) FROM search_entry, unnest(tsvector_to_array(document)) t GROUP BY t""",
]
PG_VOCAB_DROP = [
    "DROP TRIGGER IF EXISTS search_vocab_insert ON search_entry",
    "DROP TRIGGER IF EXISTS search_vocab_update ON search_entry",
    "DROP TRIGGER IF EXISTS search_vocab_delete ON search_entry",
    "DROP FUNCTION IF EXISTS search_vocab_count()",
    "DROP TABLE IF EXISTS search_vocab",
]


def install(conn: Any) -> None:
    """Create the vocabulary for ``conn`` (this app's migration)."""
    with conn.cursor() as cursor:
        if conn.vendor == "sqlite":
            cursor.execute(SQLITE_VOCAB)
        else:
            for sql in PG_VOCAB:
                cursor.execute(sql)


def uninstall(conn: Any) -> None:
    with conn.cursor() as cursor:
        for sql in [SQLITE_VOCAB_DROP] if conn.vendor == "sqlite" else PG_VOCAB_DROP:
            cursor.execute(sql)


@dataclass
class Suggestion:
    text: str  # the corrected query, as it goes in the search box
    words: list[tuple[str, bool]]  # its pieces, each marked True if replaced


def fold(word: str) -> str:
    """A token as the index holds it: lower case, without diacritics."""
    lowered = word.lower()
    if lowered.isascii():  # most words: nothing to take off
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def reach(word: str) -> int:
    """The edit distance a word of this length may be corrected over."""
    if len(word) < MIN_PREFIX or word.isdigit():
        return 0
    return 1 if len(word) <= 5 else 2


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance of ``a`` and ``b`` (insertions, deletions, substitutions and
    swaps of neighbours), or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    # Common beginnings and ends cost nothing.
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a -= 1
        end_b -= 1
    a, b = a[max(0, start - 1) : end_a], b[max(0, start - 1) : end_b]
    big = limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [big] * len(b)
        low = max(1, i - limit)
        high = min(len(b), i + limit)
        for j in range(low, high + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current[low - 1 : high + 1]) > limit:
            return big
        previous2, previous = previous, current
    return min(previous[len(b)], big)


def starts(word: str) -> list[str]:
    """The beginnings a correction of ``word`` may have: its first two letters; its
    first and third (a swap, or a letter too many, in second place); its second and
    first (the first two swapped). A word whose first two letters are both wrong is
    not corrected."""
    found = [word[:2], word[0] + word[2], word[1] + word[0]]
    return sorted(set(found), key=found.index)


def _buckets(starts_: list[str]) -> dict[str, list[str]]:
    """Every vocabulary word beginning with each of ``starts_`` (two letters). One
    query for those not in the cache (kept ``SEARCH_VOCABULARY_CACHE_SECONDS``: the
    vocabulary table counts each word's entries as it lists them, tens of ms for a
    beginning with common words at a million items)."""
    seconds = settings.SEARCH_VOCABULARY_CACHE_SECONDS
    keys = {start: f"harambee:search-vocab:{start.encode().hex()}" for start in starts_}
    found: dict[str, list[str]] = {}
    if seconds:
        cached = cache.get_many(list(keys.values()))
        found = {start: cached[key] for start, key in keys.items() if key in cached}
    missing = [start for start in starts_ if start not in found]
    if missing:
        parts: list[str] = []
        params: list[Any] = []
        for i, start in enumerate(missing):
            end = start[:-1] + chr(ord(start[-1]) + 1)
            parts.append("SELECT %s, term FROM search_vocab WHERE term >= %s AND term < %s")
            params += [i, start, end]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            rows = cursor.fetchall()
        for start in missing:
            found[start] = []
        for i, term in rows:
            found[missing[i]].append(term)
        if seconds:
            cache.set_many({keys[start]: found[start] for start in missing}, seconds)
    return found


def _candidates(words: dict[str, bool]) -> dict[str, list[tuple[int, str]]]:
    """Per word, every vocabulary word within its reach as (distance, word), nearest
    first (then closest in length, then alphabetical). At most one query. Every word
    of the buckets is read: nothing here is bounded by, or chosen among, words that
    hidden items may hold."""
    beginnings = {word: starts(word) for word in words}
    buckets = _buckets(sorted({s for found in beginnings.values() for s in found}))
    near: dict[str, set[tuple[int, int, str]]] = {w: set() for w in words}
    for word, own in beginnings.items():
        limit = reach(word)
        low, high = len(word) - limit, len(word) + limit
        for start in own:
            for term in buckets[start]:
                # Only tokens (as the index cuts them) travel into a match expression.
                if (
                    low <= len(term) <= high
                    and term != word
                    and _TOKEN.fullmatch(term)
                    and (d := distance(word, term, limit)) <= limit
                ):
                    near[word].add((d, abs(len(term) - len(word)), term))
    return {word: [(d, term) for d, _, term in sorted(found)] for word, found in near.items()}


def _sample_sql(vendor: str, gated: str) -> str:
    """Per typed word (its number first), the content id, title and body of the newest
    ``SAMPLE`` matching entries through ``gated`` and the search's comment conditions:
    the bound comes after the gate."""
    if vendor == "sqlite":
        return (
            "SELECT * FROM (SELECT %s, e.content_id, e.title, e.body "
            "FROM search_fts JOIN search_entry e ON e.id = search_fts.rowid "
            f"JOIN ({gated}) c ON c.id = e.content_id "
            f"{_COMMENT_JOIN}"
            f"WHERE search_fts MATCH %s AND {_COMMENT_ALIVE} "
            "ORDER BY search_fts.rowid DESC LIMIT %s) s"
        )
    return (
        "SELECT * FROM (SELECT %s, e.content_id, e.title, e.body "
        f"FROM search_entry e JOIN ({gated}) c ON c.id = e.content_id "
        f"{_COMMENT_JOIN}"
        f"CROSS JOIN to_tsquery('{TSCONFIG}', %s) q "
        f"WHERE e.document @@ q AND {_COMMENT_ALIVE} "
        "ORDER BY e.id DESC LIMIT %s) s"
    )


def _tokens(text: str | None) -> set[str]:
    """The tokens of ``text`` as the index holds them: runs of letters and digits,
    lower case, without diacritics."""
    return {fold(token) for token in set(_TOKEN.findall(text or ""))}


def _seen(
    gated: tuple[str, tuple[Any, ...]],
    words: dict[str, bool],
    near: dict[str, list[tuple[int, str]]],
) -> dict[tuple[str, str], int]:
    """Per (word, the word itself or one of its candidates), how many items the reader
    may see hold it, among the newest ``SAMPLE`` entries they may see that hold the
    word (as searched: a beginning, if it is one) or a candidate. One query."""
    engine = backends.for_connection(connection)
    sql, gated_params = gated
    listed = [word for word in words if near[word]]
    parts: list[str] = []
    params: list[Any] = []
    for i, word in enumerate(listed):
        terms = [_single(word, words[word]).groups[0][0]]
        terms += [Term((candidate,)) for _, candidate in near[word]]
        parts.append(_sample_sql(connection.vendor, sql))
        params += [i, *gated_params, engine.match(Query(groups=[terms])), False, SAMPLE]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    # Per word, per item: the tokens of its entries read.
    held: list[dict[int, set[str]]] = [{} for _ in listed]
    for i, item_id, title, body in rows:
        held[i].setdefault(item_id, set()).update(_tokens(title), _tokens(body))
    seen: dict[tuple[str, str], int] = {}
    for i, word in enumerate(listed):
        items = held[i].values()
        if words[word] and len(word) >= MIN_PREFIX:
            seen[(word, word)] = sum(any(t.startswith(word) for t in ts) for ts in items)
        else:
            seen[(word, word)] = sum(word in ts for ts in items)
        for _, candidate in near[word]:
            seen[(word, candidate)] = sum(candidate in ts for ts in items)
    return seen


def _counts(gated: tuple[str, tuple[Any, ...]], queries: list[Query]) -> list[int]:
    """How many items each query finds through ``gated`` (the gate and the filters,
    compiled by ``selectors``), reading at most ``COUNT_LIMIT`` matching entries
    each; one SQL query, made of the very query ``selectors.search`` runs."""
    engine = backends.for_connection(connection)
    sql, gated_params = gated
    one = f"(SELECT COUNT(*) FROM ({engine.hits_sql(sql)}) counted)"
    params: list[Any] = []
    for query in queries:
        # As ``selectors.search`` passes them: the gate, the match, the "removed"
        # flag a comment must not have, the bound on entries read.
        params += [*gated_params, engine.match(query), False, COUNT_LIMIT]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join([one] * len(queries)), params)
        return [int(n) for n in cursor.fetchone()]


def _single(word: str, prefix: bool) -> Query:
    return Query(groups=[[Term((word,), prefix=prefix and len(word) >= MIN_PREFIX)]])


def _cased(typed: str, word: str) -> str:
    if typed.isupper():
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def rewrite(text: str, replace: dict[str, str]) -> list[tuple[str, bool]]:
    """``text`` in pieces, with the words of ``replace`` (folded) replaced wherever
    they are not excluded; each piece is marked True if replaced. Walks the text as
    ``query.parse`` does."""
    pieces: list[tuple[str, bool]] = []
    at = 0

    def put(start: int, end: int) -> None:
        nonlocal at
        for token in _TOKEN.finditer(text, start, end):
            new = replace.get(fold(token.group()))
            if new is not None:
                pieces.append((text[at : token.start()], False))
                pieces.append((_cased(token.group(), new), True))
                at = token.end()

    for match in _PIECE.finditer(text):
        negate, word = match.group(1), match.group(3)
        if word is not None:
            if word == "OR" or (word.startswith("-") and len(word) > 1):
                continue
            put(*match.span(3))
        elif not negate:
            put(*match.span(2))
    pieces.append((text[at:], False))
    return [(piece, replaced) for piece, replaced in pieces if piece]


def suggest(
    *, user: Any, text: str, filters: selectors.Filters | None = None, found: int = 0
) -> Suggestion | None:
    """A corrected ``text`` that finds more than ``found`` hits for ``user`` with
    ``filters``, or None. Costs at most three queries (four with a country filter,
    which reads the initiatives)."""
    query = parse(text)
    words: dict[str, bool] = {}  # folded word -> searched as a prefix
    for group in query.groups:
        for term in group:
            for word in map(fold, term.words):
                if reach(word) and word not in words and len(words) < MAX_WORDS:
                    words[word] = term.prefix
    if not words:
        return None
    try:
        gated = selectors._gated_sql(user, filters or selectors.Filters())
    except EmptyResultSet:  # a filter no item can pass
        return None
    near = _candidates(words)
    if not any(near.values()):
        return None
    # Step 2: how many of the items the reader may see hold each word and each of
    # its candidates.
    seen = _seen(gated, words, near)
    replace: dict[str, str] = {}
    for word, candidates in near.items():
        own = seen.get((word, word), 0)
        # The nearest candidate the reader finds more than twice as often as the
        # word; among equally near ones, the one found most.
        better = [
            (d, -seen[(word, c)], c) for d, c in candidates if seen.get((word, c), 0) > 2 * own
        ]
        if better:
            replace[word] = min(better)[2]
    if not replace:
        return None
    pieces = rewrite(text, replace)
    corrected = "".join(piece for piece, _ in pieces)
    # Step 3: the corrected query as a whole, through the gate.
    (total,) = _counts(gated, [parse(corrected)])
    if total <= found:
        return None
    return Suggestion(text=corrected, words=pieces)
