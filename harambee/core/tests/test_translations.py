"""Every interface language's catalogue is complete, compiled from the current .po,
and served.

Only the standard library reads the catalogue, so these tests run on a machine
without GNU gettext. After changing a template or a translatable string, run
``harambee makemessages -l fr -l es -l pt_BR --no-obsolete --ignore=static
--ignore=.venv`` inside
``harambee/``, translate, then ``harambee compilemessages --ignore=.venv``. See docs/translation.md.
"""

from __future__ import annotations

import ast
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from django.utils.translation import get_language_info, to_locale
from django.utils.translation import gettext as gettext_

LOCALE = Path(settings.LOCALE_PATHS[0])
# Every interface language but the source language has a complete catalogue.
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
# The Plural-Forms header each catalogue must declare, and what its plural()
# answers for 0, 1, 2 and 5.
PLURALS = {
    "fr": ("nplurals=2; plural=(n > 1);", [0, 0, 1, 1]),
    "es": ("nplurals=2; plural=(n != 1);", [1, 0, 1, 1]),
    "pt-br": ("nplurals=2; plural=(n > 1);", [0, 0, 1, 1]),
    "sw": ("nplurals=2; plural=(n != 1);", [1, 0, 1, 1]),
}

# What must survive translation untouched: %(name)s placeholders and HTML tags.
KEPT = re.compile(r"%\(\w+\)[sdif]|<[^>]+>")
KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(\".*\")$")


def lc_messages(language: str) -> Path:
    return LOCALE / to_locale(language) / "LC_MESSAGES"


@dataclass
class Entry:
    line: int
    flags: set[str] = field(default_factory=set)
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        # How a .mo file (and so GNUTranslations) keys a message with a context.
        return self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"


def read_po(path: Path) -> list[Entry]:
    """The live entries of a .po file, as gettext's tools write it: one entry per
    block of lines, blocks apart by a blank line. Obsolete (``#~``) lines are skipped."""
    entries: list[Entry] = []
    entry: Entry | None = None
    target: tuple[str, int] | None = None
    for number, raw in enumerate([*path.read_text(encoding="utf-8").splitlines(), ""], 1):
        line = raw.strip()
        if not line:
            if entry is not None and (entry.msgid or entry.msgstr):
                entries.append(entry)
            entry, target = None, None
            continue
        if line.startswith("#~"):
            continue
        if entry is None:
            entry = Entry(line=number)
        if line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif match := KEYWORD.match(line):
            name, index, value = match.groups()
            target = (name, int(index or 0))
            if name == "msgstr":
                entry.msgstr[target[1]] = ast.literal_eval(value)
            else:
                setattr(entry, name, ast.literal_eval(value))
        elif line.startswith('"') and target is not None:
            name, index = target
            if name == "msgstr":
                entry.msgstr[index] += ast.literal_eval(line)
            else:
                setattr(entry, name, getattr(entry, name) + ast.literal_eval(line))
        else:
            raise AssertionError(f"{path.name}:{number}: cannot read {raw!r}")
    return entries


@pytest.fixture(scope="module", params=LANGUAGES)
def language(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def po_entries(language) -> list[Entry]:
    po = lc_messages(language) / "django.po"
    assert po.exists(), f"{po} is missing: run makemessages"
    entries = read_po(po)
    assert entries and entries[0].msgid == "", "the .po file has no header entry"
    return entries


@pytest.fixture(scope="module")
def messages(po_entries) -> list[Entry]:
    return po_entries[1:]


@pytest.fixture(scope="module")
def mo(language) -> gettext.GNUTranslations:
    path = lc_messages(language) / "django.mo"
    assert path.exists(), f"{path} is missing: run compilemessages and commit the .mo file"
    with path.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def where(entry: Entry) -> str:
    return f"django.po:{entry.line} {entry.msgid!r}"


def test_every_interface_language_has_known_plural_rules():
    assert LANGUAGES, "settings.LANGUAGES offers no language but English"
    unknown = sorted(set(LANGUAGES) - set(PLURALS))
    assert not unknown, f"add the plural rules of {unknown} to PLURALS"


def test_the_header_declares_the_language_and_its_plural_forms(language, po_entries):
    header = po_entries[0]
    assert "fuzzy" not in header.flags, "remove '#, fuzzy' from the .po header"
    assert f"Language: {to_locale(language)}\n" in header.msgstr[0]
    assert f"Plural-Forms: {PLURALS[language][0]}\n" in header.msgstr[0]


def test_every_message_is_translated_and_none_is_fuzzy(messages):
    assert len(messages) > 100
    fuzzy = [where(e) for e in messages if "fuzzy" in e.flags]
    assert not fuzzy, f"fuzzy entries: {fuzzy}"
    untranslated = []
    for e in messages:
        expected = {0, 1} if e.msgid_plural is not None else {0}
        if set(e.msgstr) != expected or not all(s.strip() for s in e.msgstr.values()):
            untranslated.append(where(e))
    assert not untranslated, f"untranslated entries: {untranslated}"


def test_translations_keep_placeholders_and_markup(messages):
    broken = []
    for e in messages:
        sources = [e.msgid] if e.msgid_plural is None else [e.msgid, e.msgid_plural]
        for index, translated in e.msgstr.items():
            source = sources[min(index, len(sources) - 1)]
            if sorted(KEPT.findall(source)) != sorted(KEPT.findall(translated)):
                broken.append(where(e))
    assert not broken, f"placeholders or tags differ: {broken}"


def test_the_compiled_catalogue_matches_the_po_file(language, messages, mo):
    """The .mo is compiled from this very .po: same messages, same translations."""
    in_po: dict[str, tuple[str, ...]] = {
        e.key: tuple(e.msgstr[i] for i in sorted(e.msgstr)) for e in messages
    }
    in_mo: dict[str, list[tuple[int, str]]] = {}
    for key, value in mo._catalog.items():  # no public way to list a catalogue
        msgid, index = key if isinstance(key, tuple) else (key, 0)
        if msgid:
            in_mo.setdefault(msgid, []).append((index, value))
    in_mo_sorted = {k: tuple(v for _i, v in sorted(pairs)) for k, pairs in in_mo.items()}
    stale = sorted(set(in_po) ^ set(in_mo_sorted))
    assert not stale, f"recompile the catalogue; these differ between .po and .mo: {stale}"
    changed = sorted(k for k in in_po if in_po[k] != in_mo_sorted[k])
    assert not changed, f"recompile the catalogue; these translations differ: {changed}"
    assert [mo.plural(n) for n in (0, 1, 2, 5)] == PLURALS[language][1]


def test_every_catalogue_holds_the_same_messages():
    """One makemessages run for all languages: no catalogue lags behind another."""
    keys = {
        code: {e.key for e in read_po(lc_messages(code) / "django.po")[1:]} for code in LANGUAGES
    }
    first, *others = LANGUAGES
    for code in others:
        missing, extra = sorted(keys[first] - keys[code]), sorted(keys[code] - keys[first])
        assert not missing and not extra, f"{code} differs from {first}: {missing[:5]} {extra[:5]}"


def visible_text(html: str) -> list[str]:
    """The sentences a reader sees: text between tags, and the words of labels,
    placeholders and buttons given as attributes."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    shown = re.findall(r'(?:aria-label|placeholder|title|alt|value)="([^"]*)"', html)
    text = re.sub(r"<[^>]+>", "\n", html)
    pieces = [*text.splitlines(), *shown]
    return [" ".join(piece.split()) for piece in pieces if piece.strip()]


def english_sentences(html: str) -> set[str]:
    """The pieces of an English page that are words of a sentence (two words or more
    of letters), not a name, an address or a number."""
    words = re.compile(r"[^\W\d_]{2,}")
    return {piece for piece in visible_text(html) if len(words.findall(piece)) >= 2}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_speaks_each_language(language):
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<html lang="{language}"' in body
    with translation.override(language):
        assert gettext_("Shared publicly") in body
        assert gettext_("Sign in") in body
    assert "Shared publicly" not in body


@pytest.mark.django_db
def test_the_home_page_speaks_french_to_a_french_browser():
    body = Client().get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Partagé publiquement" in body
    assert "Se connecter" in body


@pytest.mark.django_db
def test_the_home_page_stays_english_by_default():
    body = Client().get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en"' in body
    assert "Shared publicly" in body


# Sign-in and sign-up pages come from django-allauth: its own catalogues cover
# most languages, and ours (core/allauth_messages.py) covers what they lack.
ACCOUNT_PAGES = ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
# What may look alike on both pages: proper names, and each language's own
# name in the language switcher.
NOT_ENGLISH = {
    "Harambee",
    *(get_language_info(code)["name_local"] for code, _n in settings.LANGUAGES),
}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ACCOUNT_PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_account_pages_show_no_english_sentence(language, url):
    english = Client().get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 200
    sentences = english_sentences(english.content.decode()) - NOT_ENGLISH
    assert len(sentences) >= 5, f"the English {url} shows too little to compare: {sentences}"
    translated = Client().get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert translated.status_code == 200
    shown = set(visible_text(translated.content.decode()))
    left = sorted(sentences & shown)
    assert not left, f"{url} in {language} still shows English: {left}"
