from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from harambee.events import services, tasks
from harambee.events.models import Event, EventMessage, Registration
from harambee.events.tests.helpers import make_event

pytestmark = pytest.mark.django_db

UTC = ZoneInfo("UTC")


def form_data(**extra):
    start = timezone.now().astimezone(ZoneInfo("Africa/Nairobi")) + timedelta(days=10)
    data = {
        "title": "Regional workshop in Tamale",
        "event_kind": "regional_workshop",
        "body": "Two days on *forest tenure*.",
        "visibility": "space",
        "starts": start.strftime("%Y-%m-%dT09:00"),
        "ends": start.strftime("%Y-%m-%dT17:00"),
        "time_zone": "Africa/Nairobi",
        "mode": "hybrid",
        "country": "GH",
        "place": "Tamale community hall",
        "address": "Main road",
        "latitude": "9.4",
        "longitude": "-0.85",
        "languages": ["en", "fr"],
        "interpretation": "French ↔ English",
        "registration": "open",
        "capacity": "30",
        "ask_dietary": "on",
        "room": "jitsi",
        "join_for": "registered",
    }
    data.update(extra)
    return data


def test_a_lead_organises_an_event_stored_in_utc_with_its_zone(cast, client_for):
    client = client_for(cast.space_lead)
    response = client.post(reverse("events:space_create", args=[cast.space.slug]), form_data())
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
    assert event.time_zone == "Africa/Nairobi" and event.space == cast.space
    assert event.country == "GH"
    # 09:00 in Nairobi (UTC+3) is 06:00 UTC.
    assert event.starts.astimezone(UTC).hour == 6
    assert event.starts_local.hour == 9
    assert event.languages == ["en", "fr"] and event.body_html.count("<em>") == 1
    page = client_for(cast.space_member).get(event.get_absolute_url())
    assert page.status_code == 200 and "Regional workshop in Tamale" in page.content.decode()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"ends": "2030-01-01T08:00", "starts": "2030-01-01T09:00"}, "ends"),
        ({"starts": "2020-01-01T09:00", "ends": "2020-01-01T10:00"}, "starts"),
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
        ({"capacity": "0"}, "capacity"),
        ({"capacity": "-4"}, "capacity"),
        ({"latitude": "91"}, "latitude"),
        ({"longitude": "-181"}, "longitude"),
        ({"starts": "not a date"}, "starts"),
        ({"starts": "2030-01-01T09:00", "ends": "2030-03-01T09:00"}, "ends"),
        ({"country": "XX"}, "country"),
    ],
)
def test_bad_input_is_refused_next_to_its_field_and_saves_nothing(cast, client_for, change, field):
    client = client_for(cast.space_lead)
    response = client.post(
        reverse("events:space_create", args=[cast.space.slug]), form_data(**change)
    )
    assert response.status_code == 422
    assert response.context["form"].errors.get(field), response.context["form"].errors
    assert "Regional workshop in Tamale" in response.content.decode()  # what was typed stays
    assert not Event.objects.exists()


def test_the_time_zone_is_chosen_from_a_list_with_the_organisers_zone_first_chosen(
    cast, client_for
):
    cast.space_lead.time_zone = "Africa/Nairobi"
    cast.space_lead.save()
    page = client_for(cast.space_lead).get(reverse("events:space_create", args=[cast.space.slug]))
    html = page.content.decode()
    assert '<select name="time_zone"' in html
    assert '<option value="Africa/Nairobi" selected>' in html
    assert '<option value="America/Sao_Paulo">America/Sao Paulo</option>' in html


def test_services_refuse_bad_times_too(cast):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        make_event(
            cast.space_lead,
            cast.space,
            ends=timezone.now() - timedelta(days=5),
            time_zone="Nowhere/Else",
            capacity=0,
        )
    assert {"ends", "time_zone", "capacity"} <= set(refused.value.message_dict)
    assert not Event.objects.exists()


def test_outsiders_cannot_organise_in_a_space(cast, client_for):
    url = reverse("events:space_create", args=[cast.space.slug])
    assert client_for(cast.member).get(url).status_code == 403
    assert client_for(cast.member).post(url, form_data()).status_code == 403
    assert not Event.objects.exists()


def test_a_full_event_keeps_a_waiting_list_and_promotes_the_first_in_line_once(
    cast, client_for, run_on_commit_now
):
    event = make_event(cast.space_lead, capacity=1)
    first, second, third = cast.member, cast.space_member, cast.steward
    for person in (first, second, third):
        client_for(person).post(reverse("events:register", args=[event.pk]))
    regs = {r.user_id: r for r in Registration.objects.all()}
    assert regs[first.pk].status == "confirmed"
    assert regs[second.pk].status == "waitlisted" and regs[third.pk].status == "waitlisted"
    page = client_for(second).get(event.get_absolute_url()).content.decode()
    assert "number 1 in line" in page
    mail.outbox.clear()
    client_for(first).post(
        reverse("events:registration_cancel", args=[event.pk, regs[first.pk].pk])
    )
    regs = {r.user_id: r for r in Registration.objects.all()}
    assert regs[first.pk].status == "cancelled"
    assert regs[second.pk].status == "confirmed" and regs[third.pk].status == "waitlisted"
    event.refresh_from_db()
    assert event.taken == 1
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert regs[second.pk].code in mail.outbox[0].body
    # Told once: running the task again sends nothing more.
    tasks.tell_registered.call("promoted", event.pk, str(second.pk))
    assert len(mail.outbox) == 1
    assert EventMessage.objects.filter(what="promoted").count() == 1


def test_registration_with_approval_waits_for_an_organiser(cast, client_for):
    event = make_event(cast.space_lead, registration="approval", capacity=1)
    client_for(cast.member).post(reverse("events:register", args=[event.pk]))
    registration = Registration.objects.get()
    assert registration.status == "pending"
    url = reverse("events:registration_approve", args=[event.pk, registration.pk])
    assert client_for(cast.member).post(url).status_code == 403
    client_for(cast.space_lead).post(url)
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_questions_are_asked_only_when_the_organiser_asks_them(cast, client_for):
    event = make_event(cast.space_lead, ask_dietary=True, ask_sector=True)
    page = client_for(cast.member).get(event.get_absolute_url()).content.decode()
    assert 'name="dietary"' in page and 'name="sector"' in page
    assert 'name="accessibility"' not in page
    client_for(cast.member).post(
        reverse("events:register", args=[event.pk]),
        {"dietary": "No fish", "sector": "government", "accessibility": "ignored"},
    )
    registration = Registration.objects.get()
    assert (registration.dietary, registration.sector, registration.accessibility) == (
        "No fish",
        "government",
        "",
    )
    bad = client_for(cast.space_member).post(
        reverse("events:register", args=[event.pk]), {"sector": "astronaut"}
    )
    assert bad.status_code == 422 and Registration.objects.count() == 1


def test_check_in_by_code_and_a_closing_report_of_counts(cast, client_for):
    event = make_event(cast.space_lead)
    cast.member.sector, cast.member.country = "research", "GH"
    cast.member.save()
    services.registration_create(event=event, user=cast.member, sector="")
    services.registration_create(event=event, user=cast.steward)
    code = Registration.objects.get(user=cast.member).code
    client = client_for(cast.space_lead)
    response = client.post(reverse("events:check_in", args=[event.pk]), {"code": code.lower()})
    assert response.status_code == 302
    wrong = client.post(reverse("events:check_in", args=[event.pk]), {"code": "NOPE1234"})
    assert wrong.status_code == 422 and "No confirmed registration" in wrong.content.decode()
    page = client.get(reverse("events:attendance", args=[event.pk])).content.decode()
    assert "1 of 2 people with a place checked in." in page
    assert "Research and education: 1" in page and "Ghana: 1" in page
    assert (
        client_for(cast.member).get(reverse("events:attendance", args=[event.pk])).status_code
        == 403
    )


def test_cancelling_tells_registered_people_once_and_stops_reminders(cast, run_on_commit_now):
    event = make_event(cast.space_lead, starts=timezone.now() + timedelta(minutes=30))
    services.registration_create(event=event, user=cast.member)
    mail.outbox.clear()
    services.event_cancel(actor=cast.space_lead, event=event)
    services.event_cancel(actor=cast.space_lead, event=event)
    assert [m.to for m in mail.outbox] == [[cast.member.email]]
    assert "Cancelled" in mail.outbox[0].subject
    mail.outbox.clear()
    assert tasks.reminders_send() == 0 and mail.outbox == []


def test_a_time_change_tells_registered_people_once(cast, run_on_commit_now):
    event = make_event(cast.space_lead)
    services.registration_create(event=event, user=cast.member)
    services.registration_create(event=event, user=cast.steward)
    services.registration_cancel(
        actor=cast.steward, registration=Registration.objects.get(user=cast.steward)
    )
    mail.outbox.clear()
    services.event_update(actor=cast.space_lead, event=event, title="Same time, new title")
    assert mail.outbox == []
    later = event.starts + timedelta(hours=2)
    services.event_update(
        actor=cast.space_lead, event=event, starts=later, ends=later + timedelta(hours=1)
    )
    assert [m.to for m in mail.outbox] == [[cast.member.email]]
    tasks.tell_registered.call("moved", event.pk, later.isoformat())
    assert len(mail.outbox) == 1


def test_reminders_are_sent_once_to_confirmed_readers_only(cast):
    event = make_event(cast.space_lead, cast.space, visibility="space", capacity=2)
    for person in (cast.space_member, cast.guest):
        services.registration_create(event=event, user=person)
    services.registration_create(event=event, user=cast.space_lead)  # waitlisted
    services.registration_cancel(
        actor=cast.guest, registration=Registration.objects.get(user=cast.guest)
    )
    # The lead was promoted; the guest left. Now the member loses the right to see it.
    from harambee.spaces.models import Membership

    Membership.objects.filter(user=cast.space_member, space=cast.space).delete()
    mail.outbox.clear()
    day_before = event.starts - timedelta(days=1)
    assert tasks.reminders_send(now=day_before - timedelta(seconds=1)) == 0
    assert tasks.reminders_send(now=day_before) == 1
    assert tasks.reminders_send(now=day_before + timedelta(minutes=5)) == 0
    assert [m.to for m in mail.outbox] == [[cast.space_lead.email]]
    assert tasks.reminders_send(now=event.starts - timedelta(hours=1)) == 1
    assert tasks.reminders_send(now=event.starts - timedelta(minutes=1)) == 0
    assert tasks.reminders_send(now=event.starts + timedelta(minutes=1)) == 0
    assert EventMessage.objects.filter(user=cast.space_member).count() == 0


def test_a_person_turns_their_reminders_off_and_on_and_only_they_may(cast, client_for):
    event = make_event(cast.space_lead, title="Webinar with reminders")
    mine = services.registration_create(event=event, user=cast.member)
    services.registration_create(event=event, user=cast.space_member)
    url = reverse("events:registration_reminders", args=[event.pk, mine.pk])
    client = client_for(cast.member)
    page = client.get(event.get_absolute_url()).content.decode()
    assert url in page and "Turn reminders off" in page
    # Nobody else may change them: not another reader, not even an organiser.
    for other in (cast.space_member, cast.space_lead):
        assert client_for(other).post(url, {"reminders": "off"}).status_code == 404
    said = client.post(url, {"reminders": "off"}, follow=True).content.decode()
    assert "No more reminders by e-mail for this event." in said and "Turn reminders on" in said
    mail.outbox.clear()
    assert tasks.reminders_send(now=event.starts - timedelta(days=1)) == 1
    assert [m.to for m in mail.outbox] == [[cast.space_member.email]]
    assert "turn these reminders off" in mail.outbox[0].body
    client.post(url, {"reminders": "on"})
    assert tasks.reminders_send(now=event.starts - timedelta(hours=1)) == 2


def spring_forward() -> date:
    """The next day Europe moves its clocks forward (the last Sunday of March) that is
    still ahead, so that people may register for an event on it, whatever the date."""
    today = timezone.now().date()
    for year in (today.year, today.year + 1):
        day = date(year, 3, 31)
        day -= timedelta(days=(day.weekday() - 6) % 7)
        if day > today + timedelta(days=1):
            return day
    raise AssertionError("unreachable")


def test_daylight_saving_day_shows_right_times_and_reminds_at_the_right_instant(cast, client_for):
    """Europe moves its clocks on the last Sunday of March: 15:00 in Amsterdam is then
    CEST, 13:00 UTC (the day before, 15:00 was 14:00 UTC)."""
    amsterdam = ZoneInfo("Europe/Amsterdam")
    day = spring_forward()
    local = datetime.combine(day, time(15, 0))
    starts = services.local_to_utc(local, "Europe/Amsterdam")
    assert starts == datetime.combine(day, time(13, 0), tzinfo=UTC)
    event = make_event(cast.space_lead, starts=starts, hours=1, time_zone="Europe/Amsterdam")
    assert event.starts_local == datetime.combine(day, time(15, 0), tzinfo=amsterdam)
    for zone, shown in (
        ("Africa/Accra", "13:00"),
        ("Africa/Nairobi", "16:00"),
        ("America/Sao_Paulo", "10:00"),
    ):
        cast.member.time_zone = zone
        cast.member.save()
        page = client_for(cast.member).get(event.get_absolute_url()).content.decode()
        assert f"Sunday {day.day} March {day.year}, {shown}" in page, zone
        assert "15:00" in page and "Europe/Amsterdam" in page  # the organiser's own
    services.registration_create(event=event, user=cast.member)
    mail.outbox.clear()
    eve = day - timedelta(days=1)
    assert tasks.reminders_send(now=datetime.combine(eve, time(13, 0), tzinfo=UTC)) == 1
    assert tasks.reminders_send(now=datetime.combine(day, time(11, 59, 59), tzinfo=UTC)) == 0
    assert tasks.reminders_send(now=datetime.combine(day, time(12, 0), tzinfo=UTC)) == 1
    assert [m.subject for m in mail.outbox] == [
        "[Harambee] Tomorrow: Webinar on forest tenure",
        "[Harambee] In an hour: Webinar on forest tenure",
    ]
    # The reminder is written in the reader's own zone (São Paulo, the last one set).
    assert "10:00" in mail.outbox[0].body


def test_the_day_reminder_is_24_hours_before_across_a_clock_change(cast):
    day = spring_forward()
    starts = services.local_to_utc(datetime.combine(day, time(15, 0)), "Europe/Amsterdam")
    event = make_event(cast.space_lead, starts=starts, time_zone="Europe/Amsterdam")
    services.registration_create(event=event, user=cast.member)
    eve = day - timedelta(days=1)
    assert tasks.reminders_send(now=datetime.combine(eve, time(12, 59), tzinfo=UTC)) == 0
    assert tasks.reminders_send(now=datetime.combine(eve, time(13, 0), tzinfo=UTC)) == 1


def test_someone_registering_within_the_hour_gets_only_the_hour_reminder(cast):
    event = make_event(cast.space_lead, starts=timezone.now() + timedelta(minutes=30))
    services.registration_create(event=event, user=cast.member)
    assert tasks.reminders_send() == 1
    assert list(EventMessage.objects.values_list("what", flat=True)) == ["hour"]


def test_agenda_with_member_and_outside_speakers(cast, client_for):
    event = make_event(cast.space_lead, cast.space, visibility="space")
    client = client_for(cast.space_lead)
    local = event.starts_local
    response = client.post(
        reverse("events:session_add", args=[event.pk]),
        {
            "title": "Opening circle",
            "starts": local.strftime("%Y-%m-%dT%H:%M"),
            "speakers": [cast.space_member.pk],
            "outside_speakers": "Ama Mensah (Forestry Commission), Kofi Boateng",
        },
    )
    assert response.status_code == 302
    outside = client.post(
        reverse("events:session_add", args=[event.pk]),
        {"title": "Too late", "starts": (local + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")},
    )
    assert outside.status_code == 422 and "during the event" in outside.content.decode()
    page = client_for(cast.guest).get(event.get_absolute_url()).content.decode()
    assert "Opening circle" in page and "Ama Mensah (Forestry Commission)" in page
    assert "Sam Spacemember" in page and "Too late" not in page
    add = reverse("events:session_add", args=[event.pk])
    assert client_for(cast.space_member).get(add).status_code == 403
    assert client_for(cast.member).get(add).status_code == 404


def test_outputs_show_only_to_who_may_read_each(cast, client_for):
    from harambee.core.tests.factories import PostFactory

    event = make_event(cast.space_lead, starts=timezone.now() - timedelta(days=2))
    thread = PostFactory(
        space=cast.space, author=cast.space_lead, visibility="space", title="Follow-up thread"
    )
    client = client_for(cast.space_lead)
    response = client.post(
        reverse("events:output_add", args=[event.pk]),
        {"item": f"http://x{thread.get_absolute_url()}"},
    )
    assert response.status_code == 302
    bad = client.post(reverse("events:output_add", args=[event.pk]), {"item": "/no/such/place/"})
    assert bad.status_code == 422
    assert (
        "Follow-up thread"
        in client_for(cast.space_member).get(event.get_absolute_url()).content.decode()
    )
    assert (
        "Follow-up thread"
        not in client_for(cast.member).get(event.get_absolute_url()).content.decode()
    )
    assert (
        "Follow-up thread"
        not in client_for(cast.anon).get(event.get_absolute_url()).content.decode()
    )


def test_an_organiser_cannot_link_what_they_cannot_read(cast, client_for):
    from harambee.core.tests.factories import PostFactory

    event = make_event(cast.member)
    secret = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    response = client_for(cast.member).post(
        reverse("events:output_add", args=[event.pk]), {"item": secret.get_absolute_url()}
    )
    assert response.status_code == 422 and "cannot be found" in response.content.decode()


def test_the_reminder_command_sends_what_is_due_once(cast):
    from io import StringIO

    from django.core.management import call_command

    event = make_event(cast.space_lead, starts=timezone.now() + timedelta(minutes=45))
    services.registration_create(event=event, user=cast.member)
    mail.outbox.clear()
    out = StringIO()
    call_command("event_reminders", stdout=out)
    call_command("event_reminders", stdout=out)
    assert out.getvalue().splitlines() == ["1 reminder(s) sent", "0 reminder(s) sent"]
    assert [m.to for m in mail.outbox] == [[cast.member.email]]
