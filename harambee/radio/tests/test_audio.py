"""Spoken audio with the real Debian programs (espeak-ng, sox, lame): its length,
sample rate and loudness, its tags, one render per script version; languages without
a voice and a missing program say so instead of failing."""

from __future__ import annotations

import io
import math
import shutil
import struct
import subprocess
import wave
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from harambee.core.tests.checkers import checker_unavailable
from harambee.radio import audio, selectors, services
from harambee.radio.models import BulletinAudio
from harambee.radio.tests.helpers import items, station

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def tools_installed():
    missing = [name for name, path in audio.tools().items() if path is None]
    if missing:
        checker_unavailable(f"{', '.join(missing)} not installed (Debian: espeak-ng sox lame)")


def _decoded(mp3: bytes, folder: Path) -> Path:
    (folder / "a.mp3").write_bytes(mp3)
    subprocess.run(
        [shutil.which("lame"), "--quiet", "--decode", str(folder / "a.mp3"), str(folder / "a.wav")],
        check=True,
    )
    return folder / "a.wav"


def test_the_script_is_spoken_into_mp3_and_ogg_that_are_not_silent(tools_installed, tmp_path):
    words = "Welcome to the forest bulletin. Firebreaks cut early held the fire back. " * 3
    rendered = audio.render(
        text=words,
        language="en",
        words_per_minute=140,
        tags={"title": "Forest week", "artist": "Radio Techiman", "date": "2026-12-04"},
    )
    assert rendered.sample_rate == audio.SAMPLE_RATE
    # About 39 words at 140 a minute: 15 to 25 seconds with the pauses.
    assert 10 < rendered.duration < 30
    assert rendered.level > 0.02
    duration, rate, level = audio.wav_facts(_decoded(rendered.mp3, tmp_path))
    assert rate == audio.SAMPLE_RATE
    assert abs(duration - rendered.duration) < 0.5
    assert level > 0.02
    # ID3v2 frames (lame writes their text as UTF-16).
    head = rendered.mp3[:600]
    assert head.startswith(b"ID3")
    assert b"TIT2" in head and "Forest week".encode("utf-16-le") in head
    assert b"TPE1" in head and "Radio Techiman".encode("utf-16-le") in head
    assert rendered.ogg.startswith(b"OggS")
    assert b"TITLE=Forest week" in rendered.ogg[:4000]
    assert b"ARTIST=Radio Techiman" in rendered.ogg[:4000]


def test_faster_speech_is_shorter(tools_installed):
    text = "Water users of the river agreed how to share it in the dry season. " * 3
    slow = audio.render(text=text, language="en", words_per_minute=100, tags={})
    fast = audio.render(text=text, language="en", words_per_minute=200, tags={})
    assert fast.duration < slow.duration * 0.7


def test_swahili_is_spoken(tools_installed):
    rendered = audio.render(
        text="Karibu kwenye taarifa ya maji ya Tana ya Juu.",
        language="sw",
        words_per_minute=140,
        tags={},
    )
    assert rendered.duration > 1 and rendered.level > 0.02


def test_the_same_script_version_is_spoken_once(cast, tools_installed, run_on_commit_now):
    found = items(cast)
    bulletin = services.bulletin_create(
        actor=cast.space_lead, station=station(cast), title="Week", items=[found["lesson"]]
    )
    first = services.audio_render(bulletin_id=bulletin.pk)
    assert first is not None and first.duration > 1 and first.sample_rate == 22050
    assert first.script_hash == selectors.script(bulletin=bulletin).content_hash
    again = services.audio_render(bulletin_id=bulletin.pk)
    assert again.pk == first.pk
    assert BulletinAudio.objects.filter(bulletin=bulletin).count() == 1
    # Through the page and the task worker (immediate in tests): still one.
    client = _client(cast.space_lead)
    client.post(reverse("radio:audio_make", args=[bulletin.pk]))
    assert BulletinAudio.objects.filter(bulletin=bulletin).count() == 1
    # A changed script is a new version, spoken anew.
    services.segment_add(actor=cast.space_lead, bulletin=bulletin, kind="host", text="Goodbye.")
    client.post(reverse("radio:audio_make", args=[bulletin.pk]))
    assert BulletinAudio.objects.filter(bulletin=bulletin).count() == 2
    with open(first.mp3.path, "rb") as handle:
        assert handle.read(3) == b"ID3"


def _client(user):
    from django.test import Client

    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_a_language_without_a_voice_says_so_and_takes_a_recording(cast, settings):
    s = station(cast, language="ak", slug="radio-bono", name="Radio Bono")
    bulletin = services.bulletin_create(actor=cast.space_lead, station=s, title="Twi week")
    assert "does not speak this language" in audio.why_not("ak")
    client = _client(cast.space_lead)
    page = client.get(reverse("radio:builder", args=[bulletin.pk]))
    assert page.status_code == 200
    assert "does not speak this language" in page.content.decode()
    answer = client.post(reverse("radio:audio_make", args=[bulletin.pk]), follow=True)
    assert answer.status_code == 200
    assert "does not speak this language" in answer.content.decode()
    assert services.audio_render(bulletin_id=bulletin.pk) is None
    # A person's recording instead: a WAV of a tone, checked by its content.
    upload = SimpleUploadedFile("twi.wav", _tone_wav(2.0), content_type="audio/wav")
    answer = client.post(reverse("radio:recording", args=[bulletin.pk]), {"recording": upload})
    assert answer.status_code == 302
    row = BulletinAudio.objects.get(bulletin=bulletin)
    assert row.source == "recorded" and row.mime == "audio/wav"
    if audio.tools()["sox"]:
        assert row.duration == pytest.approx(2.0, abs=0.05) and row.sample_rate == 8000


def test_a_file_that_is_not_sound_is_refused_with_a_message(cast):
    bulletin = services.bulletin_create(actor=cast.space_lead, station=station(cast), title="T")
    fake = SimpleUploadedFile("talk.mp3", b"<html>not audio</html>", content_type="audio/mpeg")
    answer = _client(cast.space_lead).post(
        reverse("radio:recording", args=[bulletin.pk]), {"recording": fake}
    )
    assert answer.status_code == 422
    assert "This is not an MP3, Ogg or WAV sound file." in answer.content.decode()
    assert not BulletinAudio.objects.exists()


def test_a_missing_espeak_ng_turns_spoken_audio_off_with_a_message(cast, settings):
    settings.RADIO_ESPEAK_NG = "/nonexistent/espeak-ng"
    bulletin = services.bulletin_create(actor=cast.space_lead, station=station(cast), title="T")
    assert "espeak-ng is not installed" in audio.why_not("en")
    client = _client(cast.space_lead)
    page = client.get(reverse("radio:builder", args=[bulletin.pk]))
    assert page.status_code == 200 and "espeak-ng is not installed" in page.content.decode()
    answer = client.post(reverse("radio:audio_make", args=[bulletin.pk]), follow=True)
    assert answer.status_code == 200
    assert "espeak-ng is not installed" in answer.content.decode()
    assert services.audio_render(bulletin_id=bulletin.pk) is None
    assert not BulletinAudio.objects.exists()
    with pytest.raises(audio.AudioUnavailable):
        audio.render(text="x", language="en", words_per_minute=140, tags={})


def _tone_wav(seconds: float, rate: int = 8000) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as target:
        target.setnchannels(1)
        target.setsampwidth(2)
        target.setframerate(rate)
        frames = b"".join(
            struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * n / rate)))
            for n in range(int(seconds * rate))
        )
        target.writeframes(frames)
    return out.getvalue()


def test_the_level_of_silence_is_zero(tmp_path):
    path = tmp_path / "quiet.wav"
    with wave.open(str(path), "wb") as target:
        target.setnchannels(1)
        target.setsampwidth(2)
        target.setframerate(8000)
        target.writeframes(b"\0\0" * 8000)
    assert audio.wav_facts(path) == (1.0, 8000, 0.0)
    path.write_bytes(_tone_wav(1.0))
    assert audio.wav_facts(path)[2] > 0.1


def test_a_recording_over_the_sites_audio_limit_is_refused(cast, settings):
    settings.UPLOAD_LIMITS_MB = {**settings.UPLOAD_LIMITS_MB, "audio": 1}
    bulletin = services.bulletin_create(actor=cast.space_lead, station=station(cast), title="T")
    big = SimpleUploadedFile("long.wav", _tone_wav(70.0, rate=8000), content_type="audio/wav")
    answer = _client(cast.space_lead).post(
        reverse("radio:recording", args=[bulletin.pk]), {"recording": big}
    )
    assert answer.status_code == 422
    assert "A recording may be at most 1 MB." in answer.content.decode()
    assert not BulletinAudio.objects.exists()


@pytest.mark.parametrize("rate", [48000, 22050])
def test_loudness_reads_the_bs1770_reference_tone(tools_installed, tmp_path, rate):
    """ITU-R BS.1770-4: a 1 kHz sine with its peak at 0 dBFS in one channel reads
    -3.01 LKFS; 20 dB lower, -23.01. Silence reads -inf."""
    tone = tmp_path / "tone.wav"
    subprocess.run(
        [
            shutil.which("sox"),
            "-n",
            "-r",
            str(rate),
            "-b",
            "24",
            "-c",
            "1",
            str(tone),
            "synth",
            "10",
            "sine",
            "1000",
            "gain",
            "-20",
        ],
        check=True,
    )
    assert audio.loudness(tone) == pytest.approx(-23.01, abs=0.15)
    quiet = tmp_path / "quiet.wav"
    subprocess.run(
        [
            shutil.which("sox"),
            "-n",
            "-r",
            str(rate),
            "-b",
            "16",
            "-c",
            "1",
            str(quiet),
            "trim",
            "0",
            "3",
        ],
        check=True,
    )
    assert audio.loudness(quiet) == float("-inf")


@pytest.mark.parametrize("language,pace", [("en", 140), ("sw", 110), ("fr", 180)])
def test_every_bulletin_comes_out_at_the_target_loudness(tools_installed, tmp_path, language, pace):
    rendered = audio.render(
        text="Farmers in Bono East report three trees cut near the river. " * 4,
        language=language,
        words_per_minute=pace,
        tags={"title": "t", "artist": "a", "date": "2026-12-07"},
    )
    # Decoded from the MP3 listeners get: within a loudness unit of the target.
    assert audio.loudness(_decoded(rendered.mp3, tmp_path)) == pytest.approx(
        audio.TARGET_LUFS, abs=1.0
    )
