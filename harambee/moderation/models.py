"""Flags people raise, what moderators hid (so a restore undoes exactly that), and
suspended accounts. Who may read the flagged items is still decided by the gate."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ModerationAction(models.TextChoices):
    """What the audit log records of moderation."""

    FLAG_RAISED = "flag_raised", _("flagged an item or comment")
    FLAGS_DISMISSED = "flags_dismissed", _("dismissed flags")
    CONTENT_HIDDEN = "content_hidden", _("hid an item")
    CONTENT_RESTORED = "content_restored", _("restored a hidden item")
    COMMENT_HIDDEN = "comment_hidden", _("hid a comment")
    COMMENT_RESTORED = "comment_restored", _("restored a hidden comment")
    THREAD_MOVED = "thread_moved", _("moved a thread")
    MEMBER_SUSPENDED = "member_suspended", _("suspended an account")
    SUSPENSION_LIFTED = "suspension_lifted", _("lifted a suspension")


class Reason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSIVE = "abusive", _("Abusive or hateful")
    OFF_TOPIC = "off_topic", _("Off-topic")
    PRIVATE_INFO = "private_info", _("Shares private information")
    OTHER = "other", _("Something else")


class Flag(models.Model):
    """One person's report of an item, or of one comment on it. A person has at most
    one open flag per item or comment, so flagging twice changes nothing."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DISMISSED = "dismissed", _("Dismissed")
        ACTIONED = "actioned", _("Acted on")

    content = models.ForeignKey(
        "core.Content", verbose_name=_("item"), on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        "core.Comment",
        verbose_name=_("comment"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    flagger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("flagged by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.TextField(_("what is wrong"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created = models.DateTimeField(_("flagged"), auto_now_add=True)
    resolved = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        indexes = [models.Index(fields=["status", "created"], name="flag_status_created")]
        constraints = [
            models.UniqueConstraint(
                fields=["flagger", "content"],
                condition=Q(comment__isnull=True, status="open"),
                name="one_open_item_flag_each",
            ),
            models.UniqueConstraint(
                fields=["flagger", "comment"],
                condition=Q(comment__isnull=False, status="open"),
                name="one_open_comment_flag_each",
            ),
        ]

    def __str__(self) -> str:
        return f"Flag #{self.pk}"


class Hiding(models.Model):
    """A moderator hid an item (``comment`` empty) or one comment: the row's
    ``removed`` is set, and this record says who, why and when, so a restore undoes
    exactly a moderator's hiding and never an author's own removal."""

    content = models.ForeignKey(
        "core.Content", verbose_name=_("item"), on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        "core.Comment",
        verbose_name=_("comment"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("why"), max_length=1000)
    created = models.DateTimeField(_("hidden"), auto_now_add=True, db_index=True)
    restored = models.DateTimeField(_("restored"), null=True, blank=True)
    restored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("restored by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("hidden item")
        verbose_name_plural = _("hidden items")

    def __str__(self) -> str:
        return f"Hiding #{self.pk}"


class SuspensionQuerySet(models.QuerySet["Suspension"]):
    def active(self) -> SuspensionQuerySet:
        now = timezone.now()
        return self.filter(lifted__isnull=True).filter(Q(until__isnull=True) | Q(until__gt=now))


class Suspension(models.Model):
    """An account that may sign in and read but not write, until ``until`` (or
    until lifted, when ``until`` is empty)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="suspensions",
    )
    reason = models.TextField(_("reason"), max_length=1000)
    until = models.DateTimeField(_("until"), null=True, blank=True)
    created = models.DateTimeField(_("suspended"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("suspended by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lifted = models.DateTimeField(_("lifted"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lifted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = SuspensionQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")
        indexes = [models.Index(fields=["user", "lifted"], name="suspension_user_lifted")]

    def __str__(self) -> str:
        return f"Suspension #{self.pk}"
