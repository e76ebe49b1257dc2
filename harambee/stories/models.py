"""Collaborative blogging: stories written by several people, reviewed, then
published to the alliance blog or a space's blog; and story calls that ask a
question and gather answers into a collection."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from harambee.core.markdown import render_markdown
from harambee.core.models import Attachment, Content

AUDIENCES = [
    ("public", _("Everyone (public)")),
    ("alliance", _("The whole alliance")),
    ("space", _("Members of the space")),
]


class StoryCall(Content):
    """A facilitator's question to a space or the whole alliance. ``title`` is the
    question; ``body`` says what kind of stories are wanted."""

    KIND = "story_call"

    class Status(models.TextChoices):
        OPEN = "open", _("Open for stories")
        CLOSED = "closed", _("Closed")
        PUBLISHED = "published", _("Collection published")

    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="open")
    collection_intro = models.TextField(
        _("introduction to the collection"),
        blank=True,
        help_text=_("Shown above the published collection. Markdown is allowed."),
    )
    collection_intro_html = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("story call")
        verbose_name_plural = _("story calls")

    def save(self, *args, **kwargs):

        self.collection_intro_html = render_markdown(self.collection_intro)
        super().save(*args, **kwargs)


class Story(Content):
    """A story. While a draft only its authors read it (visibility private); in
    review the space's members (or the alliance, for the alliance blog) read and
    comment on it; once published it is read by its audience."""

    KIND = "story"

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="draft")
    audience = models.CharField(
        _("publish for"), max_length=10, choices=AUDIENCES, default="alliance"
    )
    published = models.DateTimeField(_("published"), null=True, blank=True)
    cover = models.ForeignKey(
        Attachment,
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = models.ManyToManyField(
        "initiatives.Theme", verbose_name=_("themes"), blank=True, related_name="stories"
    )
    call = models.ForeignKey(
        StoryCall,
        verbose_name=_("answers the call"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answers",
    )
    in_collection = models.BooleanField(_("in the call's collection"), default=False)

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
