"""A station's podcast: RSS 2.0 with an enclosure per published bulletin that has a
sound file, and the iTunes tags podcast apps read. Callers pass only published
bulletins (``selectors.podcast``)."""

from __future__ import annotations

from email.utils import format_datetime
from xml.etree import ElementTree as ET

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from harambee.radio.models import Bulletin, BulletinAudio, Station

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("itunes", ITUNES)
ET.register_namespace("atom", ATOM)


def _add(
    parent: ET.Element, tag: str, text: str = "", attrs: dict[str, str] | None = None
) -> ET.Element:
    node = ET.SubElement(parent, tag, attrs or {})
    if text:
        node.text = text
    return node


def _duration(seconds: float | None) -> str:
    total = round(seconds or 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"


def podcast_xml(station: Station, episodes: list[tuple[Bulletin, BulletinAudio]]) -> bytes:
    site = settings.SITE_URL
    rss = ET.Element("rss", {"version": "2.0"})
    channel = _add(rss, "channel")
    page = f"{site}{station.get_absolute_url()}"
    _add(channel, "title", station.name)
    _add(channel, "link", page)
    summary = ", ".join(p for p in (station.frequency, station.region) if p)
    _add(channel, "description", summary or station.name)
    _add(channel, "language", station.language)
    _add(channel, "generator", "Harambee")
    _add(channel, "lastBuildDate", format_datetime(timezone.now()))
    _add(
        channel,
        f"{{{ATOM}}}link",
        attrs={
            "href": f"{site}{reverse('radio:podcast', args=[station.slug])}",
            "rel": "self",
            "type": "application/rss+xml",
        },
    )
    _add(channel, f"{{{ITUNES}}}author", station.name)
    _add(channel, f"{{{ITUNES}}}explicit", "false")
    _add(channel, f"{{{ITUNES}}}category", attrs={"text": "News"})
    for bulletin, sound in episodes:
        item = _add(channel, "item")
        _add(item, "title", bulletin.title)
        link = f"{site}{bulletin.get_absolute_url()}"
        _add(item, "link", link)
        _add(item, "guid", f"{link}#audio-{sound.pk}", attrs={"isPermaLink": "false"})
        _add(item, "pubDate", format_datetime(bulletin.published or bulletin.created))
        kind = "mp3" if sound.mp3 else "recording"
        _add(
            item,
            "enclosure",
            attrs={
                "url": f"{site}{reverse('radio:audio_file', args=[sound.pk, kind])}",
                "length": str(sound.size),
                "type": "audio/mpeg" if sound.mp3 else sound.mime,
            },
        )
        _add(item, f"{{{ITUNES}}}duration", _duration(sound.duration))
        _add(item, f"{{{ITUNES}}}explicit", "false")
    return (
        b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(rss, encoding="unicode").encode()
    )
