"""The leak test's world (``core/tests/test_leaks.py``), from a library reader's side."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.tests.test_leaks import cast, leak_world, world  # noqa: F401
from harambee.core.visibility import can_view
from harambee.library.tests.test_library import download

pytestmark = pytest.mark.django_db


def test_what_may_be_seen_in_the_leak_world_does_show(cast, world, client_for):  # noqa: F811
    """The leak test is only meaningful if visible library markers do appear."""
    client = client_for(cast.space_member)
    shown = 0
    for resource in world["library_resources"]:
        if not can_view(cast.space_member, resource):
            continue
        marker = resource.title.split("-")[0]
        page = client.get(resource.get_absolute_url()).content.decode()
        assert f"{marker}-TITLE" in page and f"{marker}-COMMENT" in page
        assert f"{marker}-NOTE" in page
        file = download(client, reverse("library:download", args=[resource.pk]))
        assert f"{marker}-FILE".encode() in file
        shown += 1
    assert shown >= 3
    public = next(c for c in world["library_collections"] if c.visibility == "public")
    page = client_for(cast.anon).get(public.get_absolute_url()).content.decode()
    visible_entries = [r for r in world["library_resources"] if r.visibility == "public"]
    assert page.count('class="card" id="entry-') == len(visible_entries)
