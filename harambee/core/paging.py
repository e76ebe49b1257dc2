"""Lists in "newer / older" pages that never count their rows.

A numbered paginator runs ``COUNT(*)`` over the whole gated list on every page: at a
million items that one query cost more than the rest of the page together. Here a
page is read from where the previous one stopped (a *keyset*): the values of the
list's ordering at its last (or first) row, carried in the link as a signed cursor
(``?after=`` / ``?before=``). A page costs ``LIMIT per_page + 1`` on an index whatever
its depth, and links are stable while items are added at the top.

The ordering is the queryset's own (``order_by`` or the model's ``Meta.ordering``),
field paths or annotations, each ascending or descending; the primary key is added
last so that every row has one place. Empty values sort last going down and first
going up, on SQLite and PostgreSQL alike.

A cursor that does not verify (edited, from another list) gives the first page. The
gate is applied by the queryset itself: a cursor only says where to start reading.

Directories that show how many entries match use ``page.count``: counted up to
``COUNT_CAP`` and shown as "1,000+" beyond it (``page.count_capped``).
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.core import signing
from django.db.models import F, OrderBy, Q, QuerySet
from django.http import HttpRequest, QueryDict

SALT = "harambee.paging"
COUNT_CAP = 1000


@dataclass(frozen=True)
class _Key:
    name: str
    descending: bool
    # A key no row can leave empty is ordered and compared plainly: "created DESC
    # NULLS LAST" is not the order of PostgreSQL's (created DESC) index, which then
    # sorts every row the gate lets through instead of reading the first ones.
    nullable: bool = True


def _nullable(model: Any, name: str) -> bool:
    """Whether ``name`` (a field path or an annotation) may be empty in a row."""
    from django.core.exceptions import FieldDoesNotExist

    if name == "pk":
        return False
    for part in name.split("__"):
        try:
            field = model._meta.pk if part == "pk" else model._meta.get_field(part)
        except FieldDoesNotExist:
            return True  # an annotation: assume the worst
        if getattr(field, "null", True) or not getattr(field, "concrete", False):
            return True
        if field.is_relation:
            model = field.related_model
    return False


def _rows_are_dicts(queryset: QuerySet[Any]) -> bool:
    """A ``values()`` list (grouped rows, say): its ordering must already be unique,
    and its rows carry the ordering's values themselves."""
    return bool(queryset.query.values_select)


def _ordering(queryset: QuerySet[Any]) -> list[_Key]:
    terms = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    keys = []
    model = queryset.model
    for term in terms:
        if isinstance(term, OrderBy) and isinstance(term.expression, F):
            name = term.expression.name
            keys.append(_Key(name, term.descending, _nullable(model, name)))
        elif isinstance(term, str) and term != "?":
            name = term.lstrip("-")
            keys.append(_Key(name, term.startswith("-"), _nullable(model, name)))
        else:
            raise ValueError(f"Keyset pages need orderings by name, not {term!r}.")
    names = {key.name for key in keys}
    if not names & {"pk", "id"} and not _rows_are_dicts(queryset):
        keys.append(_Key("pk", keys[0].descending if keys else False, False))
    return keys


def _encode(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date):
        return {"t": value.isoformat()}
    if isinstance(value, decimal.Decimal):
        return {"d": str(value)}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "t" in value:
            text = str(value["t"])
            if len(text) == 10:
                return datetime.date.fromisoformat(text)
            return datetime.datetime.fromisoformat(text)
        if "d" in value:
            return decimal.Decimal(value["d"])
    return value


def _after(keys: list[_Key], values: list[Any], *, forward: bool) -> Q:
    """Rows after ``values`` in the order ``keys`` (before them if not ``forward``):
    (k1 beyond v1) or (k1 = v1 and k2 beyond v2) or ..."""
    terms: list[Q] = []
    equal = Q()
    for key, value in zip(keys, values, strict=True):
        # Going down (a descending key read forward, or an ascending key read back),
        # values shrink and the empty ones come last.
        down = key.descending == forward
        if value is None:
            beyond = None if down else Q(**{f"{key.name}__isnull": False})
            same = Q(**{f"{key.name}__isnull": True})
        else:
            lookup = "lt" if down else "gt"
            beyond = Q(**{f"{key.name}__{lookup}": value})
            if down and key.nullable:
                beyond |= Q(**{f"{key.name}__isnull": True})
            same = Q(**{key.name: value})
        if beyond is not None:
            terms.append(equal & beyond)
        equal &= same
    if not terms:  # nothing can come after
        return Q(**{f"{keys[-1].name}__in": []})
    condition = terms[0]
    for term in terms[1:]:
        condition |= term
    return condition


def _order(keys: list[_Key], *, forward: bool) -> list[OrderBy]:
    out = []
    for key in keys:
        descending = key.descending == forward
        expression = F(key.name)
        if not key.nullable:
            out.append(expression.desc() if descending else expression.asc())
        elif descending:
            out.append(expression.desc(nulls_last=True))
        else:
            out.append(expression.asc(nulls_first=True))
    return out


class KeysetPage:
    """One page of a list: iterate it; ``has_next``/``has_previous`` and the
    query strings of the links (``next_query``/``previous_query``)."""

    def __init__(
        self,
        queryset: QuerySet[Any],
        *,
        per_page: int,
        after: str | None = None,
        before: str | None = None,
        params: QueryDict | None = None,
        keys: QuerySet[Any] | None = None,
    ) -> None:
        # ``keys``, when given, is the same list as ``queryset`` (the same primary keys,
        # in its own order) asked of a table an index sorts better -- the parent table
        # of a multi-table kind, whose (kind, created) index gives the newest first
        # where SQLite would otherwise scan the child table and sort. The page's keys,
        # cursors and count come from it; the rows shown from ``queryset``.
        self.queryset = queryset
        self.per_page = per_page
        source = keys if keys is not None else queryset
        self._source = source
        self.keys = _ordering(source)
        self.names = [key.name for key in self.keys]
        self._params = params.copy() if params is not None else QueryDict(mutable=True)
        for name in ("after", "before", "page"):
            self._params.pop(name, None)
        cursor, forward = None, True
        if before:
            cursor, forward = self._values(before), False
        elif after:
            cursor = self._values(after)
        self._dicts = _rows_are_dicts(queryset)
        rows = source
        annotations = {f"_key{i}": F(name) for i, name in enumerate(self.names)}
        if not self._dicts:
            rows = rows.annotate(**annotations)
        if cursor is not None:
            rows = rows.filter(_after(self.keys, cursor, forward=forward))
        rows = rows.order_by(*_order(self.keys, forward=forward))
        if self._dicts:
            found = list(rows[: per_page + 1])
            more = len(found) > per_page
            found = found[:per_page]
            self._cursors = [[row[name] for name in self.names] for row in found]
        else:
            # The page's keys first, on narrow rows: sorting whole rows would work out
            # every annotation (a comment count, say) of every row the gate lets
            # through before the LIMIT. Then the page's own rows, by primary key.
            keyed = list(rows.values_list("pk", *annotations)[: per_page + 1])
            more = len(keyed) > per_page
            keyed = keyed[:per_page]
            by_pk = {row.pk: row for row in queryset.filter(pk__in=[k[0] for k in keyed])}
            keyed = [k for k in keyed if k[0] in by_pk]
            found = [by_pk[k[0]] for k in keyed]
            self._cursors = [list(k[1:]) for k in keyed]
        if not forward:
            found.reverse()
            self._cursors.reverse()
        self.object_list = found
        if forward:
            self.has_previous = cursor is not None and bool(found)
            self.has_next = more
        else:
            self.has_previous = more
            self.has_next = bool(found)
        self._count: int | None = None

    def _values(self, token: str) -> list[Any] | None:
        try:
            values = signing.loads(token, salt=SALT)
        except (signing.BadSignature, ValueError, TypeError):
            return None
        if not isinstance(values, list) or len(values) != len(self.keys):
            return None
        return [_decode(value) for value in values]

    def _query(self, name: str, values: list[Any]) -> str:
        params = self._params.copy()
        params[name] = signing.dumps([_encode(v) for v in values], salt=SALT, compress=True)
        return params.urlencode()

    @property
    def next_query(self) -> str:
        return self._query("after", self._cursors[-1]) if self.has_next else ""

    @property
    def previous_query(self) -> str:
        return self._query("before", self._cursors[0]) if self.has_previous else ""

    @property
    def first_query(self) -> str:
        return self._params.urlencode()

    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous

    @property
    def count(self) -> int:
        """How many rows the whole list has, counted up to ``COUNT_CAP + 1``."""
        if self._count is None:
            self._count = self._source.order_by()[: COUNT_CAP + 1].count()
        return min(self._count, COUNT_CAP)

    @property
    def count_capped(self) -> bool:
        return self.count >= COUNT_CAP and (self._count or 0) > COUNT_CAP

    def __iter__(self) -> Iterator[Any]:
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def __bool__(self) -> bool:
        return bool(self.object_list)


def keyset_page(
    request: HttpRequest,
    queryset: QuerySet[Any],
    *,
    per_page: int,
    keys: QuerySet[Any] | None = None,
) -> KeysetPage:
    return KeysetPage(
        queryset,
        per_page=per_page,
        keys=keys,
        after=request.GET.get("after"),
        before=request.GET.get("before"),
        params=request.GET,
    )
