"""Library writes empty the anonymous page cache at once: no cached page lists a
resource or collection entry that has since been hidden."""

from __future__ import annotations

import pytest

from harambee.library import services
from harambee.library.models import Resource

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _cache_on(settings, tmp_path):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 300
    settings.MEDIA_ROOT = tmp_path / "media"


def test_hiding_a_resource_empties_the_cached_library(cast, client_for):
    resource = services.resource_create(
        author=cast.member,
        space=None,
        title="Soon private toolkit",
        resource_type="toolkit",
        visibility="public",
        link="https://example.org/t",
    )
    client = client_for(None)
    assert "Soon private toolkit" in client.get("/library/").content.decode()
    services.resource_update(
        actor=cast.member, resource=Resource.objects.get(pk=resource.pk), visibility="private"
    )
    assert "Soon private toolkit" not in client.get("/library/").content.decode()


def test_renaming_a_resource_empties_the_cached_library(cast, client_for):
    """A change with no audit entry (which would empty the cache on its own)."""
    resource = services.resource_create(
        author=cast.member,
        space=None,
        title="Old name",
        resource_type="toolkit",
        visibility="public",
        link="https://example.org/t",
    )
    client = client_for(None)
    assert "Old name" in client.get("/library/").content.decode()
    services.resource_update(
        actor=cast.member, resource=Resource.objects.get(pk=resource.pk), title="New name"
    )
    page = client.get("/library/").content.decode()
    assert "New name" in page and "Old name" not in page


def test_reordering_a_collection_empties_the_cached_page(cast, client_for):
    collection = services.collection_create(
        author=cast.member, space=None, title="Pack", visibility="public"
    )
    items = [
        services.resource_create(
            author=cast.member,
            space=None,
            title=title,
            resource_type="report",
            visibility="public",
            link="https://example.org",
        )
        for title in ("First report", "Second report")
    ]
    for item in items:
        services.collection_entry_add(actor=cast.member, collection=collection, item=item)
    client = client_for(None)
    page = client.get(collection.get_absolute_url()).content.decode()
    assert page.index("First report") < page.index("Second report")
    services.collection_entry_move(
        actor=cast.member,
        collection=collection,
        entry=collection.entries.get(item=items[1]),
        direction="up",
    )
    page = client.get(collection.get_absolute_url()).content.decode()
    assert page.index("Second report") < page.index("First report")
