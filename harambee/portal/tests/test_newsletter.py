"""The newsletter: double opt-in with an expiring link, no account enumeration, a rate
limit, a digest of public items only, and one-click unsubscribe without signing in."""

from __future__ import annotations

import re
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from harambee.portal import newsletter
from harambee.portal.models import News, Subscriber
from harambee.portal.tests.helpers import KINDS

pytestmark = pytest.mark.django_db

SIGNUP = "/newsletter/"


def link_in(message) -> str:
    return re.search(r"https?://\S+/newsletter/confirm/\S+/", message.body).group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def answer(client, email: str) -> str:
    response = client.post(SIGNUP, {"email": email})
    assert response.status_code == 200
    return response.content.decode()


def test_sign_up_confirm_and_receive_nothing_before(client):
    page = answer(client, "  Reader@Example.org ")
    assert "Check your inbox" in page
    (message,) = mail.outbox
    assert message.to == ["reader@example.org"]
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed is None
    link = path_of(link_in(message))
    shown = client.get(link)
    # Opening the link (a mail scanner may) confirms nothing: a button does.
    assert shown.status_code == 200 and "Confirm my subscription" in shown.content.decode()
    assert Subscriber.objects.get().confirmed is None
    done = client.post(link)
    assert "You are subscribed" in done.content.decode()
    assert Subscriber.objects.get().confirmed is not None
    assert done["Cache-Control"] == "private, no-store"


def test_the_answer_is_the_same_whoever_is_subscribed(client):
    first = answer(client, "one@example.org")
    Subscriber.objects.filter(email="one@example.org").update(confirmed="2026-01-01T00:00Z")
    again = answer(Client(), "one@example.org")
    fresh = answer(Client(), "two@example.org")

    def body(html):
        return html.split('id="main"', 1)[-1]

    assert body(first) == body(again) == body(fresh)
    # The confirmed address is not mailed again; the new one is.
    assert [m.to for m in mail.outbox] == [["one@example.org"], ["two@example.org"]]


def test_an_address_is_mailed_once_in_ten_minutes(client):
    for _ in range(3):
        answer(client, "patient@example.org")
    assert len(mail.outbox) == 1


def test_a_network_may_sign_up_five_times_an_hour(client):
    for n in range(newsletter.SIGNUPS_PER_HOUR):
        answer(client, f"p{n}@example.org")
    response = client.post(SIGNUP, {"email": "p9@example.org"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many sign-ups" in html and "p9@example.org" in html
    assert len(mail.outbox) == newsletter.SIGNUPS_PER_HOUR


def test_an_expired_or_tampered_link_confirms_nothing(client, monkeypatch):
    answer(client, "late@example.org")
    link = path_of(link_in(mail.outbox[0]))
    later = time.time() + newsletter.CONFIRM_MAX_AGE.total_seconds() + 60
    monkeypatch.setattr(time, "time", lambda: later)
    for url in (link, link.replace("/confirm/", "/confirm/x"), "/newsletter/confirm/%00/"):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 400, url
            assert "This link does not work" in response.content.decode()
    assert Subscriber.objects.get().confirmed is None


@pytest.mark.parametrize(
    "value",
    [
        "",
        "not an address",
        "a" * 300 + "@example.org",
        "x@example.org\r\nBcc: victim@example.org",
        "<script>alert(1)</script>@example.org",
        "x" * 100_000,
    ],
)
def test_hostile_addresses_get_a_message_and_no_mail(client, value):
    response = client.post(SIGNUP, {"email": value})
    assert response.status_code == 422
    html = response.content.decode()
    assert 'class="errorlist' in html and "<script>alert(1)" not in html
    assert mail.outbox == [] and not Subscriber.objects.exists()


def test_invisible_characters_are_dropped_from_an_address(client):
    answer(client, "\u202eevil\u200b@example.org")
    assert Subscriber.objects.get().email == "evil@example.org"


def confirmed(email: str) -> Subscriber:
    from django.utils import timezone

    return Subscriber.objects.create(email=email, confirmed=timezone.now())


def test_the_digest_holds_public_items_only_and_goes_to_confirmed_addresses(cast, world):
    reader = confirmed("reader@example.org")
    Subscriber.objects.create(email="waiting@example.org")
    News.objects.create(author=cast.steward, visibility="public", title="PUB-news")
    News.objects.create(author=cast.steward, visibility="private", title="HID-news")
    News.objects.create(author=cast.steward, visibility="alliance", title="HID-news-members")
    run = newsletter.newsletter_send()
    assert run.recipients == 1
    (message,) = mail.outbox
    assert message.to == [reader.email]
    html = message.alternatives[0][0]
    for text in (message.body, html, message.subject):
        assert "HID-" not in text and "SEC-" not in text and "MEM-" not in text
        assert "Secret table" not in text
    for kind in [*KINDS, "news"]:
        assert f"PUB-{kind}" in message.body, kind
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body and unsubscribe in html
    # A second run in the same week sends nothing twice.
    assert newsletter.newsletter_send().recipients == 0
    assert len(mail.outbox) == 1


def test_the_command_sends_the_digest(cast, world, capsys):
    confirmed("reader@example.org")
    call_command("newsletter")
    assert len(mail.outbox) == 1
    assert "1 sent" in capsys.readouterr().out


def test_a_week_with_nothing_public_sends_nothing(cast):
    confirmed("reader@example.org")
    News.objects.create(author=cast.steward, visibility="private", title="HID-news")
    assert newsletter.newsletter_send().recipients == 0
    assert mail.outbox == []


def test_one_click_unsubscribe_works_without_a_session_or_csrf_token(cast, world):
    confirmed("reader@example.org")
    newsletter.newsletter_send()
    url = path_of(mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>"))
    client = Client(enforce_csrf_checks=True)
    page = client.get(url)
    assert page.status_code == 200 and "Unsubscribe from the newsletter" in page.content.decode()
    assert Subscriber.objects.exists()
    response = client.post(url, "List-Unsubscribe=One-Click", content_type="text/plain")
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    assert not Subscriber.objects.exists()
    # Again, or with a tampered token: the same calm answer, nothing else removed.
    other = confirmed("other@example.org")
    assert client.post(url).status_code == 200
    assert client.post(url.replace("/unsubscribe/", "/unsubscribe/x")).status_code == 200
    assert Subscriber.objects.filter(pk=other.pk).exists()


def test_an_address_left_unconfirmed_is_forgotten(client):
    from datetime import timedelta

    from django.utils import timezone

    old = Subscriber.objects.create(email="old@example.org")
    Subscriber.objects.filter(pk=old.pk).update(created=timezone.now() - timedelta(days=7))
    kept = confirmed("kept@example.org")
    Subscriber.objects.filter(pk=kept.pk).update(created=timezone.now() - timedelta(days=70))
    answer(client, "new@example.org")
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "kept@example.org",
        "new@example.org",
    }
