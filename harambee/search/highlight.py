"""Marks the query's words in a text and cuts a snippet around the first of them.

Used for SQLite, where FTS5's ``snippet()`` must run the whole MATCH again for each
shown entry (at a million items that cost more than the search). Words are compared
as the tokenizer compares them: lower-cased, without diacritics; bare words of the
query also match as prefixes. Marks are ``backends.MARK_START``/``MARK_END``.
"""

from __future__ import annotations

import re
import unicodedata

from harambee.search.backends import ELLIPSIS, MARK_END, MARK_START, SNIPPET_WORDS
from harambee.search.query import Query

_TOKEN = re.compile(r"[^\W_]+")


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _wanted(query: Query) -> tuple[set[str], tuple[str, ...]]:
    exact: set[str] = set()
    prefixes: list[str] = []
    for group in query.groups:
        for term in group:
            for word in term.words:
                if term.prefix:
                    prefixes.append(fold(word))
                else:
                    exact.add(fold(word))
    return exact, tuple(prefixes)


def _spans(text: str, query: Query) -> tuple[list[tuple[int, int]], list[bool]]:
    exact, prefixes = _wanted(query)
    spans, hit = [], []
    for m in _TOKEN.finditer(text):
        word = fold(m.group())
        spans.append(m.span())
        hit.append(word in exact or (bool(prefixes) and word.startswith(prefixes)))
    return spans, hit


def _marked(text: str, spans: list[tuple[int, int]], hit: list[bool], a: int, b: int) -> str:
    """``text`` from token ``a`` to token ``b`` (exclusive), matches marked."""
    out, pos = [], spans[a][0]
    for i in range(a, b):
        start, end = spans[i]
        out.append(text[pos:start])
        out.append(f"{MARK_START}{text[start:end]}{MARK_END}" if hit[i] else text[start:end])
        pos = end
    return "".join(out)


def highlight_all(text: str, query: Query) -> str:
    spans, hit = _spans(text, query)
    if not spans:
        return text
    return text[: spans[0][0]] + _marked(text, spans, hit, 0, len(spans)) + text[spans[-1][1] :]


def snippet(text: str, query: Query, words: int = SNIPPET_WORDS) -> str:
    """About ``words`` words of ``text`` around its first match, marked."""
    spans, hit = _spans(text, query)
    if not spans:
        return ""
    first = hit.index(True) if True in hit else 0
    a = max(0, first - words // 4)
    b = min(len(spans), a + words)
    a = max(0, b - words)
    body = _marked(text, spans, hit, a, b)
    return (ELLIPSIS if a > 0 else "") + body + (ELLIPSIS if b < len(spans) else "")
