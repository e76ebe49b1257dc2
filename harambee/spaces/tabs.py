"""The tabs inside a space (overview, threads, notes, wiki, library, stories, stream,
members; events later), filled by the apps.

Each app registers its tab in ``AppConfig.ready()``; the tab's URL name takes the
space's slug as its one argument::

    tabs.register(SpaceTab("wiki", _("Wiki"), "wiki:space_index", order=40))

A space page shows them with ``{% include "spaces/_tabs.html" %}`` (it needs ``space``
in its context). The current tab is the one whose URL the path starts with, the
longest first, so ``/spaces/<slug>/wiki/<page>/`` is the wiki tab; it is marked with
``aria-current``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class SpaceTab:
    key: str
    label: Any
    url_name: str
    order: int = 50
    # (request, space) -> whether to offer the tab; may ask ``membership_for`` (cached
    # per request), nothing else that queries.
    show: Callable[[Any, Any], bool] | None = None
    # Paths below the space's own URL that belong to the tab besides its URL ("posts/").
    paths: tuple[str, ...] = ()
    # Current only on its own URL (the overview is the space's page itself).
    exact: bool = False


@dataclass
class ShownTab:
    key: str
    label: Any
    url: str
    current: str = ""


_tabs: dict[str, SpaceTab] = {}


def register(tab: SpaceTab) -> None:
    known = _tabs.get(tab.key)
    if known is not None and known != tab:
        raise ValueError(f"space tab {tab.key!r} is registered twice")
    _tabs[tab.key] = tab


def registered() -> tuple[SpaceTab, ...]:
    return tuple(sorted(_tabs.values(), key=lambda t: t.order))


def tabs_for(request: Any, space: Any) -> list[ShownTab]:
    path = request.path
    base = space.get_absolute_url()
    shown: list[ShownTab] = []
    best, current = 0, None
    for tab in registered():
        if tab.show is not None and not tab.show(request, space):
            continue
        try:
            url = reverse(tab.url_name, args=[space.slug])
        except NoReverseMatch:
            continue
        item = ShownTab(tab.key, tab.label, url)
        shown.append(item)
        prefixes = [url] + [base + suffix for suffix in tab.paths]
        for prefix in prefixes:
            hit = path == prefix if tab.exact else path.startswith(prefix)
            if hit and len(prefix) >= best:
                best, current = len(prefix) + (1 if tab.exact else 0), item
    if current is not None:
        current.current = "page" if path == current.url else "true"
    return shown
