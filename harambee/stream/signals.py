"""Keep every item's hashtags in step with its text, whatever app saved it, and give
every new account a handle to be mentioned by."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models.signals import post_save

from harambee.core.models import Content


def _content_saved(sender: type, instance: Any, created: bool, raw: bool = False, **kwargs):
    from harambee.stream.services import content_tags_sync

    if raw or not isinstance(instance, Content):
        return
    content_tags_sync(content=instance, created=created)


def _user_saved(sender: type, instance: Any, created: bool, raw: bool = False, **kwargs):
    from harambee.stream.services import handle_ensure

    if created and not raw:
        handle_ensure(user=instance)


def connect() -> None:
    post_save.connect(_content_saved, dispatch_uid="stream_content_tags")
    post_save.connect(_user_saved, sender=settings.AUTH_USER_MODEL, dispatch_uid="stream_handle")
