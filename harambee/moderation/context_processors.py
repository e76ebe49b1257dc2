"""The header's *Moderation* link, shown to stewards and to space leads and
facilitators. It is on every page, so it must not cost each page a query: the answer
is kept in the cache for a few minutes, worked out when the person signs in."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from harambee.moderation.rules import is_moderator, may_suspend
from harambee.people.roles import Perm

# A role given or taken away shows in the menu within this many seconds; the queue
# itself checks the role on every request.
MENU_SECONDS = 300


def _key(user: Any) -> str:
    return f"harambee:moderator:{user.pk}"


def remember_moderator(user: Any) -> bool:
    found = is_moderator(user)
    cache.set(_key(user), found, MENU_SECONDS)
    return found


def _is_moderator(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    if user.may(Perm.MODERATE):
        return True
    found = cache.get(_key(user))
    return remember_moderator(user) if found is None else bool(found)


def shows_moderation(request: Any) -> bool:
    """Whether the menu offers the moderation queue (cached, as above)."""
    return _is_moderator(request.user)


def on_sign_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    remember_moderator(user)


def moderation(request: Any) -> dict[str, Any]:
    """``is_moderator`` for the header and ``may_suspend`` for the moderation menu,
    worked out only if a template asks."""
    user = getattr(request, "user", None)
    if user is None:
        return {"is_moderator": False, "may_suspend": False}
    return {
        "is_moderator": SimpleLazyObject(lambda: _is_moderator(user)),
        "may_suspend": SimpleLazyObject(lambda: may_suspend(user)),
    }
