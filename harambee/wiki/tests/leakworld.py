"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

Pages in every space of the world and in the alliance wiki, at every visibility,
each with an older revision (its own title, text and summary), an old name that
redirects, a [[link]] to a shared public page, a watch and a comment, all carrying
the page's ``LEAK<n>W`` marker. One page was public and is private now: its old
public revision must not show to anyone who may not read it today. A public page
lists every learning note of the world as an example: readers see only theirs.
"""

from __future__ import annotations

from django.urls import reverse

from harambee.core.models import Visibility
from harambee.core.tests.factories import CommentFactory
from harambee.core.visibility import can_see_space
from harambee.wiki.models import WikiLink, WikiPage, WikiRedirect, WikiRevision, WikiWatch


def _page(world, *, space, author, visibility, body_extra="", old_visibility_note=""):
    marker = f"LEAK{len(world['items'])}W"
    page = WikiPage(
        space=space,
        author=author,
        visibility=visibility,
        title=f"{marker}-TITLE",
        body=f"{marker}-BODY\n\nSee [[Leak hub]].{body_extra}",
        category=WikiPage.Category.METHODOLOGY,
        revision=2,
    )
    page.save()
    WikiRevision.objects.create(
        page=page,
        number=1,
        title=f"{marker}-OLDTITLE",
        body=f"{marker}-OLDBODY {old_visibility_note}",
        category=WikiPage.Category.CONCEPT,
        author=author,
        summary=f"{marker}-FIRSTSUMMARY",
    )
    WikiRevision.objects.create(
        page=page,
        number=2,
        title=page.title,
        body=page.body,
        category=page.category,
        author=author,
        summary=f"{marker}-SUMMARY",
    )
    WikiRedirect.objects.create(
        wiki_key=page.wiki_key,
        title_key=f"{marker}-oldtitle".casefold(),
        slug=f"{marker}-old".lower(),
        page=page,
    )
    WikiLink.objects.create(source=page, wiki_key=page.wiki_key, target_key="leak hub")
    WikiWatch.objects.create(user=author, page=page)
    CommentFactory(content=page, author=author, body=f"{marker}-COMMENT")
    world["items"].append(page)
    world["wiki_pages"].append(page)
    return page


def build(cast, world) -> None:
    """Add this app's items to ``world`` (and to ``world["items"]``)."""
    world["wiki_pages"] = []
    wikis = [*world["authors"].items(), (None, cast.member)]
    for space, author in wikis:
        # The page every other page of its wiki links to: "what links here" on it
        # must list only the linking pages the reader may see.
        hub = WikiPage(
            space=space,
            author=author,
            visibility=Visibility.PUBLIC,
            title="Leak hub",
            body="Pages link here.",
            revision=1,
        )
        hub.save()
        WikiRevision.objects.create(
            page=hub, number=1, title=hub.title, body=hub.body, category=hub.category, author=author
        )
        world.setdefault("wiki_hubs", []).append(hub)
        for visibility in Visibility.values:
            _page(world, space=space, author=author, visibility=visibility)
        # Once public, now private: its public past must not outlive the change.
        _page(
            world,
            space=space,
            author=author,
            visibility=Visibility.PRIVATE,
            old_visibility_note="(written when the page was public)",
        )
    examples = _page(world, space=None, author=cast.member, visibility=Visibility.PUBLIC)
    examples.examples.set(world["notes"])


def has_page(user, item) -> bool | None:
    """A page in a space the reader may not know exists has no address for them
    (``wiki.selectors.page_by_pk``), even a public one; None for other kinds."""
    if not isinstance(item, WikiPage):
        return None
    return item.space_id is None or can_see_space(user, item.space)


def listed_on(user, item, world) -> list[str] | None:
    """A page is listed in its wiki's index; None for other kinds."""
    if not isinstance(item, WikiPage):
        return None
    if item.space_id is None:
        return [reverse("wiki:index")]
    return [reverse("wiki:space_index", args=[item.space.slug])]


def _page_urls(name: str, page: WikiPage) -> list[str]:
    short = name.removeprefix("space_")
    if short in {"revision", "revert"}:
        return [page.url(short, 1), page.url(short, 2)]
    urls = [page.url(short)]
    if short == "diff":
        urls += [f"{urls[0]}?from=1&to=2&mode=inline", f"{urls[0]}?from=0&to=1"]
    if short == "page":
        # The old addresses of the page, which redirect.
        prefix = urls[0].rsplit("/", 2)[0]
        urls += [f"{prefix}/{redirect.slug}/" for redirect in page.redirects.all()]
    return urls


def urls_for(name: str, cast, world) -> list[str] | None:
    """URLs for this app's routes that take parameters; None for other routes."""
    if not name.startswith("wiki:"):
        return None
    short = name.removeprefix("wiki:")
    pages = world["wiki_pages"] + world["wiki_hubs"]
    if short in {"index", "create"}:
        return [reverse(name), f"{reverse(name)}?category=methodology"]
    if short == "recent":
        return [reverse(name)]
    if short in {"space_index", "space_create", "space_recent"}:
        return [reverse(name, args=[s.slug]) for s in world["spaces"]]
    if short == "page_by_id":
        return [reverse(name, args=[p.pk]) for p in pages]
    in_space = short.startswith("space_")
    return [
        url
        for page in pages
        if (page.space_id is not None) == in_space
        for url in _page_urls(short, page)
    ]
