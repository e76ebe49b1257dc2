"""The SMS replies come from the gettext catalogues, in the contact's language."""

from __future__ import annotations

import pytest

from harambee.reach.models import SMS_LANGUAGES
from harambee.reach.replies import REPLIES, reply
from harambee.reach.segments import is_gsm

VALUES = {"site": "Harambee", "keywords": "FIRE", "space": "Ghana forum", "number": 7, "option": 2}
OTHER_LANGUAGES = [code for code, _ in SMS_LANGUAGES if code != "en"]


def _english(what: str) -> str:
    return reply(what, "en", **VALUES)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
@pytest.mark.parametrize("what", sorted(REPLIES))
def test_every_reply_is_translated_into_every_sms_language(what, language):
    text = reply(what, language, **VALUES)
    assert text != _english(what), f"{what} has no {language} translation"
    for value in VALUES.values():
        if str(value) in _english(what):
            assert str(value) in text, f"{what} in {language} lost {value!r}"


@pytest.mark.parametrize("language", [code for code, _ in SMS_LANGUAGES])
@pytest.mark.parametrize("what", sorted(REPLIES))
def test_replies_stay_in_the_gsm_alphabet_so_they_cost_the_fewest_segments(what, language):
    assert is_gsm(reply(what, language, **VALUES))


def test_a_language_without_a_catalogue_gets_english():
    assert reply("inbox", "tw") == _english("inbox")
    assert reply("inbox", "") == _english("inbox")


def test_the_reply_does_not_change_the_language_of_the_request_around_it():
    from django.utils import translation

    with translation.override("fr"):
        assert reply("inbox", "sw").startswith("Asante")
        assert translation.get_language() == "fr"
