"""Writes: dismissing a prompt, slow mode, the channel survey, who read what."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from harambee.core.visibility import can_view, is_reader
from harambee.insights import reads, rules
from harambee.insights.models import ChannelSurvey, ItemRead, Prompt, SlowMode, SurveyChannel
from harambee.insights.selectors import survey_due_key

MAX_MINUTES = 24 * 60
MAX_HOURS = 30 * 24
PRUNE_BATCH = 5000


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
    survey, _ = ChannelSurvey.objects.update_or_create(
        user=user, defaults={"channels": chosen, "answered": timezone.now()}
    )
    _forget_survey_due(user.pk)
    return survey


def _forget_survey_due(user_id: int) -> None:
    """Home reads whether to ask from the cache (``selectors.survey_prompt_for``):
    forget it now, and again once the change is committed (a page read in between
    would have cached the old answer)."""
    key = survey_due_key(user_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


@transaction.atomic
def survey_dismiss(*, user: Any) -> None:
    """``user`` does not want to answer: the prompt to answer is never shown to them
    again (the survey's page stays open to them)."""
    if not is_reader(user):
        raise PermissionDenied
    survey, created = ChannelSurvey.objects.get_or_create(
        user=user, defaults={"dismissed": timezone.now()}
    )
    if not created and survey.dismissed is None:
        survey.dismissed = timezone.now()
        survey.save(update_fields=["dismissed"])
    _forget_survey_due(user.pk)


def reads_record(*, user: Any, content_ids: list[int]) -> None:
    """That ``user`` opened these items' pages today (UTC): one row per person, item
    and day, written once (a second call the same day changes nothing). Called only
    for items the reader was shown, so through the gate; not audited (a page view
    is no act to account for). Queued in the shared cache and written in bulk by
    ``reads_flush`` (``insights.reads``)."""
    if not user.is_authenticated or not content_ids:
        return
    reads.record(user.pk, content_ids)


def reads_flush() -> int:
    """Write the reads queued in the shared cache; how many rows were offered."""
    return reads.flush()


def reads_prune(before: Any, *, dry_run: bool = False) -> int:
    """Reads of days before ``before`` (the retention rule ``item_reads``)."""
    qs = ItemRead.objects.filter(day__lt=before.date())
    if dry_run:
        return qs.count()
    # In batches: a delete loads its rows to signal each one, and there may be millions.
    deleted = 0
    while ids := list(qs.values_list("pk", flat=True)[:PRUNE_BATCH]):
        deleted += ItemRead.objects.filter(pk__in=ids).delete()[0]
    return deleted
