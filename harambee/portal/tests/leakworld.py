"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

The portal adds no items: its feeds, sitemap and head tags read the items every other
app made, and the tour checks that none of their hidden markers (nor the secret space's
name) reaches a feed. Every feed is fetched for every kind, space, theme and tag of the
world, the hidden spaces' feeds included (they answer 404).

The private feed is fetched with a made-up token and with a revoked one (both 404):
a live token is a key that opens its owner's feed to whoever holds it, so the tour,
which fetches every address as every member of the cast, cannot carry one;
``portal/tests/test_private_feed.py`` checks both sides of it.

News items (``LEAK<n>N``) at every visibility a news item can have, and a feature on
every item of the world, hidden ones included (written straight to the table, past
the service that refuses them), as if each had been public when featured: the front
page, the news list and feed, the curation page and the newsletter pages must show
none that the reader may not see."""

from __future__ import annotations

from django.urls import reverse

from harambee.core.models import Visibility
from harambee.core.registry import content_kinds
from harambee.initiatives.models import Theme
from harambee.stream.models import Hashtag


def build(cast, world) -> None:
    from harambee.portal import newsletter, services
    from harambee.portal.models import Feature, News, Subscriber
    from harambee.search.services import index_content

    services.feed_token_create(user=cast.space_member)
    world["portal_revoked_token"] = services.feed_token_create(user=cast.space_member)
    services.feed_token_revoke(user=cast.space_member)
    items = world["items"]
    news = []
    for author in (cast.steward, cast.member):
        for vis in (Visibility.PUBLIC, Visibility.ALLIANCE, Visibility.PRIVATE):
            marker = f"LEAK{len(items)}N"
            item = News.objects.create(
                author=author, visibility=vis, title=f"{marker}-TITLE", body=f"{marker}-BODY"
            )
            index_content(content_id=item.pk)
            items.append(item)
            news.append(item)
    world["portal_news"] = news
    Feature.objects.bulk_create(
        [Feature(content_id=item.pk, featured_by=cast.steward) for item in items],
        ignore_conflicts=True,
    )
    subscriber = Subscriber.objects.create(email="reader@example.org")
    world["portal_tokens"] = {
        "confirm": newsletter.confirm_token(email=subscriber.email),
        "unsubscribe": newsletter.unsubscribe_token(subscriber=subscriber),
    }


def urls_for(name: str, cast, world) -> list[str] | None:
    if not name.startswith("portal:"):
        return None
    route = name.split(":", 1)[1]
    if route in ("news", "news_edit"):
        return [reverse(name, args=[item.pk]) for item in world["portal_news"]]
    if route == "newsletter_confirm":
        return [reverse(name, args=[world["portal_tokens"]["confirm"]]), reverse(name, args=["x"])]
    if route == "newsletter_unsubscribe":
        return [reverse(name, args=[world["portal_tokens"]["unsubscribe"]])]
    if route == "news_list":
        return [reverse(name), reverse(name) + "?page=2"]
    scope = route.rsplit("_", 1)[0]
    if scope == "kind":
        return [reverse(name, args=[kind.value]) for kind in content_kinds()]
    if scope in {"space", "initiative"}:
        return [reverse(name, args=[s.slug]) for s in world["spaces"]]
    if scope == "theme":
        return [reverse(name, args=[t.slug]) for t in Theme.objects.all()[:5]]
    if scope == "tag":
        return [reverse(name, args=[h.name]) for h in Hashtag.objects.all()[:5]]
    if route == "sitemap_section":
        from harambee.portal.sitemaps import SITEMAPS

        return [reverse(name, args=[section]) for section in [*SITEMAPS, "nonsense"]]
    if scope == "private":
        return [reverse(name, args=[world["portal_revoked_token"]]), reverse(name, args=["x" * 43])]
    return [reverse(name)]


def listed_on(user, item, world) -> list[str] | None:
    """A public news item is on the news list (the newest first, a page holds them)."""
    if item.kind != "news":
        return None
    return [reverse("portal:news_list")] if item.visibility == Visibility.PUBLIC else []
