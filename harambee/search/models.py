"""The search index: one ``Entry`` per content item and one per comment.

An entry holds the plain text that is searched (title; body with any kind-specific
text; or a comment's body). Who may read it is never stored here: every search joins
the live ``core.Content`` row through the gate, so a visibility change or a removal
takes effect at once, before any re-indexing.

The full-text index itself is created by this app's migration for the database in
use (see ``backends.py``): an FTS5 table over ``search_entry`` on SQLite, a
``tsvector`` column with a GIN index on PostgreSQL.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from harambee.core.models import Comment, Content


class Entry(models.Model):
    content = models.ForeignKey(Content, on_delete=models.CASCADE, related_name="+")
    comment = models.OneToOneField(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [
            models.UniqueConstraint(
                fields=["content"],
                condition=models.Q(comment__isnull=True),
                name="search_one_entry_per_item",
            )
        ]

    def __str__(self) -> str:
        return f"Entry #{self.pk}"
