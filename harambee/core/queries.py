"""Small helpers for reading with the ORM at the cost of the query, not its compiling."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import QuerySet

M = TypeVar("M")


def one(queryset: QuerySet[Any]) -> Any | None:
    """The one row of a query that names it (by key), or None: ``first()`` without its
    ORDER BY. With an ordering, Django compares every selected column against it while
    compiling, which costs about a millisecond for a row read with its relations
    (``select_related``) on the pages read most (docs/performance.md)."""
    found = list(queryset.order_by()[:1])
    return found[0] if found else None
