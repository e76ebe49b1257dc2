"""Every read of the radio app. Items a bulletin carries are always read through the
gate as the anonymous public (``visible(AnonymousUser(), ...)``): a bulletin goes on
air and into a podcast feed, so only public items, and a field report's reporter only
ever as "A community reporter"."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from harambee.core.excerpt import text_excerpt
from harambee.core.models import Content
from harambee.core.visibility import can_see_space, visible
from harambee.radio import rules
from harambee.radio.models import Bulletin, BulletinAudio, CallIn, Segment, Station, text_hash
from harambee.reach import selectors as reach_selectors
from harambee.spaces.models import Space

# Seconds a music or sound cue is reckoned to last in the running time.
CUE_SECONDS = 15
# Words of an item read on air when the facilitator wrote none of their own.
ITEM_WORDS = 90
SUGGESTIONS = 12
LIST_MAX = 50


# Stations ------------------------------------------------------------------------


def stations() -> QuerySet[Station]:
    return Station.objects.order_by("name", "pk")


def station_get(*, slug: str) -> Station:
    found = Station.objects.select_related("space").filter(slug=slug).first()
    if found is None:
        raise Http404
    return found


def space_stations(*, space: Space) -> QuerySet[Station]:
    return Station.objects.filter(space=space).order_by("name", "pk")


def managed_spaces(*, user: Any) -> list[Space]:
    """Spaces whose radio ``user`` keeps."""
    return [s for s in reach_selectors.managed_spaces(user=user) if rules.may_manage_radio(user, s)]


def shows_space(*, user: Any, station: Station) -> bool:
    """Whether the reader may be told which space keeps the station."""
    return can_see_space(user, station.space)


def published(*, station: Station) -> QuerySet[Bulletin]:
    return station.bulletins.filter(status=Bulletin.Status.PUBLISHED).order_by("-published", "-pk")


def station_bulletins(*, user: Any, station: Station) -> QuerySet[Bulletin]:
    """Published bulletins for everyone; every bulletin for its facilitators."""
    if rules.may_manage_radio(user, station.space):
        return station.bulletins.order_by("-created", "-pk")
    return published(station=station)


def next_air(*, station: Station, now: datetime | None = None) -> datetime:
    """When the station's weekly bulletin next goes on air (aware, station's zone)."""
    zone = _zone(station.timezone)
    here = (now or timezone.now()).astimezone(zone)
    days = (station.weekday - here.weekday()) % 7
    moment = datetime.combine(here.date() + timedelta(days=days), station.air_time, zone)
    if moment <= here:
        moment += timedelta(days=7)
    return moment


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


# Bulletins -----------------------------------------------------------------------


def bulletin_get(*, user: Any, pk: int) -> Bulletin:
    """A bulletin ``user`` may read, or 404 alike for one that is not there and one
    not yet published that they do not keep."""
    found = Bulletin.objects.select_related("station__space").filter(pk=pk).first()
    if found is None or not rules.may_read_bulletin(user, found):
        raise Http404
    return found


def bulletin_managed(*, user: Any, pk: int) -> Bulletin:
    """A bulletin for its station's facilitators: 404 when ``user`` may not read it,
    PermissionDenied when they may read it but not change it."""
    from django.core.exceptions import PermissionDenied

    found = bulletin_get(user=user, pk=pk)
    if not rules.may_manage_radio(user, found.station.space):
        raise PermissionDenied
    return found


def segment_get(*, bulletin: Bulletin, pk: int) -> Segment:
    found = bulletin.segments.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def audio_list(*, bulletin: Bulletin) -> list[BulletinAudio]:
    return list(bulletin.audio.order_by("-created", "-pk")[:10])


def audio_get(*, user: Any, pk: int) -> BulletinAudio:
    found = BulletinAudio.objects.select_related("bulletin__station__space").filter(pk=pk).first()
    if found is None or not rules.may_read_bulletin(user, found.bulletin):
        raise Http404
    return found


def latest_audio(*, bulletin: Bulletin) -> BulletinAudio | None:
    return bulletin.audio.order_by("-created", "-pk").first()


def callins(*, bulletin: Bulletin) -> QuerySet[CallIn]:
    return bulletin.callins.select_related("message").order_by("-at", "-pk")


def sms_answers(*, bulletin: Bulletin) -> list[Any]:
    """The newest SMS in the station's space's inbox, which a facilitator may log as
    listeners' answers to the bulletin."""
    return list(reach_selectors.inbox(space=bulletin.station.space)[:5])


def sms_answer(*, bulletin: Bulletin, pk: int) -> Any:
    return reach_selectors.inbox_message(space=bulletin.station.space, pk=pk)


def podcast(*, station: Station) -> list[tuple[Bulletin, BulletinAudio]]:
    """Published bulletins that have a sound file, newest first, each with its newest."""
    rows = list(published(station=station).prefetch_related("audio")[:LIST_MAX])
    found = []
    for bulletin in rows:
        files = sorted(bulletin.audio.all(), key=lambda a: (a.created, a.pk), reverse=True)
        if files:
            found.append((bulletin, files[0]))
    return found


# Public items --------------------------------------------------------------------


def _public_items() -> QuerySet[Content]:
    """What may go on air: public lessons, published stories, verified field reports
    and events not yet over, as the anonymous public sees them."""
    kinds = (
        Q(kind="lesson")
        | Q(kind="story", story__status="published")
        | Q(kind="field_report", fieldreport__status="verified")
        | Q(kind="event", event__ends__gt=timezone.now(), event__cancelled__isnull=True)
    )
    return visible(AnonymousUser(), Content.objects.filter(kinds)).select_related(
        "event", "fieldreport"
    )


def public_item(*, pk: int | None) -> Content | None:
    if pk is None:
        return None
    return _public_items().filter(pk=pk).first()


def suggestions(*, bulletin: Bulletin) -> list[Content]:
    """The newest items that may go on air and are not in the bulletin yet: those of
    the station's space first."""
    taken = bulletin.segments.filter(item__isnull=False).values("item_id")
    rows = list(_public_items().exclude(pk__in=taken).order_by("-created", "-pk")[:SUGGESTIONS])
    space_id = bulletin.station.space_id
    return sorted(rows, key=lambda item: item.space_id != space_id)


def station_suggestions(*, station: Station) -> list[Content]:
    """Suggestions for a bulletin not yet made at ``station``."""
    probe = Bulletin(station=station, language=station.language)
    probe.pk = 0
    return suggestions(bulletin=probe)


# The script ------------------------------------------------------------------------


@dataclass
class Part:
    kind: str
    speaker: str
    text: str
    segment_id: int
    item_title: str = ""
    item_url: str = ""
    label: str = ""

    @property
    def spoken(self) -> bool:
        return self.kind != Segment.Kind.CUE


@dataclass
class Script:
    bulletin: Bulletin
    parts: list[Part] = field(default_factory=list)
    sources: list[tuple[str, str]] = field(default_factory=list)
    # Segments whose item is no longer public: left out, and named for facilitators.
    dropped: int = 0

    @property
    def spoken_text(self) -> str:
        return "\n\n".join(p.text for p in self.parts if p.spoken and p.text)

    @property
    def words(self) -> int:
        return len(self.spoken_text.split())

    @property
    def seconds(self) -> int:
        cues = sum(1 for p in self.parts if not p.spoken)
        wpm = max(1, self.bulletin.words_per_minute)
        return round(self.words * 60 / wpm) + cues * CUE_SECONDS

    @property
    def running_time(self) -> str:
        minutes, seconds = divmod(self.seconds, 60)
        return f"{minutes}:{seconds:02d}"

    @property
    def content_hash(self) -> str:
        """What the spoken audio is made from: the same hash, the same sound."""
        return text_hash(
            self.bulletin.language, str(self.bulletin.words_per_minute), self.spoken_text
        )

    def as_text(self) -> str:
        b = self.bulletin
        lines = [b.title, f"{b.station.name} · {b.get_language_display()}"]
        lines.append(
            _("Running time about %(time)s at %(wpm)s words a minute")
            % {"time": self.running_time, "wpm": b.words_per_minute}
        )
        lines.append("")
        for part in self.parts:
            if part.kind == Segment.Kind.CUE:
                lines.append(f"[{part.label}: {part.text}]")
            else:
                lines.append(f"{part.speaker.upper()}:")
                lines.append(part.text)
            lines.append("")
        if self.sources:
            lines.append(_("Sources"))
            lines += [f"- {title}: {url}" for title, url in self.sources]
        return "\n".join(lines).rstrip() + "\n"


def _item_words(item: Content, station: Station) -> str:
    text = text_excerpt(item.body_html, words=ITEM_WORDS) if item.body_html else ""
    if item.kind == "field_report":
        report = item.fieldreport  # type: ignore[attr-defined]
        where = f" ({report.place})" if report.place else ""
        # Never the reporter's name, even one they let the site show: on air, a
        # report is always the community's.
        return _("%(reporter)s%(where)s reports: %(title)s. %(text)s") % {
            "reporter": _("A community reporter"),
            "where": where,
            "title": item.title,
            "text": text,
        }
    if item.kind == "event":
        event = item.event  # type: ignore[attr-defined]
        when = date_format(event.starts.astimezone(_zone(station.timezone)), "l j F, H:i")
        where = f" {event.place}." if event.place and event.is_in_person else ""
        return _("Coming up: %(title)s, on %(when)s.%(where)s %(text)s") % {
            "title": item.title,
            "when": when,
            "where": where,
            "text": text,
        }
    return f"{item.title}. {text}"


def script(*, bulletin: Bulletin) -> Script:
    """The bulletin as it would go on air now: its segments in order, items read
    through the gate as the anonymous public, in the bulletin's language."""
    segments = list(bulletin.segments.order_by("position", "pk"))
    ids = [s.item_id for s in segments if s.item_id]
    items = {item.pk: item for item in _public_items().filter(pk__in=ids)} if ids else {}
    site = settings.SITE_URL
    result = Script(bulletin=bulletin)
    station = bulletin.station
    with override(bulletin.language if bulletin.language in {"en", "fr"} else None):
        for segment in segments:
            speaker = segment.speaker or _("Host")
            if segment.kind == Segment.Kind.ITEM:
                item = items.get(segment.item_id)  # type: ignore[arg-type]
                if item is None:
                    result.dropped += 1
                    continue
                url = f"{site}{item.get_absolute_url()}"
                words = segment.text.strip() or _item_words(item, station)
                result.parts.append(
                    Part("item", speaker, words, segment.pk, item.title, url, _("Item"))
                )
                if (item.title, url) not in result.sources:
                    result.sources.append((item.title, url))
            elif segment.kind == Segment.Kind.CUE:
                result.parts.append(
                    Part("cue", "", segment.text.strip(), segment.pk, label=_("Music or sound"))
                )
            else:
                result.parts.append(Part(segment.kind, speaker, segment.text.strip(), segment.pk))
    return result


def call_to_action(*, space: Space, language: str) -> str:
    """The words that ask listeners to answer or report by SMS, from the space's SMS
    settings (its report keywords and JOIN code), or "" when it has none."""
    sms = reach_selectors.space_sms(space=space)
    if sms is None:
        return ""
    with override(language if language in {"en", "fr"} else None):
        parts = []
        if sms.keywords:
            parts.append(
                _("To report from your community, send an SMS that starts with %(word)s.")
                % {"word": sms.keywords[0]}
            )
        parts.append(_("To hear from us by SMS, send JOIN %(code)s.") % {"code": sms.join_code})
        return " ".join(parts)
