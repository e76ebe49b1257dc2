"""The search box's language: what people type becomes a safe engine expression."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harambee.search.query import parse, tokens


def test_it_reads_phrases_or_and_exclusions():
    q = parse('water "rain harvesting" OR wells -dam')
    assert q.to_fts5() == '("water"* AND ("rain harvesting" OR "wells"*)) NOT "dam"'
    assert q.to_tsquery() == (
        "((('water':*)) & (('rain' <-> 'harvesting') | ('wells':*))) & !('dam')"
    )


def test_short_words_are_not_prefixes_and_phrases_are_exact():
    assert parse("of").to_fts5() == '"of"'
    assert parse('"educ"').to_fts5() == '"educ"'
    assert parse("educ").to_fts5() == '"educ"*'


def test_a_hyphenated_word_is_a_phrase_of_its_parts():
    assert parse("LEAK12X-TITLE").to_fts5() == '"leak12x title"'


@pytest.mark.parametrize("text", ['"', "*", "-", "NEAR(", "OR", "AND", "NOT", "^", ":", "()", ""])
def test_hostile_input_is_read_as_words_or_nothing(text):
    q = parse(text)
    if q:
        assert q.to_fts5() in {'"near"*', '"and"*', '"not"*'}


def test_a_query_of_exclusions_only_is_empty():
    assert not parse("-dam -river")


def test_or_at_either_end_is_dropped():
    assert parse("OR water OR").to_fts5() == '"water"*'


def test_lowercase_or_is_a_word():
    assert parse("this or that").to_fts5() == '"this"* AND "or" AND "that"*'


def test_unicode_words_stay_whole():
    assert tokens("Éducation à Dakar: 東京, naïve_café") == [
        "éducation",
        "à",
        "dakar",
        "東京",
        "naïve",
        "café",
    ]


def test_it_bounds_the_work_a_query_asks_for():
    q = parse(" ".join(f"word{i}" for i in range(100)))
    assert len(q.words()) == 12


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_every_expression_holds_only_quoted_tokens(text):
    q = parse(text)
    if not q:
        return
    fts = q.to_fts5()
    # Outside the quotes only our own operators and brackets remain.
    outside = fts.split('"')[::2]
    for part in outside:
        assert set(part.replace("AND", "").replace("OR", "").replace("NOT", "")) <= set(" ()*")
    inside = fts.split('"')[1::2]
    assert all(tok == " ".join(tokens(tok)) for tok in inside)
    for lexeme in q.to_tsquery().split("'")[1::2]:
        assert lexeme.isalnum()


def test_snippets_mark_words_as_the_tokenizer_matches_them():
    from harambee.search.highlight import highlight_all, snippet

    q = parse('educacion "rain harvesting" comm -dam')
    assert highlight_all("Educación: rain harvesting, community dam", q) == (
        "\x02Educación\x03: \x02rain\x03 \x02harvesting\x03, \x02community\x03 dam"
    )
    long = " ".join(f"w{i}" for i in range(60)) + " community " + " ".join("x" * 40)
    cut = snippet(long, q)
    assert cut.startswith("…") and cut.endswith("…") and "\x02community\x03" in cut
    assert len(cut.split()) <= 25
    assert snippet("nothing here", q) == "nothing here"
