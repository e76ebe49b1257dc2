"""Every knowledge-base page, with form errors, a conflict and both kinds of diff,
is valid HTML by the Nu Html Checker (as ``core/tests/test_html_validity.py``
checks the rest of the product)."""

from __future__ import annotations

import shutil

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from harambee.core.tests.checkers import VNU_JAR, java, require_file, vnu
from harambee.core.tests.factories import CommentFactory
from harambee.wiki import services

pytestmark = pytest.mark.django_db


def test_wiki_pages_are_valid_html(cast, client_for, tmp_path):
    require_file(VNU_JAR)
    java()
    page = services.page_create(
        author=cast.member,
        space=None,
        title="Stakeholder mapping",
        body="## Purpose\n\nSee [[Power cube]] and [[Missing page|this]].\n\n- a\n- b\n",
        category="methodology",
        visibility="public",
    )
    services.page_create(
        author=cast.member, space=None, title="Power cube", body="[[Stakeholder mapping]]"
    )
    CommentFactory(content=page, author=cast.member, body="A *comment*.")
    services.page_edit(
        actor=cast.member, page=page, body=page.body + "\nMore text.\n", base_revision=1
    )
    space_page = services.page_create(
        author=cast.space_member, space=cast.space, title="Local", body="x", visibility="space"
    )
    member, steward = client_for(cast.member), client_for(cast.space_member)
    conflict = member.post(
        page.url("edit"),
        {
            "base_revision": 1,
            "category": "methodology",
            "visibility": "public",
            "body": page.body.replace("- b", "- c"),
        },
    )
    # Revision 3 (just merged) changed "- b"; this edit, from revision 1, changes it too.
    conflict_two = member.post(
        page.url("edit"),
        {
            "base_revision": 1,
            "category": "methodology",
            "visibility": "public",
            "body": page.body.replace("- b", "- d"),
        },
    )
    assert conflict_two.status_code == 409
    pages = {
        "index": member.get(reverse("wiki:index")),
        "index-anon": client_for(cast.anon).get(reverse("wiki:index") + "?category=tool"),
        "space-index": steward.get(reverse("wiki:space_index", args=[cast.space.slug])),
        "page": member.get(page.url()),
        "page-anon": client_for(cast.anon).get(page.url()),
        "space-page": steward.get(space_page.url()),
        "create": member.get(reverse("wiki:create") + "?category=methodology&title=X"),
        "create-errors": member.post(reverse("wiki:create"), {"title": "", "body": "kept"}),
        "edit": member.get(page.url("edit")),
        "edit-other": steward.get(page.url("edit")),
        "conflict": conflict_two,
        "merged-or-conflict": conflict,
        "history": member.get(page.url("history")),
        "diff-side": member.get(page.url("diff") + "?from=1&to=2"),
        "diff-inline": member.get(page.url("diff") + "?from=1&to=2&mode=inline"),
        "diff-first": member.get(page.url("diff") + "?from=0&to=1"),
        "revision": member.get(page.url("revision", 1)),
        "rename": member.get(page.url("rename")),
        "rename-errors": member.post(page.url("rename"), {"title": "Power cube"}),
        "links": member.get(page.url("links")),
    }
    for label, response in pages.items():
        assert response.status_code in (200, 302, 409, 422), (label, response.status_code)
        if response.status_code != 302:
            (tmp_path / f"{label}.html").write_text(response.content.decode(), encoding="utf-8")
    shutil.copy(finders.find("harambee/harambee.css"), tmp_path / "harambee.css")
    messages = vnu(tmp_path)
    problems = [m for m in messages if m.get("type") == "error" or m.get("subType") == "warning"]
    assert not problems, "\n".join(
        f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m.get('message')} "
        f"{m.get('extract', '')!r}"
        for m in problems
    )
