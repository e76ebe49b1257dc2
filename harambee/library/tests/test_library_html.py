"""Every library page, with every part of it showing (previews, versions, related
items, entries, comments, form errors), is valid HTML by the Nu Html Checker."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.tests.checkers import VNU_JAR, java, require_file, vnu
from harambee.core.tests.factories import CommentFactory, OrganisationFactory
from harambee.core.tests.test_html_validity import report
from harambee.initiatives.models import Initiative, Theme
from harambee.library import services
from harambee.library.tests.test_library import add, png
from harambee.wiki.models import WikiPage

pytestmark = pytest.mark.django_db


def test_library_pages_are_valid_html(cast, client_for, tmp_path, settings):
    require_file(VNU_JAR)
    java()
    settings.MEDIA_ROOT = tmp_path / "media"
    page = WikiPage.objects.create(author=cast.member, title="Facilitation", visibility="public")
    resource = add(
        cast.space_lead,
        space=cast.space,
        title="Mapping toolkit",
        body="A *toolkit*.\n\n- one\n- two",
        author_names="A. Mensah, B. Diallo",
        coauthors=[cast.space_member],
        organisations=[OrganisationFactory(name="Forest Trust")],
        languages=["en", "fr"],
        year=2024,
        themes=list(Theme.objects.all()[:2]),
        initiatives=[Initiative.objects.create(space=cast.space)],
        wiki_pages=[page],
        link="https://example.org/video",
    )
    services.resource_version_add(actor=cast.space_lead, resource=resource, upload=png(), note="v2")
    CommentFactory(content=resource, author=cast.space_member, body="Useful.")
    link = add(cast.member, title="Radio", upload=None, link="https://example.org/a.mp3")
    collection = services.collection_create(
        author=cast.member, space=None, title="Pack", body="Read in order.", visibility="public"
    )
    for item in (link, resource, page):
        services.collection_entry_add(actor=cast.member, collection=collection, item=item, note="n")
    services.collection_create(author=cast.member, space=None, title="Other", visibility="public")
    slug, r, c = cast.space.slug, resource.pk, collection.pk
    tour = [
        ("index-anon", "anon", "get", "/library/?sort=title", None, 200),
        ("index-member", "space_member", "get", "/library/?language=fr", None, 200),
        ("space-index", "space_member", "get", f"/spaces/{slug}/library/", None, 200),
        ("create", "member", "get", reverse("library:create"), None, 200),
        ("create-errors", "member", "post", reverse("library:create"), {"year": "1"}, 422),
        ("space-create", "space_lead", "get", f"/spaces/{slug}/library/new/", None, 200),
        ("resource", "space_lead", "get", f"/library/resources/{r}/", None, 200),
        ("resource-reader", "space_member", "get", f"/library/resources/{r}/", None, 200),
        ("resource-link", "anon", "get", link.get_absolute_url(), None, 200),
        ("version-errors", "space_lead", "post", f"/library/resources/{r}/versions/", {}, 422),
        ("edit", "space_lead", "get", f"/library/resources/{r}/edit/", None, 200),
        ("add-to", "member", "get", f"/library/resources/{r}/add-to-collection/", None, 200),
        (
            "add-to-none",
            "space_lead",
            "get",
            f"/library/resources/{r}/add-to-collection/",
            None,
            200,
        ),
        ("collections", "anon", "get", "/library/collections/", None, 200),
        ("collection-curator", "member", "get", f"/library/collections/{c}/", None, 200),
        ("collection-anon", "anon", "get", f"/library/collections/{c}/", None, 200),
        ("collection-new", "member", "get", "/library/collections/new/", None, 200),
        ("collection-edit", "member", "get", f"/library/collections/{c}/edit/", None, 200),
        ("entry-errors", "member", "post", f"/library/collections/{c}/entries/", {}, 422),
    ]
    pages = {}
    for label, who, method, path, data, status in tour:
        response = getattr(client_for(getattr(cast, who)), method)(path, data or {})
        assert response.status_code == status, (label, response.status_code)
        pages[label] = response.content.decode()
    out = tmp_path / "pages"
    out.mkdir()
    for label, html in pages.items():
        (out / f"{label}.html").write_text(html, encoding="utf-8")
    messages = vnu(out)
    problems = [m for m in messages if m.get("type") == "error" or m.get("subType") == "warning"]
    if problems:
        pytest.fail(f"{len(problems)} problems in {len(pages)} pages:\n{report(problems)}")
