"""Every saved or deleted content item (of any kind) and comment schedules its
index task for when the transaction commits."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from harambee.core.models import Comment, Content


def _saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    from harambee.search import tasks

    if isinstance(instance, Content):
        transaction.on_commit(partial(tasks.index_content.enqueue, instance.pk))
    elif isinstance(instance, Comment):
        transaction.on_commit(partial(tasks.index_comment.enqueue, instance.pk))


def _deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    from harambee.search import tasks

    # The entries go with their rows (foreign keys cascade); the task only makes
    # sure, for rows deleted by other means.
    if isinstance(instance, Content):
        transaction.on_commit(partial(tasks.drop_content.enqueue, instance.pk))
    elif isinstance(instance, Comment):
        transaction.on_commit(partial(tasks.index_comment.enqueue, instance.pk))


def connect() -> None:
    """Listen to Comment and to every kind of content (found when the app registry is
    ready, so a kind added later needs nothing here). Per model, not for all senders:
    a receiver for every model would stop Django from fast-deleting anything."""
    from django.apps import apps

    models = [m for m in apps.get_models() if issubclass(m, Content)] + [Comment]
    for model in models:
        uid = f"search_{model._meta.label_lower}"
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}_saved")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}_deleted")
