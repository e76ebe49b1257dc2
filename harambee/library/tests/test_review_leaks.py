"""Leaks found in review of the library: a curator acting on an entry they may not
read learns it is there (and could remove it blind)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from harambee.library import services
from harambee.library.models import CollectionEntry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _link(author, **kwargs):
    return services.resource_create(
        author=author,
        title=kwargs.pop("title", "Toolkit"),
        resource_type="toolkit",
        link="https://example.org/toolkit",
        **kwargs,
    )


@pytest.fixture
def pack_with_hidden(cast):
    """A public collection curated by a member, holding one item the curator can read
    and one space-only item of a space they are not in."""
    collection = services.collection_create(
        author=cast.member, space=None, title="Training pack", visibility="public"
    )
    seen = _link(cast.member, space=None, visibility="public", title="Seen item")
    services.collection_entry_add(actor=cast.member, collection=collection, item=seen)
    hidden = _link(cast.space_lead, space=cast.space, visibility="space", title="HIDDENITEM")
    entry = CollectionEntry.objects.create(
        collection=collection, item=hidden, position=2, added_by=cast.space_lead
    )
    return collection, entry


@pytest.mark.parametrize("route", ["up", "down", "remove"])
def test_an_entry_the_curator_cannot_read_answers_like_a_missing_one(
    cast, client_for, pack_with_hidden, route
):
    collection, entry = pack_with_hidden

    def url(pk):
        if route == "remove":
            return reverse("library:entry_remove", args=[collection.pk, pk])
        return reverse("library:entry_move", args=[collection.pk, pk, route])

    client = client_for(cast.member)
    missing = client.post(url(entry.pk + 1000))
    hidden = client.post(url(entry.pk))
    assert missing.status_code == 404
    assert hidden.status_code == missing.status_code
    assert CollectionEntry.objects.filter(pk=entry.pk).exists()


def test_a_coauthor_outside_the_space_is_not_shown_its_members(cast, client_for):
    """A co-author may still edit after leaving the space; the edit form must not list
    that space's members (only members and stewards see the member list)."""
    from harambee.core.tests.factories import MembershipFactory, UserFactory
    from harambee.spaces.models import Membership

    helper = UserFactory(display_name="Ida Insider")
    MembershipFactory(space=cast.space, user=helper)
    resource = _link(cast.space_lead, space=cast.space, visibility="space", title="Field guide")
    former = UserFactory(display_name="Fred Former")
    membership = MembershipFactory(space=cast.space, user=former)
    resource.coauthors.add(former)
    membership.delete()
    Membership.objects.filter(user=former).delete()
    response = client_for(former).get(reverse("library:edit", args=[resource.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ida Insider" not in body and "Sam Spacemember" not in body
    # The author, still a member, is offered the members as co-authors.
    body = client_for(cast.space_lead).get(reverse("library:edit", args=[resource.pk]))
    assert "Ida Insider" in body.content.decode()
