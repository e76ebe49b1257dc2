"""Background work for radio. Each task takes ids and may run twice: spoken audio is
made once per script version (a unique row per content hash), the weekly draft once
per station and week."""

from __future__ import annotations

from django_tasks import task

from harambee.radio import services


@task()
def render_audio(bulletin_id: int) -> int | None:
    found = services.audio_render(bulletin_id=bulletin_id)
    return found.pk if found is not None else None


@task()
def prepare_week() -> int:
    return len(services.bulletins_prepare_week())
