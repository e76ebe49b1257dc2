"""The languages a person speaks: human languages (ISO 639), Twi among them, named
and sorted in the reader's language, ticked as checkboxes; old regional codes become
their language."""

from __future__ import annotations

import re
from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from harambee.people.languages import _sort_key, language_choices, language_name

pytestmark = pytest.mark.django_db

CHOICE = re.compile(r'name="languages" value="([a-z]+)"[^>]*>\s*([^<]+?)\s*</label>')


def test_the_profile_offers_every_language_as_checkboxes_sorted_by_name(cast, client_for):
    client = client_for(cast.member)
    french = client.get(reverse("people:profile_edit"), HTTP_ACCEPT_LANGUAGE="fr")
    choices = CHOICE.findall(french.content.decode())
    assert len(choices) > 180
    names = dict(choices)
    assert names["tw"] == "Twi" and names["de"] == "Allemand" and names["ee"] == "Éwé"
    assert [name for _code, name in choices] == sorted(
        (name for _code, name in choices), key=_sort_key
    )
    english = CHOICE.findall(
        client.get(reverse("people:profile_edit"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )
    assert dict(english)["de"] == "German" and 'type="checkbox"' in french.content.decode()


def test_the_alliance_languages_are_offered_with_their_iso_codes(cast, client_for):
    """Twi, Ewe, Ga, Hausa, Swahili, Kikuyu, Marathi, Tagalog, K'iche', Portuguese…:
    ISO 639-1 where there is one, else ISO 639-3 (Ga is gaa, since ga is Irish)."""
    page = client_for(cast.member).get(reverse("people:profile_edit"), HTTP_ACCEPT_LANGUAGE="en")
    names = dict(CHOICE.findall(page.content.decode()))
    expected = {
        "tw": "Twi",
        "ee": "Ewe",
        "gaa": "Ga",
        "ga": "Irish",
        "ha": "Hausa",
        "sw": "Swahili",
        "ki": "Kikuyu",
        "mr": "Marathi",
        "tl": "Tagalog",
        "quc": "K’iche’",
        "pt": "Portuguese",
        "dag": "Dagbani",
    }
    assert {code: names.get(code) for code in expected} == expected


def test_twi_is_saved_and_shown_in_the_readers_language(cast, client_for):
    response = client_for(cast.member).post(
        reverse("people:profile_edit"),
        {"display_name": "Mo", "time_zone": "Africa/Accra", "languages": ["tw", "ee", "fr"]},
    )
    assert response.status_code == 302
    cast.member.refresh_from_db()
    assert cast.member.languages == ["tw", "ee", "fr"]
    with translation.override("fr"):
        assert cast.member.get_languages_display() == ["Twi", "Éwé", "Français"]
    assert language_name("xx-unknown") == "xx-unknown"


def test_stored_regional_codes_become_their_language_once(cast):
    User = cast.member.__class__
    User.objects.filter(pk=cast.member.pk).update(languages=["pt-br", "pt", "zh-hans", "ast"])
    migration = import_module("harambee.people.migrations.0002_languages_by_iso_639")
    migration.to_languages(apps, None)
    cast.member.refresh_from_db()
    assert cast.member.languages == ["pt", "zh", "ast"]
    codes = {code for code, _name in language_choices()}
    assert set(cast.member.languages) <= codes
