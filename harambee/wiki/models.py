"""The knowledge base: wiki pages with revisions. Pages are Content (the gate applies).

An alliance-wide wiki and one wiki per space: ``wiki_key`` is the page's space id,
or 0 for the alliance wiki, so titles and addresses can be unique per wiki.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from harambee.core.models import Content
from harambee.wiki.markup import make_slug, render_page, title_key

ALLIANCE_WIKI = 0


def wiki_key_of(space_id: int | None) -> int:
    return space_id or ALLIANCE_WIKI


class WikiPage(Content):
    KIND = "wiki_page"

    class Category(models.TextChoices):
        METHODOLOGY = "methodology", _("Methodology")
        TOOL = "tool", _("Tool")
        TECHNIQUE = "technique", _("Technique")
        CONCEPT = "concept", _("Concept")
        CASE = "case", _("Case")

    category = models.CharField(
        _("category"), max_length=12, choices=Category.choices, default=Category.CONCEPT
    )
    slug = models.SlugField(_("web address"), max_length=200, allow_unicode=True)
    wiki_key = models.PositiveIntegerField(default=ALLIANCE_WIKI, editable=False)
    title_key = models.CharField(max_length=200, editable=False)
    # The number of the page's latest revision; an editor's form carries the
    # number it started from, so a save on top of someone else's is noticed.
    revision = models.PositiveIntegerField(default=0, editable=False)
    examples = models.ManyToManyField(
        "initiatives.LearningNote",
        verbose_name=_("examples"),
        blank=True,
        related_name="wiki_pages",
    )

    class Meta:
        verbose_name = _("wiki page")
        verbose_name_plural = _("wiki pages")
        constraints = [
            models.UniqueConstraint(fields=["wiki_key", "slug"], name="wiki_page_slug"),
            models.UniqueConstraint(fields=["wiki_key", "title_key"], name="wiki_page_title"),
        ]

    def save(self, *args, **kwargs):
        self.kind = self.KIND
        self.wiki_key = wiki_key_of(self.space_id)
        self.title_key = title_key(self.title)
        if not self.slug:
            self.slug = make_slug(self.title)
        # Wiki pages render their own Markdown (with [[links]]), so Content.save,
        # which would render it again without them, is stepped over.
        self.body_html = render_page(self.body)
        super(Content, self).save(*args, **kwargs)

    def url(self, name: str = "page", *args: object) -> str:
        """The address of one of the page's views, in its own wiki."""
        if self.space is not None:
            return reverse(f"wiki:space_{name}", args=[self.space.slug, self.slug, *args])
        return reverse(f"wiki:{name}", args=[self.slug, *args])


class WikiRevision(models.Model):
    """One save of a page, kept whole: title, text, category and examples."""

    page = models.ForeignKey(WikiPage, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("revision"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    category = models.CharField(_("category"), max_length=12, choices=WikiPage.Category.choices)
    # Who could see the page after this save; a later save merged onto this one
    # needs it to tell a visibility change apart from an old form's value.
    visibility = models.CharField(_("who can see this"), max_length=10, blank=True)
    examples = models.JSONField(default=list, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    created = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("wiki revision")
        verbose_name_plural = _("wiki revisions")
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="wiki_revision_number")
        ]

    def __str__(self) -> str:
        return f"Wiki revision {self.page_id}/{self.number}"


class WikiRedirect(models.Model):
    """An old name of a renamed page: its old title and address keep working."""

    wiki_key = models.PositiveIntegerField()
    title_key = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, allow_unicode=True)
    page = models.ForeignKey(WikiPage, on_delete=models.CASCADE, related_name="redirects")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("wiki redirect")
        verbose_name_plural = _("wiki redirects")
        constraints = [
            models.UniqueConstraint(fields=["wiki_key", "title_key"], name="wiki_redirect_title")
        ]
        indexes = [models.Index(fields=["wiki_key", "slug"], name="wiki_redirect_slug")]

    def __str__(self) -> str:
        return f"Wiki redirect {self.pk}"


class WikiLink(models.Model):
    """A [[link]] from a page to a title of the same wiki, for "what links here"."""

    source = models.ForeignKey(WikiPage, on_delete=models.CASCADE, related_name="links_out")
    wiki_key = models.PositiveIntegerField()
    target_key = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "target_key"], name="wiki_link_once")
        ]
        indexes = [models.Index(fields=["wiki_key", "target_key"], name="wiki_link_target")]

    def __str__(self) -> str:
        return f"Wiki link {self.pk}"


class WikiWatch(models.Model):
    """Someone wants to hear about changes to a page (notifications come later)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wiki_watches"
    )
    page = models.ForeignKey(WikiPage, on_delete=models.CASCADE, related_name="watches")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("watched wiki page")
        verbose_name_plural = _("watched wiki pages")
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="wiki_watch_once")]

    def __str__(self) -> str:
        return f"Wiki watch {self.pk}"
