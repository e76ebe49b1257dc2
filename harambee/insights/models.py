from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from harambee.people.models import Sector

# Reads are kept for two of the longest periods (a year against the year before).
READS_KEPT_DAYS = 2 * 365 + 1


class SurveyChannel(models.TextChoices):
    """Where people are: the channels members say they actually use."""

    EMAIL = "email", _("Email")
    WHATSAPP = "whatsapp", _("WhatsApp")
    SMS = "sms", _("SMS")
    RADIO = "radio", _("Radio")
    FACEBOOK = "facebook", _("Facebook")
    WEB = "web", _("This website")
    PHONE = "phone", _("Phone calls")
    TELEGRAM = "telegram", _("Telegram")
    SIGNAL = "signal", _("Signal")
    LINKEDIN = "linkedin", _("LinkedIn")
    X = "x", _("X (Twitter)")
    MEETINGS = "meetings", _("Meetings in person")


class ChannelSurvey(models.Model):
    """One person's answer to "where are you?": the channels they actually use. A row
    with ``answered`` empty and ``dismissed`` set says they chose not to answer: the
    prompt to answer is then never shown again."""

    # Shown to signed-in people only: no anonymous page changes with it.
    changes_pages = False

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="channel_survey"
    )
    channels = models.JSONField(_("channels you use"), default=list, blank=True)
    answered = models.DateTimeField(_("answered"), null=True, blank=True)
    dismissed = models.DateTimeField(_("prompt dismissed"), null=True, blank=True)

    class Meta:
        verbose_name = _("channel survey answer")
        verbose_name_plural = _("channel survey answers")

    def __str__(self) -> str:
        return str(self.user_id)


class Snapshot(models.Model):
    """Measures of one scope (``space:<id>``, ``thread:<id>``, ``alliance``) for one
    period and the one before it, computed by the task worker. Pages read these and
    never count items themselves."""

    # Shown to signed-in people only: no anonymous page changes with it.
    changes_pages = False

    scope = models.CharField(max_length=40)
    start = models.DateTimeField()
    end = models.DateTimeField()
    data = models.JSONField(default=dict)
    computed = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "start", "end"], name="insights_snapshot_key")
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.start:%Y-%m-%d}–{self.end:%Y-%m-%d}"


class PromptKind(models.TextChoices):
    UNANSWERED = "unanswered", _("Unanswered for 48 hours")
    ONE_SECTOR = "one_sector", _("Everyone from one sector")
    DOMINANT = "dominant", _("One person writes most of a thread")
    QUIET = "quiet", _("A member has gone quiet")
    ABSENT_SECTOR = "absent_sector", _("A sector is absent from the conversation")


class Prompt(models.Model):
    """A nudge for a space's facilitators, raised once per condition (``key`` is unique:
    the same condition is never raised twice) and kept until someone dismisses it."""

    # Shown to signed-in people only: no anonymous page changes with it.
    changes_pages = False

    kind = models.CharField(max_length=20, choices=PromptKind.choices)
    key = models.CharField(max_length=120, unique=True)
    space = models.ForeignKey(
        "spaces.Space", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    thread = models.ForeignKey(
        "spaces.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    sector = models.CharField(max_length=20, blank=True, choices=Sector.choices)
    share = models.FloatField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    dismissed = models.DateTimeField(null=True, blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["space", "dismissed"], name="insights_prompt_open")]

    def __str__(self) -> str:
        return self.key


class SlowMode(models.Model):
    """One post per person per ``minutes`` in a thread, until ``ends``."""

    # Shown to signed-in people only: no anonymous page changes with it.
    changes_pages = False

    thread = models.OneToOneField("spaces.Post", on_delete=models.CASCADE, related_name="+")
    minutes = models.PositiveIntegerField(_("minutes between posts"))
    ends = models.DateTimeField(_("ends"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.thread_id}: {self.minutes}"


class ItemRead(models.Model):
    """That a signed-in person opened an item's page on a day (UTC): one row per
    person, item and day, however often they opened it, written by
    ``middleware.ReadRecordMiddleware``. Anonymous visitors leave none. Kept for two
    of the longest periods (``READS_KEPT_DAYS``), then deleted by ``harambee
    retention``; exported with the person's data, deleted with their account."""

    # Shown to signed-in people only: no anonymous page changes with it.
    changes_pages = False

    content = models.ForeignKey(
        "core.Content", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()

    class Meta:
        verbose_name = _("item read")
        verbose_name_plural = _("items read")
        constraints = [
            models.UniqueConstraint(
                fields=["content", "day", "user"], name="insights_one_read_a_day"
            )
        ]
        indexes = [models.Index(fields=["day"], name="insights_read_day")]

    def __str__(self) -> str:
        return f"{self.user_id} read #{self.content_id} on {self.day}"
