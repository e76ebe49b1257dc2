"""Country and sector names in the reader's language, worked out once per language.

``Country.name`` (django-countries) looks a name up through several translation
fallbacks each time, about eight gettext calls a name; a directory of 25 people asked
it 25 times a request. Names of countries never change while the process runs, so
they are kept per (language, code)."""

from __future__ import annotations

from functools import lru_cache

from django.utils.translation import get_language
from django_countries import countries


@lru_cache(maxsize=4096)
def _name(language: str | None, code: str) -> str:
    return str(countries.name(code) or code)


def country_name(code: object) -> str:
    """The name of the country ``code`` (a code or a ``Country``) in the active language,
    "" for none."""
    code = str(getattr(code, "code", code) or "")
    return _name(get_language(), code) if code else ""


@lru_cache(maxsize=256)
def _sectors(language: str | None) -> dict[str, str]:
    from harambee.people.models import Sector

    return {str(value): str(label) for value, label in Sector.choices}


def sector_name(value: object) -> str:
    """The label of the sector ``value`` in the active language, "" for none: what
    ``get_sector_display`` gives, without Django hashing every choice's lazy label
    (one gettext per choice, for every person on a page)."""
    value = str(value or "")
    return _sectors(get_language()).get(value, value) if value else ""
