"""The anonymous page cache is fast for the public and never serves a stale secret."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from harambee.core.tests.factories import PostFactory, SpaceFactory
from harambee.spaces import services
from harambee.spaces.models import Post, Space

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 300


def test_anonymous_pages_are_served_from_the_cache(client_for):
    PostFactory(
        space=SpaceFactory(listing=Space.Listing.PUBLIC),
        visibility="public",
        title="Open field note",
    )
    client = client_for(None)
    first = client.get("/")
    with CaptureQueriesContext(connection) as ctx:
        second = client.get("/")
    assert second.content == first.content and "Open field note" in second.content.decode()
    assert len(ctx.captured_queries) == 0


def test_a_write_invalidates_at_once(cast, client_for):
    post = PostFactory(
        space=SpaceFactory(listing=Space.Listing.PUBLIC),
        visibility="public",
        title="Soon private",
        author=cast.space_lead,
    )
    client = client_for(None)
    assert "Soon private" in client.get("/").content.decode()
    post = Post.objects.get(pk=post.pk)
    services.post_update(
        actor=cast.space_lead, post=post, title="Soon private", body="x", visibility="space"
    )
    assert "Soon private" not in client.get("/").content.decode()
    assert client.get(reverse("spaces:post", args=[post.pk])).status_code == 404


def test_signed_in_people_and_forms_are_never_cached(cast, client_for):
    client_for(None).get("/")
    member = client_for(cast.member).get("/").content.decode()
    assert "Sign out" in member
    # The sign-in page carries a CSRF token: two visitors get their own.
    a = client_for(None).get(reverse("account_login"))
    b = client_for(None).get(reverse("account_login"))
    assert a.cookies["csrftoken"].value != b.cookies["csrftoken"].value


def test_language_switch_is_a_link(client_for):
    response = client_for(None).get(reverse("core:language", args=["fr"]) + "?next=/spaces/")
    assert response.status_code == 302 and response["Location"] == "/spaces/"
    assert response.cookies["django_language"].value == "fr"
    evil = client_for(None).get(
        reverse("core:language", args=["fr"]) + "?next=https://evil.example/"
    )
    assert evil["Location"] == "/"
    assert client_for(None).get(reverse("core:language", args=["xx"])).status_code == 404


def test_a_lost_counter_never_restarts_at_an_old_number(client_for):
    from django.core.cache import cache

    from harambee.core import anoncache

    first = anoncache.generation()
    cache.delete(anoncache.GENERATION_KEY)
    assert anoncache.generation() > first


def test_every_app_of_ours_invalidates_the_cache():
    """An app left out of PRODUCT_APPS would let a write go unnoticed by the cache.
    (An app without models, such as sampledata, writes only through the others.)"""
    from django.apps import apps

    from harambee.core.anoncache import PRODUCT_APPS

    ours = {
        c.label
        for c in apps.get_app_configs()
        if c.name.startswith("harambee.") and any(c.get_models())
    }
    assert ours == PRODUCT_APPS
