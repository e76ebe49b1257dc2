"""Personal access tokens for the REST API (docs/api.md).

A token is shown once, when it is made; only its SHA-256 digest is kept, with a short
visible prefix so that its owner can tell their tokens apart."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    """The kinds a token may be limited to (none chosen: all of them)."""

    SPACES = "spaces", _("Spaces")
    INITIATIVES = "initiatives", _("Initiatives")
    NOTES = "notes", _("Learning notes")
    LESSONS = "lessons", _("Lessons")
    STORIES = "stories", _("Stories")
    WIKI = "wiki", _("Wiki pages")
    RESOURCES = "resources", _("Resources")
    THREADS = "threads", _("Threads and comments")
    EVENTS = "events", _("Events")
    SEARCH = "search", _("Search")


class AccessToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(_("starts with"), max_length=16, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    may_write = models.BooleanField(_("may write"), default=False)
    kinds = models.JSONField(_("kinds"), default=list, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    expires = models.DateTimeField(_("expires"))
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_live(self) -> bool:
        return self.revoked is None and self.expires > timezone.now()

    def covers(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds

    def kind_labels(self) -> list[Any]:
        labels = dict(Scope.choices)
        return [labels.get(kind, kind) for kind in self.kinds]
