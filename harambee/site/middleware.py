"""Remember when each signed-in person was last here, cheaply: the session holds
when it was last written, so the database hears of a person at most once an hour
(and on signing in, which starts the count)."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from harambee.site.services import visit_record

SEEN_KEY = "harambee_seen"
SINCE_KEY = "harambee_since"
WRITE_EVERY_SECONDS = 3600


class LastVisitMiddleware:
    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and request.method == "GET":
            now = time.time()
            seen = request.session.get(SEEN_KEY)
            if not isinstance(seen, (int, float)) or now - seen >= WRITE_EVERY_SECONDS:
                remember(request, user)
        return self.get_response(request)


def remember(request: Any, user: Any) -> None:
    since = visit_record(user=user)
    request.session[SEEN_KEY] = time.time()
    request.session[SINCE_KEY] = since.isoformat() if since else ""


def on_sign_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        remember(request, user)


def since_last_visit(request: Any) -> datetime | None:
    """When the reader's previous visit ended, as the middleware found it."""
    raw = request.session.get(SINCE_KEY) if hasattr(request, "session") else None
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw)
    except (TypeError, ValueError):
        return None
