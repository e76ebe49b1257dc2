"""Community radio: stations, their bulletins (a script of ordered segments), the
audio spoken from a script or recorded by a person, and what listeners sent back.

A bulletin leaves the platform, so it carries public items only: a segment points at
an item, and the item's words are read through the gate, as the anonymous public, each
time the script is made (``selectors.script``). An item that stops being public drops
out of every script, text, PDF, audio render and feed made after that."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Languages a station broadcasts in. espeak-ng has voices for some (``audio.VOICES``);
# for the others a facilitator uploads a person's recording.
RADIO_LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("sw", _("Swahili")),
    ("pt", _("Portuguese")),
    ("ak", _("Twi (Akan)")),
    ("ee", _("Ewe")),
    ("ha", _("Hausa")),
]

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class Station(models.Model):
    """A community radio station that a space works with, and when its weekly
    bulletin goes on air (in the station's own time zone)."""

    space = models.ForeignKey("spaces.Space", on_delete=models.CASCADE, related_name="stations")
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    language = models.CharField(_("language"), max_length=5, choices=RADIO_LANGUAGES)
    country = models.CharField(_("country"), max_length=2)
    region = models.CharField(_("region"), max_length=100, blank=True)
    frequency = models.CharField(_("frequency"), max_length=40, blank=True)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    weekday = models.PositiveSmallIntegerField(_("weekly bulletin on"), choices=WEEKDAYS)
    air_time = models.TimeField(_("on air at"))
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("radio station")
        verbose_name_plural = _("radio stations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("radio:station", args=[self.slug])

    @property
    def country_name(self) -> str:
        from django_countries import countries

        return str(countries.name(self.country)) or self.country


class Bulletin(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        READY = "ready", _("Ready for the station")
        PUBLISHED = "published", _("Published")

    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="bulletins")
    language = models.CharField(_("language"), max_length=5, choices=RADIO_LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="draft")
    words_per_minute = models.PositiveSmallIntegerField(_("words per minute"), default=140)
    # The Monday of the week a bulletin was prepared for automatically: one a week.
    week = models.DateField(null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    published = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("radio bulletin")
        verbose_name_plural = _("radio bulletins")
        constraints = [
            models.UniqueConstraint(
                fields=["station", "week"],
                condition=models.Q(week__isnull=False),
                name="radio_bulletin_once_a_week",
            )
        ]

    def __str__(self) -> str:
        return f"Bulletin #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("radio:bulletin", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Segment(models.Model):
    """One part of the script, in order. Item segments name a public item, whose words
    are read live through the gate; the others carry the facilitator's words."""

    class Kind(models.TextChoices):
        INTRO = "intro", _("Host's introduction")
        ITEM = "item", _("Item")
        CUE = "cue", _("Music or sound cue")
        HOST = "host", _("Host speaks")
        CALL = "call", _("Call to action")

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="segments")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=6, choices=Kind.choices)
    speaker = models.CharField(_("speaker"), max_length=60, blank=True)
    text = models.TextField(_("words"), max_length=3000, blank=True)
    item = models.ForeignKey(
        "core.Content", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"Segment #{self.pk}"


def _audio_path(instance: BulletinAudio, filename: str) -> str:
    return f"radio/{instance.bulletin_id}/{filename}"


class BulletinAudio(models.Model):
    """A bulletin's sound: spoken by espeak-ng from one version of the script (its
    content hash), or a person's recording uploaded by a facilitator."""

    class Source(models.TextChoices):
        SPOKEN = "spoken", _("Spoken by the computer voice")
        RECORDED = "recorded", _("Recorded by a person")

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="audio")
    source = models.CharField(max_length=10, choices=Source.choices)
    script_hash = models.CharField(max_length=64)
    mp3 = models.FileField(upload_to=_audio_path, blank=True)
    ogg = models.FileField(upload_to=_audio_path, blank=True)
    recording = models.FileField(upload_to=_audio_path, blank=True)
    mime = models.CharField(max_length=40, blank=True)
    duration = models.FloatField(null=True, blank=True)
    sample_rate = models.PositiveIntegerField(null=True, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created", "-pk"]
        constraints = [
            # The same script version is never spoken twice.
            models.UniqueConstraint(
                fields=["bulletin", "script_hash"],
                condition=models.Q(source="spoken"),
                name="radio_audio_once_per_script",
            )
        ]

    def __str__(self) -> str:
        return f"Bulletin audio #{self.pk}"

    @property
    def main_file(self):
        return self.mp3 if self.mp3 else self.recording


class CallIn(models.Model):
    """What a listener asked or answered after a bulletin: by phone on air or by SMS,
    logged by a facilitator. For the station's space's facilitators only."""

    # Shown to signed-in facilitators only: no anonymous page changes with it.
    changes_pages = False

    class How(models.TextChoices):
        CALL = "call", _("Called the station")
        SMS = "sms", _("Sent an SMS")
        OTHER = "other", _("Other")

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="callins")
    how = models.CharField(_("how"), max_length=6, choices=How.choices, default="call")
    listener = models.CharField(_("listener"), max_length=100, blank=True)
    place = models.CharField(_("place"), max_length=100, blank=True)
    question = models.TextField(_("question or answer"), max_length=2000)
    message = models.ForeignKey(
        "reach.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["message"],
                condition=models.Q(message__isnull=False),
                name="radio_callin_message_once",
            )
        ]

    def __str__(self) -> str:
        return f"Call-in #{self.pk}"


def text_hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
