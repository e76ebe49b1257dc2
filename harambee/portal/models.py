"""The private feed's key: one per person, kept only as a hash."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FeedToken(models.Model):
    """A person's private feed address. The token itself is shown once, when made;
    only its SHA-256 is stored, so a copy of the database opens nobody's feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_token"
    )
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)

    # A feed reader's fetch changes no page anyone is shown.
    changes_pages = False

    class Meta:
        verbose_name = _("private feed token")
        verbose_name_plural = _("private feed tokens")

    def __str__(self) -> str:
        return f"Feed token #{self.pk}"
