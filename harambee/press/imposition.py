"""A5 booklet imposition: the brochure's A5 pages two to a side of A4 landscape, in
the order that, printed on both sides, folded once and stapled, reads 1, 2, 3…"""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader, PdfWriter, Transformation

# A4 landscape in points (297 × 210 mm); two A5 pages (148 × 210 mm) fit on it.
A4_LANDSCAPE = (841.89, 595.28)


def padded(count: int) -> int:
    """Pages a booklet of ``count`` pages needs: a multiple of four (one sheet, both
    sides, holds four)."""
    return max(4, -(-count // 4) * 4)


def booklet_order(count: int) -> list[tuple[int, int]]:
    """The (left, right) page numbers of each side in print order, for ``count``
    pages (a multiple of four): (n, 1), (2, n-1), (n-2, 3), (4, n-3)…"""
    if count % 4:
        raise ValueError("a booklet has a multiple of four pages")
    sides = []
    for side in range(count // 2):
        if side % 2 == 0:
            sides.append((count - side, side + 1))
        else:
            sides.append((side + 1, count - side))
    return sides


def impose_booklet(pdf: bytes) -> tuple[bytes, int]:
    """The booklet of ``pdf`` (A5 pages) and its number of sides; pages past the end
    (the padding) stay blank."""
    pages = list(PdfReader(BytesIO(pdf)).pages)
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    sheet_width, sheet_height = A4_LANDSCAPE
    if 2 * width > sheet_width + 1 or height > sheet_height + 1:
        # Not A5: two pages side by side on a sheet of their own size.
        sheet_width, sheet_height = 2 * width, height
    half = sheet_width / 2
    writer = PdfWriter()
    sides = booklet_order(padded(len(pages)))
    for left, right in sides:
        sheet = writer.add_blank_page(width=sheet_width, height=sheet_height)
        for slot, number in enumerate((left, right)):
            if number <= len(pages):
                # Each page centred in its half: the fold runs down the middle.
                move = Transformation().translate(
                    tx=slot * half + (half - width) / 2, ty=(sheet_height - height) / 2
                )
                sheet.merge_transformed_page(pages[number - 1], move)
    out = BytesIO()
    writer.write(out)
    return out.getvalue(), len(sides)
