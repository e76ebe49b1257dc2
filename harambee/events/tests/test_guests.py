"""Invited outside voices: one event, its join link and its outputs, until an end date."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from harambee.conftest import make_user
from harambee.core.models import Content
from harambee.core.tests.factories import PostFactory
from harambee.core.visibility import can_view, forget_memberships, visible
from harambee.events import services
from harambee.events.models import EventGuest
from harambee.events.tests.helpers import make_event
from harambee.people.models import AllianceRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(db):
    return make_user(
        display_name="Grace Government", email="grace@gov.example", role=AllianceRole.GUEST
    )


@pytest.fixture
def webinar(cast):
    event = make_event(
        cast.space_lead,
        cast.space,
        title="Tenure webinar",
        visibility="space",
        starts=timezone.now() + timedelta(minutes=5),
        join_for="registered",
    )
    notes = PostFactory(
        space=cast.space, author=cast.space_lead, visibility="space", title="Shared notes"
    )
    services.output_add(actor=cast.space_lead, event=event, item=notes)
    other = PostFactory(
        space=cast.space, author=cast.space_lead, visibility="space", title="Internal matter"
    )
    return event, notes, other


def invite(client, event, email="grace@gov.example", days=7):
    until = (timezone.localdate() + timedelta(days=days)).isoformat()
    return client.post(
        reverse("events:guest_invite", args=[event.pk]), {"email": email, "until": until}
    )


def test_an_invited_guest_sees_the_event_its_join_link_and_outputs_and_nothing_else(
    cast, client_for, officer, webinar, run_on_commit_now
):
    event, notes, other = webinar
    mail.outbox.clear()
    response = invite(client_for(cast.space_lead), event)
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["grace@gov.example"]]
    link = re.search(r"/events/guest/[\w-]+/", mail.outbox[0].body).group(0)
    client = client_for(officer)
    assert client.get(event.get_absolute_url()).status_code == 404  # not before accepting
    # Signed out, the link says what to do.
    assert "Sign in" in client_for(cast.anon).get(link).content.decode()
    assert client.get(link).status_code == 200
    assert client.post(link).status_code == 302
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Tenure webinar" in page and "Shared notes" in page
    assert reverse("events:join", args=[event.pk]) in page
    assert cast.space.name not in page  # not even the space's name
    assert client.get(reverse("events:join", args=[event.pk])).status_code == 302
    assert client.get(notes.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    assert client.get(cast.space.get_absolute_url()).status_code == 404
    assert "Internal matter" not in client.get(reverse("events:calendar")).content.decode()


def test_the_gate_agrees_with_itself_for_guests(cast, officer, webinar):
    event, _notes, _other = webinar
    guest = services.guest_invite(
        actor=cast.space_lead,
        event=event,
        email=officer.email,
        expires=timezone.now() + timedelta(days=1),
    )
    services.guest_accept(token=guest.token, user=officer)
    for person in (officer, cast.guest, cast.member, cast.space_member):
        forget_memberships(person)
        listed = set(visible(person, Content.objects.all()).values_list("pk", flat=True))
        one_by_one = {c.pk for c in Content.objects.all() if can_view(person, c)}
        assert listed == one_by_one, person
    assert event.pk in set(visible(officer, Content.objects.all()).values_list("pk", flat=True))


def test_a_tampered_or_expired_link_gives_a_clear_message(cast, client_for, officer, webinar):
    event, _notes, _other = webinar
    guest = services.guest_invite(
        actor=cast.space_lead,
        event=event,
        email=officer.email,
        expires=timezone.now() + timedelta(days=1),
    )
    client = client_for(officer)
    ending = "yy" if guest.token.endswith("xx") else "xx"  # random tokens may end in "xx"
    tampered = reverse("events:guest", args=[guest.token[:-2] + ending])
    response = client.post(tampered)
    assert response.status_code == 404 and "not valid" in response.content.decode()
    assert client.get(tampered).status_code == 404
    EventGuest.objects.filter(pk=guest.pk).update(expires=timezone.now() - timedelta(minutes=1))
    link = reverse("events:guest", args=[guest.token])
    response = client.post(link)
    assert response.status_code == 410 and "has ended" in response.content.decode()
    assert client.get(event.get_absolute_url()).status_code == 404


def test_ending_access_closes_the_event_again(cast, client_for, officer, webinar):
    event, notes, _other = webinar
    guest = services.guest_invite(
        actor=cast.space_lead,
        event=event,
        email=officer.email,
        expires=timezone.now() + timedelta(days=1),
    )
    client = client_for(officer)
    client.post(reverse("events:guest", args=[guest.token]))
    assert client.get(event.get_absolute_url()).status_code == 200
    end = reverse("events:guest_end", args=[event.pk, guest.pk])
    assert client_for(cast.space_member).post(end).status_code == 403
    client_for(cast.space_lead).post(end)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(notes.get_absolute_url()).status_code == 404


def test_a_link_used_by_one_person_does_not_open_for_another(cast, client_for, officer, webinar):
    event, _notes, _other = webinar
    guest = services.guest_invite(
        actor=cast.space_lead,
        event=event,
        email=officer.email,
        expires=timezone.now() + timedelta(days=1),
    )
    link = reverse("events:guest", args=[guest.token])
    client_for(officer).post(link)
    response = client_for(cast.member).post(link)
    assert "already used" in response.content.decode()
    assert client_for(cast.member).get(event.get_absolute_url()).status_code == 404


def test_only_organisers_invite_and_the_end_date_is_in_the_future(cast, client_for, webinar):
    event, _notes, _other = webinar
    assert invite(client_for(cast.space_member), event).status_code == 403
    response = invite(client_for(cast.space_lead), event, days=-2)
    assert response.status_code == 422 and "in the future" in response.content.decode()
    assert not EventGuest.objects.exists()
