"""Checks any rendered page must pass, used by the leak test's tour of every page as
every member of the cast (``core/tests/test_leaks.py``):

- ``escaping_faults``: text escaped twice (``&amp;amp;``, ``&amp;lt;``…) in the markup,
  or an entity left visible as text (``&amp;`` or ``&lt;`` read by a person), and text
  typed with ``&`` or ``<`` (``escapeworld``) not shown as it was typed;
- ``internal_links``: the links of a page to the site itself, so the tour can ask that
  each answers something other than 404 to the person who was shown it;
- ``without_csrf_tokens``: a page without the random letters and digits of its CSRF
  tokens, for tests that ask that a short word is *not* on it (a 64-character token
  holds a given four-letter word about once in 250,000 renderings).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

DOUBLE_ESCAPED = re.compile(r"&amp;(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);")
# Entities a reader would see as text if a page escaped them twice.
VISIBLE_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);")
CSRF_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*"')


def without_csrf_tokens(html: str) -> str:
    return CSRF_TOKEN.sub(r'\1"', html)


class _Reader(HTMLParser):
    """The text a person reads (scripts and styles left out) and the links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "template"}:
            self._skip += 1
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "template"} and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def read(html: str) -> tuple[str, list[str]]:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return " ".join("".join(reader.text).split()), reader.links


def escaping_faults(html: str, *, probes: tuple[str, ...] = ()) -> list[str]:
    """What is wrong with how ``html`` escapes its text; ``probes`` are texts with
    ``&`` and ``<`` that must read as typed wherever the page shows any of them."""
    faults = [f"escaped twice: {m.group(0)}" for m in DOUBLE_ESCAPED.finditer(html)]
    text, _links = read(html)
    faults += [f"entity shown as text: {m.group(0)}" for m in VISIBLE_ENTITY.finditer(text)]
    for probe in probes:
        head = probe.split("&")[0].strip()
        if head and head in text and probe not in text:
            faults.append(f"not shown as typed: {probe!r}")
    return faults


def internal_links(html: str) -> set[str]:
    """The paths (with queries) this page links to on the site itself."""
    found = set()
    _text, links = read(html)
    for href in links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        found.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


class _Words(HTMLParser):
    """Each run of text a person reads, and the attributes read out to them."""

    SPOKEN = ("aria-label", "placeholder", "title", "alt")

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.language = language
        self.runs: list[str] = []
        self._skip = 0
        # Elements that say they are in another language (the language menu names each
        # language in itself): their text is not the page's.
        self._other: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "template"}:
            self._skip += 1
        found = dict(attrs)
        lang = found.get("lang")
        if tag != "html" and lang and not lang.startswith(self.language):
            self._other.append(tag)
        if self._other:
            return
        for name, value in attrs:
            if name in self.SPOKEN and value:
                self.runs.append(" ".join(value.split()))

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "template"} and self._skip:
            self._skip -= 1
        if self._other and self._other[-1] == tag:
            self._other.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip and not self._other and data.strip():
            self.runs.append(" ".join(data.split()))


def untranslated(html: str, catalogue: dict[str, str], language: str = "fr") -> list[str]:
    """The runs of text on a page in ``language`` that are still an English message of
    the interface: each a message the catalogue translates (its ``msgid`` →
    ``msgstr``) shown as its ``msgid``."""
    reader = _Words(language)
    reader.feed(html)
    reader.close()
    # A word can be English in one message and the translation of another ("Observer").
    translations = set(catalogue.values())
    return sorted(
        {
            run
            for run in reader.runs
            if run in catalogue and catalogue[run] != run and run not in translations
        }
    )
