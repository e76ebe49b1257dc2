"""``{% own_time event %}``: the event's time on the organiser's clock, as text beside
the reader's own (``{% time %}``), when the two zones differ."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def own_time(event: Any) -> str:
    reader_zone = timezone.get_current_timezone()
    start, end = event.starts_local, event.ends_local
    if start.utcoffset() == event.starts.astimezone(reader_zone).utcoffset() and str(
        reader_zone
    ) == str(event.zone):
        return ""
    same_day = start.date() == end.date()
    text = _("%(start)s–%(end)s %(zone)s (organiser's time)") % {
        "start": date_filter(start, "j M, H:i"),
        "end": date_filter(end, "H:i" if same_day else "j M, H:i"),
        "zone": event.time_zone,
    }
    return text


@register.filter
def month_param(value: Any) -> str:
    return f"{value.year:04d}-{value.month:02d}"


@register.simple_tag(takes_context=True)
def space_events(context: template.Context, space: Any) -> list[Any]:
    """The next events of ``space`` the reader may see, for the space's page (the
    spaces app shows what the ``space-aside`` slot holds and names no event)."""
    from harambee.events.selectors import soon

    request = context.get("request")
    return soon(user=getattr(request, "user", None), space=space, limit=3)
