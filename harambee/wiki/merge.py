"""Three-way merge of page text (diff3), as pure functions.

Two people who opened the editor on the same revision (the *base*) and saved
different texts (*mine*, *theirs*) get one merged text when their changes do
not overlap. Lines are merged first; where both sides changed the same lines,
the words inside those lines are merged, so two people editing different
sentences of one long Markdown paragraph still merge cleanly. What still
clashes is kept from both sides between conflict markers: nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher

_WORDS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)

MINE_MARK = "<<<<<<<"
SPLIT_MARK = "======="
THEIRS_MARK = ">>>>>>>"


@dataclass(frozen=True)
class Hunk:
    """One change of one side against the base: base[start:end] became ``new``."""

    start: int
    end: int
    new: tuple[str, ...]
    side: int  # 0 mine, 1 theirs


@dataclass(frozen=True)
class Conflict:
    base: list[str]
    mine: list[str]
    theirs: list[str]


Piece = list[str] | Conflict


@dataclass
class Merged:
    text: str
    # (mine, theirs) of every region that could not be merged.
    conflicts: list[tuple[str, str]] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


def lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def words(text: str) -> list[str]:
    """Words, runs of whitespace and single other characters; joined, they give
    back ``text`` exactly."""
    return _WORDS.findall(text)


def hunks(base: list[str], other: list[str], side: int) -> list[Hunk]:
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [
        Hunk(i1, i2, tuple(other[j1:j2]), side)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def _overlaps(a: Hunk, b: Hunk) -> bool:
    """Whether two hunks touch the same part of the base. Two insertions at one
    place overlap, since their order is unknown; so does an insertion right
    before a range the other side changed."""
    if a.start == b.start:
        return True
    return a.start < b.end and b.start < a.end


def _clusters(hunk_list: list[Hunk]) -> Iterator[tuple[int, int, list[Hunk]]]:
    """Group the hunks of both sides into runs that must be decided together."""
    ordered = sorted(hunk_list, key=lambda h: (h.start, h.end, h.side))
    i = 0
    while i < len(ordered):
        cluster = [ordered[i]]
        start, end = ordered[i].start, ordered[i].end
        i += 1
        while i < len(ordered):
            hunk = ordered[i]
            if hunk.start < end or any(h.side != hunk.side and _overlaps(h, hunk) for h in cluster):
                cluster.append(hunk)
                end = max(end, hunk.end)
                i += 1
            else:
                break
        yield start, end, cluster


def _side(base: list[str], start: int, end: int, changes: list[Hunk]) -> list[str]:
    """One side's version of base[start:end], given its hunks inside that range
    (outside its hunks a side equals the base)."""
    out: list[str] = []
    at = start
    for hunk in changes:
        out += base[at : hunk.start]
        out += hunk.new
        at = hunk.end
    out += base[at:end]
    return out


def merge_tokens(base: list[str], mine: list[str], theirs: list[str]) -> list[Piece]:
    """diff3 over token lists: agreed pieces (lists of tokens) and conflicts."""
    pieces: list[Piece] = []
    at = 0
    for start, end, cluster in _clusters(hunks(base, mine, 0) + hunks(base, theirs, 1)):
        pieces.append(base[at:start])
        mine_changes = [h for h in cluster if h.side == 0]
        their_changes = [h for h in cluster if h.side == 1]
        mine_part = _side(base, start, end, mine_changes)
        their_part = _side(base, start, end, their_changes)
        if not their_changes:
            pieces.append(mine_part)
        elif not mine_changes or mine_part == their_part:
            pieces.append(their_part)
        else:
            pieces.append(Conflict(base[start:end], mine_part, their_part))
        at = end
    pieces.append(base[at:])
    return [p for p in pieces if isinstance(p, Conflict) or p]


def _with_newline(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


def merge3(
    base: str, mine: str, theirs: str, *, mine_label: str = "", their_label: str = ""
) -> Merged:
    """Merge ``mine`` and ``theirs``, both edited from ``base``.

    Where both changed the same lines differently their words are merged; what
    still clashes is written between ``<<<<<<<``, ``=======`` and ``>>>>>>>``
    lines, each side whole (the labels follow the first and last marker)."""
    if mine == theirs or base == theirs:
        return Merged(mine)
    if base == mine:
        return Merged(theirs)
    out: list[str] = []
    conflicts: list[tuple[str, str]] = []
    for piece in merge_tokens(lines(base), lines(mine), lines(theirs)):
        if not isinstance(piece, Conflict):
            out.append("".join(piece))
            continue
        base_text, mine_text, their_text = (
            "".join(piece.base),
            "".join(piece.mine),
            "".join(piece.theirs),
        )
        by_words = merge_tokens(words(base_text), words(mine_text), words(their_text))
        if not any(isinstance(p, Conflict) for p in by_words):
            out.append("".join("".join(p) for p in by_words if isinstance(p, list)))
            continue
        conflicts.append((mine_text, their_text))
        if out and not out[-1].endswith("\n"):
            out.append("\n")
        out.append(f"{MINE_MARK} {mine_label}".rstrip() + "\n")
        out.append(_with_newline(mine_text))
        out.append(SPLIT_MARK + "\n")
        out.append(_with_newline(their_text))
        out.append(f"{THEIRS_MARK} {their_label}".rstrip() + "\n")
    return Merged("".join(out), conflicts)


def has_conflict_markers(text: str) -> bool:
    """Whether ``text`` still holds a whole set of conflict markers."""
    found = [line.rstrip("\n") for line in lines(text)]
    starts = [n for n, line in enumerate(found) if line.startswith(MINE_MARK)]
    for n in starts:
        rest = found[n + 1 :]
        if SPLIT_MARK in rest and any(line.startswith(THEIRS_MARK) for line in rest):
            return True
    return False


def merge_set(base: set[int], mine: set[int], theirs: set[int]) -> set[int]:
    """Three-way merge of a set: what either side added is in, what either side
    took out is out."""
    return (base | (mine - base) | (theirs - base)) - (base - mine) - (base - theirs)


def merge_value(base: str, mine: str, theirs: str) -> tuple[str, bool]:
    """Three-way merge of one value: (result, whether it clashed). On a clash the
    result is ``mine``; the caller shows the clash."""
    if mine == theirs or theirs == base:
        return mine, False
    if mine == base:
        return theirs, False
    return mine, True
