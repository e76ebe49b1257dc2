"""The segment counter against the GSM 03.38 codec (``gsm0338``): the septets it
counts are the bytes the codec writes, and the parts never split an escape pair or
a surrogate pair."""

from __future__ import annotations

import gsm0338  # noqa: F401 (registers the "gsm03.38" codec)
from hypothesis import given, settings
from hypothesis import strategies as st

from harambee.reach.segments import GSM_BASIC, GSM_EXTENSION, count, is_gsm, split

gsm_text = st.text(alphabet=GSM_BASIC + GSM_EXTENSION, max_size=700)
any_text = st.text(max_size=400)


def test_160_gsm_characters_are_one_segment_and_161_are_two():
    assert count("a" * 160).count == 1
    assert count("a" * 161).count == 2
    assert count("a" * 306).count == 2
    assert count("a" * 307).count == 3


def test_an_escape_character_counts_twice():
    assert count("€" * 80).units == 160
    assert count("€" * 80).count == 1
    assert count("€" * 81).count == 2


def test_one_character_outside_gsm_switches_the_whole_message_to_ucs2():
    text = "a" * 69 + "ç"
    seg = count(text)
    assert seg.encoding == "UCS-2" and seg.count == 1 and seg.non_gsm == "ç"
    assert count("a" * 70 + "ç").count == 2
    assert count("ω" * 134).count == 2
    assert count("ω" * 135).count == 3


def test_an_escape_pair_is_never_split_across_parts():
    text = "a" * 152 + "€" + "b" * 10
    parts = split(text)
    assert parts[0] == "a" * 152 and parts[1].startswith("€")


@settings(max_examples=300, deadline=None)
@given(gsm_text)
def test_septets_are_what_the_gsm_codec_writes(text):
    assert is_gsm(text)
    seg = count(text)
    assert seg.encoding == "GSM-7"
    assert seg.units == len(text.encode("gsm03.38"))


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_text_the_codec_refuses_is_ucs2_and_text_it_takes_from_our_set_is_gsm(text):
    try:
        text.encode("gsm03.38")
        codec_ok = True
    except UnicodeEncodeError:
        codec_ok = False
    seg = count(text)
    if not codec_ok:
        assert seg.encoding == "UCS-2"
    if seg.encoding == "GSM-7":
        assert codec_ok


@settings(max_examples=300, deadline=None)
@given(st.one_of(gsm_text, any_text))
def test_parts_join_back_fit_their_size_and_match_the_count(text):
    seg = count(text)
    parts = split(text)
    assert "".join(parts) == text
    assert len(parts) == seg.count
    for part in parts:
        if seg.encoding == "GSM-7":
            size = len(part.encode("gsm03.38"))
        else:
            size = len(part.encode("utf-16-le")) // 2
        assert size <= seg.per_part
