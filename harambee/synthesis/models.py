"""Synthesis across initiatives: a steward's "what we know" per theme, and related
experiences between learning notes, lessons and stories of different initiatives.

Neither holds anything a reader is shown without the gate: a synthesis names lessons
only by id (``[[lesson:123]]``), resolved through ``visible()`` for each reader, and a
related item is shown only when its target passes the gate in the same query."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from harambee.core.markdown import render_markdown


class ThemeSynthesis(models.Model):
    """What the alliance knows about one theme, written by stewards. Public on the
    theme page; the lessons it cites are shown only to those who may read them."""

    theme = models.OneToOneField(
        "initiatives.Theme", on_delete=models.CASCADE, related_name="synthesis"
    )
    body = models.TextField(
        _("what we know"),
        help_text=_(
            "Markdown formatting is allowed. Cite a lesson with [[lesson:123]] "
            "(the number in its address)."
        ),
    )
    body_html = models.TextField(editable=False, blank=True)
    cited = models.ManyToManyField(
        "initiatives.Lesson", blank=True, related_name="+", verbose_name=_("cited lessons")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("theme synthesis")
        verbose_name_plural = _("theme syntheses")

    def __str__(self) -> str:
        return f"Synthesis of theme #{self.theme_id}"

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)


class RelatedItem(models.Model):
    """``target`` is among the items most like ``source``, from another initiative.
    ``shared_terms`` are words both texts carry; ``shared_themes`` theme names both
    carry."""

    source = models.ForeignKey(
        "core.Content", on_delete=models.CASCADE, related_name="related_from"
    )
    target = models.ForeignKey("core.Content", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    shared_terms = models.JSONField(default=list)
    shared_themes = models.JSONField(default=list)
    computed = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="one_relation_each")
        ]
        indexes = [models.Index(fields=["target"], name="related_target")]
        verbose_name = _("related item")
        verbose_name_plural = _("related items")

    def __str__(self) -> str:
        return f"{self.source_id} → {self.target_id} ({self.score:.2f})"
