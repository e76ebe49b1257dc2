"""Background work of the privacy app: building an export may take a while (files
included). It takes an id and may run twice (``services.export_build`` leaves a
built export alone)."""

from __future__ import annotations

from django_tasks import task

from harambee.privacy import services


@task()
def build_export(export_id: int) -> str:
    return services.export_build(export_id=export_id)
