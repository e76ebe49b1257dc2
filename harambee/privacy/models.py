"""A person's request for a copy of their data. The zip lives in the default storage
under a random name, is handed out once, behind sign-in, to its owner, and is deleted
when downloaded or expired (``services.exports_prune``, a retention rule)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DataExport(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("Being prepared")
        READY = "ready", _("Ready to download")
        DOWNLOADED = "downloaded", _("Downloaded")
        EXPIRED = "expired", _("Expired")
        FAILED = "failed", _("Failed")

    OPEN = (Status.WAITING, Status.READY)

    # Seen only by its owner, signed in: no anonymous page changes with it.
    changes_pages = False

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    file = models.FileField(upload_to="privacy/exports/", blank=True)
    size = models.PositiveBigIntegerField(default=0)
    created = models.DateTimeField(_("requested"), auto_now_add=True)
    ready = models.DateTimeField(_("ready"), null=True, blank=True)
    expires = models.DateTimeField(_("expires"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        constraints = [
            # One open request per person: a second one waits for the first.
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status__in=["waiting", "ready"]),
                name="one_open_export_each",
            )
        ]

    def __str__(self) -> str:
        return f"Data export #{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN
