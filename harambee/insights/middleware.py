"""Who read what, where known: once a signed-in person's item page is made, remember
that they read the item today (``services.reads_record``). Whether they had already
been recorded today is read in the page's own query of the item's reactions (the
reader state ``insights_read_today``), so a page seen again costs no query at all,
and the first view of the day one small insert."""

from __future__ import annotations

from typing import Any

from harambee.core.selectors import shown_items
from harambee.insights import services
from harambee.insights.selectors import READ_TODAY


class ReadRecordMiddleware:
    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        response = self.get_response(request)
        shown = shown_items(request)
        if not shown or response.status_code != 200:
            return response
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        fresh = [pk for pk, states in shown.items() if states.get(READ_TODAY) is False]
        if fresh:
            from harambee.core.backup import is_read_only

            if not is_read_only():
                services.reads_record(user=user, content_ids=fresh)
        return response
