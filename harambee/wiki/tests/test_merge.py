"""The three-way merge of page texts: pure functions, no database."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harambee.wiki.merge import (
    has_conflict_markers,
    lines,
    merge3,
    merge_set,
    merge_value,
    words,
)

BASE = "Purpose\nWhen to use\nSteps\nTips\nExamples\n"


def test_it_takes_the_only_side_that_changed():
    assert merge3(BASE, BASE + "More\n", BASE).text == BASE + "More\n"
    assert merge3(BASE, BASE, "New\n" + BASE).text == "New\n" + BASE


def test_it_merges_changes_to_different_lines():
    mine = BASE.replace("Steps", "Steps, in order")
    theirs = BASE.replace("Examples", "Examples from Ghana")
    merged = merge3(BASE, mine, theirs)
    assert merged.clean
    assert merged.text == "Purpose\nWhen to use\nSteps, in order\nTips\nExamples from Ghana\n"


def test_it_merges_an_insertion_next_to_a_change():
    mine = BASE.replace("Steps\n", "Steps\nStep one\n")
    theirs = BASE.replace("Steps", "The steps")
    merged = merge3(BASE, mine, theirs)
    assert merged.clean
    assert "The steps\nStep one\n" in merged.text


def test_it_merges_different_words_of_one_long_paragraph():
    base = "The cat sat on the mat. It was warm. Everyone slept.\n"
    mine = "The dog sat on the mat. It was warm. Everyone slept.\n"
    theirs = "The cat sat on the mat. It was cold. Everyone slept.\n"
    merged = merge3(base, mine, theirs)
    assert merged.clean
    assert merged.text == "The dog sat on the mat. It was cold. Everyone slept.\n"


def test_identical_changes_on_both_sides_are_not_a_conflict():
    mine = theirs = BASE.replace("Tips", "Facilitation tips")
    assert merge3(BASE, mine, theirs).text == mine
    both = BASE + "Same line\n"
    assert merge3(BASE, both, both + "").clean


def test_overlapping_changes_keep_both_versions_between_markers():
    mine = BASE.replace("Steps", "Steps (mine)")
    theirs = BASE.replace("Steps", "Steps (theirs)")
    merged = merge3(BASE, mine, theirs, mine_label="your version", their_label="revision 3")
    assert not merged.clean
    assert merged.conflicts == [("Steps (mine)\n", "Steps (theirs)\n")]
    assert merged.text == (
        "Purpose\nWhen to use\n"
        "<<<<<<< your version\nSteps (mine)\n=======\nSteps (theirs)\n>>>>>>> revision 3\n"
        "Tips\nExamples\n"
    )
    assert has_conflict_markers(merged.text)


def test_two_insertions_at_one_place_conflict_since_their_order_is_unknown():
    mine = BASE + "Mine at the end\n"
    theirs = BASE + "Theirs at the end\n"
    merged = merge3(BASE, mine, theirs)
    assert not merged.clean
    assert "Mine at the end" in merged.text and "Theirs at the end" in merged.text


def test_a_conflict_at_the_end_without_a_newline_still_gets_marker_lines():
    merged = merge3("a\nb", "a\nB1", "a\nB2")
    assert not merged.clean
    assert "<<<<<<<\nB1\n=======\nB2\n>>>>>>>\n" in merged.text


def test_one_side_deleting_what_the_other_changed_is_a_conflict():
    mine = BASE.replace("Tips\n", "")
    theirs = BASE.replace("Tips", "Better tips")
    merged = merge3(BASE, mine, theirs)
    assert not merged.clean
    assert "Better tips" in merged.text


def test_it_merges_into_an_empty_base():
    assert merge3("", "Mine\n", "").text == "Mine\n"
    assert not merge3("", "Mine\n", "Theirs\n").clean


def test_the_tokenisers_lose_nothing():
    text = "Line one,  with  spaces!\r\nÉcoute — active\n\nlast"
    assert "".join(lines(text)) == text
    assert "".join(words(text)) == text


def test_marker_detection_needs_a_whole_set():
    assert not has_conflict_markers("<<<<<<< only a start\ntext\n")
    assert has_conflict_markers("x\n<<<<<<<\na\n=======\nb\n>>>>>>>\n")


def test_sets_and_values_merge_three_ways():
    assert merge_set({1, 2}, {1, 2, 3}, {2}) == {2, 3}
    assert merge_value("tool", "tool", "concept") == ("concept", False)
    assert merge_value("tool", "case", "tool") == ("case", False)
    assert merge_value("tool", "case", "concept") == ("case", True)


# Distinct lines, as paragraphs of a page are: with many identical lines which
# one changed is ambiguous, and diff3 may then ask a person (see the next test).
paragraphs = st.lists(
    st.tuples(st.integers(0, 999), st.sampled_from(["", " a", " b c.", ", X Y", " the end"])),
    min_size=4,
    max_size=12,
    unique_by=lambda pair: pair[0],
).map(lambda pairs: [f"Line {n}{tail}\n" for n, tail in pairs])


def test_blank_lines_between_paragraphs_do_not_confuse_the_merge():
    base = "## Purpose\n\nFind who matters.\n\n## Steps\n\nList them.\n\n## Tips\n\nAsk.\n"
    mine = base.replace("Find who matters.", "Find who matters, and why.")
    theirs = base.replace("Ask.", "Ask the quiet ones.")
    merged = merge3(base, mine, theirs)
    assert merged.clean
    assert "Find who matters, and why." in merged.text
    assert "Ask the quiet ones." in merged.text


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs, st.data())
def test_edits_to_far_apart_lines_always_merge_into_both(base_lines, data):
    """Whatever the text, one person changing a line in the first half and another
    changing one in the second half (with an untouched line between) both win."""
    middle = len(base_lines) // 2
    i = data.draw(st.integers(0, middle - 2))
    j = data.draw(st.integers(middle, len(base_lines) - 1))
    mine_lines, their_lines = list(base_lines), list(base_lines)
    mine_lines[i] = "MINE " + base_lines[i]
    their_lines[j] = "THEIRS " + base_lines[j]
    expected = list(base_lines)
    expected[i], expected[j] = mine_lines[i], their_lines[j]
    merged = merge3("".join(base_lines), "".join(mine_lines), "".join(their_lines))
    assert merged.clean
    assert merged.text == "".join(expected)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=60), st.text(max_size=60), st.text(max_size=60))
def test_nothing_is_ever_lost(base, mine, theirs):
    """A clean merge equals a side when the other did not change; a conflicting one
    carries every conflicting region of both sides."""
    merged = merge3(base, mine, theirs)
    if base == theirs:
        assert merged.text == mine
    if base == mine:
        assert merged.text == theirs
    for mine_part, their_part in merged.conflicts:
        assert mine_part.rstrip("\n") in merged.text
        assert their_part.rstrip("\n") in merged.text
