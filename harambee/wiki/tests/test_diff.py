"""Word-level differences, inline and side by side: pure functions."""

from __future__ import annotations

from harambee.wiki.diff import DELETED, INSERTED, SAME, Segment, inline, side_by_side


def test_inline_marks_changed_words_only():
    segments = inline("The cat sat.\nSecond line.\n", "The dog sat.\nSecond line.\nThird.\n")
    assert segments == [
        Segment("The "),
        Segment("cat", DELETED),
        Segment("dog", INSERTED),
        Segment(" sat.\nSecond line.\n"),
        Segment("Third.\n", INSERTED),
    ]


def test_inline_keeps_every_word_of_both_texts():
    old, new = "one two three\nfour\n", "one 2 three\nfive\nsix\n"
    segments = inline(old, new)
    assert "".join(s.text for s in segments if s.kind != INSERTED) == old
    assert "".join(s.text for s in segments if s.kind != DELETED) == new


def test_side_by_side_pairs_changed_lines_and_marks_words_on_each_side():
    rows = side_by_side("a\nThe cat sat.\n", "a\nThe dog sat.\nnew\n")
    assert [r.changed for r in rows] == [False, True, True]
    changed = rows[1]
    assert changed.left == [Segment("The "), Segment("cat", DELETED), Segment(" sat.\n")]
    assert changed.right == [Segment("The "), Segment("dog", INSERTED), Segment(" sat.\n")]
    assert rows[2].left is None and rows[2].right == [Segment("new\n", INSERTED)]
    assert (rows[2].left_number, rows[2].right_number) == (None, 3)


def test_side_by_side_shortens_long_unchanged_runs():
    old = "".join(f"line {n}\n" for n in range(20))
    new = old.replace("line 19", "last line")
    rows = side_by_side(old, new, context=3)
    skipped = [r for r in rows if r.skipped]
    assert len(skipped) == 1 and skipped[0].skipped == 13
    assert len(rows) == 3 + 1 + 3 + 1


def test_a_deleted_line_shows_on_the_left_only():
    rows = side_by_side("keep\ngone\n", "keep\n")
    assert rows[-1].left == [Segment("gone\n", DELETED)] and rows[-1].right is None
    assert rows[0].left == [Segment("keep\n", SAME)]
