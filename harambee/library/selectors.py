"""Reads for the resource library; every one goes through the gate. Filter choices
come only from resources the reader may see, so a hidden resource never reveals an
organisation, language, year or theme."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet, Value
from django.http import Http404
from django.utils.translation import get_language

from harambee.core import anoncache
from harambee.core.models import Content
from harambee.core.queries import fresh_copy, one
from harambee.core.selectors import with_comment_counts
from harambee.core.visibility import can_view, visible, visible_spaces
from harambee.initiatives.models import Initiative, Theme
from harambee.library.models import (
    LANGUAGE_NAMES,
    RESOURCE_LANGUAGES,
    Collection,
    CollectionEntry,
    Resource,
    ResourceVersion,
)
from harambee.people.models import Organisation
from harambee.people.roles import Perm
from harambee.spaces.models import Space
from harambee.spaces.selectors import with_shown_space
from harambee.wiki.models import WikiPage

SORTS = {
    "newest": ("-created", "-pk"),
    "title": ("title", "pk"),
    "year": ("-year", "-created", "-pk"),
    "downloads": ("-download_count", "-created", "-pk"),
}


def _resources(user: Any, space: Space | None) -> QuerySet[Resource]:
    # The kind, named on the items' own table, lets an index give the newest first.
    qs = Resource.objects.filter(kind=Resource.KIND)
    if space is not None:
        qs = qs.filter(space=space)
    return visible(user, qs)


def resource_list(
    *,
    user: Any,
    space: Space | None = None,
    resource_type: str = "",
    theme: str = "",
    language: str = "",
    year: int | None = None,
    organisation: str = "",
    sort: str = "newest",
) -> QuerySet[Resource]:
    qs = _filtered(_resources(user, space), "", resource_type, theme, language, year, organisation)
    return (
        with_comment_counts(qs)
        .select_related("author", "space", "current__attachment")
        .order_by(*SORTS.get(sort, SORTS["newest"]))
    )


def resource_keys(
    *,
    user: Any,
    space: Space | None = None,
    resource_type: str = "",
    theme: str = "",
    language: str = "",
    year: int | None = None,
    organisation: str = "",
    sort: str = "newest",
) -> QuerySet[Content]:
    """``resource_list`` asked of the items' table, for its page's keys
    (``core.paging``): there the (kind, created) index gives the newest first, where
    SQLite would scan every resource and sort them."""
    qs = Content.objects.filter(kind=Resource.KIND)
    if space is not None:
        qs = qs.filter(space=space)
    qs = _filtered(
        visible(user, qs), "resource__", resource_type, theme, language, year, organisation
    )
    order = SORTS.get(sort, SORTS["newest"])
    return qs.order_by(*(_on_resource(field) for field in order))


def _on_resource(field: str) -> str:
    """An ordering of ``SORTS`` named from the items' table."""
    name = field.lstrip("-")
    if name in RESOURCE_OWN:
        return field.replace(name, "resource__" + name)
    return field


# The fields of SORTS and of the filters on the resources' own table.
RESOURCE_OWN = {"year", "download_count"}


def _filtered(
    qs: QuerySet[Any],
    prefix: str,
    resource_type: str,
    theme: str,
    language: str,
    year: int | None,
    organisation: str,
) -> QuerySet[Any]:
    """The library's filters on ``qs``, whose resource fields are reached by
    ``prefix`` (empty on Resource, ``resource__`` on Content)."""
    if resource_type:
        qs = qs.filter(**{prefix + "resource_type": resource_type})
    if theme:
        qs = qs.filter(**{prefix + "themes__slug": theme})
    if language:
        # A JSON list of codes: matching the quoted code works on SQLite and PostgreSQL.
        qs = qs.filter(**{prefix + "languages__icontains": f'"{language}"'})
    if year:
        qs = qs.filter(**{prefix + "year": year})
    if organisation:
        qs = qs.filter(**{prefix + "organisations__slug": organisation})
    if theme or organisation:
        qs = qs.distinct()
    return qs


# Seconds the filter choices of one reader are kept between writes (filter_choices).
CHOICES_CACHE_SECONDS = 300


def filter_choices(*, user: Any, space: Space | None = None) -> dict[str, list[tuple[str, str]]]:
    """The values present among the resources ``user`` may see.

    Reading them takes three scans of every resource the reader may see (up to half a
    second at a million items), so they are kept in the shared cache for this reader,
    space and language under the write generation (``anoncache.shared_generation``):
    any committed write gives a new key at once, so no value of a resource that left
    the reader's sight survives it. What changes with time alone (a membership
    expiring) shows within ``CHOICES_CACHE_SECONDS``."""
    generation = anoncache.shared_generation()
    if generation is None:
        return _filter_choices(user=user, space=space)
    key = ":".join(
        (
            "harambee:library-choices",
            str(generation),
            str(user.pk) if user.is_authenticated else "anonymous",
            str(space.pk) if space is not None else "",
            get_language() or "",
        )
    )
    choices = cache.get(key)
    if choices is None:
        choices = _filter_choices(user=user, space=space)
        cache.set(key, choices, CHOICES_CACHE_SECONDS)
    return choices


def _filter_choices(*, user: Any, space: Space | None) -> dict[str, list[tuple[str, str]]]:
    seen = _resources(user, space)
    ids = seen.values("pk")
    # Kinds, years and languages in one scan: a row per combination found.
    rows = seen.order_by().values_list("resource_type", "year", "languages").distinct()
    types: set[str] = set()
    found_years: set[int] = set()
    codes: set[str] = set()
    for kind, year, languages in rows:
        types.add(kind)
        if year:
            found_years.add(year)
        codes.update(code for code in languages or () if code in LANGUAGE_NAMES)
    years = sorted(found_years, reverse=True)
    return {
        "resource_type": [(v, str(label)) for v, label in Resource.Type.choices if v in types],
        "theme": [
            (slug, Theme.translated(translations, "name", name))
            for slug, name, translations in Theme.objects.filter(resources__in=ids)
            .distinct()
            .values_list("slug", "name", "translations")
        ],
        "language": [(c, str(label)) for c, label in RESOURCE_LANGUAGES if c in codes],
        "year": [(str(y), str(y)) for y in years],
        "organisation": list(
            Organisation.objects.filter(resources__in=ids)
            .distinct()
            .order_by("name")
            .values_list("slug", "name")
        ),
    }


def resource_get(*, user: Any, pk: int) -> Resource:
    """The resource, or 404 alike for a missing and a hidden one. ``has_related``
    spares the page a query when no wiki page or collection refers to it."""

    pages = WikiPage.objects.filter(resources=OuterRef("pk"))
    entries = CollectionEntry.objects.filter(item_id=OuterRef("pk"))
    resource = one(
        Resource.objects.select_related("author", "space", "current__attachment")
        .prefetch_related("coauthors")
        .annotate(has_related=Exists(pages) | Exists(entries))
        .filter(pk=pk)
    )
    if resource is None or not can_view(user, resource):
        raise Http404
    with_shown_space(user, [resource])
    return resource


def resource_versions(*, resource: Resource) -> list[ResourceVersion]:
    """Every version, newest first. Call only with a resource from ``resource_get``."""
    return list(resource.versions.select_related("attachment", "uploaded_by").order_by("-number"))


def version_get(*, user: Any, pk: int, number: int | None = None) -> ResourceVersion:
    """A version of a resource the user may read (the current one without a
    number); 404 alike for a missing version and a hidden resource."""
    resource = Resource.objects.filter(pk=pk).first()
    if resource is None or not can_view(user, resource):
        raise Http404
    qs = resource.versions.select_related("attachment", "resource")
    if number is None:
        if resource.current_id is None:
            raise Http404
        qs = qs.filter(pk=resource.current_id)
    else:
        qs = qs.filter(number=number)
    version = qs.first()
    if version is None:
        raise Http404
    return version


def resource_related(*, user: Any, resource: Resource) -> dict[str, Any]:
    """Related wiki pages and collections (in one query), themes, organisations and
    initiatives (in another), each only if the reader may see it."""

    pages: list[Content] = []
    collections: list[Content] = []
    if getattr(resource, "has_related", True):
        page_ids = WikiPage.objects.filter(resources=resource).values("pk")
        collection_ids = CollectionEntry.objects.filter(item_id=resource.pk).values("collection_id")
        related = visible(
            user,
            Content.objects.filter(
                Q(kind=WikiPage.KIND, pk__in=page_ids)
                | Q(kind=Collection.KIND, pk__in=collection_ids)
            ),
        ).order_by("title", "pk")
        for item in related:
            (pages if item.kind == WikiPage.KIND else collections).append(item)
    return {"wiki_pages": pages, "collections": collections, **_facets(user, resource)}


def _facets(user: Any, resource: Resource) -> dict[str, list[tuple[str, str]]]:
    """Themes, organisations and related initiatives (those in spaces the reader may
    know), as (name, slug) pairs, in one query."""
    spaces = visible_spaces(user, Space.objects.all())
    rows = (
        Theme.objects.filter(resources=resource)
        .order_by()
        .annotate(facet=Value("theme"))
        .values_list("facet", "name", "slug")
        .union(
            Organisation.objects.filter(resources=resource)
            .order_by()
            .annotate(facet=Value("organisation"))
            .values_list("facet", "name", "slug"),
            Initiative.objects.filter(resources=resource, space__in=spaces)
            .order_by()
            .annotate(facet=Value("initiative"))
            .values_list("facet", "space__name", "space__slug"),
            all=True,
        )
    )
    found: dict[str, list[tuple[str, str]]] = {"theme": [], "organisation": [], "initiative": []}
    for facet, name, slug in rows:
        found[facet].append((name, slug))
    if found["theme"]:
        # Theme names in the reader's language (the vocabulary's translations).
        labels = {
            slug: Theme.translated(translations, "name", name)
            for slug, name, translations in Theme.objects.filter(
                slug__in=[slug for _name, slug in found["theme"]]
            ).values_list("slug", "name", "translations")
        }
        found["theme"] = [(labels.get(slug, name), slug) for name, slug in found["theme"]]
    return {
        "themes": sorted(found["theme"]),
        "organisations": sorted(found["organisation"]),
        "initiatives": sorted(found["initiative"]),
    }


def collection_list(*, user: Any, space: Space | None = None) -> QuerySet[Collection]:
    qs = Collection.objects.all()
    if space is not None:
        qs = qs.filter(space=space)
    return visible(user, qs).select_related("author").order_by("title", "pk")


def collection_keys(*, user: Any, space: Space | None = None) -> QuerySet[Content]:
    """``collection_list`` asked of the items' table, whose (kind, title) index gives
    it in order (``core.paging``'s ``keys``)."""
    qs = Content.objects.filter(kind=Collection.KIND)
    if space is not None:
        qs = qs.filter(space=space)
    return visible(user, qs).order_by("title", "pk")


def collections_first(*, user: Any, space: Space | None = None, limit: int = 10) -> list[Any]:
    """The first ``limit`` collections of ``collection_list``, for a list of their
    titles: read from the items' table alone, in the order its (kind, title) index
    gives, with only what a link to each needs (its kind gives its address)."""
    found = collection_keys(user=user, space=space).only("pk", "kind", "title")
    return list(found[:limit])


def collection_get(*, user: Any, pk: int) -> Collection:
    collection = (
        Collection.objects.select_related("author", "space")
        .prefetch_related("coauthors")
        .filter(pk=pk)
        .first()
    )
    if collection is None or not can_view(user, collection):
        raise Http404
    with_shown_space(user, [collection])
    return collection


def collection_entries(*, user: Any, collection: Collection) -> list[CollectionEntry]:
    """The entries ``user`` may read, in order; the others are left out without a
    trace. Each entry gets ``shown`` (the item as Content) and, for resources,
    ``resource``. Three queries whatever the number of entries."""
    entries = list(collection.entries.order_by("position", "pk"))
    ids = [e.item_id for e in entries]
    readable = {
        item.pk: item
        for item in visible(
            user, Content.objects.filter(pk__in=ids, kind__in=[Resource.KIND, WikiPage.KIND])
        )
    }
    resources = {
        r.pk: r
        for r in Resource.objects.filter(pk__in=list(readable)).select_related(
            "current__attachment"
        )
    }
    shown = []
    for entry in entries:
        item = readable.get(entry.item_id)
        if item is None:
            continue
        entry.shown = item  # type: ignore[attr-defined]
        entry.resource = resources.get(item.pk)  # type: ignore[attr-defined]
        shown.append(entry)
    return shown


def editable_collections(*, user: Any) -> QuerySet[Collection]:
    """Collections ``user`` curates (author or co-author), for "add to a collection"."""
    if not user.is_authenticated:
        return Collection.objects.none()
    return (
        visible(user, Collection.objects.filter(Q(author=user) | Q(coauthors=user)))
        .distinct()
        .order_by("title")
    )


def collectable_items(*, user: Any) -> QuerySet[Content]:
    """Resources and wiki pages ``user`` may read, to choose from when curating."""
    items = Content.objects.filter(kind__in=[Resource.KIND, WikiPage.KIND])
    return visible(user, items).order_by("title", "pk")


# For forms -------------------------------------------------------------------------


def resource_for_form(*, resource: Resource) -> Resource:
    """A fresh copy of a resource the caller may edit, for a form to change while the
    service still sees the resource as it was."""
    return fresh_copy(resource)


# What a resource names: the many-to-many fields of its form (``forms.ResourceForm``).
RELATIONS = ("coauthors", "organisations", "themes", "initiatives", "wiki_pages")


def resource_relations(*, resource: Resource) -> dict[str, list[int]]:
    """The ids of the people, organisations, themes, initiatives and wiki pages a
    resource names, for its form, in one query: a row per link, from each link table."""
    queries = []
    for name in RELATIONS:
        field = Resource._meta.get_field(name)
        through = field.remote_field.through  # type: ignore[union-attr]
        queries.append(
            through.objects.filter(**{field.m2m_field_name(): resource.pk})  # type: ignore[union-attr]
            .order_by()
            .values_list(field.m2m_reverse_field_name())  # type: ignore[union-attr]
            .annotate(_relation=Value(name, output_field=CharField()))
        )
    found: dict[str, list[int]] = {name: [] for name in RELATIONS}
    for pk, name in queries[0].union(*queries[1:], all=True):
        found[name].append(pk)
    return found


def collection_for_form(*, collection: Collection) -> Collection:
    """A fresh copy of a collection the caller may edit (see ``resource_for_form``)."""
    return Collection.objects.get(pk=collection.pk)


def wiki_page_choices(*, user: Any) -> QuerySet[WikiPage]:
    return visible(user, WikiPage.objects.all()).order_by("title")


def organisation_choices(*, user: Any) -> QuerySet[Organisation]:
    """Everyone in the directory may name any organisation; a guest, who may not
    browse the directory, only their own."""
    if user.may(Perm.SEE_DIRECTORY):
        return Organisation.objects.order_by("name")
    return Organisation.objects.filter(pk=user.organisation_id)


def entry_get(*, user: Any, collection: Collection, pk: int) -> CollectionEntry:
    """An entry whose item the user may read; one they may not answers 404, like a
    missing one, so it can neither be found nor moved or removed blind."""
    entry = collection.entries.select_related("item").filter(pk=pk).first()
    if entry is None or not can_view(user, entry.item):
        raise Http404
    return entry
