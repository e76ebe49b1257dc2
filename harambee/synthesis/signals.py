"""A saved learning note, lesson or story schedules its related experiences to be
computed when the transaction commits (like the search index)."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction
from django.db.models.signals import post_save

from harambee.initiatives.models import LearningNote, Lesson
from harambee.stories.models import Story


def _saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    from harambee.synthesis import tasks

    transaction.on_commit(partial(tasks.refresh_related.enqueue, instance.pk))


def connect() -> None:

    for model in (LearningNote, Lesson, Story):
        uid = f"synthesis_related_{model._meta.label_lower}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
