"""The resource library: resources (a file with its versions, or a link) and curated
collections of resources and wiki pages. Both are Content, so the gate applies."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from harambee.core.models import Attachment, Content

# Languages a resource may be in: wider than the interface's languages, since a
# toolkit in Swahili is useful even where the platform speaks English and French.
RESOURCE_LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("sw", _("Swahili")),
    ("ar", _("Arabic")),
    ("am", _("Amharic")),
    ("ha", _("Hausa")),
    ("tw", _("Twi")),
    ("yo", _("Yoruba")),
    ("zu", _("Zulu")),
    ("hi", _("Hindi")),
    ("id", _("Indonesian")),
    ("tl", _("Tagalog")),
    ("de", _("German")),
    ("nl", _("Dutch")),
]
LANGUAGE_NAMES = dict(RESOURCE_LANGUAGES)

EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


class Resource(Content):
    """A report, video, toolkit... Either a file (kept in versions) or a link."""

    KIND = "resource"

    class Type(models.TextChoices):
        REPORT = "report", _("Report")
        VIDEO = "video", _("Video")
        TRAINING = "training", _("Training material")
        POSITION_PAPER = "position_paper", _("Position paper")
        TOOLKIT = "toolkit", _("Toolkit")
        PRESENTATION = "presentation", _("Presentation")
        DATASET = "dataset", _("Dataset")
        AUDIO = "audio", _("Audio")

    class Licence(models.TextChoices):
        CC_BY = "cc-by-4.0", _("CC BY 4.0 (share and adapt, with credit)")
        CC_BY_SA = "cc-by-sa-4.0", _("CC BY-SA 4.0 (share alike)")
        CC_BY_NC = "cc-by-nc-4.0", _("CC BY-NC 4.0 (not for commercial use)")
        ALL_RIGHTS = "all-rights-reserved", _("All rights reserved")
        PUBLIC_DOMAIN = "public-domain", _("Public domain")
        OTHER = "other", _("Other (see the description)")

    resource_type = models.CharField(_("kind of resource"), max_length=20, choices=Type.choices)
    link = models.URLField(_("link"), max_length=500, blank=True)
    author_names = models.CharField(
        _("authors"),
        max_length=300,
        blank=True,
        help_text=_(
            "Names of the authors, separated by commas, for people not on the platform. "
            "Authors on the platform are the resource's co-authors."
        ),
    )
    organisations = models.ManyToManyField(
        "people.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="resources",
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(EARLIEST_YEAR), MaxValueValidator(LATEST_YEAR)],
    )
    themes = models.ManyToManyField(
        "initiatives.Theme", verbose_name=_("themes"), blank=True, related_name="resources"
    )
    initiatives = models.ManyToManyField(
        "initiatives.Initiative",
        verbose_name=_("related initiatives"),
        blank=True,
        related_name="resources",
    )
    wiki_pages = models.ManyToManyField(
        "wiki.WikiPage", verbose_name=_("related wiki pages"), blank=True, related_name="resources"
    )
    current = models.ForeignKey(
        "ResourceVersion",
        verbose_name=_("current version"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [models.Index(fields=["resource_type", "year"], name="resource_type_year")]

    def save(self, *args, **kwargs):
        if self.languages:
            self.language = self.languages[0]
        super().save(*args, **kwargs)

    @property
    def language_names(self) -> list[str]:
        return [str(LANGUAGE_NAMES.get(code, code)) for code in self.languages]

    @property
    def author_name_list(self) -> list[str]:
        return [name.strip() for name in self.author_names.split(",") if name.strip()]


class ResourceVersion(models.Model):
    """One uploaded file of a resource. New files add a version; old ones stay."""

    resource = models.ForeignKey(
        Resource, verbose_name=_("resource"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    attachment = models.OneToOneField(
        Attachment, verbose_name=_("file"), on_delete=models.CASCADE, related_name="+"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created = models.DateTimeField(_("uploaded"), auto_now_add=True)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("resource version")
        verbose_name_plural = _("resource versions")
        constraints = [
            models.UniqueConstraint(fields=["resource", "number"], name="one_version_number")
        ]

    def __str__(self) -> str:
        return f"Resource #{self.resource_id} v{self.number}"


class Collection(Content):
    """A curated, ordered list of resources and wiki pages, e.g. a training pack."""

    KIND = "collection"

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")


class CollectionEntry(models.Model):
    """One resource or wiki page in a collection, with the curator's note. Each
    reader sees only the entries they may read."""

    collection = models.ForeignKey(
        Collection, verbose_name=_("collection"), on_delete=models.CASCADE, related_name="entries"
    )
    item = models.ForeignKey(
        Content, verbose_name=_("item"), on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveIntegerField(_("position"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("collection entry")
        verbose_name_plural = _("collection entries")
        constraints = [
            models.UniqueConstraint(fields=["collection", "item"], name="one_entry_per_item")
        ]

    def __str__(self) -> str:
        return f"Entry #{self.pk}"
