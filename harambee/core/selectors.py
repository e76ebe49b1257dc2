"""Reads shared by every content kind."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from harambee.core.models import Comment


def with_comment_counts(queryset: QuerySet[Any]) -> QuerySet[Any]:
    """Annotate ``comment_count`` with a correlated subquery rather than a join and
    GROUP BY, so a limited, index-ordered page counts only the rows it shows."""
    counts = (
        Comment.objects.filter(content_id=OuterRef("pk"), removed=False)
        .order_by()
        .values("content_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        comment_count=Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))
    )
