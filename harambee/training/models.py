"""Training programmes: a programme lives in a space of the programme kind (joining the
space is enrolling), with ordered modules of items, cohorts, a competency framework,
evidence, recognitions and certificates.

None of these is content: who may read a programme is who may know its space exists
(``core.visibility.can_see_space``); the items a module points at (resources, wiki pages,
events) keep their own visibility and are read through the content gate."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class TrainingAction(models.TextChoices):
    """What the audit log records of training."""

    CERTIFICATE_ISSUED = "certificate_issued", _("issued a certificate")
    CERTIFICATE_REVOKED = "certificate_revoked", _("revoked a certificate")
    COMPETENCY_RECOGNISED = "competency_recognised", _("recognised a competency")
    LEARNER_PLACED = "learner_placed", _("placed a learner in a cohort")


class Framework(models.Model):
    """A set of competencies programmes develop (for example the alliance's
    facilitation competencies)."""

    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True, max_length=5000)

    class Meta:
        ordering = ["name"]
        verbose_name = _("competency framework")
        verbose_name_plural = _("competency frameworks")

    def __str__(self) -> str:
        return self.name


class Competency(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="competencies")
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["framework", "position", "pk"]
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")

    def __str__(self) -> str:
        return self.name


class Programme(models.Model):
    class Placement(models.TextChoices):
        AUTO = "auto", _("Into the current cohort, or the next one, when they enrol")
        LEAD = "lead", _("A lead or facilitator chooses each learner's cohort")

    space = models.ForeignKey(
        "spaces.Space", on_delete=models.CASCADE, related_name="programmes", verbose_name=_("space")
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, max_length=5000)
    partner = models.ForeignKey(
        "people.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programmes",
        verbose_name=_("partner institution"),
    )
    framework = models.ForeignKey(
        Framework,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programmes",
        verbose_name=_("competency framework"),
    )
    placement = models.CharField(
        _("new learners go"), max_length=8, choices=Placement.choices, default=Placement.AUTO
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("training:programme", args=[self.pk])


class Module(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="modules")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, max_length=5000)

    class Meta:
        ordering = ["programme", "position", "pk"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("training:module", args=[self.pk])


class Item(models.Model):
    """One step of a module: an item of the platform to read or attend, a reflection
    prompt (answered with a learning note) or a short assignment."""

    class Kind(models.TextChoices):
        RESOURCE = "resource", _("Resource")
        WIKI = "wiki", _("Wiki page")
        EVENT = "event", _("Event")
        REFLECTION = "reflection", _("Reflection prompt")
        ASSIGNMENT = "assignment", _("Assignment")

    LINKED = (Kind.RESOURCE, Kind.WIKI, Kind.EVENT)

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    content = models.ForeignKey(
        "core.Content",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("linked item"),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    instructions = models.TextField(_("instructions"), blank=True, max_length=5000)

    class Meta:
        ordering = ["module", "position", "pk"]
        verbose_name = _("module item")
        verbose_name_plural = _("module items")

    def __str__(self) -> str:
        return self.title or f"{self.get_kind_display()} {self.pk}"

    def clean(self) -> None:
        if self.kind in self.LINKED and self.content_id is None:
            raise ValidationError({"content": _("Choose the item this step points at.")})
        if self.kind not in self.LINKED and not self.title.strip():
            raise ValidationError({"title": _("Give the prompt or assignment a title.")})


class Cohort(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(_("name"), max_length=160)
    starts = models.DateField(_("starts"))
    ends = models.DateField(_("ends"))
    open = models.BooleanField(
        _("takes new learners"),
        default=True,
        help_text=_("New learners are placed only in a cohort that takes them."),
    )

    # Set by ``selectors.cohorts``: whether the reader is in it.
    mine: bool = False

    class Meta:
        ordering = ["programme", "starts", "pk"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends__gte=models.F("starts")), name="cohort_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("training:cohort", args=[self.pk])


class Placement(models.Model):
    """Which cohort of a programme a learner is in: at most one. Made when they enrol
    (joining the programme's space) or by a facilitator; kept if they leave the space,
    so that they are back in their cohort if they return."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="placements")
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="placements")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    placed = models.DateTimeField(auto_now=True)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("place in a cohort")
        verbose_name_plural = _("places in cohorts")
        constraints = [
            models.UniqueConstraint(fields=["programme", "learner"], name="one_cohort_per_learner")
        ]

    def __str__(self) -> str:
        return f"{self.learner_id} in {self.cohort_id}"


class Completion(models.Model):
    """A learner marked an item done. Progress is counted from these on every read, so
    it follows the modules as they change."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="completions")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_completions"
    )
    done = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "learner"], name="one_completion_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.learner_id} done {self.item_id}"


class Reflection(models.Model):
    """A learner's answer to a reflection prompt: a learning note of theirs (private
    unless they widen it), which may become a lesson the usual way."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="reflections")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    note = models.ForeignKey("initiatives.LearningNote", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "learner"], name="one_reflection_per_prompt")
        ]

    def __str__(self) -> str:
        return f"{self.learner_id} reflected on {self.item_id}"


class Evidence(models.Model):
    """An item of the platform a learner offers for a competency in a programme. It
    counts only while the programme's facilitators may read it."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="evidence")
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="evidence")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    content = models.ForeignKey("core.Content", on_delete=models.CASCADE, related_name="+")
    added = models.DateTimeField(auto_now_add=True)

    # Set by the selectors: the item, once the gate said the reader may read it.
    shown: Any = None

    class Meta:
        ordering = ["added", "pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "competency", "learner", "content"], name="evidence_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.learner_id}: {self.content_id} for {self.competency_id}"


class Recognition(models.Model):
    """A facilitator recognised a competency for a learner, on evidence they could read."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="recognitions")
    competency = models.ForeignKey(
        Competency, on_delete=models.CASCADE, related_name="recognitions"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recognised = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recognised", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "competency", "learner"], name="recognised_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.learner_id}: {self.competency_id}"


def new_certificate_token() -> str:
    return secrets.token_urlsafe(24)


class Certificate(models.Model):
    """What the verification page shows is copied here when the certificate is issued:
    a certificate says what it said, whatever happens to the programme later."""

    token = models.CharField(max_length=64, unique=True, default=new_certificate_token)
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="certificates")
    holder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    holder_name = models.CharField(max_length=200)
    programme_title = models.CharField(max_length=200)
    partner_name = models.CharField(max_length=200, blank=True)
    issued = models.DateTimeField(auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        ordering = ["-issued", "pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "holder"],
                condition=models.Q(revoked__isnull=True),
                name="one_valid_certificate",
            )
        ]

    def __str__(self) -> str:
        return f"{self.holder_name} · {self.programme_title}"

    def get_absolute_url(self) -> str:
        return reverse("training:verify", args=[self.token])
