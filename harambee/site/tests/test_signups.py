"""Sign-up policies: open (the default), approval by a steward, invitation only; and
the welcome page a newcomer lands on."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from harambee.core.models import AuditEntry
from harambee.core.tests.factories import SpaceFactory
from harambee.people.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "forest canopy 2026!"


def _sign_up(client: Client, email: str = "kofi@example.org"):
    return client.post(
        reverse("account_signup"),
        {
            "email": email,
            "display_name": "Kofi Mensah",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def _sign_in(client: Client, email: str = "kofi@example.org"):
    return client.post(reverse("account_login"), {"login": email, "password": PASSWORD})


def test_open_sign_up_lands_on_the_welcome_page_with_spaces_to_join(cast, settings):
    settings.SIGNUP_POLICY = "open"
    settings.ACCOUNT_EMAIL_VERIFICATION = "none"
    SpaceFactory(name="Open water group", slug="open-water", join_policy="open", listing="public")
    client = Client()
    response = _sign_up(client)
    assert response.status_code == 302 and response.url == reverse("people:welcome")
    page = client.get(response.url).content.decode()
    assert "Welcome, Kofi Mensah" in page
    assert "Complete your profile" in page
    assert "Open water group" in page


def test_with_approval_nobody_signs_in_until_a_steward_approves(
    cast, settings, client_for, run_on_commit_now
):
    settings.SIGNUP_POLICY = "approval"
    client = Client()
    _sign_up(client)
    kofi = User.objects.get(email="kofi@example.org")
    assert not kofi.is_active and kofi.awaiting_approval
    # The stewards are told, with a link to the queue.
    told = [m for m in mail.outbox if cast.steward.email in m.to]
    assert told and "Kofi Mensah" in told[-1].subject and "/people/sign-ups/" in told[-1].body
    # Signing in shows why not, and never a session.
    client.logout()
    response = _sign_in(client)
    assert response.status_code == 302 and response.url == reverse("account_inactive")
    assert "approves each new account" in client.get(response.url).content.decode()
    assert "_auth_user_id" not in client.session

    # Members cannot see the queue; the steward sees and approves.
    queue = reverse("people:signups")
    assert client_for(cast.member).get(queue).status_code == 403
    steward = client_for(cast.steward)
    assert "kofi@example.org" in steward.get(queue).content.decode()
    decide = reverse("people:signup_decide", args=[kofi.pk])
    assert client_for(cast.member).post(decide, {"decision": "approve"}).status_code == 403
    mail.outbox.clear()
    response = steward.post(decide, {"decision": "approve"}, follow=True)
    assert "may now sign in" in response.content.decode()
    kofi.refresh_from_db()
    assert kofi.is_active and not kofi.awaiting_approval
    assert mail.outbox[-1].to == ["kofi@example.org"] and "/welcome/" in mail.outbox[-1].body
    assert AuditEntry.objects.filter(action="signup_approved", subject=kofi).exists()
    # Decided already: a second decision finds nothing.
    assert steward.post(decide, {"decision": "decline"}).status_code == 404
    assert User.objects.filter(pk=kofi.pk).exists()


def test_a_declined_sign_up_is_deleted_and_leaves_no_address_behind(cast, settings, client_for):
    settings.SIGNUP_POLICY = "approval"
    _sign_up(Client(), email="spam@example.org")
    person = User.objects.get(email="spam@example.org")
    steward = client_for(cast.steward)
    bad = steward.post(reverse("people:signup_decide", args=[person.pk]), {"decision": "maybe"})
    assert bad.status_code == 302 and User.objects.filter(pk=person.pk).exists()
    steward.post(reverse("people:signup_decide", args=[person.pk]), {"decision": "decline"})
    assert not User.objects.filter(email="spam@example.org").exists()
    entry = AuditEntry.objects.get(action="signup_declined")
    assert entry.subject is None and "spam@example.org" not in str(entry.detail)
    # An active member is never in the queue, whatever the id.
    assert (
        steward.post(
            reverse("people:signup_decide", args=[cast.member.pk]), {"decision": "decline"}
        ).status_code
        == 404
    )
    assert (
        steward.post("/people/sign-ups/99999999999999999999/", {"decision": "decline"}).status_code
        == 404
    )


def test_invitation_only_closes_the_sign_up_form(settings):
    settings.SIGNUP_POLICY = "invitation"
    client = Client()
    page = client.get(reverse("account_signup")).content.decode()
    assert "by invitation" in page
    _sign_up(client)
    assert not User.objects.filter(email="kofi@example.org").exists()
