"""The search box's little language, parsed once and written out for each backend.

``water "rain harvesting" OR wells -dam`` means: ``water`` and (the phrase
``rain harvesting`` or ``wells``) and not ``dam``. OR binds tighter than the implied
AND, as in web search engines. A bare word of three letters or more also matches as a
prefix (``LEAK`` finds ``LEAK12X``); phrases match exactly.

Words are cut into tokens the way SQLite's ``unicode61`` tokenizer does: runs of
letters and digits, everything else separates. A token holds nothing but letters and
digits, so the expressions written below can never carry an operator, a quote or a
syntax error from the user's text, whatever was typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
MIN_PREFIX = 3

_TOKEN = re.compile(r"[^\W_]+")
# A quoted phrase (closing quote optional), or a run of anything but space and quotes.
_PIECE = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def tokens(text: str) -> list[str]:
    """Letters-and-digits runs of ``text``, lower-cased."""
    return [t.lower() for t in _TOKEN.findall(text)]


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or a phrase of several
    prefix: bool = False


@dataclass
class Query:
    groups: list[list[Term]] = field(default_factory=list)  # AND of ORs
    excluded: list[Term] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.groups)

    def words(self) -> list[str]:
        return [w for group in self.groups for term in group for w in term.words]

    def to_fts5(self, prefix: Callable[[Term], str] | None = None) -> str:
        """A MATCH expression for SQLite FTS5: every token double-quoted. A prefix
        term is written ``"tok"*``, or as ``prefix(term)`` says when given (the SQLite
        backend puts the index's own words there, see ``backends``)."""

        def term(t: Term) -> str:
            if t.prefix and prefix is not None:
                return prefix(t)
            return '"' + " ".join(t.words) + '"' + ("*" if t.prefix else "")

        def group(g: list[Term]) -> str:
            return term(g[0]) if len(g) == 1 else "(" + " OR ".join(map(term, g)) + ")"

        expr = " AND ".join(group(g) for g in self.groups)
        for t in self.excluded:
            expr = f"({expr}) NOT {term(t)}"
        return expr

    def to_tsquery(self) -> str:
        """Text for PostgreSQL's ``to_tsquery``: every lexeme single-quoted."""

        def term(t: Term) -> str:
            return " <-> ".join(f"'{w}'" + (":*" if t.prefix else "") for w in t.words)

        def group(g: list[Term]) -> str:
            return "(" + " | ".join(f"({term(t)})" for t in g) + ")"

        expr = " & ".join(group(g) for g in self.groups)
        for t in self.excluded:
            expr = f"({expr}) & !({term(t)})"
        return expr


def parse(text: str) -> Query:
    """Parse what someone typed. Never fails: what cannot be read is left out."""
    query = Query()
    pending_or = False
    count = 0
    for match in _PIECE.finditer(text[:MAX_QUERY_CHARS]):
        if count >= MAX_TERMS:
            break
        negate, phrase, word = match.group(1), match.group(2), match.group(3)
        if word is not None:
            if word == "OR":
                pending_or = bool(query.groups)
                continue
            negate = "-" if word.startswith("-") and len(word) > 1 else ""
            words = tokens(word)
            # A hyphenated word is a phrase of its parts, as the tokenizer indexed it.
            is_phrase = len(words) > 1
        else:
            words = tokens(phrase)
            is_phrase = True
        if not words:
            continue
        count += 1
        prefix = not is_phrase and len(words[0]) >= MIN_PREFIX
        term = Term(tuple(words), prefix=prefix)
        if negate:
            query.excluded.append(Term(tuple(words)))
            pending_or = False
        elif pending_or and query.groups:
            query.groups[-1].append(term)
            pending_or = False
        else:
            query.groups.append([term])
    return query
