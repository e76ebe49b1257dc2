"""What the site keeps of its own: when each person was last here."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Visit(models.Model):
    """When a person was last seen (written at most once an hour, by
    ``site.middleware.LastVisitMiddleware``) and when their previous visit ended:
    home shows what is new since then."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    seen = models.DateTimeField(_("last seen"))
    previous = models.DateTimeField(_("previous visit ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")

    def __str__(self) -> str:
        return f"Visit of {self.user_id}"
