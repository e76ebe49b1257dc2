"""A table of contents for long wiki pages, made on the server from the page's
headings: each heading gets an id to link to, and the page lists them in order."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.text import slugify

# Headings as the Markdown renderer writes them (nh3 keeps no attributes on them).
_HEADING = re.compile(r"<h([1-4])>(.*?)</h\1>", re.S)
# A page with fewer headings than this shows no table of contents.
MIN_HEADINGS = 3


@dataclass(frozen=True)
class Heading:
    level: int
    anchor: str
    text: str


def with_anchors(body_html: str) -> tuple[str, list[Heading]]:
    """``body_html`` with an id on each heading, and the headings; the list is empty
    for a page too short to need a table of contents."""
    headings: list[Heading] = []
    used: set[str] = set()

    def anchor(match: re.Match[str]) -> str:
        level, inner = match.group(1), match.group(2)
        text = " ".join(html.unescape(strip_tags(inner)).split())
        base = "s-" + (slugify(text, allow_unicode=True) or "section")
        name, n = base, 2
        while name in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name)
        headings.append(Heading(int(level), name, text))
        return f'<h{level} id="{name}">{inner}</h{level}>'

    body_html = _HEADING.sub(anchor, body_html)
    return body_html, headings if len(headings) >= MIN_HEADINGS else []
