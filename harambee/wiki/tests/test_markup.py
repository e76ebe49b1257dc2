"""[[Links]], titles and slugs: pure functions."""

from __future__ import annotations

from harambee.wiki.markup import (
    clean_title,
    linked_titles,
    make_slug,
    render_page,
    resolve_links,
    title_key,
)


def test_titles_compare_without_case_spaces_or_underscores():
    assert clean_title("  Most   significant\tchange ") == "Most significant change"
    assert title_key("Most_significant_CHANGE") == title_key("most significant change")


def test_slugs_keep_letters_of_every_language_and_avoid_the_wikis_own_words():
    assert make_slug("Écoute active") == "écoute-active"
    assert make_slug("New") == "new-page"
    assert make_slug("!!!") == "page"


def test_links_are_found_outside_code_only():
    html = render_page(
        "See [[Stakeholder mapping]] and [[Most significant change|MSC]].\n\n"
        "`[[not a link]]`\n\n    [[code block]]\n"
    )
    assert linked_titles(html) == ["Stakeholder mapping", "Most significant change"]
    assert ">MSC</a>" in html and "[[not a link]]" in html and "[[code block]]" in html


def test_link_text_and_targets_cannot_carry_markup():
    html = render_page('[[a"b<script>c|<b>x</b>]] [x](javascript:alert(1))')
    assert "<script" not in html and "<b>" not in html
    assert 'href="javascript' not in html
    assert linked_titles(html) == ['a"b<script>c']


def test_resolving_points_at_the_page_or_offers_to_write_it():
    html = render_page("[[Here]] and [[Not here]]")
    out = resolve_links(
        html,
        lambda title: "/wiki/here/" if title == "Here" else None,
        lambda title: "/wiki/new/?title=" + title.replace(" ", "+"),
        "No page yet",
    )
    assert '<a href="/wiki/here/"' in out
    assert '<a class="wiki-new" title="No page yet" href="/wiki/new/?title=Not+here"' in out
    assert "wiki:" not in out
