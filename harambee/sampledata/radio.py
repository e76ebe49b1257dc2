"""Community radio for the demo (``data/radio.toml``): a station in Bono East with an
English bulletin made from the Ghana forum's public items, and a Swahili bulletin on
the Upper Tana. Everything goes through the radio services.

The English bulletin is spoken by espeak-ng right away when it is installed (it takes
well under a second); without it the demo still loads and the bulletin's page says
spoken audio is unavailable. ``make run`` needs none of the audio programs."""

from __future__ import annotations

from datetime import datetime, time

from harambee.people.models import User
from harambee.radio import audio, selectors, services
from harambee.radio.models import Segment
from harambee.sampledata.datafiles import read
from harambee.spaces.models import Space

# Public items the English bulletin carries (the forum's own first).
ITEMS = 3


def load_radio(people: dict[str, User], spaces: dict[str, Space], now: datetime) -> int:
    made = 0
    for row in read("radio")["stations"]:
        lead, space = people[row["by"]], spaces[row["space"]]
        hours, minutes = (int(part) for part in row["air_time"].split(":"))
        station = services.station_save(
            actor=lead,
            space=space,
            name=row["name"],
            slug=row["slug"],
            language=row["language"],
            country=row["country"],
            region=row["region"],
            frequency=row["frequency"],
            contact=row["contact"],
            weekday=row["weekday"],
            air_time=time(hours, minutes),
            timezone_name=row["timezone"],
        )
        spec = row["bulletin"]
        suggested = [
            item
            for item in selectors.station_suggestions(station=station)
            if item.space_id == space.pk
        ][: spec.get("items", ITEMS)]
        bulletin = services.bulletin_create(
            actor=lead,
            station=station,
            title=spec["title"],
            words_per_minute=spec["words_per_minute"],
            items=suggested,
            intro=spec["intro"],
        )
        if "item" in spec:
            # Items in another language than the station's: the facilitator tells them
            # in their own words, and the item stays named as the source.
            for segment in bulletin.segments.filter(kind=Segment.Kind.ITEM):
                services.segment_change(
                    actor=lead, segment=segment, speaker="Msomaji", text=spec["item"]
                )
        if "call" in spec:
            call = bulletin.segments.filter(kind=Segment.Kind.CALL).first()
            if call is None:
                services.segment_add(
                    actor=lead,
                    bulletin=bulletin,
                    kind="call",
                    speaker="Mtangazaji",
                    text=spec["call"],
                )
            else:
                services.segment_change(
                    actor=lead, segment=call, speaker="Mtangazaji", text=spec["call"]
                )
        services.bulletin_update(
            actor=lead,
            bulletin=bulletin,
            title=bulletin.title,
            words_per_minute=bulletin.words_per_minute,
            status="published",
        )
        services.callin_log(
            actor=lead,
            bulletin=bulletin,
            how=spec["callin_how"],
            question=spec["callin"],
            place=spec["callin_place"],
        )
        if row["language"] == "en" and not audio.why_not(bulletin.language):
            services.audio_render(bulletin_id=bulletin.pk)
        made += 1
    return made
