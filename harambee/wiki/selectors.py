"""Reads of the knowledge base, always through the gate. Revisions, links and
watches are reached only from a page the reader was allowed to read, so old
versions obey the page as it is now."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext

from harambee.core.visibility import can_see_space, can_view, visible
from harambee.initiatives.models import LearningNote
from harambee.spaces.models import Space
from harambee.spaces.selectors import space_get
from harambee.wiki.markup import linked_titles, resolve_links, title_key
from harambee.wiki.models import (
    WikiLink,
    WikiPage,
    WikiRedirect,
    WikiRevision,
    WikiWatch,
    wiki_key_of,
)


def wiki_space(*, user: Any, slug: str | None) -> Space | None:
    """The space whose wiki is asked for (404 alike if unknown or kept from the
    user), or None for the alliance wiki."""
    if slug is None:
        return None
    return space_get(user=user, slug=slug)


def _key(space: Space | None) -> int:
    return wiki_key_of(space.pk if space else None)


def page_list(*, user: Any, space: Space | None, category: str = "") -> QuerySet[WikiPage]:
    pages = visible(user, WikiPage.objects.filter(wiki_key=_key(space)))
    if category:
        pages = pages.filter(category=category)
    return pages.select_related("space").order_by("title_key")


def page_get(*, user: Any, space: Space | None, slug: str) -> tuple[WikiPage | None, bool]:
    """(page, whether it was found under an old address). (None, False) when there
    is no such page for this reader: a hidden page answers like a missing one."""
    pages = WikiPage.objects.select_related("author", "space")
    if user.is_authenticated:
        # Whether the reader watches the page comes with it, saving a query.
        pages = pages.annotate(
            watched=Exists(WikiWatch.objects.filter(page_id=OuterRef("pk"), user_id=user.pk))
        )
    page = pages.filter(wiki_key=_key(space), slug=slug).first()
    renamed = False
    if page is not None and not can_view(user, page):
        # A page the reader may not see is not there for them: the address answers
        # as it would without it (an old address still leads on), revealing nothing.
        page = None
    if page is None:
        # The newest old name at this address of a page the reader may see.
        ids = list(
            WikiRedirect.objects.filter(wiki_key=_key(space), slug=slug)
            .order_by("-pk")
            .values_list("page_id", flat=True)
        )
        found = {p.pk: p for p in pages.filter(pk__in=ids)} if ids else {}
        page = next((found[i] for i in ids if i in found and can_view(user, found[i])), None)
        renamed = page is not None
    if page is None:
        return None, False
    if space is not None:
        page.space = space
    return page, renamed


def page_or_404(*, user: Any, space: Space | None, slug: str) -> WikiPage:
    page, _renamed = page_get(user=user, space=space, slug=slug)
    if page is None:
        raise Http404
    return page


def page_by_pk(*, user: Any, pk: int) -> WikiPage:
    page = WikiPage.objects.select_related("space").filter(pk=pk).first()
    if page is None or not can_view(user, page):
        raise Http404
    if page.space is not None:
        # A page in a space the reader may not know exists has no address for them.
        wiki_space(user=user, slug=page.space.slug)
    return page


def revisions(*, page: WikiPage) -> QuerySet[WikiRevision]:
    """The history of a page the caller has already been allowed to read."""
    return page.revisions.select_related("author").order_by("-number")


def recent_revisions(*, user: Any, space: Space | None) -> QuerySet[WikiRevision]:
    """Saves of the pages ``user`` may read now (the gate decides on the page as it is,
    like its history): of one space's wiki, or of every wiki for None."""
    pages = WikiPage.objects.filter(space=space) if space is not None else WikiPage.objects.all()
    return WikiRevision.objects.filter(page__in=visible(user, pages).values("pk")).select_related(
        "author", "page", "page__space"
    )


def name_spaces(*, user: Any, revisions: list[WikiRevision]) -> None:
    """Set ``shown_space`` on each revision: its page's space if the reader may know it."""
    for revision in revisions:
        space = revision.page.space if revision.page.space_id else None
        revision.shown_space = space if space is not None and can_see_space(user, space) else None  # type: ignore[attr-defined]


def revisions_numbered(*, page: WikiPage, numbers: list[int]) -> dict[int, WikiRevision]:
    """The page's revisions with these numbers, by number, in one query."""
    return {r.number: r for r in revisions(page=page).filter(number__in=numbers)}


def revision_get(*, page: WikiPage, number: int) -> WikiRevision:
    revision = revisions(page=page).filter(number=number).first()
    if revision is None:
        raise Http404
    return revision


def create_url(space: Space | None, title: str) -> str:
    name, args = ("wiki:space_create", [space.slug]) if space else ("wiki:create", [])
    return f"{reverse(name, args=args)}?{urlencode({'title': title})}"


def linked_html(*, user: Any, page: WikiPage, html: str) -> str:
    """``html`` of ``page`` (or one of its revisions) with each [[link]] pointing at
    the page of that title in the same wiki that the reader may see, or at an
    offer to create it. Two queries, however many links."""
    titles = linked_titles(html)
    if not titles:
        return html
    space = page.space if page.space_id else None
    keys = {title_key(t) for t in titles}
    old_names = {
        r.title_key: r.page_id
        for r in WikiRedirect.objects.filter(wiki_key=page.wiki_key, title_key__in=keys)
    }
    shown = visible(user, WikiPage.objects.filter(wiki_key=page.wiki_key)).filter(
        Q(title_key__in=keys) | Q(pk__in=set(old_names.values()))
    )
    by_pk: dict[int, str] = {}
    found: dict[str, str] = {}
    for target in shown.only("slug", "title_key", "space_id"):
        target.space = space
        by_pk[target.pk] = found[target.title_key] = target.url()
    for key, pk in old_names.items():
        if key not in found and pk in by_pk:
            found[key] = by_pk[pk]
    return resolve_links(
        html,
        lambda title: found.get(title_key(title)),
        lambda title: create_url(space, title),
        gettext("No page has this title yet: follow the link to write it."),
    )


def backlinks(*, user: Any, page: WikiPage) -> QuerySet[WikiPage]:
    """Pages of the same wiki, that the reader may see, linking to this page by its
    title or by one of its old titles."""
    keys = [page.title_key, *page.redirects.values_list("title_key", flat=True)]
    sources = WikiLink.objects.filter(wiki_key=page.wiki_key, target_key__in=keys).values(
        "source_id"
    )
    return (
        visible(user, WikiPage.objects.filter(pk__in=sources))
        .exclude(pk=page.pk)
        .select_related("space")
        .order_by("title_key")
    )


def examples(*, user: Any, page: WikiPage) -> QuerySet[LearningNote]:
    """The learning notes that used this method, those the reader may see only."""
    return (
        visible(user, LearningNote.objects.filter(wiki_pages=page))
        .select_related("initiative__space")
        .order_by("-created")
    )


def example_choices(*, user: Any, page: WikiPage) -> list[int]:
    return list(examples(user=user, page=page).values_list("pk", flat=True))


EXAMPLE_OPTIONS = 100


def example_options(*, user: Any, page: WikiPage | None) -> list[tuple[int, str]]:
    """Learning notes a writer may tick as examples: the page's examples they may
    read, then the newest notes they may read, named by title only (a note's space
    is not named: the writer may read a public note of a space they may not know)."""
    readable = visible(user, LearningNote.objects.all())
    chosen = list(example_choices(user=user, page=page)) if page is not None else []
    rows = list(readable.filter(pk__in=chosen).order_by("title").values_list("pk", "title")) + list(
        readable.exclude(pk__in=chosen)
        .order_by("-created", "-pk")
        .values_list("pk", "title")[:EXAMPLE_OPTIONS]
    )
    return [(pk, title or gettext("Learning note #%(n)d") % {"n": pk}) for pk, title in rows]


def is_watching(*, user: Any, page: WikiPage) -> bool:
    if not user.is_authenticated:
        return False
    if hasattr(page, "watched"):
        return bool(page.watched)
    return WikiWatch.objects.filter(user=user, page=page).exists()
