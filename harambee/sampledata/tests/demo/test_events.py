"""The events of the demo: a past workshop in Ghana with its outputs and attendance, an
upcoming global webinar with an invited outside voice, a coaching session, and a full
training session with a waiting list."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from harambee.events.models import Event, EventGuest, EventOutput, Registration

pytestmark = pytest.mark.django_db


def test_the_demo_has_its_four_events(demo, client_for):
    workshop = Event.objects.get(event_kind="regional_workshop")
    assert workshop.ends < timezone.now() and workshop.space.name.startswith("Ghana")
    assert workshop.sessions.count() == 4
    assert EventOutput.objects.filter(event=workshop).count() == 3
    report = client_for(demo["kwame"]).get(reverse("events:attendance", args=[workshop.pk]))
    assert "7 of 9 people with a place checked in." in report.content.decode()
    webinar = Event.objects.get(event_kind="webinar")
    assert webinar.starts > timezone.now() and webinar.visibility == "public"
    assert EventGuest.objects.filter(event=webinar, user=demo["femke"]).exists()
    assert client_for(demo["femke"]).get(webinar.get_absolute_url()).status_code == 200
    coaching = Event.objects.get(event_kind="coaching")
    assert coaching.registration == "approval"
    assert set(coaching.registrations.values_list("status", flat=True)) == {"confirmed", "pending"}
    full = Event.objects.get(event_kind="training")
    statuses = list(full.registrations.values_list("status", flat=True))
    assert statuses.count("confirmed") == full.capacity == full.taken
    assert statuses.count("waitlisted") == 2
    assert Registration.objects.filter(event=full, status="waitlisted").count() == 2


def test_demo_event_pages_and_calendars_open(demo, client_for):
    client = client_for(demo["amara"])
    for event in Event.objects.all():
        assert client.get(event.get_absolute_url()).status_code == 200, event.title
    calendar = client.get(reverse("events:calendar")).content.decode()
    assert "Global webinar" in calendar
    anon = client_for(None).get(reverse("events:calendar")).content.decode()
    assert "Global webinar" in anon and "writing your first learning note" not in anon
