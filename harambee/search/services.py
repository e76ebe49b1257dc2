"""Writes to the search index. Entries are derived data: every function here can be
run again at any time and leaves the same index (tasks call them after commits).

A content kind adds text of its own to its entry by defining ``search_text()``
(returning a string); nothing here names a kind.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any, TextIO

from django.apps import apps
from django.db import connection, transaction
from django.utils.html import strip_tags

from harambee.core import anoncache
from harambee.core.models import Comment, Content
from harambee.core.progress import Progress
from harambee.search import backends
from harambee.search.models import Entry

BATCH = 2000
_CONTROL = str.maketrans({backends.MARK_START: " ", backends.MARK_END: " "})


def plain(html_text: str) -> str:
    """The searchable text of rendered Markdown: no tags, no entities, and never the
    highlight marks."""
    return html.unescape(strip_tags(html_text)).translate(_CONTROL)


def _kinds_with_text() -> list[type[Content]]:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Content) and model is not Content and hasattr(model, "search_text")
    ]


def _extra_text(item: Content) -> str:
    method = getattr(item, "search_text", None)
    return plain(str(method())) if callable(method) else ""


def _item_fields(item: Content, extra: str) -> dict[str, str]:
    body = plain(item.body_html) if item.body_html else plain(item.body)
    if extra:
        body = f"{body}\n{extra}" if body else extra
    return {"title": item.title.translate(_CONTROL), "body": body}


def _changed() -> None:
    """Index writes change anonymous search pages too; ``Entry.objects.update`` sends
    no signal, so the anonymous page cache is told here."""
    transaction.on_commit(anoncache.bump)


def index_content(*, content_id: int) -> None:
    """Bring the entry of one item up to date (or drop it, if the item is gone or
    removed). The item's comments keep their own entries."""
    with transaction.atomic():
        _changed()
        item = Content.objects.filter(pk=content_id).first()
        if item is None or item.removed:
            Entry.objects.filter(content_id=content_id, comment__isnull=True).delete()
            return
        concrete = _concrete(item)
        fields = _item_fields(concrete, _extra_text(concrete))
        updated = Entry.objects.filter(content_id=content_id, comment__isnull=True).update(**fields)
        if not updated:
            Entry.objects.create(content_id=content_id, **fields)
            # A restored item brings back its comments (a rebuild skips those of
            # removed items).
            missing = Comment.objects.filter(content_id=content_id, removed=False).exclude(
                pk__in=Entry.objects.filter(content_id=content_id, comment__isnull=False).values(
                    "comment_id"
                )
            )
            Entry.objects.bulk_create(
                Entry(
                    content_id=content_id,
                    comment_id=c.pk,
                    body=plain(c.body_html) if c.body_html else plain(c.body),
                )
                for c in missing
            )


def _concrete(item: Content) -> Content:
    """The item as its own kind, when that kind adds text of its own."""
    for model in _kinds_with_text():
        found = model.objects.filter(pk=item.pk).first()
        if found is not None:
            return found
    return item


def index_comment(*, comment_id: int) -> None:
    """Bring one comment's entry up to date, or drop it if the comment is gone or
    removed."""
    with transaction.atomic():
        _changed()
        comment = Comment.objects.filter(pk=comment_id).first()
        if comment is None or comment.removed:
            Entry.objects.filter(comment_id=comment_id).delete()
            return
        body = plain(comment.body_html) if comment.body_html else plain(comment.body)
        updated = Entry.objects.filter(comment_id=comment_id).update(body=body)
        if not updated:
            Entry.objects.create(content_id=comment.content_id, comment_id=comment_id, body=body)


def drop_content(*, content_id: int) -> None:
    with transaction.atomic():
        _changed()
        Entry.objects.filter(content_id=content_id).delete()


def _batches(total_qs: Any, size: int) -> Iterator[list[Any]]:
    last = 0
    while True:
        rows = list(total_qs.filter(pk__gt=last).order_by("pk")[:size])
        if not rows:
            return
        yield rows
        last = rows[-1].pk


def index_rebuild(*, progress: TextIO | None = None, batch: int = BATCH) -> int:
    """Empty the index and fill it again from every item and comment that is not
    removed, in batches of ``batch`` items (with their comments), each batch its own
    transaction so that other writes interleave. Returns the number of entries.

    Items and their comments are written together, oldest item first, so entry ids
    follow the items' age: a search's candidates are "the newest" by entry id."""
    with transaction.atomic():
        backends.clear(connection)
    items = Content.objects.filter(removed=False).only("pk", "title", "body", "body_html")
    comments = Comment.objects.filter(removed=False).only("pk", "content_id", "body", "body_html")
    total = items.count() + comments.count()
    bar = Progress(progress, total, "search index")
    done = 0
    extra_kinds = _kinds_with_text()
    for rows in _batches(items, batch):
        extras: dict[int, str] = {}
        ids = [r.pk for r in rows]
        for model in extra_kinds:
            for concrete in model.objects.filter(pk__in=ids):
                extras[concrete.pk] = _extra_text(concrete)
        on_items = list(comments.filter(content_id__in=ids).order_by("content_id", "pk"))
        by_item: dict[int, list[Comment]] = {}
        for c in on_items:
            by_item.setdefault(c.content_id, []).append(c)
        entries = []
        for r in rows:
            entries.append(Entry(content_id=r.pk, **_item_fields(r, extras.get(r.pk, ""))))
            entries += [
                Entry(
                    content_id=r.pk,
                    comment_id=c.pk,
                    body=plain(c.body_html) if c.body_html else plain(c.body),
                )
                for c in by_item.get(r.pk, [])
            ]
        with transaction.atomic():
            # An item indexed by a task while the rebuild runs keeps that entry.
            Entry.objects.bulk_create(entries, ignore_conflicts=True)
        done += len(entries)
        bar.update(done)
    backends.optimize(connection)
    anoncache.bump()
    bar.close()
    return Entry.objects.count()
