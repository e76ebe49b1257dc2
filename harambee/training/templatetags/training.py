from __future__ import annotations

from typing import Any

from django import template

from harambee.training.models import Programme

register = template.Library()


@register.simple_tag
def space_programmes(space: Any) -> list[Programme]:
    """The programmes of a space the page already shows (so the reader may know it)."""
    if space.kind != "programme":
        return []
    return list(Programme.objects.filter(space=space).order_by("title", "pk")[:10])
