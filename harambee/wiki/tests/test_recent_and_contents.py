"""The wiki's recent changes (only saves of pages the reader may read now) and the
table of contents of long pages (from the headings, with anchors, on the server)."""

from __future__ import annotations

import re

import pytest

from harambee.core.models import Visibility
from harambee.core.tests.querycount import assert_constant_queries
from harambee.wiki import services
from harambee.wiki.models import WikiPage
from harambee.wiki.toc import with_anchors

pytestmark = pytest.mark.django_db


def make(author, title, body="Text", *, space=None, visibility=Visibility.ALLIANCE):
    return services.page_create(
        author=author, space=space, title=title, body=body, visibility=visibility
    )


def test_recent_changes_list_what_the_reader_may_read_and_hide_the_rest(cast, client_for):
    public = make(cast.member, "Open method", visibility=Visibility.PUBLIC)
    in_space = make(cast.space_lead, "Forest notes", space=cast.space, visibility="space")
    make(cast.member, "My draft", visibility=Visibility.PRIVATE)
    page = WikiPage.objects.get(pk=public.pk)
    services.page_edit(
        actor=cast.member,
        page=page,
        body="Better text",
        summary="Clearer steps",
        base_revision=page.revision,
    )
    member = client_for(cast.space_member).get("/wiki/pages/recent/").content.decode()
    assert "Open method" in member and "Clearer steps" in member
    assert "Forest notes" in member and cast.space.name in member
    assert "My draft" not in member
    visitor = client_for(cast.anon).get("/wiki/pages/recent/").content.decode()
    assert "Open method" in visitor
    assert "Forest notes" not in visitor and cast.space.name not in visitor
    outsider = client_for(cast.outsider).get("/wiki/pages/recent/").content.decode()
    assert "Forest notes" not in outsider
    # The space's own recent changes: its pages only, for those who may see the space.
    url = f"/spaces/{cast.space.slug}/wiki/pages/recent/"
    space_page = client_for(cast.space_member).get(url).content.decode()
    assert "Forest notes" in space_page and "Open method" not in space_page
    assert client_for(cast.outsider).get(url).status_code == 404
    assert in_space.pk


def test_a_page_made_private_leaves_recent_changes(cast, client_for):
    page = make(cast.member, "Soon hidden", visibility=Visibility.PUBLIC)
    assert "Soon hidden" in client_for(cast.anon).get("/wiki/pages/recent/").content.decode()
    WikiPage.objects.filter(pk=page.pk).update(visibility=Visibility.PRIVATE)
    assert "Soon hidden" not in client_for(cast.anon).get("/wiki/pages/recent/").content.decode()


def test_recent_changes_keep_their_queries_fixed(cast, client_for):
    def add(n):
        for _ in range(n):
            make(cast.member, f"Page {WikiPage.objects.count()}", visibility=Visibility.PUBLIC)

    assert_constant_queries(client_for(cast.member), "/wiki/pages/recent/", add)


def test_a_long_page_gets_a_table_of_contents_with_anchors(cast, client_for):
    body = (
        "## Purpose\n\nWhy.\n\n## Steps & tips\n\nHow.\n\n"
        "### First step\n\nA.\n\n## Purpose\n\nAgain."
    )
    page = make(cast.member, "Long method", body=body, visibility=Visibility.PUBLIC)
    html = client_for(cast.anon).get(page.url()).content.decode()
    toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group(0)
    assert [a for a in re.findall(r'href="#([^"]+)"', toc)] == [
        "s-purpose",
        "s-steps-tips",
        "s-first-step",
        "s-purpose-2",
    ]
    assert "Steps &amp; tips" in toc and "&amp;amp;" not in toc
    for anchor in ("s-purpose", "s-steps-tips", "s-first-step", "s-purpose-2"):
        assert f'id="{anchor}"' in html


def test_a_short_page_has_no_table_of_contents(cast, client_for):
    page = make(cast.member, "Short", body="## Only\n\nOne heading.", visibility="public")
    html = client_for(cast.anon).get(page.url()).content.decode()
    assert 'class="toc"' not in html and 'id="s-only"' in html


def test_headings_with_markup_and_links_keep_it_and_get_plain_names():
    html, headings = with_anchors(
        '<h2>A <em>b</em></h2><h3><a href="/x">Link</a></h3><h2>Ünïcode</h2><p>x</p>'
    )
    assert [h.text for h in headings] == ["A b", "Link", "Ünïcode"]
    assert '<h3 id="s-link"><a href="/x">Link</a></h3>' in html
    assert headings[2].anchor == "s-ünïcode"
