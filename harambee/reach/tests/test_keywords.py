from __future__ import annotations

import pytest

from harambee.reach.keywords import parse


@pytest.mark.parametrize(
    "text",
    [
        "STOP",
        "stop",
        " Stop. ",
        "UNSUBSCRIBE",
        "end",
        "Quit",
        "STOPALL",
        "cancel",
        "optout",
        "revoke",
        "ARRET",
        "Arrêt",
        "arrêt!",
        "acha",
        "PARAR",
        "sair",
    ],
)
def test_stop_words_in_every_language_opt_out(text):
    assert parse(text).action == "stop"


@pytest.mark.parametrize(
    "text",
    [
        "Please don't stop",
        "stop the logging now",
        "do not cancel the meeting",
        "the end",
        "STOP STOP",
    ],
)
def test_a_stop_word_inside_a_sentence_is_no_opt_out(text):
    assert parse(text).action != "stop"


@pytest.mark.parametrize("text", ["START", "unstop", "Yes", "OUI", "ndiyo", "sim"])
def test_start_words_opt_in(text):
    assert parse(text).action == "start"


@pytest.mark.parametrize("text", ["HELP", "info", "Aide", "MSAADA", "ajuda"])
def test_help_words(text):
    assert parse(text).action == "help"


def test_join_takes_one_code_in_any_language():
    assert parse("JOIN forest").rest == "FOREST"
    assert parse("jiunge FOREST").action == "join"
    assert parse("rejoindre forest").language == "fr"
    assert parse("join").action == "text"
    assert parse("join the forum today").action == "text"


def test_a_report_keyword_starts_a_report_only_as_the_first_word():
    words = frozenset({"FIRE"})
    found = parse("FIRE Bono East 3 trees cut near river", words)
    assert (found.action, found.word, found.rest) == (
        "report",
        "FIRE",
        "Bono East 3 trees cut near river",
    )
    assert parse("fire: near the river", words).action == "report"
    assert parse("there was a fire", words).action == "text"
    assert parse("FIRE", words).action == "text"
    assert parse("FIREWOOD sold", words).action == "text"


def test_a_small_number_is_a_poll_answer():
    assert parse(" 2 ").action == "answer"
    assert parse("2024").action == "text"
