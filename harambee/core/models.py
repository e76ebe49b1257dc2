from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from harambee.core.markdown import render_markdown
from harambee.core.registry import ContentKind, audit_action_choices, content_kind, kind_choices


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: everyone, also outside the platform")
    ALLIANCE = "alliance", _("Alliance: signed-in members")
    SPACE = "space", _("Space: members of this space")
    PRIVATE = "private", _("Private: only the authors")


VISIBILITY_SHORT: dict[str, Any] = {
    Visibility.PUBLIC: _("Public"),
    Visibility.ALLIANCE: _("Alliance"),
    Visibility.SPACE: _("Space"),
    Visibility.PRIVATE: _("Private"),
}


class Content(models.Model):
    """The envelope every written thing shares. Concrete kinds are subclasses.

    Who may read a row is decided only by ``harambee.core.visibility``. A concrete kind
    sets ``KIND`` and registers it (``core.registry.register_kind``) in its app's ready().
    """

    KIND = ""

    kind = models.CharField(_("kind"), max_length=20, choices=kind_choices, editable=False)
    space = models.ForeignKey(
        "spaces.Space",
        verbose_name=_("space"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="contents",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="authored",
    )
    coauthors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("co-authors"),
        blank=True,
        related_name="coauthored",
    )
    visibility = models.CharField(
        _("who can see this"), max_length=10, choices=Visibility.choices, default=Visibility.SPACE
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown formatting is allowed."))
    body_html = models.TextField(editable=False, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    # A human translation points at its original (never at another translation);
    # the original knows it has some, so that an item without any costs no query.
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
    )
    has_translations = models.BooleanField(default=False, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    removed = models.BooleanField(_("removed"), default=False)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("content item")
        verbose_name_plural = _("content items")
        indexes = [
            models.Index(fields=["visibility", "-created"], name="content_vis_created"),
            models.Index(fields=["space", "-created"], name="content_space_created"),
            # One kind's items in a space (or alliance-wide), newest first: a space's
            # threads, the forum, a space's wiki or library, without reading the rest.
            models.Index(fields=["space", "kind", "-created"], name="content_space_kind_created"),
            # One kind's items across the alliance, newest first (the library).
            models.Index(fields=["kind", "-created"], name="content_kind_created"),
            # Lists of one kind by title (the library's collections).
            models.Index(fields=["kind", "title"], name="content_kind_title"),
        ]

    def __str__(self) -> str:
        # Neutral on purpose: admin pages (delete confirmations, related fields) print
        # objects without the gate, so the title must not travel through str().
        return f"{self.get_kind_display()} #{self.pk}"

    def save(self, *args, **kwargs):
        if self.KIND:
            self.kind = self.KIND
        self.body_html = render_markdown(self.body)
        adding = self._state.adding
        super().save(*args, **kwargs)
        InlineImage.record_uses(self, adding=adding)

    def get_absolute_url(self) -> str:
        return reverse(self.kind_spec.url_name, args=[self.pk])

    @property
    def kind_spec(self) -> ContentKind:
        """What the item's app registered about its kind (an unsaved copy of a concrete
        kind, such as an old revision being shown, has no ``kind`` yet)."""
        return content_kind(self.kind or self.KIND)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance.remember_audience()
        return instance

    def remember_audience(self) -> None:
        """Note who may read the item as stored, so that a save which opens it to
        more people (a draft made public, a story published, a thread moved) can
        tell them (``notifications.signals``)."""
        loaded = self.__dict__
        self._audience_was = (
            (loaded["visibility"], loaded["space_id"])
            if "visibility" in loaded and "space_id" in loaded
            else None
        )

    def audience_changed(self) -> bool:
        was = getattr(self, "_audience_was", None)
        return was is not None and was != (self.visibility, self.space_id)

    @property
    def visibility_label(self) -> str:
        return str(VISIBILITY_SHORT[self.visibility])


class Comment(models.Model):
    content = models.ForeignKey(
        Content, verbose_name=_("item"), on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="comments",
    )
    body = models.TextField(_("comment"), max_length=10000)
    body_html = models.TextField(editable=False, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    removed = models.BooleanField(_("removed"), default=False)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["content", "created"], name="comment_content_created")]

    def __str__(self) -> str:
        return f"Comment #{self.pk}"

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return comment_url(self.content, self)


def comment_url(content: Content, comment: Comment) -> str:
    """Where ``comment`` is shown on ``content``'s page. A thread's replies come in
    pages that each start at a top-level reply, so a thread's link names the page that
    starts at the reply's conversation (``?from=``), and lands on it there."""
    url = content.get_absolute_url()
    if content.kind_spec.paged_replies:
        url += f"?from={comment.parent_id or comment.pk}"
    return f"{url}#comment-{comment.pk}"


class Reaction(models.Model):
    class Type(models.TextChoices):
        LIKE = "like", _("Like")
        INSIGHTFUL = "insightful", _("Insightful")
        THANKS = "thanks", _("Thanks")

    content = models.ForeignKey(Content, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reactions"
    )
    type = models.CharField(max_length=12, choices=Type.choices)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(fields=["content", "user", "type"], name="one_reaction_each")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.type} {self.content_id}"


class AuditAction(models.TextChoices):
    """Core's own audit actions; each app registers its own (``core.registry``)."""

    VISIBILITY_CHANGED = "visibility_changed", _("changed who can see")
    ALLIANCE_ROLE_CHANGED = "alliance_role_changed", _("changed an alliance role")


class AuditEntry(models.Model):
    """Who changed membership, roles or visibility, and when. Append-only.

    ``action`` is one of the actions the apps registered (``core.registry``).
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=30, choices=audit_action_choices)
    space = models.ForeignKey(
        "spaces.Space", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    content = models.ForeignKey(
        Content, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    detail = models.JSONField(_("details"), default=dict, blank=True)
    created = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} {self.actor} {self.action}"


class Attachment(models.Model):
    """Evidence attached to an item: a checked file or a link (e.g. to a video).

    Readable exactly when its item is readable; served only by ``core.views.attachment``.
    """

    class Type(models.TextChoices):
        IMAGE = "image", _("Photo")
        PDF = "pdf", _("PDF")
        DOCUMENT = "document", _("Document")
        AUDIO = "audio", _("Audio")
        LINK = "link", _("Link")

    content = models.ForeignKey(
        Content, verbose_name=_("item"), on_delete=models.CASCADE, related_name="attachments"
    )
    type = models.CharField(_("type"), max_length=10, choices=Type.choices)
    file = models.FileField(_("file"), max_length=200, blank=True)
    thumbnail = models.FileField(max_length=200, blank=True, editable=False)
    url = models.URLField(_("link"), blank=True)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    original_name = models.CharField(max_length=255, blank=True, editable=False)
    mime = models.CharField(max_length=120, blank=True, editable=False)
    size = models.PositiveBigIntegerField(default=0, editable=False)
    sha256 = models.CharField(max_length=64, blank=True, editable=False)
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    latitude = models.FloatField(null=True, blank=True, editable=False)
    longitude = models.FloatField(null=True, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return f"Attachment #{self.pk}"

    def get_absolute_url(self) -> str:
        if self.type == self.Type.LINK:
            return self.url
        return reverse("core:attachment", args=[self.pk, self.download_name])

    @property
    def download_name(self) -> str:
        from django.utils.text import get_valid_filename

        stem = (self.original_name.rsplit(".", 1)[0] if self.original_name else "") or "file"
        extension = (self.file.name or "").rsplit(".", 1)[-1] if self.file else ""
        return get_valid_filename(f"{stem[:60]}.{extension}") if extension else "file"

    @property
    def thumbnail_url(self) -> str:
        return reverse("core:attachment_thumbnail", args=[self.pk]) if self.thumbnail else ""


class Draft(models.Model):
    """Text a writer was typing and has not saved yet, kept for them alone.

    Written every few seconds by the editor (``core/editor.py``) while a signed-in
    person types, keyed by the page of the form and the field (so a form for a new item
    and the form editing item 12 are two drafts), and deleted when that form is saved
    (``core.middleware.DraftMiddleware``). It is not content: no list, search, feed or
    notification reads this table, and only its writer can read a row (by key)."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(_("form"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    changes_pages = False

    class Meta:
        verbose_name = _("unsaved draft")
        verbose_name_plural = _("unsaved drafts")
        constraints = [models.UniqueConstraint(fields=["author", "key"], name="draft_author_key")]

    def __str__(self) -> str:
        return f"Draft #{self.pk}"


class InlineImage(models.Model):
    """A picture put inside a text with the editor: ``![alt](/files/images/<pk>/<name>)``.

    Checked and re-encoded like every upload (``core/files.py``) and stored under a
    random name. Readable by its uploader, and by whoever may read an item that shows
    it (``used_in``, kept by ``Content.save`` for images its authors uploaded): served
    only by ``core.views.inline_image``, through the gate."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    file = models.FileField(_("file"), max_length=200)
    mime = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField(default=0)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    used_in = models.ManyToManyField(Content, related_name="inline_images", blank=True)

    changes_pages = False

    class Meta:
        verbose_name = _("image in a text")
        verbose_name_plural = _("images in texts")

    def __str__(self) -> str:
        return f"Image #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("core:inline_image", args=[self.pk, self.file.name.rsplit("/", 1)[-1]])

    @classmethod
    def record_uses(cls, content: Content, *, adding: bool) -> None:
        """Which images ``content`` shows, among those its authors uploaded."""
        from harambee.core.markdown import inline_image_ids

        ids = inline_image_ids(content.body)
        if not ids and adding:
            return
        authors = {content.author_id}
        if ids and not adding:
            authors |= set(content.coauthors.values_list("pk", flat=True))
        mine = cls.objects.filter(pk__in=ids, uploaded_by__in=authors).values_list("pk", flat=True)
        content.inline_images.set(list(mine) if ids else [])
