"""Every write of the radio app: atomic, audited, checked against ``rules``. Spoken
audio is made in the task worker (``tasks.render_audio``), once per script version."""

from __future__ import annotations

import hashlib
from datetime import datetime, time
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.core.files import max_bytes
from harambee.core.models import Content
from harambee.core.services import audit_record
from harambee.core.visibility import can_view
from harambee.radio import audio, rules, selectors
from harambee.radio.models import Bulletin, BulletinAudio, CallIn, Segment, Station
from harambee.spaces.models import Space

# Items a weekly bulletin is drafted with.
WEEKLY_ITEMS = 3


class RadioAction(models.TextChoices):
    STATION_SAVED = "radio_station_saved", "saved a radio station"
    BULLETIN_CREATED = "radio_bulletin_created", "started a radio bulletin"
    BULLETIN_CHANGED = "radio_bulletin_changed", "changed a radio bulletin"
    BULLETIN_PUBLISHED = "radio_bulletin_published", "published a radio bulletin"
    AUDIO_RECORDED = "radio_audio_recorded", "uploaded a bulletin recording"
    CALLIN_LOGGED = "radio_callin_logged", "logged a listener's call-in"


def _check(actor: Any, space: Space) -> None:
    if not rules.may_manage_radio(actor, space):
        raise PermissionDenied


# Stations -------------------------------------------------------------------------


def station_save(
    *,
    actor: Any,
    space: Space,
    name: str,
    slug: str,
    language: str,
    country: str,
    region: str = "",
    frequency: str = "",
    contact: str = "",
    weekday: int,
    air_time: time,
    timezone_name: str = "UTC",
    station: Station | None = None,
) -> Station:
    _check(actor, space if station is None else station.space)
    taken = Station.objects.filter(slug=slug)
    if station is not None:
        taken = taken.exclude(pk=station.pk)
    if taken.exists():
        raise ValidationError({"slug": _("Another station has this short name.")})
    with transaction.atomic():
        station = station or Station(space=space)
        station.name, station.slug, station.language = name, slug, language
        station.country, station.region, station.frequency = country, region, frequency
        station.contact, station.weekday, station.air_time = contact, weekday, air_time
        station.timezone = timezone_name
        station.save()
        audit_record(
            actor=actor, action=RadioAction.STATION_SAVED, space=station.space, station=station.pk
        )
    return station


# Bulletins ------------------------------------------------------------------------


def _public(item: Content) -> bool:
    return can_view(AnonymousUser(), item) and selectors.public_item(pk=item.pk) is not None


def _next_position(bulletin: Bulletin) -> int:
    top = bulletin.segments.aggregate(top=Max("position"))["top"]
    return 0 if top is None else top + 1


def bulletin_create(
    *,
    actor: Any,
    station: Station,
    title: str,
    language: str = "",
    words_per_minute: int = 140,
    items: list[Content] | None = None,
    intro: str = "",
    week: Any = None,
) -> Bulletin:
    """A draft: the host's introduction, a segment for each public item in turn
    (each between music cues), and the call to action with the space's SMS keyword."""
    if actor is not None:
        _check(actor, station.space)
    language = language or station.language
    items = [item for item in (items or []) if _public(item)]
    with transaction.atomic():
        bulletin = Bulletin.objects.create(
            station=station,
            language=language,
            title=title,
            words_per_minute=words_per_minute,
            author=actor,
            week=week,
        )
        rows = [
            Segment(
                kind=Segment.Kind.INTRO,
                speaker=_("Host"),
                text=intro
                or _("Welcome to %(title)s on %(station)s.") % {"title": title, "station": station},
            ),
            Segment(kind=Segment.Kind.CUE, text=_("Opening music")),
        ]
        for item in items:
            rows.append(Segment(kind=Segment.Kind.ITEM, speaker=_("Reader"), item=item))
            rows.append(Segment(kind=Segment.Kind.CUE, text=_("Short music bridge")))
        call = selectors.call_to_action(space=station.space, language=language)
        if call:
            rows.append(Segment(kind=Segment.Kind.CALL, speaker=_("Host"), text=call))
        for position, row in enumerate(rows):
            row.bulletin, row.position = bulletin, position
        Segment.objects.bulk_create(rows)
        audit_record(
            actor=actor,
            action=RadioAction.BULLETIN_CREATED,
            space=station.space,
            bulletin=bulletin.pk,
        )
    return bulletin


def bulletin_update(
    *, actor: Any, bulletin: Bulletin, title: str, words_per_minute: int, status: str
) -> Bulletin:
    _check(actor, bulletin.station.space)
    if status not in Bulletin.Status.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    with transaction.atomic():
        publishing = status == Bulletin.Status.PUBLISHED and not bulletin.is_published
        bulletin.title, bulletin.words_per_minute, bulletin.status = (
            title,
            words_per_minute,
            status,
        )
        if publishing:
            bulletin.published = timezone.now()
        elif status != Bulletin.Status.PUBLISHED:
            bulletin.published = None
        bulletin.save()
        audit_record(
            actor=actor,
            action=RadioAction.BULLETIN_PUBLISHED if publishing else RadioAction.BULLETIN_CHANGED,
            space=bulletin.station.space,
            bulletin=bulletin.pk,
        )
    return bulletin


def segment_add(
    *,
    actor: Any,
    bulletin: Bulletin,
    kind: str,
    speaker: str = "",
    text: str = "",
    item: Content | None = None,
) -> Segment:
    _check(actor, bulletin.station.space)
    if kind == Segment.Kind.ITEM:
        if item is None or not _public(item):
            raise ValidationError(
                {"item": _("Only public lessons, stories, verified reports and events.")}
            )
    elif not text.strip():
        raise ValidationError({"text": _("Write what is said or played.")})
    with transaction.atomic():
        segment = Segment.objects.create(
            bulletin=bulletin,
            position=_next_position(bulletin),
            kind=kind,
            speaker=speaker,
            text=text,
            item=item if kind == Segment.Kind.ITEM else None,
        )
        _changed(actor, bulletin)
    return segment


def segment_change(*, actor: Any, segment: Segment, speaker: str, text: str) -> Segment:
    bulletin = segment.bulletin
    _check(actor, bulletin.station.space)
    if segment.kind != Segment.Kind.ITEM and not text.strip():
        raise ValidationError({"text": _("Write what is said or played.")})
    with transaction.atomic():
        segment.speaker, segment.text = speaker, text
        segment.save(update_fields=["speaker", "text"])
        _changed(actor, bulletin)
    return segment


def segment_remove(*, actor: Any, segment: Segment) -> None:
    bulletin = segment.bulletin
    _check(actor, bulletin.station.space)
    with transaction.atomic():
        segment.delete()
        _changed(actor, bulletin)


def segment_move(*, actor: Any, segment: Segment, up: bool) -> None:
    """Swap a segment with its neighbour above or below."""
    bulletin = segment.bulletin
    _check(actor, bulletin.station.space)
    with transaction.atomic():
        order = list(bulletin.segments.select_for_update().order_by("position", "pk"))
        at = next(n for n, s in enumerate(order) if s.pk == segment.pk)
        other = at - 1 if up else at + 1
        if not 0 <= other < len(order):
            return
        order[at], order[other] = order[other], order[at]
        for position, row in enumerate(order):
            row.position = position
        Segment.objects.bulk_update(order, ["position"])
        _changed(actor, bulletin)


def _changed(actor: Any, bulletin: Bulletin) -> None:
    Bulletin.objects.filter(pk=bulletin.pk).update(updated=timezone.now())
    audit_record(
        actor=actor,
        action=RadioAction.BULLETIN_CHANGED,
        space=bulletin.station.space,
        bulletin=bulletin.pk,
    )


# Audio ------------------------------------------------------------------------------


def audio_request(*, actor: Any, bulletin: Bulletin) -> str:
    """Ask the task worker to speak the bulletin; "" when it will, else why not."""
    from harambee.radio import tasks

    _check(actor, bulletin.station.space)
    reason = audio.why_not(bulletin.language)
    if reason:
        return reason
    pk = bulletin.pk
    transaction.on_commit(lambda: tasks.render_audio.enqueue(pk))
    return ""


def audio_render(*, bulletin_id: int) -> BulletinAudio | None:
    """Speak the bulletin's current script, unless this version was spoken already
    (then the earlier sound is returned). None when it cannot be spoken here."""
    bulletin = Bulletin.objects.select_related("station").filter(pk=bulletin_id).first()
    if bulletin is None:
        return None
    found = selectors.script(bulletin=bulletin)
    digest = found.content_hash
    done = BulletinAudio.objects.filter(bulletin=bulletin, source="spoken", script_hash=digest)
    if done.exists():
        return done.first()
    if audio.why_not(bulletin.language) or not found.spoken_text.strip():
        return None
    day = timezone.localdate()
    rendered = audio.render(
        text=found.spoken_text,
        language=bulletin.language,
        words_per_minute=bulletin.words_per_minute,
        tags={"title": bulletin.title, "artist": bulletin.station.name, "date": day.isoformat()},
    )
    row = BulletinAudio(
        bulletin=bulletin,
        source=BulletinAudio.Source.SPOKEN,
        script_hash=digest,
        mime="audio/mpeg",
        duration=rendered.duration,
        sample_rate=rendered.sample_rate,
        size=len(rendered.mp3),
        sha256=hashlib.sha256(rendered.mp3).hexdigest(),
    )
    stem = f"bulletin-{bulletin.pk}-{digest[:12]}"
    row.mp3.save(f"{stem}.mp3", ContentFile(rendered.mp3), save=False)
    row.ogg.save(f"{stem}.ogg", ContentFile(rendered.ogg), save=False)
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        # Another worker spoke the same version meanwhile: keep theirs.
        row.mp3.delete(save=False)
        row.ogg.delete(save=False)
        return done.first()
    return row


def recording_upload(*, actor: Any, bulletin: Bulletin, upload: Any) -> BulletinAudio:
    """A person's recording of the bulletin (MP3, Ogg or WAV, checked by content)."""
    _check(actor, bulletin.station.space)
    # The site's limit for audio files (HARAMBEE_MAX_AUDIO_MB).
    limit = max_bytes("audio")
    if upload.size > limit:
        raise ValidationError(
            {"recording": _("A recording may be at most %(mb)s MB.") % {"mb": limit >> 20}}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    mime = audio.recording_kind(head)
    if not mime:
        raise ValidationError({"recording": _("This is not an MP3, Ogg or WAV sound file.")})
    data = upload.read()
    digest = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        row = BulletinAudio(
            bulletin=bulletin,
            source=BulletinAudio.Source.RECORDED,
            script_hash=selectors.script(bulletin=bulletin).content_hash,
            mime=mime,
            size=len(data),
            sha256=digest,
            by=actor,
        )
        name = f"recording-{bulletin.pk}-{digest[:12]}.{audio.RECORDING_EXTENSIONS[mime]}"
        row.recording.save(name, ContentFile(data), save=False)
        duration, rate = audio.recording_facts(_local_path(row.recording))
        row.duration, row.sample_rate = duration, rate
        row.save()
        audit_record(
            actor=actor,
            action=RadioAction.AUDIO_RECORDED,
            space=bulletin.station.space,
            bulletin=bulletin.pk,
        )
    return row


def _local_path(file: Any) -> Any:
    from pathlib import Path

    try:
        return Path(file.path)
    except NotImplementedError:  # storage without local files (S3)
        return Path("/nonexistent")


# Listeners --------------------------------------------------------------------------


def callin_log(
    *,
    actor: Any,
    bulletin: Bulletin,
    how: str,
    question: str,
    listener: str = "",
    place: str = "",
    message: Any = None,
) -> CallIn:
    _check(actor, bulletin.station.space)
    with transaction.atomic():
        row = CallIn.objects.create(
            bulletin=bulletin,
            how=how,
            question=question,
            listener=listener,
            place=place,
            message=message,
            by=actor,
        )
        audit_record(
            actor=actor,
            action=RadioAction.CALLIN_LOGGED,
            space=bulletin.station.space,
            bulletin=bulletin.pk,
        )
    return row


def callin_from_sms(*, actor: Any, bulletin: Bulletin, message: Any) -> CallIn:
    """An SMS from the space's inbox (one that matched no keyword) logged as a
    listener's answer to the bulletin, and marked handled in the inbox. The number
    stays with the message, on the facilitators' SMS pages only."""
    from harambee.reach import services as reach_services

    _check(actor, bulletin.station.space)
    try:
        with transaction.atomic():
            row = callin_log(
                actor=actor,
                bulletin=bulletin,
                how=CallIn.How.SMS,
                question=message.body[:2000],
                place=message.contact.place if message.contact else "",
                message=message,
            )
            reach_services.inbox_mark_handled(actor=actor, message=message)
    except IntegrityError:
        raise ValidationError(_("This SMS is logged already.")) from None
    return row


# The weekly bulletin ----------------------------------------------------------------


def bulletins_prepare_week(*, now: datetime | None = None) -> list[Bulletin]:
    """A draft for each station's next weekly bulletin, from the newest public items,
    for its facilitators to review. Once per station and week: run it as often as
    you like (``harambee radio prepare``)."""
    made = []
    for station in Station.objects.select_related("space"):
        air = selectors.next_air(station=station, now=now)
        week = selectors.week_of(air.date())
        if Bulletin.objects.filter(station=station, week=week).exists():
            continue
        # Suggestions come with the station's own space's items first.
        items = selectors.station_suggestions(station=station)[:WEEKLY_ITEMS]
        title = _("%(station)s weekly bulletin, %(day)s") % {
            "station": station.name,
            "day": air.date().isoformat(),
        }
        try:
            with transaction.atomic():
                made.append(
                    bulletin_create(
                        actor=None, station=station, title=title, items=items, week=week
                    )
                )
        except IntegrityError:
            continue  # prepared meanwhile by another run
    return made
