"""``{% excerpt item %}``: the one way lists, feeds and moderation pages show a body."""

from __future__ import annotations

from typing import Any

from django import template

from harambee.core.excerpt import html_excerpt
from harambee.core.templatetags.links import for_reader

register = template.Library()


@register.inclusion_tag("core/_excerpt.html", takes_context=True)
def excerpt(
    context: template.Context,
    item: Any,
    *,
    words: int = 40,
    html: str | None = None,
    url: str | None = None,
) -> dict[str, Any]:
    """A paragraph with the first ``words`` words of ``item.body_html`` (or of
    ``html``), links kept, and "Read more" linking to ``url`` (the item's page by
    default) when the body was cut."""
    source = item.body_html if html is None else html
    text, cut = html_excerpt(for_reader(source or "", context.get("user")), words=words)
    if cut and url is None:
        url = item.get_absolute_url()
    return {
        "text": text,
        "cut": cut,
        "url": url,
        "title": getattr(item, "title", None) or getattr(item, "name", ""),
    }
