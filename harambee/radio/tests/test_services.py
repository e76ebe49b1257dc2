"""Bulletins carry public items only, read through the gate when the script is made;
the running time follows the pace; the weekly draft is made once a week."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from harambee.radio import selectors, services
from harambee.radio.models import Bulletin, Segment
from harambee.radio.tests.helpers import HIDDEN_KEYS, PUBLIC_KEYS, items, station

pytestmark = pytest.mark.django_db


def test_suggestions_are_the_public_items_only(cast):
    found = items(cast)
    s = station(cast)
    suggested = {item.pk for item in selectors.station_suggestions(station=s)}
    assert {found[k].pk for k in PUBLIC_KEYS} <= suggested
    assert not {found[k].pk for k in HIDDEN_KEYS} & suggested


def test_a_bulletin_refuses_a_hidden_item(cast):
    found = items(cast)
    bulletin = services.bulletin_create(
        actor=cast.space_lead, station=station(cast), title="Week 1", items=[found["lesson"]]
    )
    for key in HIDDEN_KEYS:
        with pytest.raises(ValidationError):
            services.segment_add(
                actor=cast.space_lead, bulletin=bulletin, kind="item", item=found[key]
            )
    # Chosen at creation, a hidden item is dropped too.
    other = services.bulletin_create(
        actor=cast.space_lead,
        station=bulletin.station,
        title="Week 2",
        items=[found["hidden_lesson"], found["story"]],
    )
    assert list(other.segments.filter(kind="item").values_list("item_id", flat=True)) == [
        found["story"].pk
    ]


def test_the_script_has_intro_items_cues_call_and_sources(cast):
    found = items(cast)
    bulletin = services.bulletin_create(
        actor=cast.space_lead,
        station=station(cast),
        title="Forest week",
        items=[found[k] for k in PUBLIC_KEYS],
    )
    script = selectors.script(bulletin=bulletin)
    kinds = [p.kind for p in script.parts]
    assert kinds[0] == "intro" and kinds[1] == "cue" and kinds[-1] == "call"
    assert kinds.count("item") == 4
    text = script.as_text()
    for key in PUBLIC_KEYS:
        assert found[key].title in text
        assert found[key].get_absolute_url() in text
    # The SMS keyword and JOIN code of the station's space.
    assert "FIRE" in text and "JOIN FOREST" in text
    # The reporter agreed to be named on the site; on air a report is the community's.
    assert "A community reporter (Kintampo) reports: PUBLIC-REPORT" in text
    assert "HIDDEN" not in text


def test_an_item_that_stops_being_public_drops_out_of_the_script(cast):
    found = items(cast)
    bulletin = services.bulletin_create(
        actor=cast.space_lead, station=station(cast), title="W", items=[found["lesson"]]
    )
    assert "PUBLIC-LESSON" in selectors.script(bulletin=bulletin).as_text()
    type(found["lesson"]).objects.filter(pk=found["lesson"].pk).update(visibility="space")
    script = selectors.script(bulletin=bulletin)
    assert "PUBLIC-LESSON" not in script.as_text()
    assert script.dropped == 1


def test_running_time_follows_the_words_per_minute(cast):
    bulletin = services.bulletin_create(
        actor=cast.space_lead, station=station(cast), title="T", intro="one two three"
    )
    Segment.objects.filter(bulletin=bulletin).exclude(kind="intro").delete()
    services.segment_add(
        actor=cast.space_lead, bulletin=bulletin, kind="host", text=" ".join(["word"] * 137)
    )
    bulletin.words_per_minute = 140
    assert selectors.script(bulletin=bulletin).seconds == 60
    bulletin.words_per_minute = 70
    assert selectors.script(bulletin=bulletin).seconds == 120
    services.segment_add(actor=cast.space_lead, bulletin=bulletin, kind="cue", text="Drums")
    assert selectors.script(bulletin=bulletin).seconds == 120 + selectors.CUE_SECONDS


def test_only_the_spaces_facilitators_build(cast):
    s = station(cast)
    for who in (cast.space_member, cast.guest, cast.member, cast.steward, cast.outsider):
        with pytest.raises(PermissionDenied):
            services.bulletin_create(actor=who, station=s, title="x")
        with pytest.raises(PermissionDenied):
            services.station_save(
                actor=who,
                space=cast.space,
                name="x",
                slug="x",
                language="en",
                country="GH",
                weekday=1,
                air_time=s.air_time,
            )


def test_segments_move_and_go(cast):
    bulletin = services.bulletin_create(actor=cast.space_lead, station=station(cast), title="T")
    first, second = list(bulletin.segments.order_by("position"))[:2]
    services.segment_move(actor=cast.space_lead, segment=second, up=True)
    assert list(bulletin.segments.order_by("position"))[0].pk == second.pk
    services.segment_move(actor=cast.space_lead, segment=second, up=True)  # already first
    assert list(bulletin.segments.order_by("position"))[0].pk == second.pk
    services.segment_remove(actor=cast.space_lead, segment=second)
    assert not bulletin.segments.filter(pk=second.pk).exists()


def test_publishing_stamps_the_time_and_unpublishing_clears_it(cast):
    bulletin = services.bulletin_create(actor=cast.space_lead, station=station(cast), title="T")
    services.bulletin_update(
        actor=cast.space_lead,
        bulletin=bulletin,
        title="T",
        words_per_minute=150,
        status="published",
    )
    assert bulletin.published is not None
    services.bulletin_update(
        actor=cast.space_lead, bulletin=bulletin, title="T", words_per_minute=150, status="draft"
    )
    assert bulletin.published is None


def test_the_weekly_draft_is_made_once_a_week_per_station(cast):
    found = items(cast)
    s = station(cast)
    thursday = datetime(2026, 12, 3, 9, 0, tzinfo=ZoneInfo("Africa/Accra"))
    made = services.bulletins_prepare_week(now=thursday)
    assert len(made) == 1
    bulletin = made[0]
    # The station airs on Fridays: the week of Friday 4 December.
    assert bulletin.week.isoformat() == "2026-11-30"
    assert bulletin.status == "draft"
    carried = set(bulletin.segments.filter(kind="item").values_list("item_id", flat=True))
    assert carried and carried <= {found[k].pk for k in PUBLIC_KEYS}
    assert services.bulletins_prepare_week(now=thursday) == []
    # After this week's air time, the next week's.
    later = datetime(2026, 12, 4, 19, 0, tzinfo=ZoneInfo("Africa/Accra"))
    assert [b.week.isoformat() for b in services.bulletins_prepare_week(now=later)] == [
        "2026-12-07"
    ]
    assert Bulletin.objects.filter(station=s).count() == 2


def test_next_air_is_in_the_stations_zone(cast):
    s = station(cast)
    before = datetime(2026, 12, 4, 18, 0, tzinfo=ZoneInfo("Africa/Accra"))
    assert selectors.next_air(station=s, now=before).isoformat() == "2026-12-04T18:30:00+00:00"


def test_a_callin_is_logged_by_a_facilitator(cast):
    bulletin = services.bulletin_create(actor=cast.space_lead, station=station(cast), title="T")
    services.callin_log(
        actor=cast.space_lead, bulletin=bulletin, how="sms", question="When is the next walk?"
    )
    assert bulletin.callins.get().question == "When is the next walk?"
    with pytest.raises(PermissionDenied):
        services.callin_log(actor=cast.space_member, bulletin=bulletin, how="call", question="x")


def test_a_station_slug_is_one_station_s(cast):
    station(cast)
    with pytest.raises(ValidationError):
        station(cast, name="Other")


def test_the_prepare_command_and_task_draft_each_station_once(cast):
    from io import StringIO

    from django.core.management import call_command

    from harambee.radio import tasks

    items(cast)
    station(cast)
    out = StringIO()
    call_command("radio", "prepare", stdout=out)
    assert "1 weekly bulletins drafted" in out.getvalue()
    assert tasks.prepare_week.call() == 0
    assert Bulletin.objects.filter(week__isnull=False).count() == 1


def test_the_render_command_says_why_it_cannot_speak(cast, settings):
    from django.core.management import CommandError, call_command

    bulletin = services.bulletin_create(
        actor=cast.space_lead, station=station(cast, language="ha", slug="r-ha"), title="T"
    )
    with pytest.raises(CommandError, match="does not speak this language"):
        call_command("radio", "render", str(bulletin.pk))
    with pytest.raises(CommandError, match="No such bulletin"):
        call_command("radio", "render", "99999")
