"""Spoken audio from a script, with Debian's tools run as programs: espeak-ng speaks
the words into a WAV file, sox brings its loudness to -16 LUFS (ITU-R BS.1770: sox
applies the K-weighting filters, ``loudness`` below gates the 400 ms blocks) with a
limiter so that raised speech does not clip, and writes an Ogg Vorbis copy with its
tags; lame writes the MP3 with ID3 tags.

The programs' paths come from settings (``RADIO_ESPEAK_NG``, ``RADIO_SOX``,
``RADIO_LAME``): a missing program turns spoken audio off with a message, never an
error page. Nothing here reads or writes the database."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

# espeak-ng's voice for each language it can speak; the others need a recording.
VOICES = {"en": "en", "fr": "fr-fr", "sw": "sw", "pt": "pt"}
SAMPLE_RATE = 22050
TIMEOUT = 300
# The loudness every bulletin is brought to: the usual target for spoken podcasts
# (EBU R128's -23 LUFS is for a broadcaster's own mixing desk).
TARGET_LUFS = -16.0


class AudioUnavailable(Exception):
    """Spoken audio cannot be made here: the message says why, for the page."""


@dataclass(frozen=True)
class Rendered:
    mp3: bytes
    ogg: bytes
    duration: float
    sample_rate: int
    # RMS level of the normalised sound, 0 to 1: silence is 0.
    level: float


def _program(setting: str, default: str) -> str | None:
    configured = getattr(settings, setting, "") or default
    return shutil.which(configured)


def tools() -> dict[str, str | None]:
    return {
        "espeak-ng": _program("RADIO_ESPEAK_NG", "espeak-ng"),
        "sox": _program("RADIO_SOX", "sox"),
        "lame": _program("RADIO_LAME", "lame"),
    }


def why_not(language: str) -> str:
    """Why a script in ``language`` cannot be spoken here, or "" when it can."""
    missing = [name for name, path in tools().items() if path is None]
    if missing:
        return _(
            "Spoken audio is turned off on this site: %(programs)s is not installed. "
            "Upload a recording instead."
        ) % {"programs": ", ".join(missing)}
    if language not in VOICES:
        return _(
            "The computer voice does not speak this language. Record the bulletin "
            "and upload the recording instead."
        )
    return ""


def _run(command: list[str]) -> None:
    try:
        # The configured programs, on files of this module's own naming.
        subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT)  # noqa: S603
    except (OSError, subprocess.SubprocessError) as error:
        raise AudioUnavailable(_("The audio tools failed: %(error)s") % {"error": error}) from None


def wav_facts(path: Path) -> tuple[float, int, float]:
    """(duration in seconds, sample rate, RMS level from 0 to 1) of a 16-bit WAV file."""
    with wave.open(str(path), "rb") as source:
        rate, frames, width = source.getframerate(), source.getnframes(), source.getsampwidth()
        data = source.readframes(frames)
    if width != 2 or not frames:
        return (frames / rate if rate else 0.0, rate, 0.0)
    samples = array("h", data)
    rms = (sum(s * s for s in samples[::8]) / max(1, len(samples[::8]))) ** 0.5
    return (frames / rate, rate, rms / 32768)


def loudness(path: Path) -> float:
    """Integrated loudness of a WAV file in LUFS (ITU-R BS.1770-4): sox applies the
    K-weighting (a +4 dB treble shelf at 1.5 kHz, a high pass at 38 Hz) and hands the
    samples over as 32-bit floats; mean squares of 400 ms blocks (75 % overlap) are
    gated at -70 LUFS, then 10 LU under their mean. Silence is -inf."""
    import math

    sox = tools()["sox"]
    if sox is None:
        raise AudioUnavailable(why_not("en"))
    rate = int(
        subprocess.run(  # noqa: S603 -- the configured sox, on our own file
            [sox, "--i", "-r", str(path)], capture_output=True, text=True, timeout=30, check=True
        ).stdout.strip()
    )
    found = subprocess.run(  # noqa: S603 -- the configured sox, on our own file
        [
            sox,
            str(path),
            "-t",
            "raw",
            "-e",
            "floating-point",
            "-b",
            "32",
            "-c",
            "1",
            "-",
            "treble",
            "4",
            "1500",
            "0.7071q",
            "highpass",
            "38",
            "0.5q",
        ],
        capture_output=True,
        timeout=TIMEOUT,
        check=True,
    )
    samples = array("f")
    samples.frombytes(found.stdout[: len(found.stdout) // 4 * 4])
    hop = max(1, rate // 10)  # 100 ms
    hops = [
        sum(x * x for x in samples[i : i + hop]) / hop
        for i in range(0, len(samples) - hop + 1, hop)
    ]
    blocks = [sum(hops[i : i + 4]) / 4 for i in range(0, len(hops) - 3)]

    def lufs(power: float) -> float:
        return -0.691 + 10 * math.log10(power) if power > 0 else float("-inf")

    loud = [b for b in blocks if lufs(b) > -70]
    if not loud:
        return float("-inf")
    relative = lufs(sum(loud) / len(loud)) - 10
    gated = [b for b in loud if lufs(b) > relative]
    return lufs(sum(gated) / len(gated))


def render(*, text: str, language: str, words_per_minute: int, tags: dict[str, str]) -> Rendered:
    """Speak ``text`` and return it as MP3 and Ogg, loudness-normalised and tagged
    (``title``, ``artist``: the station, ``date``: YYYY-MM-DD)."""
    reason = why_not(language)
    if reason:
        raise AudioUnavailable(reason)
    found = tools()
    speed = str(max(80, min(450, words_per_minute)))
    with tempfile.TemporaryDirectory(prefix="harambee-radio-") as folder:
        work = Path(folder)
        (work / "script.txt").write_text(text, encoding="utf-8")
        _run(
            [
                str(found["espeak-ng"]),
                "-v",
                VOICES[language],
                "-s",
                speed,
                "-w",
                str(work / "spoken.wav"),
                "-f",
                str(work / "script.txt"),
            ]
        )
        # Mono at one sample rate, peaks at -1 dBFS; then to the target loudness for every
        # station alike.
        _run(
            [
                str(found["sox"]),
                str(work / "spoken.wav"),
                "-r",
                str(SAMPLE_RATE),
                "-c",
                "1",
                "-b",
                "16",
                str(work / "mono.wav"),
                "gain",
                "-n",
                "-1",
            ]
        )
        # The limiter takes a little off the raised speech: measure again, up to three
        # passes, until within half a LU of the target.
        shutil.copyfile(work / "mono.wav", work / "level.wav")
        for _ in range(3):
            measured = loudness(work / "level.wav")
            if measured == float("-inf") or abs(TARGET_LUFS - measured) <= 0.5:
                break
            change = max(-40.0, min(40.0, TARGET_LUFS - measured))
            _run(
                [
                    str(found["sox"]),
                    str(work / "level.wav"),
                    "-b",
                    "16",
                    str(work / "louder.wav"),
                    "gain",
                    "-l",  # a limiter: raised speech does not clip
                    f"{change:.2f}",
                ]
            )
            (work / "louder.wav").replace(work / "level.wav")
        comments = "\n".join(
            f"{key.upper()}={' '.join(value.split())}" for key, value in tags.items()
        )
        (work / "tags.txt").write_text(comments + "\n", encoding="utf-8")
        _run(
            [
                str(found["sox"]),
                str(work / "level.wav"),
                "--comment-file",
                str(work / "tags.txt"),
                str(work / "spoken.ogg"),
            ]
        )
        _run(
            [
                str(found["lame"]),
                "--quiet",
                "-m",
                "m",
                "-b",
                "64",
                "--tt",
                tags.get("title", "")[:200],
                "--ta",
                tags.get("artist", "")[:200],
                "--ty",
                tags.get("date", "")[:4],
                "--tc",
                tags.get("date", ""),
                "--add-id3v2",
                str(work / "level.wav"),
                str(work / "spoken.mp3"),
            ]
        )
        duration, rate, level = wav_facts(work / "level.wav")
        return Rendered(
            mp3=(work / "spoken.mp3").read_bytes(),
            ogg=(work / "spoken.ogg").read_bytes(),
            duration=round(duration, 2),
            sample_rate=rate,
            level=level,
        )


# What a recording's first bytes must be, by kind (checked by content, not by name).
RECORDING_KINDS = {
    "audio/mpeg": (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"),
    "audio/ogg": (b"OggS",),
    "audio/wav": (b"RIFF",),
}
RECORDING_EXTENSIONS = {"audio/mpeg": "mp3", "audio/ogg": "ogg", "audio/wav": "wav"}


def recording_kind(head: bytes) -> str:
    """The kind of an uploaded recording from its first bytes, or "" when it is none."""
    for mime, starts in RECORDING_KINDS.items():
        if any(head.startswith(start) for start in starts):
            if mime == "audio/wav" and head[8:12] != b"WAVE":
                continue
            return mime
    return ""


def recording_facts(path: Path) -> tuple[float | None, int | None]:
    """Duration and sample rate of a recording, read by sox's ``soxi`` when it is
    installed (None when it cannot tell)."""
    sox = tools()["sox"]
    if sox is None:
        return (None, None)
    try:
        found = subprocess.run(  # noqa: S603 -- the configured sox, on a stored file
            [sox, "--i", "-D", str(path)], capture_output=True, text=True, timeout=30, check=True
        )
        rate = subprocess.run(  # noqa: S603 -- the configured sox, on a stored file
            [sox, "--i", "-r", str(path)], capture_output=True, text=True, timeout=30, check=True
        )
        return (round(float(found.stdout.strip()), 2), int(rate.stdout.strip()))
    except (OSError, subprocess.SubprocessError, ValueError):
        return (None, None)
