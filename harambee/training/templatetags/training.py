from __future__ import annotations

from typing import Any

from django import template

from harambee.training import rules, selectors
from harambee.training.models import Programme

register = template.Library()


@register.simple_tag
def space_programmes(space: Any) -> list[Programme]:
    """The programmes of a space the page already shows (so the reader may know it)."""
    return selectors.space_programmes(space=space)


@register.simple_tag
def may_add_programme(user: Any, space: Any) -> bool:
    return rules.may_start_programme(user, space)


@register.simple_tag
def learning_pathway(user: Any, person: Any) -> list[selectors.PathwayEntry]:
    """What ``user`` may see of ``person``'s programmes (``selectors.pathway``)."""
    return selectors.pathway(user=user, person=person)
