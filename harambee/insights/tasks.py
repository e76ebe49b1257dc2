"""Background work: the measures of each scope and period, and the prompts. Tasks
take plain values and are idempotent (a snapshot is replaced; a prompt's key is
unique). ``harambee insights`` runs ``insights_refresh`` from cron or a timer."""

from __future__ import annotations

from datetime import datetime

from django_tasks import task


@task()
def snapshot_refresh(scope: str, start: str, end: str) -> None:
    from harambee.insights.compute import snapshot_compute

    snapshot_compute(
        scope=scope, start=datetime.fromisoformat(start), end=datetime.fromisoformat(end)
    )


@task()
def insights_refresh() -> int:
    """Every space's and the alliance's measures for the default period, then the
    prompts. Returns how many prompts are new."""
    from harambee.insights.compute import snapshot_compute
    from harambee.insights.periods import make_period
    from harambee.insights.prompts import prompts_raise
    from harambee.insights.reads import flush
    from harambee.spaces.models import Space

    flush()
    period = make_period()
    scopes = ["alliance", *(f"space:{pk}" for pk in Space.objects.values_list("pk", flat=True))]
    for scope in scopes:
        snapshot_compute(scope=scope, start=period.start, end=period.end)
    return prompts_raise()
