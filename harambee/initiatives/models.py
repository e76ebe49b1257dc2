"""Initiatives and their action inquiry: profile, themes, cycles, learning notes,
lessons. Cycles, notes and lessons are Content, so the one gate decides who reads
them; the profile belongs to the initiative's space and follows the space's gate."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from harambee.core.markdown import render_markdown
from harambee.core.models import Content
from harambee.people.countries import country_name
from harambee.people.models import Organisation
from harambee.people.regions import REGIONS, region_of


class Theme(models.Model):
    """The alliance-wide vocabulary stewards curate."""

    class Group(models.TextChoices):
        OBJECTIVE = "objective", _("Learning objective")
        ISSUE = "issue", _("Issue theme")

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    group = models.CharField(_("group"), max_length=10, choices=Group.choices)
    description = models.TextField(_("description"), blank=True)
    # The vocabulary is data, so its translations are too: per language code, a name
    # and a description ({"fr": {"name": "…", "description": "…"}}); a language with
    # none shows the fields above.
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    class Meta:
        ordering = ["group", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.label

    @staticmethod
    def translated(translations: dict, field: str, default: str) -> str:
        """``field`` of a theme in the active language, from its ``translations``."""
        language = (get_language() or "").split("-")[0]
        return (translations or {}).get(language, {}).get(field) or default

    @property
    def label(self) -> str:
        """The theme's name in the reader's language."""
        return self.translated(self.translations, "name", self.name)

    @property
    def about(self) -> str:
        """The theme's description in the reader's language."""
        return self.translated(self.translations, "description", self.description)


class Initiative(models.Model):
    """The profile of a space of kind initiative."""

    class Stage(models.TextChoices):
        EXPLORING = "exploring", _("Exploring")
        STARTING = "starting", _("Starting")
        RUNNING = "running", _("Running")
        SCALING = "scaling", _("Scaling")
        CLOSED = "closed", _("Closed")

    space = models.OneToOneField(
        "spaces.Space", primary_key=True, on_delete=models.CASCADE, related_name="initiative"
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    countries = models.JSONField(_("countries"), default=list, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("From -90 (south pole) to 90 (north pole)."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("From -180 to 180 (west of Greenwich is negative)."),
    )
    # How exactly a public map shows the place: decimal places of each coordinate
    # (harambee/maps). Two is about a kilometre at the equator.
    location_precision = models.PositiveSmallIntegerField(
        _("precision on the public map"),
        choices=[
            (0, _("About 100 km (a region)")),
            (1, _("About 10 km (a district)")),
            (2, _("About 1 km (a village)")),
            (3, _("About 100 m (a street)")),
            (4, _("About 10 m (a building)")),
        ],
        default=2,
        help_text=_(
            "Only a public initiative is placed on the map, and only this exactly. "
            "Members-only and secret initiatives never show their coordinates."
        ),
    )
    issue_areas = models.CharField(
        _("issue areas"), max_length=300, blank=True, help_text=_("Comma-separated.")
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices, default="starting")
    started = models.DateField(_("started"), null=True, blank=True)
    ended = models.DateField(_("ended"), null=True, blank=True)
    links = models.TextField(_("links"), blank=True, help_text=_("One address per line."))
    organisations = models.ManyToManyField(
        Organisation, through="InitiativeOrganisation", blank=True, related_name="initiatives"
    )

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self) -> str:
        return self.space.name

    def get_absolute_url(self) -> str:
        return reverse("initiatives:detail", args=[self.space.slug])

    @property
    def country_names(self) -> list[str]:
        # One name at a time (``dict(countries)`` sorts every country's name anew), each
        # looked up once per language (``people.countries``).
        return [country_name(code) for code in self.countries]

    @property
    def regions(self) -> list[str]:
        return sorted({region_of(code) for code in self.countries if region_of(code)})

    @property
    def region_names(self) -> list[str]:
        """The regions as the reader's language names them."""
        return [str(REGIONS[region]) for region in self.regions]

    def rounded_location(self) -> tuple[float, float] | None:
        """The coordinates rounded to ``location_precision``, or None without them.
        Whether the initiative may show them at all is the map's question
        (``harambee.maps.selectors.public_location``), not this one's."""
        if self.latitude is None or self.longitude is None:
            return None
        places = min(max(int(self.location_precision), 0), 4)
        return round(float(self.latitude), places), round(float(self.longitude), places)

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    @property
    def issue_area_list(self) -> list[str]:
        return [a.strip() for a in self.issue_areas.split(",") if a.strip()]


class InitiativeOrganisation(models.Model):
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="stakeholders"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(
        _("role in the initiative"),
        max_length=200,
        blank=True,
        help_text=_("For example: convener, funder, technical partner."),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["initiative", "organisation"], name="one_role_per_org")
        ]
        verbose_name = _("stakeholder organisation")
        verbose_name_plural = _("stakeholder organisations")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.role})"


class InquiryCycle(Content):
    """One round of action inquiry. ``title`` holds the focus question."""

    KIND = "cycle"

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Under way")
        COMPLETE = "complete", _("Complete")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="cycles")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="active")
    started = models.DateField(_("started"), null=True, blank=True)
    ended = models.DateField(_("ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("inquiry cycle")
        verbose_name_plural = _("inquiry cycles")


class PhaseNote(models.Model):
    """A dated note in one phase of a cycle; read through its cycle's gate."""

    class Phase(models.TextChoices):
        PLAN = "plan", _("Plan")
        ACT = "act", _("Act")
        OBSERVE = "observe", _("Observe")
        REFLECT = "reflect", _("Reflect")

    cycle = models.ForeignKey(InquiryCycle, on_delete=models.CASCADE, related_name="phase_notes")
    phase = models.CharField(_("phase"), max_length=10, choices=Phase.choices)
    date = models.DateField(_("date"))
    body = models.TextField(_("note"), help_text=_("Markdown formatting is allowed."))
    body_html = models.TextField(editable=False, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "created"]
        verbose_name = _("phase note")
        verbose_name_plural = _("phase notes")

    def __str__(self) -> str:
        return f"{self.get_phase_display()} {self.date}"

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)


NOTE_SECTIONS = [
    ("context", _("Context")),
    ("tried", _("What was tried")),
    ("happened", _("What happened")),
    ("learned", _("What was learned")),
    ("evidence", _("Evidence")),
    ("methods", _("Methods and tools used")),
    ("questions", _("Open questions for peers")),
]


class LearningNote(Content):
    """What an initiative tried and learned. The sections are Markdown; ``body``
    holds them joined, so search and feeds see one text."""

    KIND = "note"

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="notes")
    cycle = models.ForeignKey(
        InquiryCycle,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notes",
        verbose_name=_("inquiry cycle"),
    )
    context = models.TextField(_("context"), blank=True)
    tried = models.TextField(_("what was tried"), blank=True)
    happened = models.TextField(_("what happened"), blank=True)
    learned = models.TextField(_("what was learned"), blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    methods = models.TextField(_("methods and tools used"), blank=True)
    questions = models.TextField(_("open questions for peers"), blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True)

    class Meta:
        verbose_name = _("learning note")
        verbose_name_plural = _("learning notes")

    def save(self, *args, **kwargs):
        # The whole body (for excerpts, search and pages that show any item's body) is
        # headed in the note's own language, whoever saves it and in whatever
        # interface language: a note reads in one language.
        with translation.override(self.language or settings.LANGUAGE_CODE):
            self.body = "\n\n".join(
                f"## {label}\n\n{getattr(self, name)}"
                for name, label in NOTE_SECTIONS
                if getattr(self, name).strip()
            )
        super().save(*args, **kwargs)

    def sections(self) -> list[tuple[str, str]]:
        """(label, html) of each filled section, rendered now (cheap, cached per call)."""
        return [
            (str(label), render_markdown(getattr(self, name)))
            for name, label in NOTE_SECTIONS
            if getattr(self, name).strip()
        ]


class NoteRevision(models.Model):
    """Every saved version of a learning note. Read through the note's gate."""

    note = models.ForeignKey(LearningNote, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    summary = models.CharField(_("what changed"), max_length=200, blank=True)
    data = models.JSONField(default=dict)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["note", "number"], name="one_revision_number")
        ]
        verbose_name = _("note revision")
        verbose_name_plural = _("note revisions")

    def __str__(self) -> str:
        return f"{self.note_id} r{self.number}"


class Lesson(Content):
    """A lesson learned, citable on its own, with the strength of its evidence."""

    KIND = "lesson"

    class Strength(models.TextChoices):
        SINGLE = "single", _("Single observation")
        REPEATED = "repeated", _("Repeated observation")
        EVALUATED = "evaluated", _("Evaluated")

    note = models.ForeignKey(LearningNote, on_delete=models.CASCADE, related_name="lessons")
    strength = models.CharField(
        _("strength of evidence"), max_length=10, choices=Strength.choices, default="single"
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")


class Adaptation(models.Model):
    """A shareable version of a restricted note or lesson: a copy with parts removed
    or reworded, reviewed by a second lead or facilitator before it is published at
    its target visibility. The original stays as restricted as it was."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Being adapted")
        REVIEW = "review", _("Waiting for review")
        PUBLISHED = "published", _("Published")

    original = models.ForeignKey(Content, on_delete=models.CASCADE, related_name="adaptations_made")
    adapted = models.OneToOneField(Content, on_delete=models.CASCADE, related_name="adaptation")
    target_visibility = models.CharField(
        _("share with"),
        max_length=10,
        choices=[("public", _("Everyone (public)")), ("alliance", _("The whole alliance"))],
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="draft")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(_("comment for the adapter"), blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("shareable version")
        verbose_name_plural = _("shareable versions")

    def __str__(self) -> str:
        return f"{self.adapted_id} ← {self.original_id} ({self.status})"
