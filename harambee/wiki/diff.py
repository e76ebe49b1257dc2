"""Word-level differences between two texts, inline or side by side. Pure
functions: the templates escape the text and mark ``del``/``ins`` segments."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from harambee.wiki.merge import lines, words

SAME, DELETED, INSERTED = "same", "del", "ins"


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str = SAME


@dataclass
class Row:
    """One line of a side-by-side diff. ``left``/``right`` are None where the line
    exists on one side only; ``skipped`` counts unchanged lines left out here."""

    left: list[Segment] | None = None
    right: list[Segment] | None = None
    left_number: int | None = None
    right_number: int | None = None
    changed: bool = False
    skipped: int = 0


def word_diff(old: str, new: str) -> tuple[list[Segment], list[Segment], list[Segment]]:
    """(old side, new side, inline) segments of a word-level diff."""
    a, b = words(old), words(new)
    left: list[Segment] = []
    right: list[Segment] = []
    both: list[Segment] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        gone, came = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            left.append(Segment(gone))
            right.append(Segment(came))
            both.append(Segment(came))
            continue
        if gone:
            left.append(Segment(gone, DELETED))
            both.append(Segment(gone, DELETED))
        if came:
            right.append(Segment(came, INSERTED))
            both.append(Segment(came, INSERTED))
    return _joined(left), _joined(right), _joined(both)


def _joined(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for segment in segments:
        if out and out[-1].kind == segment.kind:
            out[-1] = Segment(out[-1].text + segment.text, segment.kind)
        elif segment.text:
            out.append(segment)
    return out


def inline(old: str, new: str) -> list[Segment]:
    """The new text with deleted words (``del``) and inserted words (``ins``)."""
    a, b = lines(old), lines(new)
    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(Segment("".join(b[j1:j2])))
        elif tag == "delete":
            out.append(Segment("".join(a[i1:i2]), DELETED))
        elif tag == "insert":
            out.append(Segment("".join(b[j1:j2]), INSERTED))
        else:
            out += word_diff("".join(a[i1:i2]), "".join(b[j1:j2]))[2]
    return _joined(out)


def side_by_side(old: str, new: str, *, context: int = 3) -> list[Row]:
    """Rows of old and new lines, changed words marked on each side; runs of
    unchanged lines longer than twice ``context`` are shortened to one row."""
    a, b = lines(old), lines(new)
    rows: list[Row] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            count = i2 - i1
            keep = range(count)
            if count > 2 * context:
                keep = [*range(context), *range(count - context, count)]
            for n in keep:
                if n == count - context and count > 2 * context:
                    rows.append(Row(skipped=count - 2 * context))
                text = a[i1 + n]
                rows.append(
                    Row(
                        left=[Segment(text)],
                        right=[Segment(text)],
                        left_number=i1 + n + 1,
                        right_number=j1 + n + 1,
                    )
                )
            continue
        for n in range(max(i2 - i1, j2 - j1)):
            old_line = a[i1 + n] if i1 + n < i2 else None
            new_line = b[j1 + n] if j1 + n < j2 else None
            row = Row(changed=True)
            if old_line is not None and new_line is not None:
                row.left, row.right, _both = word_diff(old_line, new_line)
            elif old_line is not None:
                row.left = [Segment(old_line, DELETED)]
            else:
                row.right = [Segment(new_line or "", INSERTED)]
            row.left_number = i1 + n + 1 if old_line is not None else None
            row.right_number = j1 + n + 1 if new_line is not None else None
            rows.append(row)
    return rows
