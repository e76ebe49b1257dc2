"""Excerpts of an item's rendered body, for every list, feed, moderation page and notice.

There is one way to cut a body short, and it starts from ``body_html`` (Markdown already
rendered and sanitised at save), never from the Markdown source:

- ``html_excerpt`` keeps what reads well inline — links (so ``#tags`` and ``@mentions``
  stay linked), emphasis, code — drops the blocks (paragraphs, headings, lists, tables)
  and cuts at a number of words with the markup kept balanced. It is sanitised again
  with a narrower allow-list and is safe to print as it is.
- ``text_excerpt`` gives the same words as plain text (entities decoded), for e-mail and
  notices, which templates escape exactly once.

Templates use ``{% excerpt item %}`` (``core/templatetags/excerpts.py``), which adds a
"Read more" link when the body was cut.
"""

from __future__ import annotations

import html as htmllib
import re
from functools import lru_cache

import nh3
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from harambee.core.markdown import ALLOWED_SCHEMES, render_plain

INLINE_TAGS = {"a", "abbr", "b", "code", "del", "em", "i", "s", "strong", "sub", "sup"}
INLINE_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
# Where one block ends and the next begins, text would run together without a space.
_BLOCK_EDGE = re.compile(
    r"</?(?:p|h[1-6]|li|ul|ol|blockquote|pre|table|thead|tbody|tr|td|th|div)\b[^>]*>|<br\s*/?>|<hr\s*/?>",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
ELLIPSIS = "…"


def _flatten(html: str) -> str:
    return _SPACES.sub(" ", _BLOCK_EDGE.sub(" ", html)).strip()


# Excerpts depend on nothing but their arguments, and lists show the same bodies on
# every view: each is cut once per process (bounded, as bodies can be long).
EXCERPTS_KEPT = 4096


@lru_cache(maxsize=EXCERPTS_KEPT)
def html_excerpt(html: str, words: int = 40) -> tuple[SafeString, bool]:
    """The first ``words`` words of sanitised ``html`` as inline HTML, and whether
    anything was cut."""
    if not html:
        return mark_safe(""), False  # noqa: S308 (empty)
    inline = nh3.clean(
        _flatten(html),
        tags=INLINE_TAGS,
        attributes=INLINE_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow ugc noopener",
        strip_comments=True,
    )
    cut = len(strip_tags(inline).split()) > words
    if cut:
        inline = Truncator(inline).words(words, html=True, truncate=ELLIPSIS)
    # Sanitised twice (at save, and just now with inline tags only).
    return mark_safe(inline), cut  # noqa: S308


@lru_cache(maxsize=EXCERPTS_KEPT)
def text_excerpt(html: str, words: int | None = 40, chars: int | None = None) -> str:
    """The plain text of sanitised ``html``, cut at ``words`` words or ``chars``
    characters. Not marked safe: it is text, to be escaped once where it is shown."""
    if not html:
        return ""
    text = htmllib.unescape(strip_tags(_flatten(html)))
    text = _SPACES.sub(" ", text).strip()
    if chars is not None and len(text) > chars:
        return text[: chars - 1].rstrip() + ELLIPSIS
    if words is not None:
        return Truncator(text).words(words, truncate=ELLIPSIS)
    return text


def markdown_text(source: str) -> str:
    """What Markdown ``source`` says, as plain text: ``**Radio**`` reads ``Radio``."""
    return text_excerpt(render_plain(source), words=None)
