"""Reach by SMS: contacts and their consent, every message in and out, the raw
requests the gateways sent, field reports, broadcasts and polls.

Exactly-once rests on unique constraints, never on looking first: one inbound message
per (channel, provider id), one field report per message, one reply per inbound
message, one broadcast copy per contact, one poll answer per contact. A duplicate
delivery or a retried task meets the constraint and does nothing more.

Phone numbers are personal data: only the facilitators of a contact's spaces see them
(``rules.may_manage_sms``); a field report shows its reporter by name only when the
reporter agreed, and never the number."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from harambee.core.models import Content

SMS_LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("sw", _("Swahili")),
    ("pt", _("Portuguese")),
]


class Purpose(models.TextChoices):
    REPORTS = "reports", _("Sending field reports")
    BROADCASTS = "broadcasts", _("Receiving broadcasts")
    POLLS = "polls", _("Answering polls")


class Contact(models.Model):
    """A phone number (E.164) and what it agreed to. Consent is kept as the current
    state per purpose here and as a history in ``ConsentChange``."""

    # Shown to signed-in facilitators only: no anonymous page changes with it.
    changes_pages = False

    phone = models.CharField(_("phone number"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=SMS_LANGUAGES, default="en")
    place = models.CharField(_("place"), max_length=100, blank=True)
    spaces = models.ManyToManyField(
        "spaces.Space", verbose_name=_("spaces"), related_name="sms_contacts", blank=True
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sms_contacts",
    )
    consent_reports = models.BooleanField(_("may send field reports"), default=False)
    consent_broadcasts = models.BooleanField(_("receives broadcasts"), default=False)
    consent_polls = models.BooleanField(_("answers polls"), default=False)
    # STOP (or a gateway's opt-out) stops everything at once, until START.
    opted_out = models.DateTimeField(_("opted out"), null=True, blank=True)
    show_name = models.BooleanField(_("name may be shown with verified reports"), default=False)
    created = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("SMS contact")
        verbose_name_plural = _("SMS contacts")
        ordering = ["name", "phone"]

    def __str__(self) -> str:
        # Neutral: admin pages and logs must not carry the number.
        return f"SMS contact #{self.pk}"

    def consents(self, purpose: str) -> bool:
        return self.opted_out is None and bool(getattr(self, f"consent_{purpose}"))

    @property
    def shown_name(self) -> str:
        return self.name or str(_("Unnamed contact"))


class ConsentChange(models.Model):
    """One change of consent: what, when, how and by whom (a facilitator, or the
    contact by keyword)."""

    # Shown to signed-in facilitators only: no anonymous page changes with it.
    changes_pages = False

    class How(models.TextChoices):
        KEYWORD = "keyword", _("By SMS keyword")
        GATEWAY = "gateway", _("By the gateway (carrier opt-out)")
        FORM = "form", _("Recorded by a facilitator")
        PAPER = "paper", _("On a signed paper form")
        SPOKEN = "spoken", _("Said in person or on the phone")

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="consent_log")
    purpose = models.CharField(max_length=12, choices=[*Purpose.choices, ("all", _("All"))])
    granted = models.BooleanField()
    how = models.CharField(max_length=10, choices=How.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"Consent change #{self.pk}"


class SpaceSms(models.Model):
    """A space's SMS settings: the code people text to join (``JOIN <code>``), the
    channel its messages leave by, and its report keywords (comma separated)."""

    # Shown to signed-in facilitators only: no anonymous page changes with it.
    changes_pages = False

    space = models.OneToOneField("spaces.Space", on_delete=models.CASCADE, related_name="sms")
    join_code = models.CharField(_("join code"), max_length=20, unique=True)
    channel = models.CharField(_("channel"), max_length=40, default="console")
    report_keywords = models.CharField(
        _("report keywords"),
        max_length=200,
        blank=True,
        help_text=_("Words that start a field report, separated by commas: FIRE, LOGGING."),
    )

    class Meta:
        verbose_name = _("space SMS settings")

    def __str__(self) -> str:
        return f"SMS settings of space #{self.space_id}"

    @property
    def keywords(self) -> list[str]:
        return [k.strip().upper() for k in self.report_keywords.split(",") if k.strip()]


class InboundRequest(models.Model):
    """A gateway's request exactly as it came, stored before anything reads it."""

    # Shown to signed-in facilitators only: no anonymous page changes with it.
    changes_pages = False

    class Verdict(models.TextChoices):
        RECEIVED = "received", _("Received")
        ACCEPTED = "accepted", _("Accepted")
        DUPLICATE = "duplicate", _("Duplicate")
        BAD_SIGNATURE = "bad_signature", _("Bad signature")
        UNREADABLE = "unreadable", _("Unreadable")

    channel = models.CharField(max_length=40)
    gateway = models.CharField(max_length=20)
    path = models.CharField(max_length=500)
    headers = models.JSONField(default=dict)
    body = models.TextField(blank=True)
    verdict = models.CharField(max_length=15, choices=Verdict.choices, default="received")
    received = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"Inbound request #{self.pk}"


class Message(models.Model):
    # Shown to signed-in facilitators only: no anonymous page changes with it.
    changes_pages = False

    class Direction(models.TextChoices):
        IN = "in", _("Received")
        OUT = "out", _("Sent")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        PROCESSED = "processed", _("Handled")
        QUEUED = "queued", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")
        UNKNOWN = "unknown", _("Unknown: the sender stopped while sending")
        SKIPPED = "skipped", _("Not sent")

    class Purpose(models.TextChoices):
        REPLY = "reply", _("Reply")
        BROADCAST = "broadcast", _("Broadcast")
        POLL = "poll", _("Poll")
        NOTIFICATION = "notification", _("Notification")
        INBOUND = "inbound", _("Inbound")

    direction = models.CharField(max_length=3, choices=Direction.choices)
    channel = models.CharField(max_length=40)
    contact = models.ForeignKey(
        Contact, null=True, on_delete=models.SET_NULL, related_name="messages"
    )
    # The other end's number (E.164 when it could be read): personal data.
    phone = models.CharField(max_length=32, blank=True)
    # The gateway's id for the message: inbound, from the request; outbound, from the
    # gateway's answer to the send.
    provider_id = models.CharField(max_length=100, blank=True, default="")
    body = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    purpose = models.CharField(max_length=12, choices=Purpose.choices, default="inbound")
    error = models.CharField(max_length=200, blank=True)
    segments = models.PositiveSmallIntegerField(default=1)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    updated = models.DateTimeField(auto_now=True)
    in_reply_to = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="reply"
    )
    broadcast = models.ForeignKey(
        "reach.Broadcast", null=True, blank=True, on_delete=models.CASCADE, related_name="copies"
    )
    poll = models.ForeignKey(
        "reach.Poll", null=True, blank=True, on_delete=models.CASCADE, related_name="copies"
    )
    # What an outbound message is for, when it must go once (a notification's id).
    key = models.CharField(max_length=60, blank=True, default="")
    # Inbound free text that matched nothing waits here for a facilitator.
    space = models.ForeignKey(
        "spaces.Space", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    in_inbox = models.BooleanField(default=False)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "direction", "provider_id"],
                condition=~Q(provider_id=""),
                name="sms_message_provider_id_once",
            ),
            models.UniqueConstraint(
                fields=["key"], condition=~Q(key=""), name="sms_message_key_once"
            ),
            models.UniqueConstraint(
                fields=["broadcast", "contact"],
                condition=Q(broadcast__isnull=False),
                name="sms_broadcast_copy_once",
            ),
            models.UniqueConstraint(
                fields=["poll", "contact"],
                condition=Q(poll__isnull=False, direction="out"),
                name="sms_poll_copy_once",
            ),
        ]
        indexes = [
            models.Index(
                fields=["space", "in_inbox", "-created"],
                condition=Q(in_inbox=True),
                name="sms_inbox",
            )
        ]

    def __str__(self) -> str:
        return f"SMS #{self.pk} ({self.direction})"


class FieldReport(Content):
    """Evidence from the ground, sent by SMS. Space-only until a facilitator verifies
    it; a verified report may be opened wider with the reporter hidden."""

    KIND = "field_report"

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for verification")
        VERIFIED = "verified", _("Verified")
        DUPLICATE = "duplicate", _("Duplicate")
        REJECTED = "rejected", _("Rejected")

    message = models.OneToOneField(
        Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="report"
    )
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    keyword = models.CharField(_("keyword"), max_length=30)
    place = models.CharField(_("place"), max_length=100, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    reported = models.DateTimeField(_("reported"), db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="pending")
    show_reporter = models.BooleanField(_("show the reporter's name"), default=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed = models.DateTimeField(null=True, blank=True)
    review_note = models.CharField(_("note"), max_length=500, blank=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("field report")
        verbose_name_plural = _("field reports")
        indexes = [models.Index(fields=["status", "reported"], name="field_report_status")]

    def get_strength_display(self) -> str:
        """What the synthesis report's template prints as a citation's strength."""
        return (
            str(_("Verified field report"))
            if self.status == "verified"
            else self.get_status_display()
        )

    @property
    def reporter_label(self) -> str:
        if self.show_reporter and self.contact is not None and self.contact.name:
            return self.contact.name
        return str(_("A community reporter"))


class Broadcast(models.Model):
    # Shown to signed-in facilitators only: no anonymous page changes with it.
    changes_pages = False

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        CANCELLED = "cancelled", _("Cancelled")

    space = models.ForeignKey("spaces.Space", on_delete=models.CASCADE, related_name="broadcasts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("text"), max_length=1600)
    # {"fr": "...", "sw": "..."}: a contact gets the text in its language when there is one.
    translations = models.JSONField(default=dict, blank=True)
    language = models.CharField(_("only contacts speaking"), max_length=5, blank=True)
    place = models.CharField(_("only contacts whose place contains"), max_length=100, blank=True)
    item = models.ForeignKey(
        "core.Content", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    send_at = models.DateTimeField(_("send at"), null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default="draft")
    created = models.DateTimeField(auto_now_add=True)
    sent = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"Broadcast #{self.pk}"

    def text_for(self, language: str) -> str:
        return self.translations.get(language) or self.text


class Poll(models.Model):
    # Shown to signed-in facilitators only: no anonymous page changes with it.
    changes_pages = False

    space = models.ForeignKey("spaces.Space", on_delete=models.CASCADE, related_name="sms_polls")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    question = models.CharField(_("question"), max_length=300)
    options = models.JSONField(default=list)
    opened = models.DateTimeField(null=True, blank=True)
    closed = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"Poll #{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.opened is not None and self.closed is None

    def sms_text(self) -> str:
        lines = [self.question]
        lines += [f"{n}. {option}" for n, option in enumerate(self.options, start=1)]
        return "\n".join(lines)


class PollAnswer(models.Model):
    # Shown to signed-in facilitators only: no anonymous page changes with it.
    changes_pages = False

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="answers")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="+")
    option = models.PositiveSmallIntegerField()
    message = models.OneToOneField(Message, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["poll", "contact"], name="sms_poll_answer_once")
        ]

    def __str__(self) -> str:
        return f"Poll answer #{self.pk}"
