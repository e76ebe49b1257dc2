"""Writes: dismissing a prompt, slow mode, the channel survey."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from harambee.core.visibility import can_view, is_reader
from harambee.insights import rules
from harambee.insights.models import ChannelSurvey, Prompt, SlowMode, SurveyChannel

MAX_MINUTES = 24 * 60
MAX_HOURS = 30 * 24


def prompt_get(*, actor: Any, pk: int) -> Prompt:
    """A prompt ``actor`` may act on, or 404 like a missing one."""
    prompt = Prompt.objects.select_related("thread").filter(pk=pk).first()
    if prompt is None or not rules.may_facilitate(actor, prompt.space_id):
        raise Http404
    if prompt.thread is not None and not can_view(actor, prompt.thread):
        raise Http404
    return prompt


@transaction.atomic
def prompt_dismiss(*, actor: Any, prompt: Prompt) -> None:
    if not rules.may_facilitate(actor, prompt.space_id):
        raise PermissionDenied
    if prompt.dismissed is None:
        prompt.dismissed = timezone.now()
        prompt.dismissed_by = actor
        prompt.save(update_fields=["dismissed", "dismissed_by"])


@transaction.atomic
def slow_mode_set(*, actor: Any, thread: Any, minutes: int, hours: int) -> SlowMode:
    """Turn slow mode on (or change it): one reply per person per ``minutes``, ending
    by itself ``hours`` from now."""
    if not rules.may_facilitate(actor, thread.space_id) or not can_view(actor, thread):
        raise PermissionDenied
    if not (1 <= minutes <= MAX_MINUTES and 1 <= hours <= MAX_HOURS):
        raise ValueError((minutes, hours))
    mode, _ = SlowMode.objects.update_or_create(
        thread=thread,
        defaults={
            "minutes": minutes,
            "ends": timezone.now() + timedelta(hours=hours),
            "set_by": actor,
        },
    )
    return mode


@transaction.atomic
def slow_mode_end(*, actor: Any, thread: Any) -> None:
    if not rules.may_facilitate(actor, thread.space_id) or not can_view(actor, thread):
        raise PermissionDenied
    SlowMode.objects.filter(thread=thread).delete()


@transaction.atomic
def survey_save(*, user: Any, channels: list[str]) -> ChannelSurvey:
    if not is_reader(user):
        raise PermissionDenied
    chosen = [c for c in SurveyChannel.values if c in set(channels)]
    survey, _ = ChannelSurvey.objects.update_or_create(user=user, defaults={"channels": chosen})
    return survey
