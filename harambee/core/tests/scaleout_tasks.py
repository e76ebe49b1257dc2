"""A task for ``test_scale_out.py``: each run leaves one audit row, so a task run twice
shows as two."""

from __future__ import annotations

import time

from django_tasks import task


@task()
def leave_a_mark(n: int) -> int:
    from harambee.core.models import AuditEntry

    # Long enough that the forty runs take seconds, so both workers take some of them
    # even when one is slow to be scheduled on a loaded machine (at 0.02 s one worker
    # could run all forty in under a second).
    time.sleep(0.1)
    AuditEntry.objects.create(action="scale_out_probe", detail={"n": n})
    return n
