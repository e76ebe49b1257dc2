"""Keyset paging: "newer" and "older" links instead of numbered pages, so a long list
never counts its gated rows and each page is one indexed query however deep it is.

A page is named by the item it starts after (``?before=<pk>``: older than that item)
or before (``?after=<pk>``: newer). The boundary item is looked up in the same (gated)
queryset, so a cursor naming an item the reader may not see, or none at all, gives
the first page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet, Subquery


@dataclass
class KeysetPage:
    items: list[Any]
    # The cursors of the neighbouring pages (``?after=`` and ``?before=``), or None.
    newer: int | None
    older: int | None


def _cursor(raw: Any) -> int | None:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return None
    return value if 0 < value < 2**63 else None


def keyset_page(queryset: QuerySet[Any], params: Any, *, key: str, limit: int) -> KeysetPage:
    """A page of ``queryset`` ordered by ``key`` then pk, both descending (largest
    first), from the ``before``/``after`` cursor in ``params`` (``request.GET``)."""
    before, after = _cursor(params.get("before")), _cursor(params.get("after"))
    cursor = after or before
    if cursor is None or not queryset.filter(pk=cursor).exists():
        rows = list(queryset.order_by(f"-{key}", "-pk")[: limit + 1])
        return KeysetPage(rows[:limit], None, rows[limit - 1].pk if len(rows) > limit else None)
    value = Subquery(queryset.filter(pk=cursor).values(key)[:1])
    if after is not None:
        newer = queryset.filter(Q(**{f"{key}__gt": value}) | Q(**{key: value, "pk__gt": cursor}))
        rows = list(newer.order_by(key, "pk")[: limit + 1])
        more = len(rows) > limit
        rows = list(reversed(rows[:limit]))
        return KeysetPage(
            rows, rows[0].pk if more and rows else None, rows[-1].pk if rows else None
        )
    older = queryset.filter(Q(**{f"{key}__lt": value}) | Q(**{key: value, "pk__lt": cursor}))
    rows = list(older.order_by(f"-{key}", "-pk")[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return KeysetPage(rows, rows[0].pk if rows else None, rows[-1].pk if more and rows else None)
