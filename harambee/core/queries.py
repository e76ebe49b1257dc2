"""Small helpers for reading with the ORM at the cost of the query, not its compiling."""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable, ValuesIterable, get_related_populators

M = TypeVar("M")
ModelT = TypeVar("ModelT", bound=Model)


def one(queryset: QuerySet[Any]) -> Any | None:
    """The one row of a query that names it (by key), or None: ``first()`` without its
    ORDER BY. With an ordering, Django compares every selected column against it while
    compiling, which costs about a millisecond for a row read with its relations
    (``select_related``) on the pages read most (docs/performance.md)."""
    found = list(queryset.order_by()[:1])
    return found[0] if found else None


def fresh_copy(instance: ModelT) -> ModelT:
    """A copy of a row read in this request, for a form to change while the caller keeps
    the row as it was: what reading it again would give, without the query. What was
    read with it (``select_related``, ``prefetch_related``) comes along, so a form's
    initial values of its many-to-many fields ask nothing more."""
    copied = copy.copy(instance)
    prefetched = instance.__dict__.get("_prefetched_objects_cache")
    if prefetched is not None:
        copied.__dict__["_prefetched_objects_cache"] = dict(prefetched)
    return copied


# -- Queries of a fixed shape, compiled once -------------------------------------------
#
# Building and compiling a query costs Django far more than SQLite or PostgreSQL take to
# run it: on a signed-in reader's thread page, the reactions-and-reader-state query took
# about a quarter of the whole request to build (subqueries from three apps), and well
# under a millisecond to run. A page's hot queries have a fixed shape: only a few
# values change from one request to the next (the reader's id, the item's id). So the
# shape is built once per process and database connection, with stand-in values, and
# each request swaps its own values into the compiled SQL's parameters.

# Stand-in values no real row has: negative keys, dates in the twelfth century.
_INT_STAND_IN = -7_340_000_000_000
_DAY_STAND_IN = date(1111, 1, 1)
_MOMENT_STAND_IN = datetime(1111, 1, 1, tzinfo=UTC)
# Shapes kept per connection, at most this many (a new day may make new ones).
_MAX_SHAPES = 64


class _Shape:
    __slots__ = ("compiler", "kinds", "make", "names", "params", "slots", "sql")

    def __init__(self, compiler: Any, names: list[str], sql: str, params: list[Any]) -> None:
        self.compiler = compiler
        self.names = names
        self.sql = sql
        self.params = params
        self.slots: list[str | None] = [None] * len(params)
        self.kinds: dict[str, type] = {}
        # For a query of model instances: row -> instance (``_instances``).
        self.make: Callable[[Any], Any] | None = None


def _stand_in(kind: type, index: int) -> Any:
    if kind is int:
        return _INT_STAND_IN - index
    if kind is datetime:
        return _MOMENT_STAND_IN + timedelta(seconds=index)
    if kind is date:
        return _DAY_STAND_IN + timedelta(days=index)
    raise TypeError(f"a prepared query takes ints, dates and datetimes, not {kind.__name__}")


def _kind(value: Any) -> type:
    # bool is an int to Python, but a different parameter to the database.
    if isinstance(value, bool) or value is None:
        raise TypeError("True, False and None change a query's shape: name them in its key")
    for kind in (int, datetime, date):
        if isinstance(value, kind):
            return kind
    raise TypeError(f"a prepared query takes ints, dates and datetimes, not {type(value)}")


def _adapt(connection: Any, kind: type, value: Any) -> Any:
    if kind is datetime:
        return connection.ops.adapt_datetimefield_value(value)
    if kind is date:
        return connection.ops.adapt_datefield_value(value)
    return value


def _compile(
    connection: Any, using: str, build: Callable[..., QuerySet[Any]], kinds: dict[str, type]
) -> _Shape:
    stand_ins = {name: _stand_in(kind, i) for i, (name, kind) in enumerate(kinds.items())}
    queryset = build(**stand_ins)
    query = queryset.query
    instances = queryset._iterable_class is ModelIterable
    if not instances and queryset._iterable_class is not ValuesIterable:
        raise TypeError("a prepared query gives model instances or values() dicts")
    if instances and getattr(queryset, "_known_related_objects", None):
        raise TypeError("a prepared query is read from its model's manager, not a relation")
    compiler = query.get_compiler(using=using)
    sql, params = compiler.as_sql()
    if query.selected:
        names = list(query.selected)
    else:
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
    shape = _Shape(compiler, names, sql, list(params))
    if instances:
        shape.make = _instance_maker(compiler, using)
    shape.kinds = dict(kinds)
    for name, value in stand_ins.items():
        adapted = _adapt(connection, kinds[name], value)
        found = [i for i, param in enumerate(shape.params) if param == adapted]
        if not found:
            # The value was written into the SQL itself (a LIMIT, a literal) or not used.
            raise ValueError(f"{name} is not a parameter of the prepared query")
        for i in found:
            shape.slots[i] = name
    return shape


def _instance_maker(compiler: Any, using: str) -> Callable[[Any], Any]:
    """What Django's ``ModelIterable`` does with each row, set up once for the shape."""
    select, klass_info = compiler.select, compiler.klass_info
    model = klass_info["model"]
    fields = klass_info["select_fields"]
    start, end = fields[0], fields[-1] + 1
    init_list = [f[0].target.attname for f in select[start:end]]
    # (Django 5.2's signature; the type stubs already follow 6.0's.)
    populators = get_related_populators(klass_info, select, using)  # type: ignore[call-arg]
    annotations = list(compiler.annotation_col_map.items())

    def make(row: Any) -> Any:
        obj = model.from_db(using, init_list, row[start:end])
        for populator in populators:
            populator.populate(row, obj)
        for name, position in annotations:
            setattr(obj, name, row[position])
        return obj

    return make


def _rows(
    key: Hashable, build: Callable[..., QuerySet[Any]], using: str, values: dict[str, Any]
) -> tuple[_Shape, Any]:
    connection = connections[using]
    shapes: dict[Hashable, _Shape] = connection.__dict__.setdefault("_harambee_shapes", {})
    kinds = {name: _kind(value) for name, value in values.items()}
    full_key = (key, tuple(kinds.items()))
    shape = shapes.get(full_key)
    if shape is None:
        if len(shapes) >= _MAX_SHAPES:
            shapes.clear()
        shape = shapes[full_key] = _compile(connection, using, build, kinds)
    params = [
        param if slot is None else _adapt(connection, shape.kinds[slot], values[slot])
        for param, slot in zip(shape.params, shape.slots, strict=True)
    ]
    compiler = copy.copy(shape.compiler)
    compiler.as_sql = lambda *args, **kwargs: (shape.sql, params)
    return shape, compiler.results_iter()


def prepared_objects(
    key: Hashable,
    build: Callable[..., QuerySet[ModelT]],
    *,
    using: str = "default",
    **values: Any,
) -> list[ModelT]:
    """The model instances of ``build(**values)``, built and compiled once per process
    and connection for ``key``: ``prepared_values`` for a query of instances (with its
    ``select_related`` relations and annotations, as Django fills them)."""
    shape, rows = _rows(key, build, using, values)
    if shape.make is None:
        raise TypeError(f"{key!r} is a values() query: read it with prepared_values")
    return [shape.make(row) for row in rows]


def prepared_values(
    key: Hashable,
    build: Callable[..., QuerySet[Any]],
    *,
    using: str = "default",
    **values: Any,
) -> list[dict[str, Any]]:
    """The rows of ``build(**values)`` (a ``values()`` query), as dicts, with the query
    built and compiled once per process and connection for ``key``.

    ``values`` are ints, dates or datetimes that only fill the query's parameters (ids,
    moments); anything else that changes the SQL -- a LIMIT, whether a value is None, a
    list's length, the shape of a permission -- belongs in ``key``. ``build`` is called
    with stand-in values the first time only, so it must not read anything else that
    changes (the clock, a setting): that, too, belongs in ``key``. The rows are the
    ORM's (the same converters run), so a test can compare the two."""
    shape, rows = _rows(key, build, using, values)
    if shape.make is not None:
        raise TypeError(f"{key!r} is a query of instances: read it with prepared_objects")
    names = shape.names
    return [dict(zip(names, row, strict=True)) for row in rows]
