"""Raw inserts for the generator: ``executemany`` with explicit ids, so rows keep the
dates they are given (``bulk_create`` would stamp ``auto_now_add`` with the present)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max

from harambee.core.markdown import render_markdown


def insert_sql(model: type[models.Model], names: Sequence[str]) -> str:
    meta = model._meta
    columns = [_column(meta.get_field(name)) for name in names]
    qn = connection.ops.quote_name
    return (
        f"INSERT INTO {qn(meta.db_table)} ({', '.join(qn(c) for c in columns)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )


def _column(field: models.Field[Any, Any] | models.ForeignObjectRel) -> str:
    if not isinstance(field, models.Field) or field.column is None:
        raise TypeError(f"{field} has no column of its own")
    return field.column


def m2m_sql(descriptor: Any) -> str:
    relation = descriptor.field
    return insert_sql(
        relation.remote_field.through,
        (relation.m2m_field_name(), relation.m2m_reverse_field_name()),
    )


def next_id(model: type[models.Model]) -> int:
    return (model._default_manager.aggregate(m=Max("pk"))["m"] or 0) + 1


def datetime_adapter() -> Callable[[datetime], Any]:
    """``adapt_datetimefield_value``, cheap in the common case: on SQLite in UTC, a UTC
    date is written as its naive text, which is what Django's adapter makes of it after
    its checks (a tenth of the generator's time, called for every row)."""
    adapt = connection.ops.adapt_datetimefield_value
    if connection.vendor != "sqlite" or connection.timezone is not UTC:
        return adapt

    def fast(value: datetime) -> Any:
        if value.tzinfo is UTC:
            return str(value.replace(tzinfo=None))
        return adapt(value)

    return fast


class Markdown(dict[str, str]):
    """text -> HTML, each distinct text rendered once."""

    def __missing__(self, text: str) -> str:
        html = self[text] = render_markdown(text)
        return html


def fix_sequences(models_: Iterable[type[models.Model]]) -> None:
    """After inserting explicit ids, move PostgreSQL's sequences past them (SQLite needs
    nothing: it takes the next id from the table)."""
    if connection.vendor != "postgresql":
        return
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
