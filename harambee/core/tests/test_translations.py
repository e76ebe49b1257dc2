"""The French catalogue is complete, compiled from the current .po, and served.

Only the standard library reads the catalogue, so these tests run on a machine
without GNU gettext. After changing a template or a translatable string, run
``harambee makemessages -l fr --ignore=static --ignore=locale`` inside
``harambee/``, translate, then ``harambee compilemessages --ignore=.venv``.
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

LC_MESSAGES = Path(settings.LOCALE_PATHS[0]) / "fr" / "LC_MESSAGES"
PO = LC_MESSAGES / "django.po"
MO = LC_MESSAGES / "django.mo"

# What must survive translation untouched: %(name)s placeholders and HTML tags.
KEPT = re.compile(r"%\(\w+\)[sdif]|<[^>]+>")
KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(\".*\")$")


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


@pytest.fixture(scope="module")
def po_entries() -> list[Entry]:
    assert PO.exists(), f"{PO} is missing: run makemessages"
    entries = read_po(PO)
    assert entries and entries[0].msgid == "", "the .po file has no header entry"
    return entries


@pytest.fixture(scope="module")
def messages(po_entries) -> list[Entry]:
    return po_entries[1:]


@pytest.fixture(scope="module")
def mo() -> gettext.GNUTranslations:
    assert MO.exists(), f"{MO} is missing: run compilemessages and commit the .mo file"
    with MO.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def where(entry: Entry) -> str:
    return f"django.po:{entry.line} {entry.msgid!r}"


def test_the_header_declares_french_plural_forms(po_entries):
    header = po_entries[0]
    assert "fuzzy" not in header.flags, "remove '#, fuzzy' from the .po header"
    assert "Language: fr\n" in header.msgstr[0]
    assert "Plural-Forms: nplurals=2; plural=(n > 1);\n" in header.msgstr[0]


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


def test_the_compiled_catalogue_matches_the_po_file(messages, mo):
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
    assert [mo.plural(n) for n in (0, 1, 2, 5)] == [0, 0, 1, 1]


@pytest.mark.django_db
def test_the_home_page_speaks_french_to_a_french_browser():
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="fr">' in body
    assert "Partagé publiquement" in body
    assert "Se connecter" in body
    assert "Shared publicly" not in body


@pytest.mark.django_db
def test_the_home_page_stays_english_by_default():
    body = Client().get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in body
    assert "Shared publicly" in body
