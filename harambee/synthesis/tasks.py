"""Compute related experiences after commits. Tasks take ids and are idempotent."""

from __future__ import annotations

from django_tasks import task


@task()
def refresh_related(content_id: int) -> None:
    from harambee.synthesis import services

    services.related_refresh(content_id=content_id)
