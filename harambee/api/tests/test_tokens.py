"""Personal access tokens: shown once, kept as a digest, scoped, expiring, revocable,
listed with their last use (written at most once a minute)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from harambee.api.models import AccessToken
from harambee.api.services import token_digest

pytestmark = pytest.mark.django_db


def test_a_token_made_on_the_page_is_shown_once_and_kept_as_a_digest(cast, client_for, api):
    client = client_for(cast.member)
    response = client.post(
        "/api/tokens/", {"name": "Reporting", "days": "30", "may_write": "on", "kinds": ["threads"]}
    )
    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret.startswith("hbt_") and secret in response.content.decode()
    token = AccessToken.objects.get(user=cast.member)
    assert token.digest == token_digest(secret) and token.may_write and token.kinds == ["threads"]
    stored = " ".join(str(v) for v in AccessToken.objects.values_list().get())
    assert secret not in stored
    listing = client.get("/api/tokens/").content.decode()
    assert secret not in listing and token.prefix in listing and "Reporting" in listing
    assert api(secret).get("/api/threads/").status_code == 200


def test_bad_input_on_the_token_form_is_said_and_kept(cast, client_for):
    client = client_for(cast.member)
    response = client.post("/api/tokens/", {"name": "<script>x</script>", "days": "0"})
    assert response.status_code == 422
    body = response.content.decode()
    assert "&lt;script&gt;x&lt;/script&gt;" in body and "<script>x</script>" not in body
    assert not AccessToken.objects.exists()
    bad_kind = client.post("/api/tokens/", {"name": "x", "days": "5", "kinds": ["nope"]})
    assert bad_kind.status_code == 422
    assert client.get("/api/tokens/").status_code == 200


def test_a_revoked_or_expired_token_no_longer_works(cast, client_for, api, token_of):
    secret = token_of(cast.member)
    token = AccessToken.objects.get(user=cast.member)
    assert api(secret).get("/api/threads/").status_code == 200
    # Somebody else cannot revoke it: not theirs, not there.
    assert client_for(cast.steward).post(f"/api/tokens/{token.pk}/revoke/").status_code == 404
    assert client_for(cast.member).post(f"/api/tokens/{token.pk}/revoke/").status_code == 302
    assert api(secret).get("/api/threads/").status_code == 401
    other = token_of(cast.member)
    AccessToken.objects.filter(digest=token_digest(other)).update(
        expires=timezone.now() - timedelta(seconds=1)
    )
    assert api(other).get("/api/threads/").status_code == 401


def test_a_token_of_a_deactivated_person_stops_working(cast, api, token_of):
    secret = token_of(cast.member)
    type(cast.member).objects.filter(pk=cast.member.pk).update(is_active=False)
    assert api(secret).get("/api/threads/").status_code == 401


def test_last_use_is_written_at_most_once_a_minute(cast, api, token_of):
    client = api(token_of(cast.member))
    client.get("/api/threads/")
    token = AccessToken.objects.get(user=cast.member)
    assert token.last_used is not None
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/threads/")
    assert not [q for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    earlier = timezone.now() - timedelta(minutes=2)
    AccessToken.objects.filter(pk=token.pk).update(last_used=earlier)
    client.get("/api/threads/")
    token.refresh_from_db()
    assert token.last_used > earlier


def test_the_token_pages_are_for_signed_in_people(client):
    assert client.get("/api/tokens/").status_code == 302
