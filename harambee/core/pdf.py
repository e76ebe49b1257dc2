"""PDF rendering with WeasyPrint that never reaches outside the process.

A page rendered to PDF is HTML the platform wrote, but the text in it came from
people: an ``<img src="http://169.254.169.254/…">`` or a ``file:///etc/passwd``
stylesheet in an item's body must not make the server fetch anything. WeasyPrint asks
its url fetcher for every resource; ``SafeFetcher`` answers only for the resources the
caller handed it by name (images that passed the gate, read from storage beforehand)
and refuses everything else: every scheme, every host, every path. Nothing is ever
fetched over a network, so there is no redirect to follow either."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# The scheme of the names under which a caller hands resources to the fetcher.
RESOURCE_SCHEME = "harambee-resource:"


class FetchRefused(ValueError):
    """What the fetcher raises for a URL it will not serve; WeasyPrint leaves the
    resource out and goes on."""


class SafeFetcher:
    """A WeasyPrint url fetcher that serves only ``resources`` (``name`` → ``(bytes,
    mime type)``, asked for as ``harambee-resource:<name>``) and refuses the rest. It
    notes every URL it was asked for and refused, for the tests and the logs."""

    def __init__(self, resources: Mapping[str, tuple[bytes, str]] | None = None) -> None:
        self.resources = dict(resources or {})
        self.refused: list[str] = []

    def __call__(self, url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
        if url.startswith(RESOURCE_SCHEME):
            found = self.resources.get(url[len(RESOURCE_SCHEME) :])
            if found is not None:
                data, mime = found
                return {"string": data, "mime_type": mime, "redirected_url": url}
        self.refused.append(url)
        raise FetchRefused(f"Not fetched: {url[:200]}")


def resource_url(name: str) -> str:
    return f"{RESOURCE_SCHEME}{name}"


def render_pdf(
    html: str,
    *,
    stylesheets: list[str] | None = None,
    resources: Mapping[str, tuple[bytes, str]] | None = None,
    fetcher: SafeFetcher | None = None,
) -> bytes:
    """``html`` as PDF bytes, with ``stylesheets`` (CSS text) and only ``resources``
    to load. ``fetcher`` may be given to see afterwards what was refused."""
    from weasyprint import CSS, HTML

    fetcher = fetcher or SafeFetcher(resources)
    sheets = [CSS(string=css, url_fetcher=fetcher) for css in stylesheets or []]
    document = HTML(string=html, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=sheets)
