"""Background work for print. Rendering takes seconds, so it runs in the task worker;
it takes an id and may run twice (``services.brochure_render`` does nothing for a
brochure already rendered)."""

from __future__ import annotations

from django_tasks import task

from harambee.press import services


@task()
def render_brochure(brochure_id: int) -> str:
    return services.brochure_render(brochure_id=brochure_id)
