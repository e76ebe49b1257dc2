from __future__ import annotations

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def wiki_url(page, name: str = "page", *args) -> str:
    """``{% wiki_url page "history" %}``: a page's view, in its own wiki."""
    return page.url(name, *args)


@register.simple_tag
def wiki_home(space, name: str = "index") -> str:
    """``{% wiki_home space %}``: the wiki of a space, or the alliance's for None."""
    if space:
        return reverse(f"wiki:space_{name}", args=[space.slug])
    return reverse(f"wiki:{name}")
