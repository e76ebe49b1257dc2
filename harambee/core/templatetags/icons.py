"""``{% icon "name" %}``: a small inline SVG drawn in the text's colour, for what
emoji did before (they show as empty boxes where no emoji font is installed, and
screen readers read their names). Icons are decorative: the words beside them say
what they mean, so each is hidden from assistive technology."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

# 24×24 outlines, drawn with ``currentColor``.
PATHS = {
    "like": "M7 10v11M7 10l4-7a2 2 0 0 1 3 2l-1 5h6a2 2 0 0 1 2 2.3l-1.3 7A2 2 0 0 1 17.7 21H7"
    "M3 10h4v11H3z",
    "insightful": "M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2V16h5v-.1"
    "c0-.8.4-1.5 1-2A6 6 0 0 0 12 3z",
    "thanks": "M12 20s-7-4.3-8.8-8.6C2 8.5 3.9 5 7.2 5c2 0 3.6 1.2 4.8 3 1.2-1.8 2.8-3 4.8-3"
    "C20.1 5 22 8.5 20.8 11.4 19 15.7 12 20 12 20z",
    "document": "M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6",
    "link": "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3"
    "a4 4 0 0 0 5.7 5.7l1-1",
    "video": "M4 5h16v14H4zM10 9v6l5-3z",
    "audio": "M4 14v-2a8 8 0 0 1 16 0v2M4 14h3v6H4zM17 14h3v6h-3z",
    "dataset": "M5 20V10M10 20V4M15 20v-7M20 20V8M3 20h18",
    "presentation": "M3 4h18v12H3zM12 16v4M8 20h8",
}


@register.simple_tag
def icon(name: str, css: str = "icon") -> SafeString:
    return format_html(
        '<svg class="{}" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" '
        'focusable="false"><path d="{}" fill="none" stroke="currentColor" stroke-width="2" '
        'stroke-linecap="round" stroke-linejoin="round"/></svg>',
        css,
        PATHS[name],
    )
