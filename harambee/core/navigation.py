"""The site's navigation, filled by the apps: a few top-level places (sections), each
with its pages one level down (entries).

Core names no app here either. The ``site`` app registers the sections (Home, Spaces,
Learning, Knowledge, Conversations, People, and the account menu); every app registers
its own entries in ``AppConfig.ready()``::

    navigation.register_entry(NavEntry("knowledge", _("Wiki"), "wiki:index", paths=("/wiki/",)))

Which section and entry are current is decided here, in one place, from the request's
path: the entry with the longest path prefix that the path starts with wins (an
entry's own URL is always one of its prefixes). ``/spaces/<slug>/wiki/`` is a space's
page (Spaces), ``/wiki/`` the alliance wiki (Knowledge), ``/posts/<pk>/`` a thread
(Conversations). Templates read the result from the ``nav`` context variable
(``core.context_processors.navigation``); no template decides what is current.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse


@dataclass(frozen=True)
class NavSection:
    key: str
    label: Any
    order: int
    # Shown in the account menu rather than among the top-level places.
    account: bool = False


@dataclass(frozen=True)
class NavEntry:
    section: str
    label: Any
    url_name: str
    # URL path prefixes that belong to this entry besides its own URL.
    paths: tuple[str, ...] = ()
    order: int = 50
    # (request) -> whether to offer the entry; must not query the database.
    show: Callable[[Any], bool] | None = None
    # Current only on its own URL, not below it (Home is "/").
    exact: bool = False


_sections: dict[str, NavSection] = {}
_entries: list[NavEntry] = []


def register_section(section: NavSection) -> None:
    known = _sections.get(section.key)
    if known is not None and known != section:
        raise ValueError(f"navigation section {section.key!r} is registered twice")
    _sections[section.key] = section


def register_entry(entry: NavEntry) -> None:
    if entry not in _entries:
        _entries.append(entry)


def sections() -> tuple[NavSection, ...]:
    return tuple(sorted(_sections.values(), key=lambda s: s.order))


def entries() -> tuple[NavEntry, ...]:
    return tuple(sorted(_entries, key=lambda e: e.order))


# What templates get -------------------------------------------------------------


@dataclass
class MenuItem:
    label: Any
    url: str
    # "page" on the item's own URL, "true" below it, "" elsewhere: aria-current's value.
    current: str = ""


@dataclass
class MenuSection:
    key: str
    label: Any
    items: list[MenuItem] = field(default_factory=list)
    current: str = ""

    @property
    def url(self) -> str:
        return self.items[0].url if self.items else ""


@dataclass
class Menu:
    sections: list[MenuSection]
    account: list[MenuItem]
    current: MenuSection | None

    @property
    def key(self) -> str:
        """What the main menu's markup depends on besides the language: every
        section's place and its items' URLs and current marks (base.html keeps the
        markup in the fragment cache under it)."""
        return "|".join(
            f"{section.key}:{section.current}:"
            + ",".join(f"{item.url}={item.current}" for item in section.items)
            for section in self.sections
        )


def _url(entry: NavEntry) -> str | None:
    return _reversed(entry.url_name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


@lru_cache(maxsize=512)
def _reversed(url_name: str, prefix: str, urlconf: Any) -> str | None:
    """A menu entry's URL, worked out once per URL name, script prefix and URLconf (the
    menu is drawn on every page; its URLs take no arguments and never change)."""
    try:
        return reverse(url_name, urlconf=urlconf)
    except NoReverseMatch:
        return None


def _match_length(entry: NavEntry, url: str, path: str) -> int:
    """How well ``path`` matches ``entry`` (the longest prefix), 0 for not at all."""
    if entry.exact:
        return len(url) + 1 if path == url else 0
    best = 0
    for prefix in (url, *entry.paths):
        if path.startswith(prefix) and len(prefix) > best:
            best = len(prefix)
    return best


def current_entry(path: str) -> NavEntry | None:
    """The registered entry that ``path`` belongs to, whoever may see it."""
    best, found = 0, None
    for entry in entries():
        url = _url(entry)
        if url is None:
            continue
        length = _match_length(entry, url, path)
        if length > best:
            best, found = length, entry
    return found


def current_section(path: str) -> str:
    """The key of the top-level place ``path`` belongs to, or "" for none."""
    entry = current_entry(path)
    return entry.section if entry is not None else ""


def menu_for(request: Any) -> Menu:
    path = request.path
    here = current_entry(path)
    by_key: dict[str, MenuSection] = {}
    ordered: list[MenuSection] = []
    account: list[MenuItem] = []
    for section in sections():
        shown = MenuSection(section.key, section.label)
        by_key[section.key] = shown
        if not section.account:
            ordered.append(shown)
    for entry in entries():
        section = _sections.get(entry.section)
        url = _url(entry)
        if section is None or url is None or (entry.show and not entry.show(request)):
            continue
        current = ""
        if entry is here:
            current = "page" if path == url else "true"
        item = MenuItem(entry.label, url, current)
        if section.account:
            account.append(item)
        else:
            by_key[section.key].items.append(item)
    current_section = None
    for shown in ordered:
        if any(item.current for item in shown.items):
            page = shown.items and shown.url == path
            shown.current = "page" if page else "true"
            current_section = shown
    return Menu([s for s in ordered if s.items], account, current_section)
