"""How many SMS segments a text takes, and in which encoding.

GSM-7 (3GPP TS 23.038): 160 septets in one message, 153 per part of a longer one;
the characters of the extension table (``^{}\\[~]|€`` and form feed) take two
septets (an escape and the character) and a part never ends between the two. One
character outside GSM-7 switches the whole message to UCS-2: 70 UTF-16 code units in
one message, 67 per part, and a surrogate pair is never split either."""

from __future__ import annotations

from dataclasses import dataclass

GSM_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = "\f^{}\\[~]|€"
_BASIC = frozenset(GSM_BASIC)
_EXTENSION = frozenset(GSM_EXTENSION)

GSM_SINGLE, GSM_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67


@dataclass(frozen=True)
class Segments:
    encoding: str  # "GSM-7" or "UCS-2"
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    count: int
    # The characters that made the text UCS-2 (empty for GSM-7).
    non_gsm: str = ""

    @property
    def per_part(self) -> int:
        if self.encoding == "GSM-7":
            return GSM_SINGLE if self.count <= 1 else GSM_PART
        return UCS2_SINGLE if self.count <= 1 else UCS2_PART


def is_gsm(text: str) -> bool:
    return all(c in _BASIC or c in _EXTENSION for c in text)


def _pack(widths: list[int], single: int, part: int) -> int:
    """Parts needed for characters of these widths, never splitting one."""
    total = sum(widths)
    if total == 0:
        return 1
    if total <= single:
        return 1
    parts, used = 1, 0
    for width in widths:
        if used + width > part:
            parts += 1
            used = 0
        used += width
    return parts


def count(text: str) -> Segments:
    if is_gsm(text):
        widths = [2 if c in _EXTENSION else 1 for c in text]
        return Segments("GSM-7", sum(widths), _pack(widths, GSM_SINGLE, GSM_PART))
    widths = [2 if ord(c) > 0xFFFF else 1 for c in text]
    odd = "".join(dict.fromkeys(c for c in text if c not in _BASIC and c not in _EXTENSION))
    return Segments("UCS-2", sum(widths), _pack(widths, UCS2_SINGLE, UCS2_PART), odd)


def split(text: str) -> list[str]:
    """The parts the text is sent in (what a phone joins back together)."""
    segments = count(text)
    if segments.count == 1:
        return [text]
    parts, current, used = [], [], 0
    gsm = segments.encoding == "GSM-7"
    for c in text:
        width = (2 if c in _EXTENSION else 1) if gsm else (2 if ord(c) > 0xFFFF else 1)
        if used + width > segments.per_part:
            parts.append("".join(current))
            current, used = [], 0
        current.append(c)
        used += width
    parts.append("".join(current))
    return parts
