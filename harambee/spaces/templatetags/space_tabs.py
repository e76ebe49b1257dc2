"""``{% space_tabs space as tabs %}``: the tabs the apps registered for a space
(``harambee.spaces.tabs``), the current one marked."""

from __future__ import annotations

from typing import Any

from django import template

from harambee.spaces.tabs import ShownTab, tabs_for

register = template.Library()


@register.simple_tag(takes_context=True)
def space_tabs(context: Any, space: Any) -> list[ShownTab]:
    return tabs_for(context["request"], space)
