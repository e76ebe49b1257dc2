"""Listen to the other apps' writes and hand the fan-out to a task once the write
is committed: nobody hears of something that was rolled back, and a post is saved
without waiting for its followers to be told."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save

from harambee.core.models import Comment, Content
from harambee.research.models import Submission
from harambee.spaces.models import Invitation, JoinRequest
from harambee.wiki.models import WikiRevision


def _content_saved(sender: type, instance: Any, created: bool, raw: bool = False, **kwargs):
    from harambee.notifications import tasks

    if raw or not isinstance(instance, Content):
        return
    # A new item, or one now open to other people (a draft made public, a story
    # published, a thread moved): the fan-out is gated and makes one notice per
    # person and item, so only those who could not see it before hear of it now.
    widened = not created and instance.audience_changed()
    instance.remember_audience()
    if not created and not widened:
        return
    pk = instance.pk
    transaction.on_commit(lambda: tasks.fan_out.enqueue("content", pk))


def _comment_saved(sender: type, instance: Any, created: bool, raw: bool = False, **kwargs):
    from harambee.notifications import tasks

    if raw or not created:
        return
    pk = instance.pk
    transaction.on_commit(lambda: tasks.fan_out.enqueue("comment", pk))


def _revision_saved(sender: type, instance: Any, created: bool, raw: bool = False, **kwargs):
    from harambee.notifications import tasks

    if raw or not created:
        return
    pk = instance.pk
    transaction.on_commit(lambda: tasks.fan_out.enqueue("wiki_revision", pk))


def _request_saved(sender: type, instance: Any, created: bool, raw: bool = False, **kwargs):
    from harambee.notifications import tasks

    if raw:
        return
    pk = instance.pk
    transaction.on_commit(lambda: tasks.fan_out.enqueue("join_request", pk))


def _invitation_saved(sender: type, instance: Any, created: bool, raw: bool = False, **kwargs):
    from harambee.notifications import tasks

    if raw or not created:
        return
    pk = instance.pk
    transaction.on_commit(lambda: tasks.fan_out.enqueue("invitation", pk))


def _submission_saved(sender: type, instance: Any, created: bool, raw: bool = False, **kwargs):
    from harambee.notifications import tasks

    # A new answer, or a decision on it: the fan-out looks at its status and makes
    # one notice per person and event, so saving it again tells nobody twice.
    if raw:
        return
    pk = instance.pk
    transaction.on_commit(lambda: tasks.fan_out.enqueue("submission", pk))


def connect() -> None:

    # Every Content subclass: the sender is the concrete class, so listen to all.
    post_save.connect(_content_saved, dispatch_uid="notifications_content")
    post_save.connect(_comment_saved, sender=Comment, dispatch_uid="notifications_comment")
    post_save.connect(_revision_saved, sender=WikiRevision, dispatch_uid="notifications_wiki")
    post_save.connect(_request_saved, sender=JoinRequest, dispatch_uid="notifications_request")
    post_save.connect(_invitation_saved, sender=Invitation, dispatch_uid="notifications_invitation")
    post_save.connect(_submission_saved, sender=Submission, dispatch_uid="notifications_submission")
