"""Events: workshops, webinars, teleconferences, field visits and meetings.

An ``Event`` is Content, so the gate decides who reads it, its agenda, its
registrations list, its join link and its calendar entries. Times are stored in UTC
with the organiser's time zone beside them, and shown in the reader's zone."""

from __future__ import annotations

import secrets
import zoneinfo
from datetime import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from harambee.core.models import Content

EVENT_LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("sw", _("Swahili")),
    ("ar", _("Arabic")),
    ("am", _("Amharic")),
    ("ha", _("Hausa")),
    ("tw", _("Twi")),
    ("yo", _("Yoruba")),
    ("zu", _("Zulu")),
]
LANGUAGE_NAMES = dict(EVENT_LANGUAGES)


def new_code() -> str:
    """A short code to read out at the door: no 0/O or 1/I to confuse."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Event(Content):
    KIND = "event"

    class Kind(models.TextChoices):
        REGIONAL_WORKSHOP = "regional_workshop", _("Regional workshop")
        GLOBAL_WORKSHOP = "global_workshop", _("Global workshop")
        COACHING = "coaching", _("Coaching session")
        WEBINAR = "webinar", _("Webinar")
        TELECONFERENCE = "teleconference", _("Teleconference")
        TRAINING = "training", _("Training session")
        FIELD_VISIT = "field_visit", _("Field visit")
        MEETING = "meeting", _("Meeting")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid: in person and online")

    class Registration(models.TextChoices):
        OFF = "off", _("No registration")
        OPEN = "open", _("Open: a place is confirmed at once")
        APPROVAL = "approval", _("Organisers approve each registration")

    class Room(models.TextChoices):
        NONE = "none", _("No online room")
        JITSI = "jitsi", _("Jitsi Meet")
        BBB = "bbb", _("BigBlueButton")

    class JoinFor(models.TextChoices):
        READERS = "readers", _("Everyone who can see the event")
        SIGNED_IN = "signed_in", _("Signed-in people who can see the event")
        REGISTERED = "registered", _("Registered participants only")

    # The longest an event may last: calendars find what runs on a day among the
    # events that started at most this long before it.
    MAX_DAYS = 31

    event_kind = models.CharField(_("type of event"), max_length=20, choices=Kind.choices)
    starts = models.DateTimeField(_("starts"), db_index=True)
    ends = models.DateTimeField(_("ends"))
    time_zone = models.CharField(_("organiser's time zone"), max_length=64, default="UTC")
    mode = models.CharField(_("where"), max_length=10, choices=Mode.choices, default="online")
    country = CountryField(
        _("country"),
        blank=True,
        help_text=_(
            "Where it takes place, or, online, the country it is for. Calendars filter by "
            "the region of this country."
        ),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True, max_length=1000)
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    # Codes between commas (",en,fr,"), so one language is found with a plain
    # ``contains`` on both databases.
    language_codes = models.CharField(_("languages"), max_length=100, blank=True, default="")
    interpretation = models.CharField(
        _("interpretation"),
        max_length=200,
        blank=True,
        help_text=_("For example: French ↔ English, whispered."),
    )
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_events",
    )
    registration = models.CharField(
        _("registration"), max_length=10, choices=Registration.choices, default="open"
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no limit."),
    )
    # Places held by confirmed registrations. Changed only by conditional UPDATEs
    # (``services._take_place``), so two people can never take the last place.
    taken = models.PositiveIntegerField(default=0, editable=False)
    ask_dietary = models.BooleanField(_("ask about dietary needs"), default=False)
    ask_accessibility = models.BooleanField(_("ask about accessibility needs"), default=False)
    ask_sector = models.BooleanField(_("ask for the stakeholder sector"), default=False)
    room = models.CharField(_("online room"), max_length=10, choices=Room.choices, default="none")
    join_for = models.CharField(
        _("who gets the join link"), max_length=12, choices=JoinFor.choices, default="registered"
    )
    cancelled = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        # Calendars and "coming up" read events not yet over, soonest first: a range of
        # this index, on the events' own table, whatever else the planner knows (a new
        # site's empty table has no statistics, and without it SQLite walked every
        # item of every author to find none).
        indexes = [
            models.Index(fields=["ends", "starts"], name="event_ends_starts"),
            models.Index(fields=["starts"], name="event_starts"),
        ]

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def starts_local(self) -> datetime:
        """The start in the organiser's own time zone."""
        return self.starts.astimezone(self.zone)

    @property
    def ends_local(self) -> datetime:
        return self.ends.astimezone(self.zone)

    @property
    def is_online(self) -> bool:
        return self.mode in (self.Mode.ONLINE, self.Mode.HYBRID)

    @property
    def is_in_person(self) -> bool:
        return self.mode in (self.Mode.IN_PERSON, self.Mode.HYBRID)

    @property
    def is_past(self) -> bool:
        return self.ends <= timezone.now()

    @property
    def places_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(0, self.capacity - self.taken)

    @property
    def languages(self) -> list[str]:
        return [code for code in self.language_codes.split(",") if code]

    @languages.setter
    def languages(self, codes: list[str]) -> None:
        self.language_codes = f",{','.join(codes)}," if codes else ""

    @property
    def language_names(self) -> list[str]:
        return [str(LANGUAGE_NAMES.get(code, code)) for code in self.languages]

    @property
    def room_name(self) -> str:
        """The meeting room's name: stable per event and hard to guess."""
        return f"harambee-{self.pk}-{self.room_secret}"

    @property
    def room_secret(self) -> str:
        import hashlib

        digest = hashlib.sha256(f"{settings.SECRET_KEY}:event-room:{self.pk}".encode())
        return digest.hexdigest()[:16]


class Session(models.Model):
    """One item of an event's agenda."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=200)
    starts = models.DateTimeField(_("starts"))
    ends = models.DateTimeField(_("ends"), null=True, blank=True)
    speakers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("speakers"), blank=True, related_name="+"
    )
    outside_speakers = models.CharField(
        _("outside speakers"),
        max_length=200,
        blank=True,
        help_text=_("Names of speakers who are not members, separated by commas."),
    )

    class Meta:
        ordering = ["starts", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return f"Session #{self.pk}"

    @property
    def outside_speaker_names(self) -> list[str]:
        return [n.strip() for n in self.outside_speakers.split(",") if n.strip()]


class RegistrationQuerySet(models.QuerySet):
    def holding_place(self) -> RegistrationQuerySet:
        return self.filter(status=Registration.Status.CONFIRMED)


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        PENDING = "pending", _("Waiting for approval")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    code = models.CharField(_("registration code"), max_length=12, unique=True, default=new_code)
    dietary = models.CharField(_("dietary needs"), max_length=200, blank=True)
    accessibility = models.CharField(_("accessibility needs"), max_length=200, blank=True)
    # The person's choice: e-mail reminders a day and an hour before (on by default).
    reminders = models.BooleanField(_("remind me by e-mail"), default=True)
    sector = models.CharField(_("stakeholder sector"), max_length=20, blank=True)
    # Place in the waiting list: earliest first.
    queued = models.DateTimeField(default=timezone.now)
    created = models.DateTimeField(auto_now_add=True)
    checked_in = models.DateTimeField(_("checked in"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["queued", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_event")
        ]
        indexes = [models.Index(fields=["event", "status", "queued"], name="registration_queue")]

    def __str__(self) -> str:
        return f"Registration #{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.CANCELLED


class EventMessage(models.Model):
    """One e-mail about one event to one person: a reminder, a promotion from the
    waiting list, a cancellation or a time change. The unique row makes every send
    happen at most once, however often the reminder run or a task is repeated."""

    class What(models.TextChoices):
        DAY_BEFORE = "day", _("Reminder a day before")
        HOUR_BEFORE = "hour", _("Reminder an hour before")
        PROMOTED = "promoted", _("A place from the waiting list")
        CANCELLED = "cancelled", _("The event is cancelled")
        MOVED = "moved", _("The event has a new time")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="messages")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    what = models.CharField(max_length=10, choices=What.choices)
    # For a time change: which start it announces, so a second change is told too.
    about = models.CharField(max_length=40, blank=True, default="")
    sent = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("event message")
        verbose_name_plural = _("event messages")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user", "what", "about"], name="one_message_each"
            )
        ]

    def __str__(self) -> str:
        return f"{self.what} #{self.pk}"


class CalendarToken(models.Model):
    """The secret in a person's private calendar feed address. Revoking deletes it:
    the old address answers 404 from then on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed token")
        verbose_name_plural = _("calendar feed tokens")

    def __str__(self) -> str:
        return f"Calendar token #{self.pk}"


class EventOutput(models.Model):
    """An item linked back to an event after it took place (notes, a recording, a
    resource, a story, a thread). Each is shown only to who may read the item."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="outputs")
    item = models.ForeignKey(Content, on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("event output")
        verbose_name_plural = _("event outputs")
        constraints = [
            models.UniqueConstraint(fields=["event", "item"], name="one_output_link_each")
        ]

    def __str__(self) -> str:
        return f"Output #{self.pk}"


class EventGuestQuerySet(models.QuerySet):
    def active(self) -> EventGuestQuerySet:
        return self.filter(user__isnull=False, expires__gt=timezone.now())


class EventGuest(models.Model):
    """An outside voice invited by e-mail to one event, until ``expires``: the same
    idea as a thread's guest (``spaces.ThreadGuest``). Once the person opens the link
    signed in, the gate (through ``core.registry.register_grant_source``) lets them read
    the event and the items linked to it, and nothing else of its space."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="guests")
    email = models.EmailField(_("e-mail"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="event_grants",
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    expires = models.DateTimeField(_("access ends"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    sent = models.DateTimeField(null=True, blank=True)
    accepted = models.DateTimeField(null=True, blank=True)

    objects = EventGuestQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("event guest")
        verbose_name_plural = _("event guests")
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="one_invitation_per_email")
        ]
        indexes = [models.Index(fields=["user", "expires"], name="eventguest_user_expires")]

    def __str__(self) -> str:
        return f"Event guest #{self.pk}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.user_id is not None:
            from harambee.core.visibility import note_grant

            loaded = self.user if type(self).user.is_cached(self) else None
            note_grant(self.user_id, self.expires, user=loaded)

    @property
    def is_active(self) -> bool:
        return self.expires > timezone.now()
