"""``{% slot_templates "name" as var %}``: the templates apps registered in a slot of
core's templates (``harambee.core.slots``)."""

from __future__ import annotations

from django import template

from harambee.core import slots

register = template.Library()


@register.simple_tag
def slot_templates(slot: str) -> tuple[str, ...]:
    return slots.templates(slot)
