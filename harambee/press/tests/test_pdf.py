"""The PDF engine fetches nothing: not the cloud's metadata address, not a local file,
not a server on this machine; only the resources handed to it."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from harambee.core.pdf import SafeFetcher, render_pdf, resource_url
from harambee.press.tests.helpers import jpeg, pdf_images, pdf_text


class _Recorder(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 -- the name http.server calls
        type(self).hits.append(self.path)
        # A redirect on to the metadata address, were it ever followed.
        self.send_response(302)
        self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    _Recorder.hits = []
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", _Recorder.hits
    server.shutdown()
    server.server_close()


def hostile_html(local: str) -> str:
    return f"""<!DOCTYPE html><html><head>
<link rel="stylesheet" href="file:///etc/passwd">
<link rel="stylesheet" href="{local}/style.css">
<style>@import url("{local}/import.css"); body {{ background: url("{local}/bg.png"); }}</style>
</head><body>
<p>Still rendered.</p>
<img src="http://169.254.169.254/latest/meta-data/iam/security-credentials/x.png">
<img src="file:///etc/passwd">
<img src="{local}/redirect.png">
<img src="/files/images/1/x.png">
</body></html>"""


def test_default_weasyprint_would_fetch_from_a_local_server(local_server):
    """The control: without the closed fetcher the same HTML reaches the server."""
    from weasyprint import HTML

    local, hits = local_server
    HTML(string=f'<img src="{local}/redirect.png">').write_pdf()
    assert hits == ["/redirect.png"]


def test_the_fetcher_refuses_metadata_files_local_servers_and_redirects(local_server):
    local, hits = local_server
    fetcher = SafeFetcher()
    pdf = render_pdf(hostile_html(local), fetcher=fetcher)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Still rendered." in text
    assert "root:" not in text
    assert hits == []
    assert pdf_images(pdf) == 0
    refused = set(fetcher.refused)
    assert "http://169.254.169.254/latest/meta-data/iam/security-credentials/x.png" in refused
    assert "file:///etc/passwd" in refused
    assert f"{local}/redirect.png" in refused
    assert f"{local}/style.css" in refused


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "https://example.org/a.png",
        "file:///etc/passwd",
        "data:image/png;base64,iVBORw0KGgo=",
        "ftp://example.org/x",
        "harambee-resource:not-handed",
        "HARAMBEE-RESOURCE:photo",
    ],
)
def test_the_fetcher_serves_nothing_it_was_not_handed(url):
    fetcher = SafeFetcher({"photo": (b"x", "image/jpeg")})
    with pytest.raises(ValueError):
        fetcher(url)
    assert fetcher.refused == [url]


def test_handed_images_are_embedded():
    html = f'<p>One photo</p><img src="{resource_url("photo")}" alt="">'
    pdf = render_pdf(html, resources={"photo": (jpeg(), "image/jpeg")})
    assert pdf_images(pdf) == 1
    assert pdf_images(render_pdf(html)) == 0
