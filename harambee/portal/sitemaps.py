"""sitemap.xml: the addresses a search engine may list, public ones only.

Public items of every registered kind (not in a space the public may not know), the
spaces and initiatives the public may see, the themes and the home page. Each section
reads in one query per page of the sitemap. Addresses are made from ``SITE_URL``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from harambee.portal import selectors


class _Sited(Sitemap):
    limit = 5000

    def get_domain(self, site: Any = None) -> str:
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"


class ItemSitemap(_Sited):
    def items(self):
        return selectors.sitemap_items()

    def lastmod(self, item) -> Any:
        return item.updated


class SpaceSitemap(_Sited):
    def items(self):
        return selectors.sitemap_spaces()


class InitiativeSitemap(_Sited):
    def items(self):
        return selectors.sitemap_initiatives()

    def location(self, space) -> str:
        return reverse("initiatives:detail", args=[space.slug])


class ThemeSitemap(_Sited):
    def items(self):
        return selectors.sitemap_themes()

    def location(self, theme) -> str:
        return reverse("synthesis:theme", args=[theme.slug])


class PagesSitemap(_Sited):
    NAMES = ["home", "spaces:list", "initiatives:directory", "synthesis:themes"]

    def items(self) -> list[str]:
        return self.NAMES

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {
    "pages": PagesSitemap,
    "items": ItemSitemap,
    "spaces": SpaceSitemap,
    "initiatives": InitiativeSitemap,
    "themes": ThemeSitemap,
}
