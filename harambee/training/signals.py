"""Enrolling is joining a programme's space by its own join policy (``spaces``): a new
membership there is placed in a cohort once it is committed."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save

from harambee.spaces.models import Membership


def _membership_saved(sender: type, instance: Any, created: bool, raw: bool = False, **kwargs):
    from harambee.training import tasks

    if raw or not created:
        return
    pk = instance.pk
    transaction.on_commit(lambda: tasks.place_learner.enqueue(pk))


def connect() -> None:
    post_save.connect(_membership_saved, sender=Membership, dispatch_uid="training_enrolment")
