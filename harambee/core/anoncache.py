"""A page cache for anonymous readers that can never serve a stale secret.

Anonymous visitors all see the same thing (public items only), so their pages can be
shared. Every write to the product's tables bumps a generation number once it is
committed; cache keys carry the generation read *before* rendering, so a page cached
from old data is never read again after the write that changed it. Pages that set a
cookie, use a CSRF token or carry a message are never cached, nor is a response that
says ``Cache-Control: no-store`` (a page that changes with the clock alone, such as an
event whose join link is about to appear).

The middleware stands early in the stack, before the session, authentication and
message middleware: a request without a session cookie (nobody can be signed in
without one) is answered from the cache before any of them runs. A request that has a
session cookie is never answered from, nor stored in, the cache, whoever it belongs to.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language_from_request

from harambee.core.registry import changes_anonymous_pages

GENERATION_KEY = "harambee:anon-page-generation"
SKIP_PREFIXES = ("/accounts/", "/admin/", "/files/", "/static/", "/healthz", "/i18n/")


def _fresh() -> int:
    # A counter that went missing (evicted, cache restarted) must never restart at a
    # number whose pages may still be cached: start from the clock instead.
    return time.time_ns()


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh(), timeout=None)
        value = cache.get(GENERATION_KEY) or _fresh()
    return int(value)


def shared_generation() -> int | None:
    """The generation, when the cache is shared by every process (the page cache is
    on): a number that changes with every committed write to the product's tables, for
    other caches keyed by it. ``None`` when each process has a cache of its own, which
    a write in another process could not reach."""
    if settings.ANONYMOUS_PAGE_CACHE_SECONDS <= 0:
        return None
    return generation()


def bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _fresh(), timeout=None)


def _changed(sender, **kwargs) -> None:
    # A model may say it never shows on a page (an unsaved draft, written every few
    # seconds while someone types, would otherwise empty the cache all day).
    if getattr(sender, "changes_pages", True) and changes_anonymous_pages(sender._meta.app_label):
        transaction.on_commit(bump)


def connect() -> None:
    post_save.connect(_changed, dispatch_uid="anoncache-save")
    post_delete.connect(_changed, dispatch_uid="anoncache-delete")
    m2m_changed.connect(_changed, dispatch_uid="anoncache-m2m")


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def _cacheable_request(self, request) -> bool:
        return (
            settings.ANONYMOUS_PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(SKIP_PREFIXES)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
        )

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = ":".join(
            [
                "harambee:anon-page",
                str(generation()),
                # The language LocaleMiddleware will choose, from the same request.
                get_language_from_request(request),
                request.headers.get("HX-Request", ""),
                request.get_host(),
                request.get_full_path(),
            ]
        )
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        messages = getattr(request, "_messages", None)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if (
            response.status_code == 200
            and (user is None or not user.is_authenticated)
            and not (messages is not None and (messages.used or messages._queued_messages))
            and not (session is not None and session.modified)
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and response.get("Content-Type", "").startswith("text/html")
            and "no-store" not in response.get("Cache-Control", "")
        ):
            cache.set(key, response, settings.ANONYMOUS_PAGE_CACHE_SECONDS)
        return response
