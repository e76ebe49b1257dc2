"""The knowledge base: wiki pages with revisions. Pages are Content (the gate applies)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from harambee.core.models import Content, Kind


class WikiPage(Content):
    class Category(models.TextChoices):
        METHODOLOGY = "methodology", _("Methodology")
        TOOL = "tool", _("Tool")
        TECHNIQUE = "technique", _("Technique")
        CONCEPT = "concept", _("Concept")
        CASE = "case", _("Case")

    category = models.CharField(
        _("category"), max_length=12, choices=Category.choices, default=Category.CONCEPT
    )

    class Meta:
        verbose_name = _("wiki page")
        verbose_name_plural = _("wiki pages")

    def save(self, *args, **kwargs):
        self.kind = Kind.WIKI_PAGE
        super().save(*args, **kwargs)
