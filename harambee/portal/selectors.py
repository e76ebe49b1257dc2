"""What the feeds and the sitemap read: always through the gate.

Anonymous feeds and the sitemap read as an anonymous visitor, and go one step further
than the gate: an item in a space the public may not know exists (listed to members,
or secret) is left out even when it is public, so that neither its address nor its
existence leaves the platform through a feed or a search engine. The private feed reads
as its owner, at every fetch, so what they may no longer see is gone at once.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from harambee.core.models import Content, Visibility
from harambee.core.registry import ContentKind, content_kind
from harambee.core.selectors import with_comment_counts
from harambee.core.visibility import can_view, visible, visible_people, visible_spaces
from harambee.events.models import Event
from harambee.initiatives.models import Initiative, Theme
from harambee.people.models import User
from harambee.portal.models import Feature, FeedToken, FrontPage, News
from harambee.portal.rules import may_curate
from harambee.spaces.models import Space
from harambee.spaces.selectors import with_shown_space
from harambee.stream.models import Hashtag
from harambee.stream.selectors import tagged, timeline
from harambee.synthesis.selectors import on_theme

# Items per feed: feed readers ask often, and only for what is new.
FEED_LIMIT = 50
# How often a private feed's "last used" is written, at most.
LAST_USED_EVERY = timedelta(hours=1)


def anonymous() -> AnonymousUser:
    return AnonymousUser()


def _in_shown_space(user: Any) -> Q:
    """Items outside any space, or in a space ``user`` may know exists."""
    shown = visible_spaces(user, Space.objects.all()).values("pk")
    return Q(space__isnull=True) | Q(space_id__in=shown)


def public_items(queryset: QuerySet[Any] | None = None) -> QuerySet[Any]:
    """What may leave the platform: public items, not in a space hidden from the public."""
    user = anonymous()
    qs = Content.objects.all() if queryset is None else queryset
    return visible(user, qs).filter(_in_shown_space(user))


def latest(queryset: QuerySet[Any]) -> list[Content]:
    """The newest items of ``queryset``, in one query (the envelope carries all a feed
    shows: title, excerpt, dates, kind and so the address)."""
    return list(queryset.order_by("-created", "-pk")[:FEED_LIMIT])


def feed_kind(*, value: str) -> ContentKind:
    try:
        return content_kind(value)
    except LookupError:
        raise Http404 from None


def public_space(*, slug: str) -> Space:
    """A space the public may know exists; 404 for any other, as for a missing one."""
    space = visible_spaces(anonymous(), Space.objects.filter(slug=slug)).first()
    if space is None:
        raise Http404
    return space


def public_initiative(*, slug: str) -> Initiative:
    space = public_space(slug=slug)
    initiative = Initiative.objects.filter(space=space).first()
    if initiative is None:
        raise Http404
    initiative.space = space
    return initiative


def theme_get(*, slug: str) -> Theme:
    theme = Theme.objects.filter(slug=slug).first()
    if theme is None:
        raise Http404
    return theme


def hashtag_find(*, name: str) -> Hashtag | None:
    """The tag, or None for one nobody used: its feed is then empty, the same as the
    feed of a tag used only on items the public may not see (as its page is)."""
    return Hashtag.objects.filter(name=name).first()


def everything() -> list[Content]:
    return latest(public_items())


def of_kind(*, kind: ContentKind) -> list[Content]:
    return latest(public_items(Content.objects.filter(kind=kind.value)))


def in_space(*, space: Space) -> list[Content]:
    return latest(public_items(Content.objects.filter(space=space)))


def on_a_theme(*, theme: Theme) -> list[Content]:
    return latest(public_items(Content.objects.filter(on_theme(theme))))


def with_tag(*, hashtag: Hashtag | None) -> list[Content]:
    if hashtag is None:
        return []
    return latest(public_items(tagged(hashtag=hashtag)))


# The private feed ----------------------------------------------------------------------


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_owner(*, token: str) -> User:
    """The person whose private feed ``token`` opens; 404 for a revoked, made-up or
    malformed one, and for an account that is no longer active. Found by the token's
    hash, so the token itself is never compared."""
    if not token or len(token) > 100:
        raise Http404
    found = FeedToken.objects.filter(digest=token_digest(token)).select_related("user").first()
    if found is None or not found.user.is_active:
        raise Http404
    now = timezone.now()
    if found.last_used is None or found.last_used < now - LAST_USED_EVERY:
        FeedToken.objects.filter(pk=found.pk).update(last_used=now)
    return found.user


def feed_token(*, user: Any) -> FeedToken | None:
    if not user.is_authenticated:
        return None
    return FeedToken.objects.filter(user_id=user.pk).first()


def followed(*, user: User) -> list[Content]:
    """What ``user`` follows (tags, people, spaces: the stream's timeline) that they may
    read now, leaving out items in a space they may not know exists (whose address
    would name it)."""
    return latest(visible(user, timeline(user=user)).filter(_in_shown_space(user)))


def shown_authors(*, user: Any, items: list[Content]) -> dict[int, str]:
    """Display names of the authors of ``items`` that ``user`` may see, by id (one
    query; none for an anonymous reader, who is shown nobody)."""
    ids = {item.author_id for item in items if item.author_id}
    if not ids or not user.is_authenticated:
        return {}
    people = visible_people(user, User.objects.filter(pk__in=ids))
    return dict(people.values_list("pk", "display_name"))


# The sitemap -----------------------------------------------------------------------------


def sitemap_items() -> QuerySet[Content]:
    return public_items().only("pk", "kind", "updated").order_by("pk")


def sitemap_spaces() -> QuerySet[Space]:
    return visible_spaces(anonymous(), Space.objects.all()).only("slug").order_by("pk")


def sitemap_initiatives() -> QuerySet[Space]:
    return sitemap_spaces().filter(pk__in=Initiative.objects.values("space_id"))


def sitemap_themes() -> QuerySet[Theme]:
    return Theme.objects.only("slug").order_by("pk")


# The front page and news -------------------------------------------------------------
#
# The front page is the same for everyone: it reads as an anonymous visitor, whoever
# asks, so it never shows what the public may not read and the page cache can share it.

FRONT_FEATURED = 6
FRONT_NEWS = 4
FRONT_EVENTS = 5
FRONT_INITIATIVES = 12
FRONT_LATEST = 8


def front_page() -> FrontPage:
    """The front page's text (an unsaved, empty one before a steward writes it)."""
    return FrontPage.objects.order_by("pk").first() or FrontPage()


def _cards(queryset: QuerySet[Any], limit: int) -> list[Any]:
    """Public items as ``core/_item.html`` shows them: comment counts and the space
    (named only when the public may know it) in the same query."""
    items = list(
        with_comment_counts(public_items(queryset)).select_related("author", "space")[:limit]
    )
    return with_shown_space(anonymous(), items)


def featured(*, limit: int = FRONT_FEATURED) -> list[Content]:
    """Featured items that are public now, newest feature first. A feature of an item
    that has stopped being public is kept but not shown."""
    qs = Content.objects.filter(portal_feature__isnull=False).order_by(
        "-portal_feature__created", "-pk"
    )
    return _cards(qs, limit)


def latest_news(*, limit: int = FRONT_NEWS) -> list[News]:
    return list(public_items(News.objects.all()).order_by("-published", "-pk")[:limit])


def news_list() -> QuerySet[News]:
    return public_items(News.objects.all()).order_by("-published", "-pk")


def news_drafts(*, user: Any) -> list[News]:
    """A curator's unpublished news items (their own drafts: private to their author)."""
    if not may_curate(user):
        return []
    qs = visible(user, News.objects.exclude(visibility=Visibility.PUBLIC))
    return list(qs.order_by("-updated")[:20])


def news_get(*, user: Any, pk: int) -> News:
    """A news item ``user`` may read (a draft: its author), or 404 like a missing one."""
    item = News.objects.select_related("author").filter(pk=pk).first()
    if item is None or not can_view(user, item):
        raise Http404
    return item


def upcoming_public_events(*, limit: int = FRONT_EVENTS) -> list[Event]:
    now = timezone.now()
    qs = Event.objects.filter(ends__gt=now, cancelled__isnull=True).order_by("starts", "pk")
    return list(public_items(qs).select_related("space")[:limit])


def public_initiatives(*, limit: int = FRONT_INITIATIVES) -> list[Initiative]:
    """Initiatives the public may know of, with their countries: listed on the front
    page beside the map (``{% initiatives_map %}``), which shows only those with a place."""
    shown = visible_spaces(anonymous(), Space.objects.all()).values("pk")
    return list(
        Initiative.objects.filter(space_id__in=shown)
        .select_related("space")
        .order_by("space__name")[:limit]
    )


def latest_public(*, limit: int = FRONT_LATEST) -> list[Content]:
    return _cards(Content.objects.exclude(kind=News.KIND).order_by("-created", "-pk"), limit)


# Curation --------------------------------------------------------------------------------


def feature_candidates(*, limit: int = 30) -> list[Content]:
    """The newest public items not featured yet, for a steward to pick from."""
    qs = Content.objects.filter(portal_feature__isnull=True).order_by("-created", "-pk")
    return _cards(qs, limit)


def features_not_shown() -> int:
    """Featured items that are not public any more (and so are not on the front page)."""
    shown = public_items(Content.objects.filter(portal_feature__isnull=False)).values("pk")
    return Feature.objects.exclude(content_id__in=shown).count()


def content_for_curator(*, user: Any, pk: int) -> Content:
    """An item the curator may read, or 404 like a missing one."""
    item = Content.objects.filter(pk=pk).first()
    if item is None or not can_view(user, item):
        raise Http404
    return item


def is_public(*, content: Content) -> bool:
    return public_items(Content.objects.filter(pk=content.pk)).exists()
