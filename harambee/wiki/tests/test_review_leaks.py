"""Leaks found in review of the knowledge base: an old address must answer the same
whether or not a page the reader may not see has since taken it."""

from __future__ import annotations

import pytest

from harambee.core.models import Visibility
from harambee.wiki import services
from harambee.wiki.models import WikiPage

pytestmark = pytest.mark.django_db


def make(author, title, *, visibility=Visibility.ALLIANCE):
    return services.page_create(
        author=author, space=None, title=title, body="text", visibility=visibility
    )


def test_a_hidden_page_on_an_old_address_does_not_stop_the_redirect(cast, client_for):
    renamed = make(cast.member, "Foo")
    services.page_rename(actor=cast.member, page=renamed, title="Bar")
    # Another title with the same address, private to its author.
    hidden = make(cast.steward, "Foo?", visibility=Visibility.PRIVATE)
    assert hidden.slug == "foo"
    response = client_for(cast.member).get("/wiki/foo/")
    assert response.status_code == 301
    assert response["Location"] == WikiPage.objects.get(pk=renamed.pk).url()
    # Its author still reaches the private page there.
    assert client_for(cast.steward).get("/wiki/foo/").status_code == 200


def test_the_newest_visible_old_address_wins(cast, client_for):
    seen = make(cast.member, "Old name")
    services.page_rename(actor=cast.member, page=seen, title="Seen now")
    # A page the member may not read took the old address, then was renamed too:
    # two redirects share the address, the newest to a hidden page.
    hidden = make(cast.steward, "Old name!", visibility=Visibility.PRIVATE)
    assert hidden.slug == "old-name"
    services.page_rename(actor=cast.steward, page=hidden, title="Hidden now")
    response = client_for(cast.member).get("/wiki/old-name/")
    assert response.status_code == 301
    assert response["Location"] == WikiPage.objects.get(pk=seen.pk).url()
    own = client_for(cast.steward).get("/wiki/old-name/")
    assert own.status_code == 301
    assert own["Location"] == WikiPage.objects.get(pk=hidden.pk).url()
