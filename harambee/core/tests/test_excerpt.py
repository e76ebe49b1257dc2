"""The one excerpt of a body that lists, feeds, moderation pages and notices show."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from harambee.core.excerpt import html_excerpt, text_excerpt
from harambee.core.markdown import render_markdown
from harambee.core.tests.factories import PostFactory
from harambee.core.tests.pagechecks import escaping_faults, read

BODY = (
    "Farmers & forest guards <script>alert(1)</script> met **at dawn**, "
    "see [the method](/wiki/x/).\n\n- one\n- two\n\n## Next\n\nMore words here."
)


def test_the_html_excerpt_escapes_once_keeps_links_and_drops_blocks():
    html, cut = html_excerpt(render_markdown(BODY), words=100)
    assert not cut
    assert "Farmers &amp; forest guards &lt;script&gt;" in html
    assert "&amp;amp;" not in html and "&amp;lt;" not in html
    assert '<a href="/wiki/x/"' in html and "<strong>at dawn</strong>" in html
    assert "<p>" not in html and "<li>" not in html and "<h2>" not in html
    text, _links = read(f"<p>{html}</p>")
    assert text.startswith("Farmers & forest guards <script>alert(1)</script> met at dawn")


def test_the_html_excerpt_cuts_at_words_with_its_markup_closed():
    html, cut = html_excerpt(render_markdown("**" + "word " * 59 + "word**"), words=10)
    assert cut and html.endswith("</strong>") and html.count("word") == 10
    assert "…" in html


def test_the_text_excerpt_is_plain_text_without_markdown():
    text = text_excerpt(render_markdown("**Bono Community Radio** and [link](/wiki/a/) & co"))
    assert text == "Bono Community Radio and link & co"
    assert text_excerpt(render_markdown("a " * 400), chars=20).endswith("…")
    assert text_excerpt("") == ""


@pytest.mark.django_db
def test_the_tag_links_read_more_only_when_the_body_was_cut(cast):
    short = PostFactory(author=cast.member, body="Farmers & forest guards #forests")
    long = PostFactory(author=cast.member, title="Long one", body="word " * 80)
    template = Template("{% load excerpts %}{% excerpt item words=20 %}")
    short_html = template.render(Context({"item": short}))
    long_html = template.render(Context({"item": long}))
    assert "Read more" not in short_html and not escaping_faults(short_html)
    assert read(short_html)[0] == "Farmers & forest guards #forests"
    assert "Read more" in long_html and long.get_absolute_url() in long_html
    assert "Long one" in long_html  # the link's name says which item


def test_the_page_checks_find_double_escaping_and_entities_shown_as_text():
    assert escaping_faults("<p>Farmers &amp;amp; forest</p>")
    assert escaping_faults("<p>&amp;lt;script&amp;gt;</p>")
    assert escaping_faults("<p>Farmers &amp; forest</p>", probes=("Farmers & guards",))
    assert not escaping_faults(
        "<p>Farmers &amp; guards &lt;b&gt;</p>", probes=("Farmers & guards",)
    )


@pytest.mark.django_db
def test_bodies_are_printed_for_their_reader_even_without_one(cast):
    from harambee.core.markdown import render_markdown as render
    from harambee.stream.services import handle_ensure

    handle = handle_ensure(user=cast.member).name
    html = render(f"Ask @{handle}")
    template = Template("{% load links %}{{ html|for_reader:user }}")
    assert "<a " in template.render(Context({"html": html, "user": cast.space_member}))
    for reader in (cast.guest, cast.anon, None):
        shown = template.render(Context({"html": html, "user": reader}))
        assert "<a " not in shown and f"@{handle}" in shown
