"""Brochures and printed digests: a choice of public items, laid out for paper."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Kinds a brochure may carry: what the platform has that reads well on paper.
PRINT_KINDS = ("lesson", "story", "field_report", "event")
# At most this many items in one brochure (a printed booklet, not an archive).
ITEMS_MAX = 60


class Brochure(models.Model):
    """A brochure (chosen items, a theme, a space's items) or a space's monthly digest,
    made of public items only and rendered to PDF in the task worker."""

    class Source(models.TextChoices):
        HAND = "hand", _("Items chosen by hand")
        THEME = "theme", _("A theme")
        SPACE = "space", _("Everything public of this space")
        MONTH = "month", _("This space's month (a digest)")

    class Paper(models.TextChoices):
        A4 = "a4", _("A4")
        A5 = "a5", _("A5")

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Could not be made")

    space = models.ForeignKey(
        "spaces.Space", on_delete=models.CASCADE, related_name="brochures", verbose_name=_("space")
    )
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True, max_length=2000)
    source = models.CharField(_("made from"), max_length=10, choices=Source.choices)
    theme = models.ForeignKey(
        "initiatives.Theme", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    month = models.DateField(_("month"), null=True, blank=True)
    item_ids = models.JSONField(default=list, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    paper = models.CharField(_("paper"), max_length=2, choices=Paper.choices, default="a4")
    columns = models.PositiveSmallIntegerField(_("columns"), default=1)
    booklet = models.BooleanField(_("also as a folded A5 booklet"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    queued = models.DateTimeField(null=True, blank=True)
    rendered = models.DateTimeField(null=True, blank=True)
    pdf = models.FileField(max_length=200, blank=True)
    booklet_pdf = models.FileField(max_length=200, blank=True)
    page_count = models.PositiveIntegerField(default=0)
    item_count = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("brochure")
        verbose_name_plural = _("brochures")
        indexes = [models.Index(fields=["space", "-created"], name="brochure_space_created")]

    def __str__(self) -> str:
        return f"Brochure #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("press:brochure", args=[self.space.slug, self.pk])

    @property
    def is_digest(self) -> bool:
        return self.source == self.Source.MONTH
