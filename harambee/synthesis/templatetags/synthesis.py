"""``{% related_experiences item %}``: the related experiences beside a note, lesson or
story, with the gate in its one query, so the pages that include it need no changes
to their views."""

from __future__ import annotations

from typing import Any

from django import template

from harambee.synthesis.selectors import related_for

register = template.Library()


@register.inclusion_tag("synthesis/_related.html", takes_context=True)
def related_experiences(context: dict[str, Any], item: Any) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"related": related_for(user=user, item=item) if item is not None else []}
