"""What is deleted after a while: ``harambee retention`` runs every registered rule
(``core.registry.RetentionRule``). Schedule it daily (docs/operations.md).

Core's own rules: finished background tasks' results, and expired sessions. Apps add
theirs (reach: raw SMS requests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from harambee.core.registry import RetentionRule, register_retention, retention_rules


@dataclass
class Pruned:
    name: str
    label: str
    days: int
    rows: int


def run(*, dry_run: bool = False) -> list[Pruned]:
    now = timezone.now()
    done = []
    for rule in retention_rules():
        days = rule.days()
        if days <= 0:  # 0 keeps everything
            done.append(Pruned(rule.name, str(rule.label), days, 0))
            continue
        rows = rule.prune(now - timedelta(days=days), dry_run=dry_run)
        done.append(Pruned(rule.name, str(rule.label), days, rows))
    return done


def _prune_task_results(before, *, dry_run: bool) -> int:
    from django_tasks_db.models import DBTaskResult

    qs = DBTaskResult.objects.filter(finished_at__lt=before)
    return qs.count() if dry_run else qs.delete()[0]


def _prune_sessions(before, *, dry_run: bool) -> int:
    from django.contrib.sessions.models import Session

    qs = Session.objects.filter(expire_date__lt=timezone.now())
    return qs.count() if dry_run else qs.delete()[0]


def register_core_rules() -> None:
    register_retention(
        RetentionRule(
            "task_results",
            _("results of finished background tasks"),
            lambda: settings.RETAIN_TASK_RESULTS_DAYS,
            _prune_task_results,
        )
    )
    register_retention(RetentionRule("sessions", _("expired sessions"), lambda: 1, _prune_sessions))
