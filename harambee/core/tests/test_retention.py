"""`harambee retention`: what is older than its period goes, the rest stays."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from harambee.reach.models import InboundRequest

pytestmark = pytest.mark.django_db


def _raw(days_ago: int) -> InboundRequest:
    raw = InboundRequest.objects.create(
        channel="console",
        gateway="console",
        path="/sms/hooks/console/console/",
        body="From=%2B233201234567&Body=FIRE",
    )
    InboundRequest.objects.filter(pk=raw.pk).update(
        received=timezone.now() - timedelta(days=days_ago)
    )
    return raw


def _task(days_ago: int | None) -> DBTaskResult:
    now = timezone.now()
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="harambee.reach.tasks.handle_inbound",
        backend_name="default",
        status="SUCCESSFUL" if days_ago is not None else "READY",
        finished_at=None if days_ago is None else now - timedelta(days=days_ago),
    )


def test_old_raw_requests_task_results_and_sessions_go_and_the_rest_stays(settings, capsys):
    settings.RETAIN_RAW_SMS_DAYS = 90
    settings.RETAIN_TASK_RESULTS_DAYS = 30
    old_raw, new_raw = _raw(91), _raw(89)
    old_task, new_task, waiting = _task(31), _task(29), _task(None)
    Session.objects.create(
        session_key="a" * 32, session_data="", expire_date=timezone.now() - timedelta(hours=1)
    )
    Session.objects.create(
        session_key="b" * 32, session_data="", expire_date=timezone.now() + timedelta(days=1)
    )

    call_command("retention", dry_run=True)
    out = capsys.readouterr().out
    assert "raw SMS gateway requests: would delete 1 older than 90 days" in out
    assert InboundRequest.objects.count() == 2 and DBTaskResult.objects.count() == 3

    call_command("retention")
    out = capsys.readouterr().out
    assert "raw SMS gateway requests: deleted 1 older than 90 days" in out
    assert "results of finished background tasks: deleted 1 older than 30 days" in out
    assert list(InboundRequest.objects.values_list("pk", flat=True)) == [new_raw.pk]
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {new_task.pk, waiting.pk}
    assert list(Session.objects.values_list("session_key", flat=True)) == ["b" * 32]
    assert not InboundRequest.objects.filter(pk=old_raw.pk).exists()
    assert not DBTaskResult.objects.filter(pk=old_task.pk).exists()


def test_zero_days_keeps_everything(settings, capsys):
    settings.RETAIN_RAW_SMS_DAYS = 0
    _raw(4000)
    call_command("retention")
    assert "raw SMS gateway requests: kept" in capsys.readouterr().out
    assert InboundRequest.objects.count() == 1
