"""A task for ``test_scale_out.py``: each run leaves one audit row, so a task run twice
shows as two."""

from __future__ import annotations

import time

from django_tasks import task


@task()
def leave_a_mark(n: int) -> int:
    from harambee.core.models import AuditEntry

    time.sleep(0.02)  # long enough for the two workers to interleave
    AuditEntry.objects.create(action="scale_out_probe", detail={"n": n})
    return n
