"""Notifications: what happened, to whom, and how each person wants to hear of it.

A notification stores references only (the item, the reply, the space, the request),
never a title or a text: what it says is read at display or send time, through the
gate, so an item narrowed later disappears from the centre and from every email.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    MENTION = "mention", _("Someone mentions you")
    REPLY = "reply", _("Replies to what you wrote")
    THREAD = "thread", _("New replies in conversations you take part in")
    FOLLOWED = "followed", _("New items in spaces, hashtags and people you follow")
    WIKI = "wiki", _("Changes to knowledge-base pages you watch")
    JOIN_REQUEST = "join_request", _("Requests to join a space you lead")
    JOIN_DECISION = "join_decision", _("Decisions on your requests to join")
    INVITATION = "invitation", _("Invitations to a space")
    HIDDEN = "hidden", _("A moderator hides something you wrote")
    CALL_ANSWERED = "call_answered", _("Answers to calls for participation you organise")
    CALL_DECISION = "call_decision", _("Decisions on your answers to calls for participation")


class Channel(models.TextChoices):
    WEB = "web", _("On the site")
    EMAIL = "email", _("By email")
    # At once or never, to a number linked to the account (reach.Contact.user).
    SMS = "sms", _("By SMS")


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    NEVER = "never", _("Never")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    content = models.ForeignKey(
        "core.Content", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        "core.Comment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    space = models.ForeignKey(
        "spaces.Space", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    join_request = models.ForeignKey(
        "spaces.JoinRequest", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    invitation = models.ForeignKey(
        "spaces.Invitation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # An answer to a call for participation (``content`` is the call): what the
    # organisers are told of, and what the decision told its author is about.
    submission = models.ForeignKey(
        "research.Submission", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created = models.DateTimeField(_("when"), auto_now_add=True)
    # When it appears in the centre (later than ``created`` for daily or weekly web
    # notices); null: never in the centre, only by email.
    shown = models.DateTimeField(null=True, blank=True)
    read = models.DateTimeField(_("read"), null=True, blank=True)
    # How it is emailed (the recipient's choice when it was made) and when it was
    # emailed or settled without mail (read, hidden): tasks and digests send once.
    email = models.CharField(max_length=12, choices=Frequency.choices, default=Frequency.NEVER)
    emailed = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(
                fields=["recipient", "read", "shown"],
                name="notification_unread",
            ),
            models.Index(fields=["recipient", "-id"], name="notification_recipient"),
            models.Index(
                fields=["email", "recipient"],
                condition=Q(emailed__isnull=True),
                name="notification_email_due",
            ),
        ]
        constraints = [
            # One notice per person per event: receivers and retried tasks may run twice.
            models.UniqueConstraint(
                fields=["recipient", "kind", "content"],
                condition=Q(
                    comment__isnull=True,
                    content__isnull=False,
                    join_request__isnull=True,
                    submission__isnull=True,
                ),
                name="notification_once_per_item",
            ),
            models.UniqueConstraint(
                fields=["recipient", "kind", "submission"],
                condition=Q(submission__isnull=False),
                name="notification_once_per_submission",
            ),
            models.UniqueConstraint(
                fields=["recipient", "comment"],
                condition=Q(comment__isnull=False),
                name="notification_once_per_reply",
            ),
            models.UniqueConstraint(
                fields=["recipient", "kind", "join_request"],
                condition=Q(join_request__isnull=False),
                name="notification_once_per_request",
            ),
            models.UniqueConstraint(
                fields=["recipient", "invitation"],
                condition=Q(invitation__isnull=False),
                name="notification_once_per_invitation",
            ),
        ]

    def __str__(self) -> str:
        return f"Notification #{self.pk}"


class Preference(models.Model):
    """A person's choice for one kind and channel; without a row, ``DEFAULTS`` hold."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_prefs"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    frequency = models.CharField(max_length=12, choices=Frequency.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "channel"], name="notification_pref_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind} {self.channel} {self.frequency}"


class DigestRun(models.Model):
    """One run of ``harambee digests``: what it sent, for the operator and for reruns."""

    frequency = models.CharField(max_length=12, choices=Frequency.choices)
    period = models.CharField(max_length=16)
    started = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)
    recipients = models.PositiveIntegerField(default=0)
    notifications = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started"]
        verbose_name = _("digest run")
        verbose_name_plural = _("digest runs")

    def __str__(self) -> str:
        return f"{self.frequency} {self.period}"


# Not noisy: everything on the site at once; by email at once only what is addressed
# to the person, the rest in a weekly digest.
DEFAULTS: dict[tuple[str, str], str] = {
    **{(kind, Channel.WEB): Frequency.IMMEDIATELY for kind in Kind.values},
    **{(kind, Channel.EMAIL): Frequency.WEEKLY for kind in Kind.values},
    **{(kind, Channel.SMS): Frequency.NEVER for kind in Kind.values},
    (Kind.MENTION, Channel.EMAIL): Frequency.IMMEDIATELY,
    (Kind.REPLY, Channel.EMAIL): Frequency.IMMEDIATELY,
    (Kind.JOIN_DECISION, Channel.EMAIL): Frequency.IMMEDIATELY,
    (Kind.INVITATION, Channel.EMAIL): Frequency.IMMEDIATELY,
    (Kind.JOIN_REQUEST, Channel.EMAIL): Frequency.IMMEDIATELY,
    (Kind.HIDDEN, Channel.EMAIL): Frequency.IMMEDIATELY,
    (Kind.CALL_ANSWERED, Channel.EMAIL): Frequency.IMMEDIATELY,
    (Kind.CALL_DECISION, Channel.EMAIL): Frequency.IMMEDIATELY,
}


class Watch(models.Model):
    """A person's choice about one conversation (an item's replies), overriding the
    default -- which is to hear of replies where one wrote the item or took part:
    ``watching`` hears of every reply, otherwise the conversation is muted and no
    reply notice comes (mentions still do)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watches"
    )
    content = models.ForeignKey("core.Content", on_delete=models.CASCADE, related_name="+")
    watching = models.BooleanField(_("watching"))
    created = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("watched conversation")
        verbose_name_plural = _("watched conversations")
        constraints = [
            models.UniqueConstraint(fields=["user", "content"], name="watch_once"),
        ]
        indexes = [models.Index(fields=["content", "watching"], name="watch_content")]

    def __str__(self) -> str:
        return f"Watch #{self.pk}"
