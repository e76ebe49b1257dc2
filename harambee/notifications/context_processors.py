from __future__ import annotations

from django.http import HttpRequest


def unread(request: HttpRequest) -> dict:
    """The header's unread count, as a callable: only pages that show the header
    (not htmx fragments, not emails) run its one query."""
    from harambee.notifications.selectors import unread_count

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    cached: list[int] = []

    def count() -> int:
        if not cached:
            cached.append(unread_count(user))
        return cached[0]

    return {"unread_notifications": count}
