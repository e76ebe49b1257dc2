"""Calendars (month and list, filters) and iCalendar files and feeds, parsed back."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from harambee.core.tests.querycount import assert_constant_queries
from harambee.events import services
from harambee.events.models import Event
from harambee.events.tests.helpers import make_event

pytestmark = pytest.mark.django_db


def parse(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(response.content)
    events = [c for c in cal.walk("VEVENT")]
    zones = {str(c["TZID"]) for c in cal.walk("VTIMEZONE")}
    for entry in events:
        assert entry.get("UID") and entry.get("DTSTAMP"), entry
        for name in ("DTSTART", "DTEND"):
            tzid = entry[name].params.get("TZID")
            if tzid is None:
                # A zone that is UTC all year (Africa/Accra) is written as UTC ("Z"),
                # which needs no VTIMEZONE.
                assert entry[name].to_ical().endswith(b"Z"), (name, entry[name].to_ical())
            else:
                assert tzid in zones, (name, tzid, zones)
    return events


def test_an_event_file_carries_its_organisers_zone_and_the_right_instant(cast, client_for):
    starts = services.local_to_utc(datetime(2027, 3, 28, 15, 0), "Europe/Amsterdam")
    event = make_event(
        cast.space_lead,
        starts=starts,
        time_zone="Europe/Amsterdam",
        mode="hybrid",
        place="Tamale hall",
        latitude=9.4,
        longitude=-0.85,
    )
    (entry,) = parse(client_for(cast.anon).get(reverse("events:ics", args=[event.pk])))
    assert str(entry["SUMMARY"]) == event.title
    assert entry["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert entry.decoded("DTSTART").astimezone(ZoneInfo("UTC")) == starts
    assert str(entry["LOCATION"]) == "Tamale hall"
    assert str(entry["UID"]) == f"event-{event.pk}@127.0.0.1" or "@" in str(entry["UID"])


def test_the_public_feed_has_only_public_events(cast, client_for):
    public = make_event(cast.space_lead, title="Open webinar")
    make_event(cast.space_lead, cast.space, title="Space workshop", visibility="space")
    make_event(cast.member, title="Alliance meeting", visibility="alliance")
    entries = parse(client_for(cast.space_lead).get(reverse("events:public_feed")))
    assert [str(e["SUMMARY"]) for e in entries] == ["Open webinar"]
    assert str(entries[0]["UID"]).startswith(f"event-{public.pk}@")


def test_a_space_feed_holds_what_the_reader_may_see(cast, client_for):
    make_event(cast.space_lead, cast.space, title="Space workshop", visibility="space")
    make_event(cast.space_lead, cast.space, title="Public field visit")
    url = reverse("events:space_feed", args=[cast.space.slug])
    member_sees = {str(e["SUMMARY"]) for e in parse(client_for(cast.space_member).get(url))}
    assert member_sees == {"Space workshop", "Public field visit"}
    outsider_sees = {str(e["SUMMARY"]) for e in parse(client_for(cast.member).get(url))}
    assert outsider_sees == {"Public field visit"}
    # A space the reader may not know of (listed to members only) has no feed for them.
    assert client_for(cast.anon).get(url).status_code == 404


def test_the_private_feed_needs_its_token_drops_lost_rights_and_dies_when_revoked(cast, client_for):
    from harambee.spaces.models import Membership

    inside = make_event(cast.space_lead, cast.space, title="Space workshop", visibility="space")
    make_event(cast.space_lead, title="Not registered")
    services.registration_create(event=inside, user=cast.space_member)
    client = client_for(cast.space_member)
    client.post(reverse("events:token_renew"))
    token = cast.space_member.calendar_token.token
    url = reverse("events:private_feed", args=[token])
    # No session needed: calendar apps cannot sign in.
    assert [str(e["SUMMARY"]) for e in parse(client_for(cast.anon).get(url))] == ["Space workshop"]
    assert token in client.get(reverse("events:mine")).content.decode()
    Membership.objects.filter(user=cast.space_member).delete()
    assert parse(client_for(cast.anon).get(url)) == []
    client.post(reverse("events:token_revoke"))
    assert client_for(cast.anon).get(url).status_code == 404
    assert (
        client_for(cast.anon).get(reverse("events:private_feed", args=["made-up"])).status_code
        == 404
    )


def test_a_hidden_events_file_is_404(cast, client_for):
    event = make_event(cast.space_lead, cast.space, visibility="space")
    url = reverse("events:ics", args=[event.pk])
    assert client_for(cast.member).get(url).status_code == 404
    parse(client_for(cast.guest).get(url))


def test_the_list_filters_by_kind_place_and_language(cast, client_for):
    make_event(cast.space_lead, title="Online webinar in French", languages=["fr"])
    make_event(
        cast.space_lead,
        title="Field visit in Twi",
        event_kind="field_visit",
        mode="in_person",
        languages=["tw", "en"],
    )
    make_event(cast.space_lead, title="Hybrid meeting", event_kind="meeting", mode="hybrid")
    client = client_for(cast.member)

    def titles(query):
        page = client.get(reverse("events:calendar") + query).content.decode()
        return {
            t
            for t in ("Online webinar in French", "Field visit in Twi", "Hybrid meeting")
            if t in page
        }

    assert titles("") == {"Online webinar in French", "Field visit in Twi", "Hybrid meeting"}
    assert titles("?kind=field_visit") == {"Field visit in Twi"}
    assert titles("?mode=online") == {"Online webinar in French", "Hybrid meeting"}
    assert titles("?mode=in_person") == {"Field visit in Twi", "Hybrid meeting"}
    assert titles("?language=tw") == {"Field visit in Twi"}
    assert titles("?language=fr&mode=online") == {"Online webinar in French"}
    assert titles("?kind=nonsense&language=<b>") == titles("")


def test_the_list_and_month_filter_by_region_of_the_events_country(cast, client_for):
    make_event(cast.space_lead, title="Workshop in Tamale", mode="in_person", country="GH")
    make_event(cast.space_lead, title="Webinar for Kenya", country="KE")
    make_event(cast.space_lead, title="Meeting in Lima", mode="in_person", country="PE")
    make_event(cast.space_lead, title="Webinar for everyone")
    client = client_for(cast.member)
    names = ("Workshop in Tamale", "Webinar for Kenya", "Meeting in Lima", "Webinar for everyone")

    def titles(query):
        page = client.get(reverse("events:calendar") + query).content.decode()
        return {t for t in names if t in page}

    assert titles("") == set(names)
    assert titles("?region=Africa") == {"Workshop in Tamale", "Webinar for Kenya"}
    assert titles("?region=Americas&mode=in_person") == {"Meeting in Lima"}
    assert titles("?region=Nowhere") == set(names)
    page = client.get(reverse("events:calendar") + "?region=Africa").content.decode()
    assert '<option value="Africa" selected>' in page and "Ghana" in page


def test_a_workshop_over_several_days_fills_each_of_them_in_the_month(cast, client_for):
    starts = datetime(2030, 5, 30, 8, 0, tzinfo=ZoneInfo("UTC"))
    make_event(cast.space_lead, title="Three-day training", starts=starts, hours=24 * 2 + 8)
    make_event(
        cast.space_lead,
        title="Until midnight",
        starts=datetime(2030, 5, 10, 20, 0, tzinfo=ZoneInfo("UTC")),
        hours=4,
    )
    client = client_for(cast.member)  # reads in UTC
    may = client.get(reverse("events:calendar") + "?view=month&month=2030-05").content.decode()
    june = client.get(reverse("events:calendar") + "?view=month&month=2030-06").content.decode()

    def days_with(html, title):
        days = []
        for cell in html.split('<li class="day')[1:]:
            found = re.search(r'<time datetime="([0-9-]+)">', cell)
            if found and title in cell:
                days.append(found.group(1))
        return days

    # 30 and 31 May in May's grid (1 June is a blank there), 1 June in June's.
    assert days_with(may, "Three-day training") == ["2030-05-30", "2030-05-31"]
    assert days_with(june, "Three-day training") == ["2030-06-01"]
    assert "continued" in june
    # Ending at midnight, an evening event does not spill into the next day.
    assert days_with(may, "Until midnight") == ["2030-05-10"]


def test_the_month_view_puts_events_on_the_readers_day(cast, client_for):
    # 23:30 UTC on 30 April is already 1 May in Nairobi.
    starts = datetime(2030, 4, 30, 23, 30, tzinfo=ZoneInfo("UTC"))
    make_event(cast.space_lead, title="Late call", starts=starts)
    cast.member.time_zone = "Africa/Nairobi"
    cast.member.save()
    client = client_for(cast.member)
    may = client.get(reverse("events:calendar") + "?view=month&month=2030-05").content.decode()
    april = client.get(reverse("events:calendar") + "?view=month&month=2030-04").content.decode()
    assert "Late call" in may and "Late call" not in april
    assert '<time datetime="2030-05-01">' in may
    bad = client.get(reverse("events:calendar") + "?view=month&month=99999-77")
    assert bad.status_code == 200


def test_my_events_lists_what_i_registered_for_or_organise(cast, client_for):
    mine = make_event(cast.member, title="I organise this")
    theirs = make_event(cast.space_lead, title="I registered")
    make_event(cast.space_lead, title="Not mine")
    services.registration_create(event=theirs, user=cast.member)
    page = client_for(cast.member).get(reverse("events:mine")).content.decode()
    assert "I organise this" in page and "I registered" in page and "Not mine" not in page
    assert mine.pk


def _add_events(author, space=None):
    def add(n):
        for i in range(n):
            event = make_event(author, space, title=f"Event {i}", visibility="public")
            services.registration_create(event=event, user=author) if i % 3 == 0 else None

    return add


def test_calendar_pages_query_a_constant_number_of_times(cast, client_for):
    client = client_for(cast.space_member)
    assert_constant_queries(client, reverse("events:calendar"), _add_events(cast.space_lead))


def test_the_space_calendar_and_month_query_a_constant_number_of_times(cast, client_for):
    client = client_for(cast.space_member)
    url = reverse("events:space_calendar", args=[cast.space.slug])
    assert_constant_queries(client, url, _add_events(cast.space_lead, cast.space))
    month = timezone.localdate() + timedelta(days=3)
    url = reverse("events:calendar") + f"?view=month&month={month:%Y-%m}"
    from harambee.core.tests.querycount import count_queries

    assert count_queries(client, url) <= 12


def test_my_events_queries_a_constant_number_of_times(cast, client_for):
    client = client_for(cast.space_lead)
    assert_constant_queries(client, reverse("events:mine"), _add_events(cast.space_lead))


def test_an_event_page_queries_a_constant_number_of_times(cast, client_for):
    from harambee.events.models import Session

    event = make_event(cast.space_lead, cast.space, visibility="space")

    def add(n):
        for i in range(n):
            session = Session.objects.create(
                event=event, title=f"Session {i}", starts=event.starts, outside_speakers="A, B"
            )
            session.speakers.set([cast.space_member, cast.space_lead])

    assert_constant_queries(client_for(cast.space_lead), event.get_absolute_url(), add)
    assert Event.objects.count() == 1


def test_home_and_the_space_page_show_the_next_events_the_reader_may_see(cast, client_for):
    make_event(cast.space_lead, cast.space, title="Space-only workshop", visibility="space")
    make_event(cast.space_lead, title="Open webinar")
    cancelled = make_event(cast.space_lead, title="Called off")
    services.event_cancel(actor=cast.space_lead, event=cancelled)

    def coming_up(person, url="/"):
        page = client_for(person).get(url).content.decode()
        return page.split("-events-heading", 1)[1].split("</section>", 1)[0]

    home_member = coming_up(cast.space_member)
    assert "Space-only workshop" in home_member and "Open webinar" in home_member
    assert "Called off" not in home_member
    home_outsider = coming_up(cast.member)
    assert "Open webinar" in home_outsider and "Space-only workshop" not in home_outsider
    assert "Open webinar" in coming_up(cast.anon)
    space_page = cast.space.get_absolute_url()
    assert "Space-only workshop" in coming_up(cast.guest, space_page)
    # An alliance member outside the space sees its page, but not its space-only event;
    # the public webinar is alliance-wide, not the space's.
    outsider_view = coming_up(cast.member, space_page)
    assert "Space-only workshop" not in outsider_view and "Open webinar" not in outsider_view
    assert "No events planned yet." in outsider_view


def test_events_join_the_initiative_timeline_for_those_who_may_see_them(cast, client_for):
    from harambee.initiatives.models import Initiative
    from harambee.spaces.models import Space

    Space.objects.filter(pk=cast.space.pk).update(kind=Space.Type.INITIATIVE)
    initiative, _ = Initiative.objects.get_or_create(space=cast.space)
    make_event(cast.space_lead, cast.space, title="Field visit to the nursery", visibility="space")
    url = initiative.get_absolute_url()
    assert "Field visit to the nursery" in client_for(cast.space_member).get(url).content.decode()
    outsider = client_for(cast.member).get(url)
    assert outsider.status_code == 200
    assert "Field visit to the nursery" not in outsider.content.decode()


def test_an_event_stands_on_the_timeline_where_it_takes_place(cast):
    """Posted today, a workshop held last year sits below this year's notes, and one
    a month ahead sits above them: the timeline dates an event by its start."""
    from harambee.initiatives.models import Initiative, LearningNote
    from harambee.initiatives.selectors import timeline
    from harambee.spaces.models import Space

    Space.objects.filter(pk=cast.space.pk).update(kind=Space.Type.INITIATIVE)
    initiative, _ = Initiative.objects.get_or_create(space=cast.space)
    note = LearningNote.objects.create(
        initiative=initiative,
        space=cast.space,
        author=cast.space_lead,
        title="What the nursery taught us",
        body="Seedlings need shade.",
        visibility="space",
    )
    LearningNote.objects.filter(pk=note.pk).update(created=timezone.now() - timedelta(days=30))
    held = make_event(cast.space_lead, cast.space, title="Held last year", visibility="space")
    ahead = make_event(cast.space_lead, cast.space, title="A month ahead", visibility="space")
    now = timezone.now()
    Event.objects.filter(pk=held.pk).update(
        starts=now - timedelta(days=400), ends=now - timedelta(days=399)
    )
    Event.objects.filter(pk=ahead.pk).update(
        starts=now + timedelta(days=30), ends=now + timedelta(days=30, hours=2)
    )
    page, _ = timeline(user=cast.space_member, initiative=initiative)
    titles = [item.title for item in page]
    assert titles.index("A month ahead") < titles.index(note.title) < titles.index("Held last year")
    # The keyset follows the same dates: a page that ends at the note goes on with the
    # workshop held last year, not with anything posted after it.
    first, older = timeline(user=cast.space_member, initiative=initiative, size=2)
    assert [item.title for item in first] == ["A month ahead", note.title]
    rest, end = timeline(user=cast.space_member, initiative=initiative, before=older)
    assert [item.title for item in rest] == ["Held last year"] and end is None
