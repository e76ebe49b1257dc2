"""RSS 2.0 and Atom feeds, with Django's syndication framework.

One ``Feed`` class serves every feed: what differs between them (the items, the title,
the page they mirror) is a *scope*, a function of the request and the URL's arguments
that reads through ``portal.selectors`` and answers 404 for what does not exist or may
not be known. Each scope is served in both formats (``rss.xml`` and ``atom.xml``).

Items are ``Content`` envelopes, one query for the lot: the title, a plain-text excerpt
of the rendered body (escaped by the feed writer), absolute links from ``SITE_URL``,
and dates. Authors are named only to a reader the gate shows them to: never in an
anonymous feed (anonymous visitors are shown nobody), and in a private feed only those
its owner may see.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from harambee.core.excerpt import text_excerpt
from harambee.core.models import Content
from harambee.portal import selectors

EXCERPT_WORDS = 60


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


@dataclass
class FeedPage:
    title: str
    description: str
    link: str
    items: list[Content]
    feed_url: str = ""
    authors: dict[int, str] = field(default_factory=dict)


Scope = Callable[..., FeedPage]


class ScopedFeed(Feed):
    """A feed of one scope in one format."""

    def __init__(self, scope: Scope, feed_type: type[Rss201rev2Feed] | type[Atom1Feed]):
        super().__init__()
        self.scope = scope
        self.feed_type = feed_type

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["X-Content-Type-Options"] = "nosniff"
        return response

    def get_object(self, request, *args, **kwargs) -> FeedPage:
        page = self.scope(request, **kwargs)
        page.feed_url = absolute(request.path)
        return page

    # The feed.
    def title(self, page: FeedPage) -> str:
        return page.title

    def description(self, page: FeedPage) -> str:
        return page.description

    def subtitle(self, page: FeedPage) -> str:
        return page.description

    def link(self, page: FeedPage) -> str:
        return page.link

    def feed_url(self, page: FeedPage) -> str:
        return page.feed_url

    def author_name(self) -> str:
        # Atom asks for an author of the feed; the platform publishes it.
        return settings.SITE_NAME

    def items(self, page: FeedPage) -> list[Any]:
        for item in page.items:
            item.feed_author = page.authors.get(item.author_id, "")
        return page.items

    # Each item.
    def item_title(self, item: Content) -> str:
        return item.title or str(item.kind_spec.label)

    def item_description(self, item: Content) -> str:
        return text_excerpt(item.body_html, words=EXCERPT_WORDS)

    def item_link(self, item: Content) -> str:
        return absolute(item.get_absolute_url())

    def item_guid(self, item: Content) -> str:
        return absolute(item.get_absolute_url())

    def item_pubdate(self, item: Content):
        return item.created

    def item_updateddate(self, item: Content):
        return item.updated

    def item_author_name(self, item: Content) -> str | None:
        return item.feed_author or None

    def item_categories(self, item: Content) -> list[str]:
        return [str(item.kind_spec.label)]


# Scopes ----------------------------------------------------------------------------------


def everything(request) -> FeedPage:
    return FeedPage(
        title=_("%(site)s: everything public") % {"site": settings.SITE_NAME},
        description=_("The newest public items of every kind."),
        link=absolute(reverse("home")),
        items=selectors.everything(),
    )


def of_kind(request, kind: str) -> FeedPage:
    spec = selectors.feed_kind(value=kind)
    return FeedPage(
        title=_("%(site)s: %(kind)s") % {"site": settings.SITE_NAME, "kind": spec.label},
        description=_("The newest public items of this kind: %(kind)s.") % {"kind": spec.label},
        link=absolute(reverse("home")),
        items=selectors.of_kind(kind=spec),
    )


def in_space(request, slug: str) -> FeedPage:
    space = selectors.public_space(slug=slug)
    return FeedPage(
        title=_("%(site)s: %(space)s") % {"site": settings.SITE_NAME, "space": space.name},
        description=_("The newest public items in this space."),
        link=absolute(space.get_absolute_url()),
        items=selectors.in_space(space=space),
    )


def in_initiative(request, slug: str) -> FeedPage:
    initiative = selectors.public_initiative(slug=slug)
    space = initiative.space
    return FeedPage(
        title=_("%(site)s: %(space)s") % {"site": settings.SITE_NAME, "space": space.name},
        description=_("The newest public items of this initiative."),
        link=absolute(initiative.get_absolute_url()),
        items=selectors.in_space(space=space),
    )


def on_theme(request, slug: str) -> FeedPage:
    theme = selectors.theme_get(slug=slug)
    return FeedPage(
        title=_("%(site)s: %(theme)s") % {"site": settings.SITE_NAME, "theme": theme.label},
        description=_("The newest public items on this theme."),
        link=absolute(reverse("synthesis:theme", args=[theme.slug])),
        items=selectors.on_a_theme(theme=theme),
    )


def with_tag(request, name: str) -> FeedPage:
    from harambee.stream.services import hashtag_name

    normalised = hashtag_name(name)
    if normalised is None:
        raise Http404
    hashtag = selectors.hashtag_find(name=normalised)
    return FeedPage(
        title=_("%(site)s: #%(tag)s") % {"site": settings.SITE_NAME, "tag": normalised},
        description=_("The newest public items carrying this tag."),
        link=absolute(reverse("stream:tag", args=[normalised])),
        items=selectors.with_tag(hashtag=hashtag),
    )


def private(request, token: str) -> FeedPage:
    owner = selectors.token_owner(token=token)
    items = selectors.followed(user=owner)
    return FeedPage(
        title=_("%(site)s: what you follow") % {"site": settings.SITE_NAME},
        description=_(
            "Items carrying the tags, by the people and in the spaces you follow, "
            "that you may read."
        ),
        link=absolute(reverse("stream:timeline")),
        items=items,
        authors=selectors.shown_authors(user=owner, items=items),
    )


SCOPES: dict[str, Scope] = {
    "all": everything,
    "kind": of_kind,
    "space": in_space,
    "initiative": in_initiative,
    "theme": on_theme,
    "tag": with_tag,
    "private": private,
}
FORMATS = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


def feed(scope: str, fmt: str) -> ScopedFeed:
    return ScopedFeed(SCOPES[scope], FORMATS[fmt])
