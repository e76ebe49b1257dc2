from __future__ import annotations

import re

import pytest
from django.core import mail
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from harambee.people.models import User

pytestmark = pytest.mark.django_db


def test_sign_up_verify_email_and_sign_in():
    client = Client()
    response = client.post(
        reverse("account_signup"),
        {
            "email": "ama@example.org",
            "display_name": "Ama Boateng",
            "password1": "forest canopy 2026!",
            "password2": "forest canopy 2026!",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="ama@example.org")
    assert user.display_name == "Ama Boateng" and user.role == "member"
    assert user.password.startswith("md5$") or user.password.startswith("argon2")
    # Mandatory verification: the link in the email confirms the address.
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(
        1
    )
    client.post(link)
    assert user.emailaddress_set.get().verified
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "ama@example.org", "password": "forest canopy 2026!"}
    )
    assert response.status_code == 302
    assert client.get(reverse("people:profile_edit")).status_code == 200


def test_sign_up_errors_keep_what_was_typed():
    response = Client().post(
        reverse("account_signup"),
        {"email": "not-an-email", "display_name": "Kofi", "password1": "a", "password2": "b"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "not-an-email" in body and "Kofi" in body
    assert "valid email" in body


def test_argon2_is_the_production_hasher():
    from harambee import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_session_id_rotates_at_sign_in(cast):
    client = Client()
    client.get(reverse("account_login"))
    session = client.session
    session["probe"] = 1
    session.save()
    before = client.cookies["sessionid"].value
    client.post(
        reverse("account_login"), {"login": cast.member.email, "password": "correct horse battery"}
    )
    assert client.cookies["sessionid"].value != before


def test_sign_in_attempts_are_rate_limited_with_a_clear_message(cast):
    client = Client()
    for _ in range(5):
        client.post(reverse("account_login"), {"login": cast.member.email, "password": "wrong"})
    response = client.post(
        reverse("account_login"), {"login": cast.member.email, "password": "wrong"}
    )
    body = response.content.decode()
    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in body


def test_security_headers_on_every_response(cast, client_for):
    for url in ("/", reverse("account_login"), "/no-such-page/"):
        response = client_for(None).get(url)
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"


def test_stewards_must_set_up_mfa_when_required(cast, client_for, settings):
    settings.HARAMBEE_STEWARD_MFA = True
    response = client_for(cast.steward).get("/")
    assert response.status_code == 302 and "/accounts/2fa/totp/activate" in response["Location"]
    assert client_for(cast.member).get("/").status_code == 200


def test_mfa_is_available_to_everyone(cast, client_for):
    response = client_for(cast.member).get(reverse("mfa_index"))
    assert response.status_code == 200 and reverse("mfa_activate_totp") in response.content.decode()


def test_a_database_outage_gives_a_friendly_503(cast, client_for, monkeypatch):
    # The visitors' home is the portal's front page; its first read fails.
    from harambee.portal import selectors as views

    def down(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(views, "front_page", down)
    client = client_for(None)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 503
    assert "briefly unavailable" in response.content.decode()
    assert "OperationalError" not in response.content.decode()


def test_password_reset_by_email(cast):
    client = Client()
    client.post(reverse("account_reset_password"), {"email": cast.member.email})
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body)
    response = client.get(link.group(1), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    response = client.post(
        form_url, {"password1": "new forest path 77", "password2": "new forest path 77"}
    )
    assert response.status_code == 302
    cast.member.refresh_from_db()
    assert cast.member.check_password("new forest path 77")
