"""The pure maths of facilitation insights: functions over plain lists and dicts.

Nothing here touches the database. Every function answers ``None`` ("no data") for an
input it cannot measure (nobody, no replies) rather than dividing by zero. The
definitions are in ``docs/insights.md``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from statistics import median as _median

UNKNOWN = "unknown"
# Cells counting fewer people than this are not shown (charts and CSV).
MIN_CELL = 5


def gini(values: Sequence[float]) -> float | None:
    """The Gini coefficient of non-negative ``values`` (0 = everyone equal, towards 1 =
    one person does everything): ``Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄)``, computed from the
    sorted values as ``(2 Σ i·x₍ᵢ₎) / (n Σx) − (n + 1) / n``."""
    xs = sorted(float(v) for v in values)
    n, total = len(xs), sum(xs)
    if n == 0 or total == 0:
        return None
    ranked = sum((i + 1) * x for i, x in enumerate(xs))
    return (2 * ranked) / (n * total) - (n + 1) / n


def top_share(values: Sequence[float], fraction: float = 0.1) -> float | None:
    """The share of the total held by the top ``fraction`` of people (at least one
    person): the top-10 % share by default."""
    xs = sorted((float(v) for v in values), reverse=True)
    total = sum(xs)
    if not xs or total == 0:
        return None
    k = max(1, math.ceil(len(xs) * fraction))
    return sum(xs[:k]) / total


def proportions(counts: Mapping[str, float]) -> dict[str, float]:
    total = sum(counts.values())
    if total <= 0:
        return {}
    return {key: value / total for key, value in counts.items() if value > 0}


def blau(counts: Mapping[str, float]) -> float | None:
    """Blau's index of heterogeneity, ``1 − Σ pₖ²`` over the categories' shares."""
    shares = proportions(counts)
    if not shares:
        return None
    return 1 - sum(p * p for p in shares.values())


def shannon(counts: Mapping[str, float]) -> float | None:
    """Shannon entropy in bits, ``− Σ pₖ log₂ pₖ`` (0 when everyone is in one category)."""
    shares = proportions(counts)
    if not shares:
        return None
    return -sum(p * math.log2(p) for p in shares.values()) + 0.0


def sector_counts(sectors: Iterable[str | None]) -> dict[str, int]:
    """How many people per sector; an empty sector counts as ``"unknown"``."""
    return dict(Counter(s or UNKNOWN for s in sectors))


def reply_matrix(pairs: Iterable[tuple[str | None, str | None]]) -> dict[tuple[str, str], int]:
    """How many replies went from each sector to each sector, from (replier's sector,
    sector of the person answered) pairs."""
    return dict(Counter((a or UNKNOWN, b or UNKNOWN) for a, b in pairs))


def _known(matrix: Mapping[tuple[str, str], int]) -> tuple[int, int]:
    """(replies across sectors, replies within one) among replies whose two sides are
    both of a known sector."""
    external = internal = 0
    for (a, b), count in matrix.items():
        if UNKNOWN in (a, b):
            continue
        if a == b:
            internal += count
        else:
            external += count
    return external, internal


def cross_share(matrix: Mapping[tuple[str, str], int]) -> float | None:
    """The share of replies, between people of known sectors, that cross sectors."""
    external, internal = _known(matrix)
    total = external + internal
    return external / total if total else None


def ei_index(matrix: Mapping[tuple[str, str], int]) -> float | None:
    """Krackhardt and Stern's E-I index, ``(E − I) / (E + I)``: −1 when every reply
    stays within a sector, +1 when every reply crosses one."""
    external, internal = _known(matrix)
    total = external + internal
    return (external - internal) / total if total else None


def median(values: Sequence[float]) -> float | None:
    return _median(values) if values else None


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def change(current: float | None, previous: float | None) -> float | None:
    """``current − previous``, or None when either is missing."""
    if current is None or previous is None:
        return None
    return current - previous


def first_reply_seconds(
    author_id: int, created: float, replies: Iterable[tuple[int, float, bool]]
) -> float | None:
    """Seconds from an item's creation to its first reply, by Discourse's rules: the
    author's own replies and removed replies do not count. ``replies`` are
    (author id, created as a timestamp, removed). None when nobody else answered."""
    times = [t for who, t, removed in replies if who != author_id and not removed]
    if not times:
        return None
    return max(0.0, min(times) - created)


def new_and_returning(
    contributors: Iterable[int], first_seen: Mapping[int, float], start: float
) -> tuple[int, int]:
    """(new, returning) among ``contributors``: new ones first contributed at or after
    ``start``; returning ones had contributed before it."""
    new = returning = 0
    for person in set(contributors):
        if first_seen.get(person, start) >= start:
            new += 1
        else:
            returning += 1
    return new, returning


def suppress(count: int | None) -> int | None:
    """A count of people as shown: None (suppressed) from 1 to ``MIN_CELL − 1``."""
    if count is None or 0 < count < MIN_CELL:
        return None
    return count


def dominant_share(posts_by_person: Mapping[int, int]) -> tuple[int | None, float | None]:
    """The person who wrote the most of a thread and their share of its posts."""
    total = sum(posts_by_person.values())
    if not total:
        return None, None
    person, most = max(posts_by_person.items(), key=lambda kv: (kv[1], -kv[0]))
    return person, most / total
