"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

In every space: a station with a published bulletin and a draft, each carrying a
segment for every lesson, story, field report and event of the world at every
visibility (as if chosen while public and hidden since, or slipped in by another
path), a recording and a logged call-in. Scripts, their downloads, the podcast feed
and the audio must show only what the anonymous public may read, whoever asks; the
builder and call-ins are for each space's facilitators."""

from __future__ import annotations

from datetime import time

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from harambee.radio.models import Bulletin, BulletinAudio, CallIn, Segment, Station

KINDS = {"lesson", "story", "field_report", "event"}


def build(cast, world) -> None:
    carried = [item for item in world["items"] if item.kind in KINDS]
    stations, bulletins, audio, segments = [], [], [], []
    for number, (space, lead) in enumerate(world["authors"].items()):
        station = Station.objects.create(
            space=space,
            name=f"Leak radio {number}",
            slug=f"leak-radio-{number}",
            language="en",
            country="GH",
            region="Bono East",
            weekday=4,
            air_time=time(18, 0),
            timezone="Africa/Accra",
        )
        stations.append(station)
        for status in ("published", "draft"):
            bulletin = Bulletin.objects.create(
                station=station,
                language="en",
                title=f"Leak bulletin {number} {status}",
                status=status,
                author=lead,
                published=timezone.now() if status == "published" else None,
            )
            Segment.objects.create(bulletin=bulletin, position=0, kind="intro", text="Welcome.")
            rows = Segment.objects.bulk_create(
                Segment(bulletin=bulletin, position=n + 1, kind="item", item=item)
                for n, item in enumerate(carried)
            )
            segments.append(rows[0])
            recording = BulletinAudio(
                bulletin=bulletin, source="recorded", script_hash="x", mime="audio/ogg", size=4
            )
            recording.recording.save(f"leak-{bulletin.pk}.ogg", ContentFile(b"OggS"), save=True)
            CallIn.objects.create(bulletin=bulletin, how="call", question="A listener asks.")
            bulletins.append(bulletin)
            audio.append(recording)
    world["radio_stations"] = stations
    world["radio_bulletins"] = bulletins
    world["radio_audio"] = audio
    world["radio_segments"] = segments


# Rendering a PDF takes a while: the tour asks for one bulletin's, of each status.
PDF_BULLETINS = 2


def urls_for(name: str, cast, world) -> list[str] | None:
    if not name.startswith("radio:"):
        return None
    route = name.split(":", 1)[1]
    bulletins = world["radio_bulletins"]
    if route == "stations":
        return [reverse(name)]
    if route in {"station", "podcast", "station_edit", "bulletin_new"}:
        return [reverse(name, args=[s.slug]) for s in world["radio_stations"]]
    if route == "script_pdf":
        return [reverse(name, args=[b.pk]) for b in bulletins[:PDF_BULLETINS]]
    if route == "segment_edit":
        return [reverse(name, args=[s.bulletin_id, s.pk]) for s in world["radio_segments"]]
    if route == "audio_file":
        return [reverse(name, args=[a.pk, "recording"]) for a in world["radio_audio"]]
    if route in {"space", "station_new"}:
        return [reverse(name, args=[s.slug]) for s in world["spaces"]]
    return [reverse(name, args=[b.pk]) for b in bulletins]
