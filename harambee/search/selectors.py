"""Reads of the search index, always through the gate.

The gate is part of the one SQL query that reads the candidates (the newest
matching entries): the gated content queryset (``visible(user, ...)`` plus the
filters) is a derived table joined to the index, so hidden items can neither take a
place on a page nor be counted in a total or a facet. The candidates are ranked (in
that query on PostgreSQL, in Python on SQLite), snippets are made only for the
entries of the page, and the items themselves are loaded through the gate once more.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from harambee.core.models import Comment, Content
from harambee.core.registry import SearchMatch, kind_choices, search_sources
from harambee.core.visibility import visible, visible_spaces
from harambee.initiatives.models import Initiative, Theme
from harambee.initiatives.selectors import known_initiatives
from harambee.search import backends
from harambee.search.query import Query, parse
from harambee.spaces.models import Space
from harambee.spaces.selectors import with_shown_space

PAGE_SIZE = 10
MAX_PAGES = 20
# The most matching entries (items and comments) one search reads, newest first.
# Below it, totals, facets and relevance are exact; above it they cover these. Each
# costs 7–8 µs of CPU at a million items (docs/performance.md, "Search"); 500 is
# still more than twice the hits that pages can show (MAX_PAGES * PAGE_SIZE).
CANDIDATES = 500


@dataclass
class Filters:
    kind: str = ""
    space_ids: list[int] | None = None  # already narrowed to spaces the reader may see
    theme_id: int | None = None
    country: str = ""
    sector: str = ""
    language: str = ""
    author_id: int | None = None
    after: date | None = None
    before: date | None = None


@dataclass
class Hit:
    item: Content
    title: SafeString
    snippet: SafeString
    comment_id: int | None = None
    # The comment's parent, which names the page of a thread that shows it.
    comment_parent_id: int | None = None


@dataclass
class Results:
    query: Query
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    kinds: list[tuple[str, int, str]] = field(default_factory=list)  # label, count, kind
    spaces: list[tuple[Any, int]] = field(default_factory=list)
    page: int = 1
    pages: int = 0
    capped: bool = False


def highlighted(text: str) -> SafeString:
    """Escape everything, then turn only the engine's marks into ``<mark>``."""
    escaped = str(escape(text))
    escaped = escaped.replace(backends.MARK_START, "<mark>").replace(backends.MARK_END, "</mark>")
    return mark_safe(escaped)  # noqa: S308 -- escaped just above; only our marks added


def _filtered(user: Any, filters: Filters) -> QuerySet[Content]:

    qs = visible(user, Content.objects.all())
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.space_ids is not None:
        qs = qs.filter(space_id__in=filters.space_ids)
    if filters.language:
        qs = qs.filter(language=filters.language)
    if filters.author_id is not None:
        qs = qs.filter(author_id=filters.author_id)
    tz = timezone.get_current_timezone()
    if filters.after:
        qs = qs.filter(created__gte=datetime.combine(filters.after, time.min, tzinfo=tz))
    if filters.before:
        qs = qs.filter(created__lte=datetime.combine(filters.before, time.max, tzinfo=tz))
    # Initiative facts reach an item through its space (the initiative's profile);
    # themes also through the item's own themes, for kinds that have them.
    if filters.theme_id is not None:
        with_theme = Q(
            space_id__in=Initiative.objects.filter(themes=filters.theme_id).values("space_id")
        )
        for model in _kinds_with_themes():
            with_theme |= Q(pk__in=model.objects.filter(themes=filters.theme_id).values("pk"))
        qs = qs.filter(with_theme)
    if filters.country:
        # Countries are a JSON list, which SQLite cannot look inside; initiatives are
        # few (one per initiative space), so they are read once here.
        qs = qs.filter(
            space_id__in=[
                i.space_id
                for i in Initiative.objects.only("space_id", "countries")
                if filters.country in (i.countries or [])
            ]
        )
    if filters.sector:
        qs = qs.filter(
            Exists(
                Initiative.objects.filter(
                    space_id=OuterRef("space_id"),
                    stakeholders__organisation__sector=filters.sector,
                )
            )
        )
    return qs


def _kinds_with_themes() -> list[Any]:
    from django.apps import apps

    found = []
    for model in apps.get_models():
        if issubclass(model, Content) and model is not Content:
            field_ = next((f for f in model._meta.local_many_to_many if f.name == "themes"), None)
            if field_ is not None and field_.related_model is Theme:
                found.append(model)
    return found


def _gated_sql(user: Any, filters: Filters) -> tuple[str, tuple[Any, ...]]:
    return _sql_of(_filtered(user, filters))


def _sql_of(gate: QuerySet[Content]) -> tuple[str, tuple[Any, ...]]:
    qs = gate.order_by().values("id", "kind", "space_id", "created")
    sql, params = qs.query.sql_with_params()
    return sql, tuple(params)


def search(
    *,
    user: Any,
    text: str,
    filters: Filters | None = None,
    order: str = "relevance",
    page: int = 1,
    facets: bool = True,
) -> Results:
    """One page of what ``user`` may see that matches ``text``, with the total and
    the facet counts, all under the gate."""
    filters = filters or Filters()
    query = parse(text)
    page = max(1, min(page, MAX_PAGES))
    results = Results(query=query, page=page)
    if not query:
        return results
    engine = backends.for_connection(connection)
    try:
        gate = _filtered(user, filters)
        gated, gated_params = _sql_of(gate)
    except EmptyResultSet:  # a filter that no item can pass
        return results
    with connection.cursor() as cursor:
        rows, texts = engine.candidates(cursor, gated, gated_params, query, CANDIDATES)
        results.capped = sum(row[5] for row in rows) >= CANDIDATES
        if order == "relevance":
            rows.sort(key=lambda r: (-r[3], r[0]))
        else:
            rows.sort(key=lambda r: (r[4], r[0]), reverse=True)
        start = (page - 1) * PAGE_SIZE
        shown = rows[start : start + PAGE_SIZE]
        ids = [row[0] for row in shown]
        if facets:
            _facets(user, results, rows)
        results.total = len(rows)
        # The snippet of each item's best entry: itself, or one of its comments.
        best = engine.snippets(cursor, query, {row[6]: row[0] for row in shown}, texts)
    results.pages = min(MAX_PAGES, -(-results.total // PAGE_SIZE))
    # Through the gate again (the same one, with the filters, built once), with the
    # parent of each item's best comment, if it is one, in the same query.
    shown_items = (
        gate.filter(pk__in=ids).select_related("space", "author").defer("body", "body_html")
    )
    comment_of = {pk: found[0] for pk, found in best.items() if found[0] is not None}
    if comment_of:
        shown_items = shown_items.annotate(
            best_comment=Case(
                *(When(pk=pk, then=Value(comment)) for pk, comment in comment_of.items()),
                default=Value(None),
                output_field=IntegerField(),
            )
        ).annotate(
            best_comment_parent=Subquery(
                Comment.objects.filter(pk=OuterRef("best_comment")).values("parent_id")[:1]
            )
        )
    items = {item.pk: item for item in shown_items}

    with_shown_space(user, list(items.values()))
    for pk in ids:
        item = items.get(pk)
        if item is None:  # removed between the two queries
            continue
        comment_id, title, snippet = best.get(pk, (None, "", ""))
        results.hits.append(
            Hit(
                item=item,
                title=highlighted(title)
                if comment_id is None and title
                else highlighted(item.title),
                snippet=highlighted(snippet),
                comment_id=comment_id,
                comment_parent_id=getattr(item, "best_comment_parent", None),
            )
        )
    return results


def _facets(user: Any, results: Results, rows: list[tuple[Any, ...]]) -> None:

    by_kind = Counter(row[1] for row in rows)
    by_space = Counter(row[2] for row in rows)
    by_space.pop(None, None)
    labels = {value: str(label) for value, label in kind_choices()}
    results.kinds = sorted(
        ((labels.get(k, k), n, k) for k, n in by_kind.items()), key=lambda t: (-t[1], str(t[0]))
    )
    if by_space:
        # Only spaces the reader may know exist are named (and counted) as facets.
        shown = visible_spaces(user, Space.objects.filter(pk__in=list(by_space)))
        results.spaces = sorted(
            ((space, by_space[space.pk]) for space in shown.only("pk", "name", "slug")),
            key=lambda t: (-t[1], t[0].name),
        )


# Other things than content ------------------------------------------------------------

# At most this many things of each source, on the first page of an unfiltered search.
OTHERS = 5


def others(*, user: Any, text: str) -> list[tuple[Any, list[SearchMatch]]]:
    """What the registered sources (``core.registry.SearchSource``) find for ``text``,
    each through its own gate: one query a source, for a search of the whole site."""
    query = parse(text)
    if not query:
        return []
    groups = [[" ".join(term.words) for term in group] for group in query.groups]
    excluded = [" ".join(term.words) for term in query.excluded]
    found = []
    for source in search_sources():
        matches = source.find(user, groups, excluded, OTHERS)
        if matches:
            found.append((source.label, matches))
    return found


# For the search form and its results ------------------------------------------------


def initiative_choices(*, user: Any) -> list[Initiative]:
    """The initiatives whose space the reader may know exists, in one query, with
    only what the form shows of them."""
    return list(
        known_initiatives(user=user)
        .only("countries", "space__id", "space__name", "space__slug")
        .order_by("space__name")
    )


def shown_space(*, user: Any, slug: str) -> Space | None:
    """The space with this address name, or None alike for one that does not exist
    and one the reader may not know exists."""
    return visible_spaces(user, Space.objects.filter(slug=slug)).first()
