"""Right-to-left readiness, checked with Arabic.

The page sets ``dir`` on <html> from the active language (Django's bidi flag),
and the style sheets use logical properties (margin-inline-start, inset-inline-end,
text-align: start…) so a right-to-left page mirrors without a style sheet of its
own. Arabic is not an interface language (no catalogue of ours): the tests add it
to LANGUAGES for themselves only.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, override_settings

STATIC = Path(settings.BASE_DIR) / "static"
# Physical (left/right) properties that have a logical equivalent.
PHYSICAL = re.compile(
    r"\b(?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)\b"
    r"|\b(?:text-align|float|clear)\s*:\s*(?:left|right)\b"
    r"|(?<![-\w])(?:left|right)\s*:"
)
# file name -> the lines that must stay physical, with the reason beside them.
ALLOWED: dict[str, set[str]] = {}


def style_sheets() -> list[Path]:
    return sorted(p for p in STATIC.rglob("*.css") if "vendor" not in p.parts)


def test_there_are_style_sheets_to_check():
    assert style_sheets(), f"no CSS under {STATIC}"


@pytest.mark.parametrize("sheet", style_sheets(), ids=lambda p: p.name)
def test_style_sheets_use_logical_properties(sheet):
    text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
    found = [
        f"{sheet.name}:{number}: {line.strip()}"
        for number, line in enumerate(text.splitlines(), 1)
        if PHYSICAL.search(line) and line.strip() not in ALLOWED.get(sheet.name, set())
    ]
    assert not found, "use logical properties (inline-start/end, start/end):\n" + "\n".join(found)


def test_the_pattern_catches_physical_properties():
    """The check above can fail: each physical form is caught, each logical one passes."""
    for physical in [
        "margin-left: 1rem",
        "padding-right:0",
        "border-left: 4px solid",
        "text-align: left",
        "float: right",
        "left: 0",
        "  right : auto",
    ]:
        assert PHYSICAL.search(physical), physical
    for logical in [
        "margin-inline-start: 1rem",
        "text-align: start",
        "inset-inline-end: 0",
        "flex-direction: row",
        "scroll-behavior: smooth",
    ]:
        assert not PHYSICAL.search(logical), logical


WITH_ARABIC = [*settings.LANGUAGES, ("ar", "Arabic")]


@pytest.mark.django_db
@override_settings(LANGUAGES=WITH_ARABIC)
@pytest.mark.parametrize("url", ["/", "/accounts/login/"])
def test_an_arabic_page_is_right_to_left(url):
    response = Client().get(url, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_interface_language_is_left_to_right(language):
    body = Client().get("/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<html lang="{language}" dir="ltr">' in body


@pytest.mark.django_db
def test_arabic_is_not_offered_without_the_test_setting():
    body = Client().get("/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert 'dir="rtl"' not in body
