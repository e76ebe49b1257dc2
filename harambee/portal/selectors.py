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

from harambee.core.models import Content
from harambee.core.registry import ContentKind, content_kind
from harambee.core.visibility import visible, visible_people, visible_spaces
from harambee.initiatives.models import Initiative, Theme
from harambee.people.models import User
from harambee.portal.models import FeedToken
from harambee.spaces.models import Space
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
