"""Wiki Markdown: ``[[Page name]]`` and ``[[Page name|shown text]]`` links.

A link is rendered at save time as ``<a href="wiki:Page%20name">`` (the target
title, URL-quoted) and sanitised with the rest of the Markdown. Whether its page
exists, and may be seen, is only known when somebody reads it, so
``resolve_links`` turns each ``wiki:`` address into the page's address, or into
an offer to create the page, for that reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote, unquote

import nh3
from django.utils.html import escape
from django.utils.text import slugify
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from harambee.core.markdown import ALLOWED_ATTRIBUTES, ALLOWED_SCHEMES, ALLOWED_TAGS

TITLE_MAX = 200
# Words the wiki's own addresses use; a page with such a name gets another slug.
RESERVED_SLUGS = {"new", "pages"}
FORBIDDEN_IN_TITLES = re.compile(r"[\[\]|#<>{}]")
_SPACES = re.compile(r"[\s_]+")
_LINK_HREF = re.compile(r'<a href="wiki:([^"]*)"')


def clean_title(title: str) -> str:
    return _SPACES.sub(" ", title or "").strip()


def title_key(title: str) -> str:
    """What makes two titles the same page: case, spaces and underscores aside."""
    return clean_title(title).casefold()


def make_slug(title: str) -> str:
    slug = slugify(clean_title(title), allow_unicode=True)[:TITLE_MAX].strip("-") or "page"
    return f"{slug}-page" if slug in RESERVED_SLUGS else slug


def _wikilink(state: StateInline, silent: bool) -> bool:
    start = state.pos
    if not state.src.startswith("[[", start):
        return False
    end = state.src.find("]]", start + 2)
    if end < 0:
        return False
    inner = state.src[start + 2 : end]
    target, _bar, label = inner.partition("|")
    target = clean_title(target)
    if not target or "\n" in inner or "[" in inner or len(target) > TITLE_MAX:
        return False
    if not silent:
        token = state.push("link_open", "a", 1)
        token.attrs = {"href": "wiki:" + quote(target, safe="")}
        token = state.push("text", "", 0)
        token.content = clean_title(label) or target
        state.push("link_close", "a", -1)
    state.pos = end + 2
    return True


_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)
_md.inline.ruler.before("link", "wikilink", _wikilink)


def render_page(text: str) -> str:
    """Markdown with wiki links to safe HTML (links still unresolved)."""
    if not text:
        return ""
    return nh3.clean(
        _md.render(text),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES | {"wiki"},
        link_rel="nofollow ugc noopener",
        strip_comments=True,
    )


def linked_titles(html: str) -> list[str]:
    """The titles a rendered page links to, in order, without repeats."""
    seen: dict[str, None] = {}
    for quoted in _LINK_HREF.findall(html):
        seen.setdefault(clean_title(unquote(quoted)), None)
    return [t for t in seen if t]


def resolve_links(
    html: str,
    url_for: Callable[[str], str | None],
    create_url: Callable[[str], str],
    missing_hint: str = "",
) -> str:
    """Point every wiki link at its page (``url_for(title) -> url or None``), or,
    for a page that does not exist for this reader, at ``create_url(title)``, with
    ``missing_hint`` as its title so the difference is not told by colour alone."""

    def replace(match: re.Match[str]) -> str:
        title = clean_title(unquote(match.group(1)))
        url = url_for(title)
        if url is not None:
            return f'<a href="{escape(url)}"'
        hint = f' title="{escape(missing_hint)}"' if missing_hint else ""
        return f'<a class="wiki-new"{hint} href="{escape(create_url(title))}"'

    return _LINK_HREF.sub(replace, html)
