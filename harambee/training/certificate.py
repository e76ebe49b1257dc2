"""A certificate as PDF (WeasyPrint through ``core.pdf``, which fetches nothing) and
its QR code (segno, SVG written into the page, so nothing is loaded)."""

from __future__ import annotations

import segno
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from harambee.core.pdf import render_pdf
from harambee.training.models import Certificate

CSS = """
@page { size: A4 landscape; margin: 18mm; }
body { font-family: sans-serif; color: #1b1b1b; text-align: center; }
h1 { font-size: 28pt; margin: 10mm 0 4mm; }
.holder { font-size: 24pt; font-weight: bold; margin: 8mm 0; }
.programme { font-size: 18pt; }
.verify { margin-top: 10mm; font-size: 10pt; }
.qr svg { width: 32mm; height: 32mm; }
"""


def qr_svg(url: str) -> str:
    return mark_safe(segno.make(url, error="m").svg_inline(scale=3, border=1))  # noqa: S308


def certificate_pdf(certificate: Certificate, verify_url: str) -> bytes:
    html = render_to_string(
        "training/certificate_pdf.html",
        {"certificate": certificate, "verify_url": verify_url, "qr": qr_svg(verify_url)},
    )
    return render_pdf(html, stylesheets=[CSS])
