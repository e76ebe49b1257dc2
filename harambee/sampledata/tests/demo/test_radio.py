"""The demo's community radio: a station in Bono East kept by the Ghana forum with a
published English bulletin of public items (and its spoken audio when espeak-ng is
installed), and a Swahili bulletin on the Upper Tana."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.visibility import can_view
from harambee.radio import audio, selectors
from harambee.radio.models import Bulletin, BulletinAudio, Station

pytestmark = pytest.mark.django_db


def test_the_bono_east_station_has_a_published_english_bulletin(demo, client_for):
    from django.contrib.auth.models import AnonymousUser

    station = Station.objects.get(slug="radio-techiman")
    assert station.region == "Bono East" and station.space.name.startswith("Ghana")
    bulletin = Bulletin.objects.get(station=station)
    assert bulletin.is_published and bulletin.language == "en"
    script = selectors.script(bulletin=bulletin)
    assert script.dropped == 0 and script.sources
    carried = [s.item for s in bulletin.segments.filter(kind="item")]
    assert carried and all(can_view(AnonymousUser(), item) for item in carried)
    assert any(s.kind == "call" and "FIRE" in s.text for s in script.parts)
    page = client_for(None).get(bulletin.get_absolute_url()).content.decode()
    assert bulletin.title in page
    if audio.why_not("en"):
        assert audio.why_not("en") in page
    else:
        sound = BulletinAudio.objects.get(bulletin=bulletin, source="spoken")
        assert sound.script_hash == script.content_hash and sound.duration > 20
        assert sound.sample_rate == audio.SAMPLE_RATE
        feed = client_for(None).get(reverse("radio:podcast", args=[station.slug])).content
        assert b"<enclosure" in feed and bulletin.title.encode() in feed


def test_the_upper_tana_has_a_swahili_bulletin(demo, client_for):
    bulletin = Bulletin.objects.get(station__slug="sauti-ya-tana")
    assert bulletin.language == "sw" and bulletin.station.space.name.startswith("Upper Tana")
    text = client_for(None).get(reverse("radio:script_text", args=[bulletin.pk])).content.decode()
    assert "Habari za jioni" in text and "takwimu" in text
    assert bulletin.callins.count() == 1


def test_the_demo_facilitator_opens_the_builder(demo, client_for):
    bulletin = Bulletin.objects.get(station__slug="radio-techiman")
    answer = client_for(demo["kwame"]).get(reverse("radio:builder", args=[bulletin.pk]))
    assert answer.status_code == 200
    assert "Caller from Kintampo" in answer.content.decode()
