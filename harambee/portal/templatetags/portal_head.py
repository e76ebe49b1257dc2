"""``{% portal_head %}``: canonical, OpenGraph and feed autodiscovery tags in a page's
head, made from what the page already loaded (no query).

OpenGraph carries an item's title and excerpt only when the item is public (what may
leave the platform anyway); any other page names the site only. A feed is announced
only where it exists for everyone: the space, initiative, theme or tag of the page when
the public may know it, the kind of a list, and everything on the home page.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from harambee.core.excerpt import text_excerpt
from harambee.core.models import Content, Visibility
from harambee.core.registry import content_kinds

register = template.Library()

# List pages and the kind whose feed they announce.
LIST_KINDS = {
    "stories:blog": "story",
    "initiatives:lessons": "lesson",
    "library:index": "resource",
    "events:calendar": "event",
    "portal:news_list": "news",
}
DESCRIPTION_CHARS = 200


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _item(context: Any, match: Any) -> Content | None:
    """The item whose own page this is, among what the page's context holds."""
    pk = match.kwargs.get("pk")
    if pk is None or match.view_name not in {kind.url_name for kind in content_kinds()}:
        return None
    for value in context.flatten().values():
        # type(), not isinstance(): isinstance evaluates the context's lazy objects, and
        # the CSRF token's sets a cookie, so no anonymous item page would be cached.
        if issubclass(type(value), Content) and value.pk == pk:
            return value
    return None


def _public_space(context: Any, slug: str) -> bool:
    from harambee.spaces.models import Space

    space = context.get("space")
    return isinstance(space, Space) and space.slug == slug and space.listing == Space.Listing.PUBLIC


def _feeds(context: Any, match: Any) -> list[tuple[str, str]]:
    """(title, route scope and args) of the feeds this page announces."""
    name, kwargs = match.view_name, match.kwargs
    if name in ("home", "portal:front"):
        return [
            (_("Everything public"), reverse("portal:all_rss")),
            (_("News"), reverse("portal:kind_rss", args=["news"])),
        ]
    if name in LIST_KINDS:
        return [(_("Newest public items"), reverse("portal:kind_rss", args=[LIST_KINDS[name]]))]
    if name == "spaces:detail" and _public_space(context, kwargs["slug"]):
        return [(_("This space"), reverse("portal:space_rss", args=[kwargs["slug"]]))]
    if name == "initiatives:detail" and _public_space(context, kwargs["slug"]):
        return [(_("This initiative"), reverse("portal:initiative_rss", args=[kwargs["slug"]]))]
    if name == "synthesis:theme":
        return [(_("This theme"), reverse("portal:theme_rss", args=[kwargs["slug"]]))]
    if name == "stream:tag":
        return [(_("This tag"), reverse("portal:tag_rss", args=[kwargs["name"]]))]
    return []


@register.simple_tag(takes_context=True)
def portal_head(context: Any) -> SafeString | str:
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    # The front page is also the home page of anonymous visitors: one address for both.
    url = _absolute("/" if match.view_name == "portal:front" else request.path)
    item = _item(context, match)
    public = item is not None and item.visibility == Visibility.PUBLIC and not item.removed
    tags = [
        format_html('<link rel="canonical" href="{}">', url),
        format_html('<meta property="og:site_name" content="{}">', settings.SITE_NAME),
        format_html('<meta property="og:url" content="{}">', url),
        format_html('<meta property="og:type" content="{}">', "article" if public else "website"),
    ]
    if public:
        tags.append(format_html('<meta property="og:title" content="{}">', item.title))
        description = text_excerpt(item.body_html, words=None, chars=DESCRIPTION_CHARS)
        if description:
            tags.append(format_html('<meta property="og:description" content="{}">', description))
    else:
        tags.append(format_html('<meta property="og:title" content="{}">', settings.SITE_NAME))
    feeds = format_html_join(
        "",
        '<link rel="alternate" type="application/rss+xml" title="{}" href="{}">',
        _feeds(context, match),
    )
    return format_html("{}{}", SafeString("".join(tags)), feeds)
