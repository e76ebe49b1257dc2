from __future__ import annotations

import hashlib
import re

import pytest
from django.test import Client
from django.urls import reverse

from harambee.core.models import AuditEntry
from harambee.portal.models import FeedToken
from harambee.portal.tests.helpers import parse, titles
from harambee.spaces.models import Membership
from harambee.stream.models import Follow, Hashtag

pytestmark = pytest.mark.django_db


def _make_token(client_for, user) -> str:
    """Make the person's feed address through the settings page; the token as shown."""
    page = client_for(user).post(reverse("portal:feed_settings"), {"action": "create"})
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    found = re.search(r"/feeds/private/([A-Za-z0-9_-]{40,})/rss\.xml", page.content.decode())
    assert found, "the new address is shown"
    return found.group(1)


def _feed(token: str, fmt: str = "rss"):
    # A feed reader: no session, no cookies.
    return Client().get(reverse(f"portal:private_{fmt}", args=[token]))


def test_the_private_feed_shows_what_the_person_follows_and_may_read(cast, world, client_for):
    reader = cast.space_member
    Follow.objects.create(follower=reader, space=world.public)
    token = _make_token(client_for, reader)
    for fmt in ("rss", "atom"):
        response = _feed(token, fmt)
        assert "no-store" in response["Cache-Control"]
        shown = titles(parse(response))
        # Space-only items of a space they are in, and public ones.
        assert {"HID-story", "PUB-story", "HID-lesson", "PUB-event"} <= shown
        # Nothing from spaces they do not follow.
        assert not [t for t in shown if t.startswith(("SEC-", "MEM-"))]


def test_the_private_feed_hides_what_its_owner_may_not_read(cast, world, client_for):
    outsider = cast.outsider
    Follow.objects.create(follower=outsider, space=world.public)
    Follow.objects.create(follower=outsider, hashtag=Hashtag.objects.get(name=world.tag))
    shown = titles(parse(_feed(_make_token(client_for, outsider))))
    assert "PUB-story" in shown
    assert not [t for t in shown if t.startswith(("HID-", "SEC-"))], shown


def test_an_item_leaves_the_feed_as_soon_as_its_reader_loses_the_right(cast, world, client_for):
    reader = cast.space_member
    Follow.objects.create(follower=reader, space=world.public)
    token = _make_token(client_for, reader)
    assert "HID-story" in titles(parse(_feed(token)))
    Membership.objects.filter(user=reader, space=world.public).delete()
    shown = titles(parse(_feed(token)))
    assert "HID-story" not in shown and "PUB-story" in shown


def test_a_revoked_or_replaced_token_answers_404(cast, world, client_for):
    reader = cast.space_member
    client = client_for(reader)
    first = _make_token(client_for, reader)
    second = _make_token(client_for, reader)
    assert _feed(first).status_code == 404
    assert _feed(second).status_code == 200
    response = client.post(reverse("portal:feed_settings"), {"action": "revoke"})
    assert response.status_code == 302
    assert _feed(second).status_code == 404
    assert _feed(second, "atom").status_code == 404
    assert not FeedToken.objects.filter(user=reader).exists()
    actions = list(AuditEntry.objects.filter(actor=reader).values_list("action", flat=True))
    assert actions.count("feed_token_created") == 2 and "feed_token_revoked" in actions


def test_the_token_is_kept_only_as_its_hash_and_shown_once(cast, world, client_for):
    reader = cast.member
    token = _make_token(client_for, reader)
    row = FeedToken.objects.get(user=reader)
    assert row.digest == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(FeedToken.objects.filter(user=reader).values().get())
    again = client_for(reader).get(reverse("portal:feed_settings")).content.decode()
    assert token not in again
    assert "Revoke" in again


def test_an_inactive_account_has_no_feed(cast, world, client_for):
    reader = cast.member
    token = _make_token(client_for, reader)
    type(reader).objects.filter(pk=reader.pk).update(is_active=False)
    assert _feed(token).status_code == 404


def test_authors_are_named_only_as_the_owner_may_see_them(cast, world, client_for):
    member, guest = cast.space_member, cast.guest
    for reader in (member, guest):
        Follow.objects.create(follower=reader, space=world.public)
    member_feed = parse(_feed(_make_token(client_for, member)))
    assert {e.get("author") for e in member_feed.entries} >= {"Lea Lead"}
    # Guests may not see the directory: nobody but themselves is named to them.
    guest_feed = _feed(_make_token(client_for, guest)).content.decode()
    assert "Lea Lead" not in guest_feed


def test_the_settings_page_asks_to_sign_in(client):
    response = client.get(reverse("portal:feed_settings"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_private_feed_asks_a_bounded_number_of_queries(
    cast, world, client_for, django_assert_max_num_queries
):
    from harambee.portal.tests.helpers import make_item

    reader = cast.space_member
    Follow.objects.create(follower=reader, space=world.public)
    for n in range(55):
        make_item(
            "post",
            space=world.public,
            author=cast.space_lead,
            visibility="space",
            title=f"Many {n}",
        )
    token = _make_token(client_for, reader)
    _feed(token)  # writes "last used" once
    with django_assert_max_num_queries(6):
        parsed = parse(_feed(token))
    assert len(parsed.entries) == 50
