"""The library in Chromium: axe finds no WCAG 2.2 A/AA violation on its pages at
phone and laptop sizes, nothing scrolls sideways on a phone, and a curator adds a
resource with a file and reorders a collection with JavaScript off."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harambee.core.tests.browser.test_accessibility import (
    LAPTOP,
    PHONE,
    problems_on,
    sign_in,
)
from harambee.core.tests.checkers import AXE_JS, require_file
from harambee.core.tests.factories import CommentFactory, OrganisationFactory
from harambee.initiatives.models import Theme
from harambee.library import services
from harambee.library.models import Resource
from harambee.library.tests.test_library import add, png
from harambee.sampledata.files import demo_pdf

pytestmark = pytest.mark.browser

LOOKS = [(PHONE, "light"), (LAPTOP, "light"), (PHONE, "dark")]


@pytest.fixture
def shelf(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    resource = add(
        cast.member,
        title="Stakeholder mapping toolkit with a rather long title for small screens",
        body="Four worksheets and a guide.",
        author_names="A. Mensah, B. Diallo",
        organisations=[OrganisationFactory(name="Forest Trust")],
        languages=["en", "fr", "sw"],
        year=2024,
        themes=list(Theme.objects.all()[:3]),
        link="https://example.org/a/very/long/link/that/should/wrap/on/a/phone/screen",
    )
    services.resource_version_add(
        actor=cast.member, resource=resource, upload=png(), note="A second edition"
    )
    CommentFactory(content=resource, author=cast.space_member, body="Useful in Gatanga.")
    link = add(cast.member, title="Radio programme", upload=None, link="https://example.org/r")
    collection = services.collection_create(
        author=cast.member, space=None, title="Training pack", visibility="public"
    )
    for item in (resource, link):
        services.collection_entry_add(
            actor=cast.member, collection=collection, item=item, note="Read this."
        )
    return {"resource": resource, "link": link, "collection": collection}


def test_library_pages_pass_axe(new_page, live_server, cast, shelf):  # noqa: F811
    require_file(AXE_JS)
    resource, collection = shelf["resource"], shelf["collection"]
    tours = {
        None: ["/library/", resource.get_absolute_url(), collection.get_absolute_url()],
        cast.member: [
            "/library/?sort=downloads",
            resource.get_absolute_url(),
            f"{resource.get_absolute_url()}edit/",
            "/library/new/",
            collection.get_absolute_url(),
            "/library/collections/",
            "/library/collections/new/",
        ],
    }
    problems = []
    for user, paths in tours.items():
        page = new_page(bypass_csp=True)
        if user is not None:
            sign_in(page, user, live_server.url)
        for path in paths:
            response = page.goto(path)
            assert response is not None and response.status == 200, path
            problems += problems_on(page, f"{path} ({user or 'anon'})", LOOKS)
    assert problems == [], "\n".join(problems)


def test_add_a_resource_and_reorder_a_collection_without_javascript(
    new_page,  # noqa: F811
    live_server,
    cast,
    shelf,
    tmp_path,
):
    page = new_page(java_script_enabled=False)
    sign_in(page, cast.member, live_server.url)
    page.goto("/library/new/")
    page.get_by_label("Title").fill("Boundary walk report")
    page.get_by_label("Kind of resource").select_option("report")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(demo_pdf(("Boundary walk report", "What we saw.")))
    page.locator("input[type=file]").set_input_files(str(pdf))
    page.get_by_label("Year").fill("2025")
    page.get_by_label("Public: everyone, also outside the platform").check()
    page.get_by_role("button", name="Add to the library").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Boundary walk report")
    expect(page.get_by_role("link", name="Download")).to_be_visible()
    assert Resource.objects.get(title="Boundary walk report").current.number == 1

    page.goto(shelf["collection"].get_absolute_url())
    entries = page.locator(".collection-entries > li h3")
    expect(entries).to_have_text([shelf["resource"].title, "Radio programme"])
    # Only the first entry can move down; the button names its entry for screen readers.
    move = page.get_by_role("button", name="Move down")
    expect(move).to_contain_text(shelf["resource"].title)
    move.click()
    expect(entries).to_have_text(["Radio programme", shelf["resource"].title])
