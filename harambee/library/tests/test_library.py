"""The resource library: the gate on resources, versions, files, previews and
collections; bad input; versions and download counts; ordering; filters that leak
nothing; query counts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from harambee.core.models import AuditEntry, Content
from harambee.core.tests.factories import CommentFactory, OrganisationFactory, UserFactory
from harambee.core.tests.matrix import (
    assert_allowed,
    assert_forbidden,
    assert_hidden,
    assert_refused,
)
from harambee.core.tests.pagechecks import without_csrf_tokens
from harambee.core.tests.querycount import assert_constant_queries
from harambee.initiatives.models import Theme
from harambee.library import services
from harambee.library.models import Collection, CollectionEntry, Resource, ResourceVersion
from harambee.sampledata.files import demo_pdf
from harambee.wiki.models import WikiPage

pytestmark = pytest.mark.django_db

BROKEN_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + b"x" * 200
# Passes the core check (it ends with %%EOF) but no renderer can draw a page from it.
UNDRAWABLE_PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def pdf(text: str = "Stakeholder mapping") -> SimpleUploadedFile:
    return SimpleUploadedFile("toolkit.pdf", demo_pdf((text, "A page of text.")))


def png(size=(40, 30)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 90, 20)).save(out, "PNG")
    return SimpleUploadedFile("chart.png", out.getvalue())


def bomb() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("1", (10_000, 5_000)).save(out, "PNG")  # 50 million pixels, a few KB
    return SimpleUploadedFile("bomb.png", out.getvalue())


def add(author, *, space=None, visibility="public", title="Toolkit", upload="pdf", **kwargs):
    if upload == "pdf":
        upload = pdf(title)
    return services.resource_create(
        author=author,
        space=space,
        title=title,
        resource_type=kwargs.pop("resource_type", "toolkit"),
        visibility=visibility,
        upload=upload,
        **kwargs,
    )


def download(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return b"".join(response.streaming_content)


# --- The gate -------------------------------------------------------------------------

READERS = {
    "public": ["anon", "outsider", "guest", "member", "space_member", "space_lead", "steward"],
    "alliance": ["guest", "member", "space_member", "space_lead", "steward"],
    "space": ["guest", "space_member", "space_lead"],
    "private": ["space_lead"],
}


@pytest.mark.parametrize("visibility", list(READERS))
def test_resource_pages_files_and_previews_obey_the_gate(cast, client_for, visibility):
    resource = add(cast.space_lead, space=cast.space, visibility=visibility, upload=png())
    version = resource.current
    urls = [
        resource.get_absolute_url(),
        reverse("library:download", args=[resource.pk]),
        reverse("library:version_download", args=[resource.pk, version.number]),
        version.attachment.thumbnail_url,
        version.attachment.get_absolute_url(),
    ]
    allowed = [getattr(cast, n) for n in READERS[visibility]]
    denied = [getattr(cast, n) for n in cast.names if n not in READERS[visibility]]
    for url in urls:
        assert_allowed(client_for, url, allowed)
        assert_hidden(client_for, url, denied)


@pytest.mark.parametrize("visibility", list(READERS))
def test_collections_obey_their_own_visibility(cast, client_for, visibility):
    collection = services.collection_create(
        author=cast.space_lead, space=cast.space, title="Pack", visibility=visibility
    )
    allowed = [getattr(cast, n) for n in READERS[visibility]]
    denied = [getattr(cast, n) for n in cast.names if n not in READERS[visibility]]
    assert_allowed(client_for, collection.get_absolute_url(), allowed)
    assert_hidden(client_for, collection.get_absolute_url(), denied)


def test_a_missing_version_is_404_like_a_hidden_one(cast, client_for):
    resource = add(cast.member)
    client = client_for(cast.member)
    assert client.get(reverse("library:version_download", args=[resource.pk, 9])).status_code == 404
    link = add(cast.member, upload=None, link="https://example.org/video", title="Link only")
    assert client.get(reverse("library:download", args=[link.pk])).status_code == 404


def test_only_editors_edit_and_upload_versions(cast, client_for):
    resource = add(cast.space_lead, space=cast.space, visibility="space")
    edit = reverse("library:edit", args=[resource.pk])
    assert_allowed(client_for, edit, [cast.space_lead])
    assert_hidden(client_for, edit, [cast.anon, cast.outsider])
    assert_forbidden(client_for, edit, [cast.space_member, cast.guest])
    url = reverse("library:version_add", args=[resource.pk])
    for user in (cast.space_member, cast.guest):
        response = client_for(user).post(url, {"file": pdf("v2")})
        assert response.status_code == 403
    assert client_for(cast.outsider).post(url, {"file": pdf("v2")}).status_code == 404
    assert resource.versions.count() == 1


def test_guests_and_outsiders_cannot_add_to_the_alliance_library(cast, client_for):
    assert_forbidden(client_for, reverse("library:create"), [cast.anon, cast.guest])
    assert_allowed(client_for, reverse("library:create"), [cast.member])
    space_create = reverse("library:space_create", args=[cast.space.slug])
    assert_allowed(client_for, space_create, [cast.space_member, cast.space_lead])
    # The outsider may not know the space (listed to the alliance): it is hidden from them.
    assert_hidden(client_for, space_create, [cast.anon, cast.outsider])
    assert_forbidden(client_for, space_create, [cast.member])


# --- Creating, and bad input ---------------------------------------------------------


def form_data(**overrides):
    data = {
        "title": "Stakeholder mapping toolkit",
        "resource_type": "toolkit",
        "body": "How to map who matters.",
        "link": "",
        "author_names": "A. Mensah, B. Diallo",
        "languages": ["en", "fr"],
        "licence": "cc-by-4.0",
        "year": "2024",
        "visibility": "alliance",
    }
    data.update(overrides)
    return data


def test_a_member_adds_a_resource_with_a_file(cast, client_for, media):
    org = OrganisationFactory(name="Forest Trust")
    theme = Theme.objects.first()
    response = client_for(cast.member).post(
        reverse("library:create"),
        form_data(
            file=pdf(), organisations=[org.pk], themes=[theme.pk], coauthors=[cast.steward.pk]
        ),
    )
    resource = Resource.objects.get()
    assert response.status_code == 302 and response["Location"] == resource.get_absolute_url()
    assert resource.languages == ["en", "fr"] and resource.language == "en"
    assert list(resource.organisations.all()) == [org]
    assert resource.current.number == 1 and resource.current.attachment.mime == "application/pdf"
    page = client_for(cast.member).get(resource.get_absolute_url()).content.decode()
    for text in ("Stakeholder mapping toolkit", "A. Mensah", "Forest Trust", "French", "2024"):
        assert text in page
    assert cast.steward.display_name in page


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("notes.pdf", b"just some text pretending"), "not accepted"),
        (SimpleUploadedFile("report.pdf", BROKEN_PDF), "incomplete or damaged"),
        (bomb(), "too large in pixels"),
    ],
)
def test_refused_files_save_nothing(cast, client_for, media, upload, message):
    before = Content.objects.count()
    response = client_for(cast.member).post(reverse("library:create"), form_data(file=upload))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert "Stakeholder mapping toolkit" in response.content.decode()  # what was typed stays
    assert Content.objects.count() == before and not Resource.objects.exists()
    assert stored_files(media) == []


def test_oversize_files_are_refused(cast, client_for, media, settings):
    settings.UPLOAD_LIMITS_MB = {"image": 1, "pdf": 1, "document": 1, "audio": 1}
    big = demo_pdf(("Big", "x")).replace(b"%%EOF", b" " * (1024 * 1024 + 10) + b"%%EOF")
    response = client_for(cast.member).post(
        reverse("library:create"), form_data(file=SimpleUploadedFile("big.pdf", big))
    )
    assert response.status_code == 422 and "larger than 1 MB" in response.content.decode()
    assert not Resource.objects.exists() and stored_files(media) == []


def test_neither_file_nor_link_is_refused_with_a_message(cast, client_for):
    response = client_for(cast.member).post(reverse("library:create"), form_data())
    assert response.status_code == 422
    assert "Upload a file or give a link" in response.content.decode()
    assert not Resource.objects.exists()


@pytest.mark.parametrize("year", ["1700", "3000", "next year"])
def test_an_invalid_year_is_refused(cast, client_for, year):
    response = client_for(cast.member).post(
        reverse("library:create"), form_data(link="https://example.org/r", year=year)
    )
    assert response.status_code == 422 and 'id="id_year"' in response.content.decode()
    assert "errorlist" in response.content.decode()
    assert not Resource.objects.exists()


def test_services_refuse_bad_values_too(cast):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        add(cast.member, upload=None)
    with pytest.raises(ValidationError):
        add(cast.member, year=1200)
    with pytest.raises(ValidationError):
        add(cast.member, languages=["xx"])
    with pytest.raises(ValidationError):
        add(cast.member, visibility="space")  # no space to be seen in
    assert not Resource.objects.exists()


def test_a_link_only_resource_shows_its_link(cast, client_for):
    resource = add(cast.member, upload=None, link="https://example.org/radio.mp3", title="Radio")
    page = client_for(cast.anon).get(resource.get_absolute_url()).content.decode()
    assert "https://example.org/radio.mp3" in page and "resource-icon" in page


# --- Versions and downloads -----------------------------------------------------------


def test_new_versions_keep_the_old_ones(cast, client_for, media):
    resource = add(cast.member, title="Report")
    client = client_for(cast.member)
    response = client.post(
        reverse("library:version_add", args=[resource.pk]),
        {"file": pdf("Report second edition"), "note": "Corrected figures"},
    )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.current.number == 2 and resource.versions.count() == 2
    assert b"second edition" in download(client, reverse("library:download", args=[resource.pk]))
    first = download(client, reverse("library:version_download", args=[resource.pk, 1]))
    assert b"second edition" not in first and b"Report" in first
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "Corrected figures" in page
    assert reverse("library:version_download", args=[resource.pk, 1]) in page


def test_a_refused_new_version_changes_nothing(cast, client_for, media):
    resource = add(cast.member)
    files_before = stored_files(media)
    response = client_for(cast.member).post(
        reverse("library:version_add", args=[resource.pk]),
        {"file": SimpleUploadedFile("x.pdf", BROKEN_PDF)},
    )
    assert response.status_code == 422 and "damaged" in response.content.decode()
    resource.refresh_from_db()
    assert resource.versions.count() == 1 and resource.current.number == 1
    assert stored_files(media) == files_before


def test_downloads_are_counted_per_version_and_per_resource(cast, client_for):
    resource = add(cast.member)
    services.resource_version_add(actor=cast.member, resource=resource, upload=pdf("v2"))
    client = client_for(cast.anon)
    download(client, reverse("library:download", args=[resource.pk]))
    download(client, reverse("library:download", args=[resource.pk]))
    download(client, reverse("library:version_download", args=[resource.pk, 1]))
    resource.refresh_from_db()
    counts = dict(resource.versions.values_list("number", "download_count"))
    assert counts == {1: 1, 2: 2} and resource.download_count == 3
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "3 downloads" in page


def test_hidden_downloads_are_not_counted(cast, client_for):
    resource = add(cast.space_lead, space=cast.space, visibility="space")
    assert (
        client_for(cast.member).get(reverse("library:download", args=[resource.pk])).status_code
        == 404
    )
    resource.refresh_from_db()
    assert resource.download_count == 0


def test_downloads_are_private_attachments_with_a_sandbox(cast, client_for):
    resource = add(cast.member)
    response = client_for(cast.anon).get(reverse("library:download", args=[resource.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert "private" in response["Cache-Control"]
    assert "sandbox" in response["Content-Security-Policy"]


# --- Previews ---------------------------------------------------------------------------


def test_pdfs_get_a_first_page_preview(cast, client_for):
    pytest.importorskip("pypdfium2")
    resource = add(cast.member)
    attachment = resource.current.attachment
    assert attachment.thumbnail
    preview = b"".join(client_for(cast.anon).get(attachment.thumbnail_url).streaming_content)
    assert Image.open(io.BytesIO(preview)).format == "JPEG"
    page = client_for(cast.anon).get(resource.get_absolute_url()).content.decode()
    assert attachment.thumbnail_url in page


def test_images_get_a_thumbnail(cast, client_for):
    resource = add(cast.member, upload=png(), resource_type="presentation")
    assert resource.current.attachment.thumbnail


def test_a_pdf_the_renderer_cannot_draw_gets_a_plain_icon(cast, client_for):
    resource = add(cast.member, upload=SimpleUploadedFile("odd.pdf", UNDRAWABLE_PDF))
    assert not resource.current.attachment.thumbnail
    page = client_for(cast.anon).get(resource.get_absolute_url()).content.decode()
    assert "resource-icon" in page


def test_without_a_renderer_pdfs_get_a_plain_icon(cast, client_for, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pdfium(name, *args, **kwargs):
        if name == "pypdfium2":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pdfium)
    monkeypatch.setattr("shutil.which", lambda name: None)
    resource = add(cast.member)
    assert not resource.current.attachment.thumbnail
    assert (
        "resource-icon" in client_for(cast.anon).get(resource.get_absolute_url()).content.decode()
    )


# --- Related items ----------------------------------------------------------------------


def test_related_wiki_pages_show_only_when_visible(cast, client_for):
    public = WikiPage.objects.create(author=cast.member, title="Open wiki", visibility="public")
    hidden = WikiPage.objects.create(
        author=cast.space_lead, space=cast.space, title="Hidden wiki", visibility="space"
    )
    resource = add(cast.space_lead, wiki_pages=[public, hidden], space=cast.space)
    assert resource.wiki_pages.count() == 2
    anon_page = client_for(cast.anon).get(resource.get_absolute_url()).content.decode()
    assert "Open wiki" in anon_page and "Hidden wiki" not in anon_page
    member_page = client_for(cast.space_member).get(resource.get_absolute_url()).content.decode()
    assert "Hidden wiki" in member_page


def test_an_editor_cannot_link_a_wiki_page_they_cannot_see(cast):
    hidden = WikiPage.objects.create(
        author=cast.space_lead, space=cast.space, title="Hidden", visibility="private"
    )
    resource = add(cast.member, wiki_pages=[hidden])
    assert not resource.wiki_pages.exists()


def test_visibility_changes_are_audited(cast, client_for):
    resource = add(cast.member, visibility="alliance", upload=None, link="https://example.org")
    services.resource_update(actor=cast.member, resource=resource, visibility="public")
    entry = AuditEntry.objects.get(content=resource)
    assert entry.detail == {"before": "alliance", "after": "public"}


def test_comment_errors_re_render_the_resource_page(cast, client_for):
    resource = add(cast.member)
    response = client_for(cast.member).post(
        reverse("core:comment", args=[resource.pk]), {"body": ""}
    )
    assert response.status_code == 422 and resource.title in response.content.decode()
    collection = services.collection_create(
        author=cast.member, space=None, title="C", visibility="public"
    )
    response = client_for(cast.member).post(
        reverse("core:comment", args=[collection.pk]), {"body": ""}
    )
    assert response.status_code == 422


# --- Collections ------------------------------------------------------------------------


@pytest.fixture
def pack(cast):
    collection = services.collection_create(
        author=cast.member, space=None, title="Training pack", visibility="public"
    )
    items = [add(cast.member, title=f"Item {n}", upload=None, link="https://e.org") for n in "ABC"]
    for item in items:
        services.collection_entry_add(actor=cast.member, collection=collection, item=item)
    return collection


def order(client, collection) -> list[str]:
    """Titles of the entries as shown, in order (the add form below is left out)."""
    page = client.get(collection.get_absolute_url()).content.decode()
    shown = page[page.index('id="entries-heading"') :].split("<legend>")[0]
    found = [(shown.index(t), t) for t in ("Item A", "Item B", "Item C", "Item D") if t in shown]
    return [t for _, t in sorted(found)]


def test_curators_reorder_entries_without_javascript(cast, client_for, pack):
    client = client_for(cast.member)
    entries = list(pack.entries.order_by("position"))
    response = client.post(reverse("library:entry_move", args=[pack.pk, entries[2].pk, "up"]))
    assert response.status_code == 302
    assert order(client, pack) == ["Item A", "Item C", "Item B"]
    client.post(reverse("library:entry_move", args=[pack.pk, entries[0].pk, "down"]))
    assert order(client, pack) == ["Item C", "Item A", "Item B"]
    # The first cannot go further up.
    client.post(reverse("library:entry_move", args=[pack.pk, entries[2].pk, "up"]))
    assert order(client, pack) == ["Item C", "Item A", "Item B"]
    client.post(reverse("library:entry_remove", args=[pack.pk, entries[0].pk]))
    assert order(client, pack) == ["Item C", "Item B"]


def test_others_cannot_change_a_collection(cast, client_for, pack):
    entry = pack.entries.first()
    for url in (
        reverse("library:entry_move", args=[pack.pk, entry.pk, "down"]),
        reverse("library:entry_remove", args=[pack.pk, entry.pk]),
        reverse("library:entry_add", args=[pack.pk]),
    ):
        assert client_for(cast.steward).post(url, {"item": entry.item_id}).status_code == 403
    assert pack.entries.count() == 3


def test_entries_are_added_with_a_note(cast, client_for, pack):
    page = WikiPage.objects.create(author=cast.steward, title="Item D", visibility="alliance")
    response = client_for(cast.member).post(
        reverse("library:entry_add", args=[pack.pk]), {"item": page.pk, "note": "Read first"}
    )
    assert response.status_code == 302
    body = client_for(cast.member).get(pack.get_absolute_url()).content.decode()
    assert "Item D" in body and "Read first" in body
    assert "Item D" not in client_for(cast.anon).get(pack.get_absolute_url()).content.decode()
    again = client_for(cast.member).post(
        reverse("library:entry_add", args=[pack.pk]), {"item": page.pk}
    )
    assert again.status_code == 422 and "already in the collection" in again.content.decode()


def test_a_curator_cannot_add_what_they_cannot_read(cast, client_for, pack):
    hidden = add(cast.space_lead, space=cast.space, visibility="space", title="Secret item")
    response = client_for(cast.member).post(
        reverse("library:entry_add", args=[pack.pk]), {"item": hidden.pk}
    )
    assert response.status_code == 422
    assert not pack.entries.filter(item_id=hidden.pk).exists()


def test_a_resource_page_adds_itself_to_my_collection(cast, client_for, pack):
    resource = add(cast.member, title="Item D")
    response = client_for(cast.member).post(
        reverse("library:add_to_collection", args=[resource.pk]),
        {"collection": pack.pk, "note": "Extra"},
    )
    assert response.status_code == 302
    assert order(client_for(cast.member), pack)[-1] == "Item D"


def test_hidden_entries_leave_no_trace(cast, client_for, pack):
    hidden = add(cast.space_lead, space=cast.space, visibility="space", title="HIDDENENTRY")
    CollectionEntry.objects.create(
        collection=pack, item=hidden, position=99, note="HIDDENNOTE", added_by=cast.member
    )
    for who in ("anon", "member", "steward", "outsider"):
        body = client_for(getattr(cast, who)).get(pack.get_absolute_url()).content.decode()
        assert "HIDDENENTRY" not in body and "HIDDENNOTE" not in body
        assert f"entry-{pack.entries.get(item=hidden).pk}" not in body
        assert body.count('class="card" id="entry-') == 3
    body = client_for(cast.space_member).get(pack.get_absolute_url()).content.decode()
    assert "HIDDENENTRY" in body and "HIDDENNOTE" in body


def test_moving_skips_entries_the_curator_cannot_see(cast, client_for, pack):
    hidden = add(cast.space_lead, space=cast.space, visibility="space", title="Item D")
    entries = list(pack.entries.order_by("position"))
    CollectionEntry.objects.filter(pk=entries[2].pk).update(position=10)
    CollectionEntry.objects.create(collection=pack, item=hidden, position=5, added_by=cast.member)
    client_for(cast.member).post(reverse("library:entry_move", args=[pack.pk, entries[2].pk, "up"]))
    assert order(client_for(cast.member), pack) == ["Item A", "Item C", "Item B"]


# --- Browsing, filters and sorting ------------------------------------------------------


def test_filters_offer_only_what_the_viewer_may_see(cast, client_for):
    hidden_org = OrganisationFactory(name="HIDDENORG Cooperative")
    theme = Theme.objects.create(name="HIDDENTHEME", slug="hiddentheme", group="issue")
    add(
        cast.space_lead,
        space=cast.space,
        visibility="space",
        title="Hidden report",
        organisations=[hidden_org],
        themes=[theme],
        languages=["sw"],
        year=1987,
        resource_type="dataset",
    )
    add(cast.member, title="Open toolkit", languages=["en"], year=2024)
    anon = client_for(cast.anon).get(reverse("library:index")).content.decode()
    for secret in ("HIDDENORG", "HIDDENTHEME", "Swahili", "1987", "Dataset", "Hidden report"):
        assert secret not in anon
    assert "English" in anon and "2024" in anon
    member = client_for(cast.space_member).get(reverse("library:index")).content.decode()
    for shown in ("HIDDENORG", "HIDDENTHEME", "Swahili", "1987", "Dataset", "Hidden report"):
        assert shown in member


def test_filters_narrow_the_list(cast, client_for):
    org = OrganisationFactory(name="Water Alliance")
    add(cast.member, title="Swahili guide", languages=["sw"], year=2020, organisations=[org])
    add(cast.member, title="English video", languages=["en"], year=2022, resource_type="video")
    client = client_for(cast.member)

    def shown(**query):
        body = client.get(reverse("library:index"), query).content.decode()
        return sorted(t for t in ("Swahili guide", "English video") if t in body)

    assert shown(language="sw") == ["Swahili guide"]
    assert shown(year="2022") == ["English video"]
    assert shown(resource_type="video") == ["English video"]
    assert shown(organisation=org.slug) == ["Swahili guide"]
    assert shown(language="sw", year="2022") == []
    # A value the viewer is not offered is refused as a whole, not half applied.
    assert shown(language="zz") == ["English video", "Swahili guide"]


def test_sorting(cast, client_for):
    a = add(cast.member, title="Alpha", year=2010)
    b = add(cast.member, title="Beta", year=2020)
    Resource.objects.filter(pk=a.pk).update(download_count=7)
    client = client_for(cast.member)

    def first(sort):
        body = client.get(reverse("library:index"), {"sort": sort}).content.decode()
        return "Alpha" if body.index("Alpha") < body.index("Beta") else "Beta"

    assert first("title") == "Alpha"
    assert first("year") == "Beta"
    assert first("downloads") == "Alpha"
    assert first("newest") == "Beta"
    assert b.pk


def test_the_space_library_lists_only_that_space(cast, client_for):
    add(cast.space_lead, space=cast.space, visibility="space", title="In the forum")
    add(cast.member, title="Alliance wide")
    body = (
        client_for(cast.space_member)
        .get(reverse("library:space_index", args=[cast.space.slug]))
        .content.decode()
    )
    assert "In the forum" in body and "Alliance wide" not in body


def test_a_secret_space_library_is_404_to_outsiders(cast, client_for):
    from harambee.spaces.models import Space

    Space.objects.filter(pk=cast.space.pk).update(listing=Space.Listing.SECRET)
    url = reverse("library:space_index", args=[cast.space.slug])
    assert_hidden(client_for, url, [cast.anon, cast.outsider, cast.member])
    assert_allowed(client_for, url, [cast.space_member, cast.steward])


# --- Query counts -----------------------------------------------------------------------


def test_library_list_query_count(cast, client_for):
    themes = list(Theme.objects.all()[:2])
    org = OrganisationFactory()

    def more(n):
        for i in range(n):
            add(
                cast.member,
                title=f"R{i}",
                upload=None,
                link="https://e.org",
                themes=themes,
                organisations=[org],
                languages=["en", "fr"],
                year=2000 + i % 20,
            )

    assert_constant_queries(client_for(cast.member), reverse("library:index"), more)


def test_resource_page_query_count(cast, client_for):
    from harambee.initiatives.models import Initiative

    page = WikiPage.objects.create(author=cast.space_lead, title="Wiki", visibility="public")
    resource = add(
        cast.space_lead,
        space=cast.space,
        visibility="space",
        organisations=[OrganisationFactory()],
        themes=list(Theme.objects.all()[:2]),
        coauthors=[cast.space_member],
        wiki_pages=[page],
        initiatives=[Initiative.objects.create(space=cast.space)],
    )
    collection = services.collection_create(
        author=cast.space_lead, space=None, title="Pack", visibility="alliance"
    )
    services.collection_entry_add(actor=cast.space_lead, collection=collection, item=resource)

    def more(n):
        for i in range(n):
            CommentFactory(content=resource, author=UserFactory())
            ResourceVersion.objects.create(
                resource=resource,
                number=resource.versions.count() + 1,
                attachment=resource.current.attachment.__class__.objects.create(
                    content=resource, type="pdf", uploaded_by=cast.member, file="x.pdf"
                ),
                uploaded_by=cast.member,
            )

    page = resource.get_absolute_url()
    assert_constant_queries(client_for(cast.space_member), page, more)
    body = client_for(cast.space_member).get(page).content.decode()
    assert "Wiki" in body and "Pack" in body and cast.space.name in body


def test_collection_page_query_count(cast, client_for):
    collection = services.collection_create(
        author=cast.member, space=None, title="Pack", visibility="public"
    )

    def more(n):
        for i in range(n):
            item = add(cast.member, title=f"R{i}", upload=None, link="https://e.org")
            services.collection_entry_add(actor=cast.member, collection=collection, item=item)

    assert_constant_queries(client_for(cast.member), collection.get_absolute_url(), more)


def test_the_nav_links_to_the_library(cast, client_for):
    body = client_for(cast.anon).get(reverse("library:index")).content.decode()
    assert 'href="/library/" aria-current="page"' in body
    assert Collection.objects.count() == 0


# --- One row per page: who may open it ------------------------------------------------------

EVERYONE = {"anon", "outsider", "guest", "member", "space_member", "space_lead", "steward"}
ALLIANCE = {"member", "space_member", "space_lead", "steward"}
IN_SPACE = {"guest", "space_member", "space_lead"}


def test_permission_matrix_for_every_library_page(cast, client_for):
    slug = cast.space.slug
    resource = add(cast.space_lead, space=cast.space, visibility="space")
    collection = services.collection_create(
        author=cast.space_lead, space=cast.space, title="Pack", visibility="alliance"
    )
    space = cast.space
    # (page, who may open it, what it is about: hidden from those who may not see that)
    rows = [
        (reverse("library:index"), EVERYONE, None),
        (reverse("library:collections"), EVERYONE, None),
        (reverse("library:create"), ALLIANCE, None),
        (reverse("library:collection_create"), ALLIANCE, None),
        # The space is listed to members of the alliance and known to its own members.
        (reverse("library:space_index", args=[slug]), ALLIANCE | IN_SPACE, space),
        (reverse("library:space_collections", args=[slug]), ALLIANCE | IN_SPACE, space),
        (reverse("library:space_create", args=[slug]), IN_SPACE, space),
        (reverse("library:space_collection_create", args=[slug]), IN_SPACE, space),
        (resource.get_absolute_url(), IN_SPACE, resource),
        (reverse("library:edit", args=[resource.pk]), {"space_lead"}, resource),
        (reverse("library:add_to_collection", args=[resource.pk]), IN_SPACE, resource),
        (collection.get_absolute_url(), ALLIANCE | IN_SPACE, collection),
        (reverse("library:collection_edit", args=[collection.pk]), {"space_lead"}, collection),
    ]
    for url, allowed, about in rows:
        assert_allowed(client_for, url, [getattr(cast, n) for n in sorted(allowed)])
        refused = [getattr(cast, n) for n in sorted(EVERYONE - allowed)]
        assert_refused(client_for, url, refused, about)


@pytest.mark.django_db(transaction=True)
def test_kept_filter_choices_lose_a_resource_that_leaves_the_readers_sight_at_once(
    cast, client_for, settings
):
    """With a shared cache the choices are kept between writes; the write that hides
    a resource takes its values out of the very next page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from harambee.library.models import Resource

    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 300
    org = OrganisationFactory(name="SOONHIDDEN Cooperative")
    resource = add(cast.space_lead, title="Soon hidden", organisations=[org], year=1991)
    member = client_for(cast.member)
    assert "SOONHIDDEN" in member.get(reverse("library:index")).content.decode()
    with CaptureQueriesContext(connection) as ctx:
        member.get(reverse("library:index"))
    assert not [q for q in ctx.captured_queries if "DISTINCT" in q["sql"]]
    resource = Resource.objects.get(pk=resource.pk)
    resource.visibility = "private"
    resource.save()
    page = without_csrf_tokens(member.get(reverse("library:index")).content.decode())
    assert "SOONHIDDEN" not in page and "1991" not in page
    assert (
        "SOONHIDDEN" in client_for(cast.space_lead).get(reverse("library:index")).content.decode()
    )


def test_a_kept_card_never_gives_a_reader_who_may_not_see_people_their_links(cast, client_for):
    resource = add(cast.member, title="MENTIONS-CARD", visibility="public")
    mention = f'<p>Ask <a href="/people/{cast.space_lead.pk}/">Lead Person</a> first.</p>'
    Content.objects.filter(pk=resource.pk).update(body_html=mention)
    url = reverse("library:index")
    link = f'href="/people/{cast.space_lead.pk}/"'
    assert link in client_for(cast.member).get(url).content.decode()
    anonymous = client_for(None).get(url).content.decode()
    assert "Lead Person" in anonymous and link not in anonymous
