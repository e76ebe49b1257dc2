"""A5 booklet imposition: pages padded to a multiple of four, in print order, two to a
side of A4 landscape."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from harambee.core.pdf import render_pdf
from harambee.press.imposition import booklet_order, impose_booklet, padded


def test_pages_are_padded_to_a_multiple_of_four():
    assert [padded(n) for n in (1, 2, 3, 4, 5, 8, 9, 13)] == [4, 4, 4, 4, 8, 8, 12, 16]


def test_the_print_order_pairs_outer_pages_first():
    assert booklet_order(4) == [(4, 1), (2, 3)]
    assert booklet_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    assert booklet_order(12)[:4] == [(12, 1), (2, 11), (10, 3), (4, 9)]


@pytest.mark.parametrize("count", [4, 8, 12, 16, 40])
def test_every_page_is_printed_once_and_each_sheet_faces_its_fold(count):
    sides = booklet_order(count)
    assert sorted(n for side in sides for n in side) == list(range(1, count + 1))
    # Facing pages of every side add up to n + 1.
    assert all(left + right == count + 1 for left, right in sides)


def test_an_odd_count_is_refused():
    with pytest.raises(ValueError):
        booklet_order(6)


def _numbered_a5(count: int) -> bytes:
    pages = "".join(f'<p style="break-after: page">PAGE{n:02d}</p>' for n in range(1, count + 1))
    return render_pdf(f"<body>{pages}</body>", stylesheets=["@page { size: A5; margin: 1cm }"])


def _side_text(page) -> list[str]:
    """The page markers on one side, left to right."""
    found: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip().startswith("PAGE"):
            found.append((cm[4] + tm[4], text.strip()))

    page.extract_text(visitor_text=visit)
    return [text for _x, text in sorted(found)]


def test_a_six_page_brochure_becomes_two_sheets_in_print_order():
    booklet, sides = impose_booklet(_numbered_a5(6))
    reader = PdfReader(io.BytesIO(booklet))
    assert sides == len(reader.pages) == 4
    for page in reader.pages:
        # A4 landscape.
        assert round(float(page.mediabox.width)) == 842
        assert round(float(page.mediabox.height)) == 595
    assert [_side_text(page) for page in reader.pages] == [
        ["PAGE01"],  # 8 (blank) | 1
        ["PAGE02"],  # 2 | 7 (blank)
        ["PAGE06", "PAGE03"],
        ["PAGE04", "PAGE05"],
    ]
    # The blank page 8 is on the left of the first side: page 1 sits on the right half.
    assert _positions(reader.pages[0])["PAGE01"] > 421


def _positions(page) -> dict[str, float]:
    found: dict[str, float] = {}

    def visit(text, cm, tm, font, size):
        if text.strip().startswith("PAGE"):
            found[text.strip()] = cm[4] + tm[4]

    page.extract_text(visitor_text=visit)
    return found
