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


def test_every_app_of_ours_with_tables_invalidates_the_cache():
    """An app that did not register itself (``core.registry.register_page_cache_app``)
    would let a write go unnoticed by the cache."""
    from django.apps import apps

    from harambee.core.registry import page_cache_apps

    with_tables = {
        c.label
        for c in apps.get_app_configs()
        if c.name.startswith("harambee.") and list(c.get_models())
    }
    assert with_tables and with_tables <= page_cache_apps()


def test_the_cache_answers_before_the_session_and_authentication_middleware():
    from django.conf import settings

    order = list(settings.MIDDLEWARE)
    cache_at = order.index("harambee.core.anoncache.AnonymousPageCacheMiddleware")
    for later in (
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
    ):
        assert cache_at < order.index(later), later


def test_a_hit_touches_no_session_and_no_database(client_for, monkeypatch):
    from django.contrib.sessions.backends.base import SessionBase

    PostFactory(space=SpaceFactory(listing=Space.Listing.PUBLIC), visibility="public")
    client_for(None).get("/")  # stored
    loads: list[str] = []
    monkeypatch.setattr(SessionBase, "_get_session", lambda self, *a, **k: loads.append("x") or {})
    with CaptureQueriesContext(connection) as ctx:
        hit = client_for(None).get("/")
    assert hit.status_code == 200 and not loads and len(ctx.captured_queries) == 0
    assert not hit.cookies


def test_a_signed_in_person_never_gets_the_cached_page(cast, client_for):
    post = PostFactory(
        space=SpaceFactory(listing=Space.Listing.PUBLIC), visibility="public", title="Open"
    )
    url = post.get_absolute_url()
    public = client_for(None).get(url).content.decode()
    assert "Sign out" not in public and "Open" in public
    member = client_for(cast.member)
    for _ in range(2):  # also after the public page is cached
        page = member.get(url).content.decode()
        assert "Sign out" in page and cast.member.display_name in page
        assert 'name="csrfmiddlewaretoken"' in page
    # And the member's page never becomes the public's.
    again = client_for(None).get(url)
    assert "Sign out" not in again.content.decode() and not again.cookies


def test_a_session_is_never_stored_nor_served_to_another_visitor(cast, client_for):
    from django.conf import settings

    PostFactory(space=SpaceFactory(listing=Space.Listing.PUBLIC), visibility="public")
    member = client_for(cast.member)
    session_id = member.cookies[settings.SESSION_COOKIE_NAME].value
    member.get("/")
    for _ in range(3):
        response = client_for(None).get("/")
        assert session_id not in response.content.decode()
        assert settings.SESSION_COOKIE_NAME not in response.cookies
        assert "Sign out" not in response.content.decode()


def test_a_visitor_with_a_session_cookie_is_rendered_for_themselves(cast, client_for):
    """A cookie names a session, signed in or not: such requests bypass the cache."""
    from django.conf import settings

    PostFactory(space=SpaceFactory(listing=Space.Listing.PUBLIC), visibility="public")
    client_for(None).get("/")
    stale = client_for(None)
    stale.cookies[settings.SESSION_COOKIE_NAME] = "no-such-session"
    with CaptureQueriesContext(connection) as ctx:
        response = stale.get("/")
    assert response.status_code == 200 and "Sign out" not in response.content.decode()
    assert len(ctx.captured_queries) > 0  # rendered, not read from the cache


def test_a_page_that_says_no_store_is_not_kept(cast, client_for):
    """An event page whose join link is about to appear changes with the clock alone."""
    from datetime import timedelta

    from django.utils import timezone

    from harambee.events.models import Event
    from harambee.events.tests.helpers import make_event

    # 18 minutes ahead: within the 20 minutes around the join window when the page is not
    # kept, and 8 minutes (not 2) before the window opens, for a slow machine.
    soon = make_event(
        cast.space_lead, join_for="readers", starts=timezone.now() + timedelta(minutes=18)
    )
    later = make_event(cast.space_lead, join_for="readers")
    client = client_for(None)
    join = reverse("events:join", args=[soon.pk])
    first = client.get(soon.get_absolute_url())
    assert "no-store" in first["Cache-Control"] and join not in first.content.decode()
    # The window opens without any write (update() sends no signal, so the cache's
    # generation stays): the next visitor sees the link at once.
    Event.objects.filter(pk=soon.pk).update(starts=timezone.now() + timedelta(minutes=9))
    assert join in client.get(soon.get_absolute_url()).content.decode()
    # A page far from its window is cached as usual.
    assert "no-store" not in client.get(later.get_absolute_url()).get("Cache-Control", "")
