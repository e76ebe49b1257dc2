"""A member's home is kept between writes (``site.home.home_parts``): the next view
reads no item, and any committed write, another reader, language or last visit gives
a page of its own; what a reader may see never outlives a membership or a grant."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from harambee.core.tests.factories import MembershipFactory, PostFactory
from harambee.notifications.models import Kind, Notification
from harambee.site.home import HOME_CACHE_SECONDS, _seconds_to_keep
from harambee.spaces import services
from harambee.spaces.models import Membership, ThreadGuest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _shared_cache(settings):
    # The generation keys other caches only when the page cache (a shared one) is on.
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 300


def items_read(client) -> list[str]:
    """The SQL of one view of home that reads items."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/")
    assert response.status_code == 200
    return [q["sql"] for q in ctx.captured_queries if "core_content" in q["sql"]]


def test_the_next_view_reads_no_item_and_a_write_shows_at_once(cast, client_for):
    PostFactory(space=cast.space, author=cast.space_lead, title="Seed swap", visibility="space")
    client = client_for(cast.space_member)
    assert "Seed swap" in client.get("/").content.decode()
    assert items_read(client) == []
    # A new thread in the reader's space: on the very next view, read afresh.
    PostFactory(space=cast.space, author=cast.space_lead, title="Fire breaks", visibility="space")
    assert items_read(client)
    page = client.get("/").content.decode()
    assert "Fire breaks" in page and "Seed swap" in page


def test_a_membership_ended_by_a_write_hides_the_space_at_once(cast, client_for):
    PostFactory(space=cast.space, author=cast.space_lead, title="Members only", visibility="space")
    client = client_for(cast.space_member)
    client.get("/")
    assert "Members only" in client.get("/").content.decode()
    membership = Membership.objects.get(space=cast.space, user=cast.space_member)
    services.membership_remove(actor=cast.space_lead, membership=membership)
    page = client.get("/").content.decode()
    assert "Members only" not in page and cast.space.name not in page


def test_each_reader_has_a_page_of_their_own(cast, client_for):
    PostFactory(space=cast.space, author=cast.space_lead, title="Inside only", visibility="space")
    PostFactory(
        space=cast.space, author=cast.space_lead, title="Half-written plan", visibility="private"
    )
    people = (cast.space_lead, cast.outsider, cast.member, cast.space_member)
    clients = {person.pk: client_for(person) for person in people}
    for client in clients.values():
        client.get("/")  # each visit recorded (a write each)
    # No write from here on: every page is read under the same generation.
    page = clients[cast.space_lead.pk].get("/").content.decode()
    assert "Inside only" in page and "Half-written plan" in page
    for person in people[1:]:
        other = clients[person.pk].get("/").content.decode()
        assert "Half-written plan" not in other
        assert ("Inside only" in other) is (person == cast.space_member)


def test_the_page_is_kept_per_language(cast, client_for):
    client = client_for(cast.space_member)
    client.get("/")
    assert "Your spaces" in client.get("/").content.decode()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = client.get("/").content.decode()
    assert "Vos espaces" in page and "Your spaces" not in page


def test_the_survey_prompt_is_asked_on_every_view(cast, client_for):
    client = client_for(cast.space_member)
    client.get("/")
    assert "survey-prompt" in client.get("/").content.decode()
    response = client.post(reverse("insights:survey_dismiss"), {"next": "/"})
    assert response.status_code == 302
    assert "survey-prompt" not in client.get("/").content.decode()


def test_a_reader_holding_a_grant_is_not_kept(cast, client_for):
    """A grant ends by time alone, with no write: the page is read afresh each time."""
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    ThreadGuest.objects.create(
        thread=thread, user=cast.outsider, expires=timezone.now() + timedelta(days=3)
    )
    client = client_for(cast.outsider)
    client.get("/")
    client.get("/")
    assert items_read(client)


def test_the_page_is_never_kept_past_a_membership_that_ends(cast):
    now = timezone.now()
    assert _seconds_to_keep(cast.space_member, now) == HOME_CACHE_SECONDS
    MembershipFactory(
        space=cast.other_space, user=cast.space_member, expires=now + timedelta(seconds=7)
    )
    reader = type(cast.space_member).objects.get(pk=cast.space_member.pk)
    assert _seconds_to_keep(reader, now) == 7
    # At its end (or a clock a little ahead), nothing is kept.
    assert _seconds_to_keep(reader, now + timedelta(seconds=7)) <= 0


def notices_read(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        client.get("/")
    return sum("notifications_notification" in q["sql"] for q in ctx.captured_queries)


def test_mentions_are_looked_for_only_when_something_is_unread(cast, client_for):
    client = client_for(cast.space_lead)
    client.get("/")
    PostFactory(space=cast.space, author=cast.space_member, title="A write")
    # Nothing unread: the header's count, and no search for mentions.
    assert notices_read(client) == 1
    thread = PostFactory(space=cast.space, author=cast.space_member, title="Mentioning Lea")
    Notification.objects.create(
        recipient=cast.space_lead,
        kind=Kind.MENTION,
        actor=cast.space_member,
        content=thread,
        shown=timezone.now(),
    )
    assert notices_read(client) == 2
    page = client.get("/").content.decode()
    assert "You were mentioned" in page and "Mentioning Lea" in page
