from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from harambee.core.markdown import ALLOWED_TAGS, render_markdown, sanitise

# Rendering looks up @mentions (the stream app's linker), so the vectors below run
# through the same code as a real save.
pytestmark = pytest.mark.django_db

XSS_VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<IMG SRC=javascript:alert('XSS')>",
    '<svg onload="alert(1)">',
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](javascript&colon;alert(1))",
    "[click](%6Aavascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    '![x](x" onerror="alert(1))',
    '<a href="#" onclick="alert(1)">x</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<base href=javascript:alert(1)//>",
    "<link rel=stylesheet href=javascript:alert(1)>",
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
    "[a](<javascript:alert(1)>)",
    '<https://example.org/"onmouseover="alert(1)>',
    '[x](https://example.org "title" onmouseover=alert(1))',
    "<a href='javas&#99;ript:alert(1)'>x</a>",
    "<table><td background=javascript:alert(1)>",
    "<video><source onerror=alert(1)>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<isindex action=javascript:alert(1) type=image>",
    "<!--<script>alert(1)</script>-->",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<style>@import 'javascript:alert(1)';</style>",
]


class TagCollector(HTMLParser):
    """Collects the real elements and attributes of rendered HTML (text is ignored)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


URL_ATTRIBUTES = {"href", "src", "action", "data", "background", "formaction", "poster"}


def assert_harmless(html: str) -> None:
    collector = TagCollector()
    collector.feed(html)
    for tag, attrs in collector.tags:
        assert tag in ALLOWED_TAGS, (tag, html)
        assert tag != "script"
        for name, value in attrs:
            assert not name.startswith("on"), (name, html)
            assert name != "style", html
            if name in URL_ATTRIBUTES and value:
                scheme = urlsplit(value.strip().lower()).scheme
                assert scheme in {"", "http", "https", "mailto"}, (value, html)


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_no_script_event_handler_or_javascript_url_survives(vector):
    assert_harmless(render_markdown(vector))


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_the_sanitiser_alone_also_strips_raw_vectors(vector):
    # Even if the Markdown parser ever passed raw HTML through, nh3 would clean it.
    assert_harmless(sanitise(vector))


def test_it_keeps_ordinary_formatting():
    html = render_markdown("# Title\n\n*em* **strong** [link](https://example.org)\n\n- a\n- b")
    assert "<h1>Title</h1>" in html
    assert "<em>em</em>" in html and "<strong>strong</strong>" in html
    assert 'href="https://example.org"' in html
    assert 'rel="nofollow ugc noopener"' in html
    assert "<li>a</li>" in html


def test_raw_html_is_shown_as_text_not_markup():
    html = render_markdown("<b>bold</b>")
    assert "&lt;b&gt;" in html
