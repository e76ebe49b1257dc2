"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

The portal adds no items: its feeds, sitemap and head tags read the items every other
app made, and the tour checks that none of their hidden markers (nor the secret space's
name) reaches a feed. Every feed is fetched for every kind, space, theme and tag of the
world, the hidden spaces' feeds included (they answer 404).

The private feed is fetched with a made-up token and with a revoked one (both 404):
a live token is a key that opens its owner's feed to whoever holds it, so the tour,
which fetches every address as every member of the cast, cannot carry one;
``portal/tests/test_private_feed.py`` checks both sides of it."""

from __future__ import annotations

from django.urls import reverse

from harambee.core.registry import content_kinds
from harambee.initiatives.models import Theme
from harambee.stream.models import Hashtag


def build(cast, world) -> None:
    from harambee.portal import services

    services.feed_token_create(user=cast.space_member)
    world["portal_revoked_token"] = services.feed_token_create(user=cast.space_member)
    services.feed_token_revoke(user=cast.space_member)


def urls_for(name: str, cast, world) -> list[str] | None:
    if not name.startswith("portal:"):
        return None
    route = name.split(":", 1)[1]
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
