"""Markdown to safe HTML, done once at save time.

markdown-it-py renders CommonMark with raw HTML switched off; nh3 then cleans the
result against an allow-list, so neither a parser bug nor a crafted link can put
script into a page.

``#tags`` and ``@mentions`` in ordinary text (not in code, not inside a link) become
links when an app has registered a linker for them (``register_linker``): the stream
app links tags to their page and mentions of known people to their profile. The
links are made as parser tokens, so they go through the same renderer and sanitiser
as everything else.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "img",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
# Pictures only from this site's own image route (core.views.inline_image), never
# from elsewhere: an outside image would tell another server who reads what.
INLINE_IMAGE_RE = re.compile(
    r"^/files/images/([0-9]{1,18})/[A-Za-z0-9_-]{8,64}\.(?:jpg|png|gif|webp)$"
)
ALLOWED_ATTRIBUTES = {
    "img": {"src", "alt"},
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "td": {"align"},
    "th": {"align"},
}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def _attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src" and not INLINE_IMAGE_RE.match(value):
        return None
    return value


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow ugc noopener",
        strip_comments=True,
    )


def inline_image_ids(text: str) -> set[int]:
    """The ids of this site's images that Markdown ``text`` shows."""
    if not text or "/files/images/" not in text:
        return set()
    found: set[int] = set()
    for token in _md.parse(text):
        for child in token.children or []:
            match = child.type == "image" and INLINE_IMAGE_RE.match(child.attrGet("src") or "")
            if match:
                found.add(int(match.group(1)))
    return found


def _only_own_images(tokens: list[Token]) -> None:
    """An image from anywhere but this site's image route becomes its alt text."""
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        for i, child in enumerate(token.children):
            if child.type == "image" and not INLINE_IMAGE_RE.match(child.attrGet("src") or ""):
                text = Token("text", "", 0)
                text.content = child.content
                token.children[i] = text


def _mark_ranges() -> str:
    """Combining marks as a character-class body. ``\\w`` leaves them out, which
    would cut a tag like #खेती after its first letter."""
    ranges: list[str] = []
    start = None
    for code in range(0x20000 + 1):
        is_mark = code < 0x20000 and unicodedata.category(chr(code)).startswith("M")
        if is_mark and start is None:
            start = code
        elif not is_mark and start is not None:
            ranges.append(f"\\U{start:08x}-\\U{code - 1:08x}")
            start = None
    return "".join(ranges)


# A tag is letters (with their combining marks), digits and underscores of any
# script, with at least one letter or underscore, so "issue #6" stays text. Not
# after a word character, "&", "/" or "#" (URLs with fragments, "C#"-like words);
# a mention not after a word character, "@", "." or "/" (e-mail addresses, URLs).
NAME_CHAR = rf"[\w{_mark_ranges()}]"
HASHTAG_RE = re.compile(rf"(?<![\w&/#])#({NAME_CHAR}*[^\W\d]{NAME_CHAR}*)")
MENTION_RE = re.compile(rf"(?<![\w@./])@({NAME_CHAR}+)")
NOT_NAME_RE = re.compile(rf"(?:(?!{NAME_CHAR}).)+", re.DOTALL)
MAX_NAME_LENGTH = 64

# kind ("hashtag" or "mention") -> function from a set of normalised names to the URL
# of each one it knows. Names it does not return stay plain text.
Linker = Callable[[set[str]], dict[str, str]]
_linkers: dict[str, Linker] = {}


def register_linker(kind: str, linker: Linker) -> None:
    _linkers[kind] = linker


def normalise_name(name: str) -> str:
    """How a tag or a handle is stored and compared: NFC, lower case."""
    return unicodedata.normalize("NFC", name).lower()


# Latin letters that do not decompose into a base letter and an accent.
_LATIN_LETTERS = str.maketrans(
    {
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ı": "i",
        "þ": "th", "ŋ": "ng", "ɛ": "e", "ɔ": "o", "ƒ": "f", "ħ": "h", "ŧ": "t",
    }
)  # fmt: skip


def fold_accents(name: str) -> str:
    """A name's Latin letters without their accents (``lucía_ramírez`` ->
    ``lucia_ramirez``, ``kɔfi`` -> ``kofi``), lower case. Letters of other scripts are
    kept whole, their marks too (a Devanagari vowel sign is part of its letter)."""
    decomposed = unicodedata.normalize("NFKD", name.lower().translate(_LATIN_LETTERS))
    kept: list[str] = []
    base_is_ascii = False
    for char in decomposed:
        if unicodedata.combining(char):
            if not base_is_ascii:
                kept.append(char)
            continue
        base_is_ascii = char.isascii()
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def _names(pattern: re.Pattern[str], text: str) -> list[tuple[re.Match[str], str]]:
    return [
        (m, normalise_name(m.group(1)))
        for m in pattern.finditer(text)
        if len(m.group(1)) <= MAX_NAME_LENGTH
    ]


def _plain_text_tokens(tokens: Iterable[Token]) -> Iterable[Token]:
    """The text tokens a tag or mention may be in: not code, not a link's text."""
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        in_link = 0
        for child in token.children:
            if child.type == "link_open":
                in_link += 1
            elif child.type == "link_close":
                in_link -= 1
            elif child.type == "text" and not in_link:
                yield child


def extract_hashtags(text: str) -> set[str]:
    """The normalised tags of Markdown ``text``, leaving out those in code."""
    if not text or "#" not in text:
        return set()
    found: set[str] = set()
    for token in _plain_text_tokens(_md.parse(text)):
        found.update(name for _m, name in _names(HASHTAG_RE, token.content))
    return found


def extract_plain_hashtags(text: str) -> set[str]:
    """The normalised tags of plain text, such as a title."""
    return {name for _m, name in _names(HASHTAG_RE, text or "")}


def _link_tokens(text: str, url: str) -> list[Token]:
    opening = Token("link_open", "a", 1)
    opening.attrs = {"href": url}
    label = Token("text", "", 0)
    label.content = text
    return [opening, label, Token("link_close", "a", -1)]


def _linkify(tokens: list[Token]) -> None:
    """Turn known tags and mentions in plain text into link tokens, in place."""
    patterns = {"hashtag": HASHTAG_RE, "mention": MENTION_RE}
    active = {kind: p for kind, p in patterns.items() if kind in _linkers}
    if not active:
        return
    texts = [t for t in _plain_text_tokens(tokens) if "#" in t.content or "@" in t.content]
    text_ids = {id(t) for t in texts}
    if not texts:
        return
    urls: dict[str, dict[str, str]] = {}
    for kind, pattern in active.items():
        wanted = {name for t in texts for _m, name in _names(pattern, t.content)}
        urls[kind] = _linkers[kind](wanted) if wanted else {}
    for inline in tokens:
        if inline.type != "inline" or not inline.children:
            continue
        children: list[Token] = []
        for child in inline.children:
            if id(child) not in text_ids:
                children.append(child)
                continue
            spans = sorted(
                (m.start(), m.end(), urls[kind][name])
                for kind, pattern in active.items()
                for m, name in _names(pattern, child.content)
                if name in urls[kind]
            )
            position = 0
            for start, end, url in spans:
                if start < position:
                    continue
                if start > position:
                    before = Token("text", "", 0)
                    before.content = child.content[position:start]
                    children.append(before)
                children.extend(_link_tokens(child.content[start:end], url))
                position = end
            if position == 0:
                children.append(child)
                continue
            if position < len(child.content):
                rest = Token("text", "", 0)
                rest.content = child.content[position:]
                children.append(rest)
        inline.children = children


def render_plain(text: str) -> str:
    """Markdown to safe HTML without looking up tags and mentions (for text that is
    read as plain text: a title made from a post's first words)."""
    if not text:
        return ""
    env: dict[str, Any] = {}
    tokens = _md.parse(text, env)
    _only_own_images(tokens)
    return sanitise(_md.renderer.render(tokens, _md.options, env))


def render_markdown(text: str) -> str:
    if not text:
        return ""
    env: dict[str, Any] = {}
    tokens = _md.parse(text, env)
    _only_own_images(tokens)
    _linkify(tokens)
    return sanitise(_md.renderer.render(tokens, _md.options, env))
