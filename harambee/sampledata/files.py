"""Files the demo attaches: landscape photos and one-page PDFs, drawn in code the same
way every time, so the demo needs no binary files."""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw

# Colours of the generated photos: sky at the top, sky at the horizon, far hills, near
# ground, trees.
PALETTES: dict[str, tuple[tuple[int, int, int], ...]] = {
    "forest-edge": ((112, 158, 206), (228, 224, 198), (96, 126, 90), (156, 146, 86), (44, 82, 42)),
    "pillar": ((146, 178, 212), (234, 228, 206), (86, 118, 78), (128, 104, 66), (36, 70, 38)),
    "river": ((92, 148, 210), (216, 230, 238), (68, 108, 78), (96, 128, 112), (50, 94, 54)),
    "orchard": ((78, 138, 214), (238, 230, 202), (150, 136, 104), (178, 150, 94), (40, 98, 42)),
}


def _mix(a: tuple[int, ...], b: tuple[int, ...], t: float) -> tuple[int, int, int]:
    r, g, bl = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
    return r, g, bl


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round((value - degrees - minutes / 60) * 3600, 2)
    return float(degrees), float(minutes), seconds


def demo_photo(palette: str, *, gps: tuple[float, float] | None = None) -> bytes:
    """A landscape-like JPEG, drawn the same way every time. With ``gps``, the EXIF
    carries a location, as a phone camera's photo does."""
    sky_top, horizon, far, near, trees = PALETTES[palette]
    width, height = 1200, 800
    sky = height * 11 // 20
    column = Image.new("RGB", (1, height))
    column.putdata([_mix(sky_top, horizon, min(y / sky, 1.0)) for y in range(height)])
    image = column.resize((width, height))
    draw = ImageDraw.Draw(image)
    ridges = []
    for layer, (colour, base, amplitude, period) in enumerate(
        ((far, 0.56, 0.07, 170.0), (near, 0.7, 0.035, 110.0))
    ):
        ridge = [
            (x, height * base - height * amplitude * math.sin(x / period + 1.7 * layer))
            for x in range(0, width + 20, 20)
        ]
        draw.polygon([*ridge, (width, height), (0, height)], fill=colour)
        ridges.append(ridge)
    # A line of tree crowns along the near ridge, and the ground darkening towards the camera.
    for k in range(16):
        x = (k * 149 + 37) % width
        y = ridges[1][x // 20][1]
        r = 16 + (k * 7) % 18
        draw.ellipse((x - r, y - 2.2 * r, x + r, y + 4), fill=trees)
        draw.line((x, y - 6, x, y + 10), fill=(70, 54, 36), width=4)
    for band in range(6):
        top = int(height * (0.8 + band * 0.035))
        draw.rectangle((0, top, width, height), fill=_mix(near, (60, 52, 40), 0.12 * (band + 1)))
    if palette == "pillar":
        # A weathered concrete boundary pillar in the foreground.
        draw.polygon(((560, 560), (640, 560), (630, 760), (570, 760)), fill=(188, 184, 172))
        draw.polygon(((560, 560), (600, 540), (640, 560)), fill=(206, 202, 190))
        draw.line((575, 610, 625, 610), fill=(150, 146, 136), width=3)
    elif palette == "forest-edge":
        # The reserve: closed forest on the far ridge, thinning out towards the savannah.
        for k in range(60):
            x = (k * 13 + (k * k) % 11) % 760
            y = ridges[0][x // 20][1]
            r = 22 + (k * 5) % 14
            draw.ellipse((x - r, y - 1.6 * r, x + r, y + 0.6 * r), fill=_mix(trees, far, 0.25))
    elif palette == "river":
        # The river winding towards the camera.
        bank = [(520 + 120 * math.sin(y / 60), y) for y in range(560, height + 10, 10)]
        draw.polygon(
            [*bank, *[(x + 40 + (y - 560) * 0.9, y) for x, y in reversed(bank)]],
            fill=(120, 158, 182),
        )
    elif palette == "orchard":
        # Rows of citrus trees running into the distance.
        for row in range(5):
            y = 600 + row * 45
            r = 9 + row * 5
            for x in range(-40 + row * 17, width + 40, 60 + row * 22):
                draw.ellipse(
                    (x - r, y - 1.6 * r, x + r, y), fill=_mix(trees, (30, 70, 30), row / 6)
                )
    exif = Image.Exif()
    exif[0x010F] = "Tecno"  # camera make
    exif[0x0110] = "Spark 10"  # camera model
    if gps is not None:
        latitude, longitude = gps
        exif[0x8825] = {
            1: "N" if latitude >= 0 else "S",
            2: _dms(latitude),
            3: "E" if longitude >= 0 else "W",
            4: _dms(longitude),
        }
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88, exif=exif)
    return out.getvalue()


def demo_pdf(lines: tuple[str, ...]) -> bytes:
    """A small, valid one-page PDF: the first line as its title, the rest as text."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    title, *rest = lines
    ops = ["BT", "/F1 15 Tf", "60 780 Td", f"({escape(title)}) Tj", "/F2 10.5 Tf", "0 -30 Td"]
    for line in rest:
        ops += [f"({escape(line)}) Tj", "0 -16 Td"]
    ops.append("ET")
    stream = "\n".join(ops).encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
