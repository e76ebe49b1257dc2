"""The rapid-exchange stream: short posts, hashtags on every kind of content,
handles for mentions, follows and bookmarks."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from harambee.core.models import Content

MAX_POST_LENGTH = 500


class StreamPost(Content):
    """A short post, alliance-wide or in a space. ``body`` is the text; ``title`` is
    made from its first words (see ``services.title_from_text``)."""

    KIND = "stream_post"

    class Meta:
        verbose_name = _("stream post")
        verbose_name_plural = _("stream posts")

    def get_absolute_url(self) -> str:
        return reverse("stream:post", args=[self.pk])


class Hashtag(models.Model):
    """A tag, stored normalised (NFC, lower case)."""

    name = models.CharField(_("name"), max_length=64, unique=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("hashtag")
        verbose_name_plural = _("hashtags")

    def __str__(self) -> str:
        return f"#{self.name}"

    def get_absolute_url(self) -> str:
        return reverse("stream:tag", args=[self.name])


class ContentHashtag(models.Model):
    """An item carries a tag: kept in step with its title and text on every save."""

    content = models.ForeignKey(Content, on_delete=models.CASCADE, related_name="tagged")
    hashtag = models.ForeignKey(Hashtag, on_delete=models.CASCADE, related_name="tagged")

    class Meta:
        verbose_name = _("tagged item")
        verbose_name_plural = _("tagged items")
        constraints = [
            models.UniqueConstraint(fields=["hashtag", "content"], name="one_tag_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.hashtag_id} on {self.content_id}"


class Handle(models.Model):
    """The name a person is mentioned by (``@name``): made once from their display
    name, unique, normalised like tags. Accounts have no user name of their own."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="handle"
    )
    name = models.CharField(_("handle"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("handle")
        verbose_name_plural = _("handles")

    def __str__(self) -> str:
        return f"@{self.name}"


class Follow(models.Model):
    """A person follows exactly one of: a hashtag, a person, a space."""

    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    hashtag = models.ForeignKey(
        Hashtag, null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="followers",
    )
    space = models.ForeignKey(
        "spaces.Space", null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    created = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(hashtag__isnull=False, person__isnull=True, space__isnull=True)
                    | Q(hashtag__isnull=True, person__isnull=False, space__isnull=True)
                    | Q(hashtag__isnull=True, person__isnull=True, space__isnull=False)
                ),
                name="follow_one_thing",
            ),
            models.UniqueConstraint(
                fields=["follower", "hashtag"],
                condition=Q(hashtag__isnull=False),
                name="follow_tag_once",
            ),
            models.UniqueConstraint(
                fields=["follower", "person"],
                condition=Q(person__isnull=False),
                name="follow_person_once",
            ),
            models.UniqueConstraint(
                fields=["follower", "space"],
                condition=Q(space__isnull=False),
                name="follow_space_once",
            ),
        ]

    def __str__(self) -> str:
        return f"Follow #{self.pk}"


class Bookmark(models.Model):
    """An item a person keeps to come back to. Listed only while they may read it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmarks"
    )
    content = models.ForeignKey(Content, on_delete=models.CASCADE, related_name="bookmarks")
    created = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("bookmark")
        verbose_name_plural = _("bookmarks")
        constraints = [
            models.UniqueConstraint(fields=["user", "content"], name="one_bookmark_per_item")
        ]

    def __str__(self) -> str:
        return f"Bookmark #{self.pk}"
