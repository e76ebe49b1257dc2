from __future__ import annotations

import zoneinfo

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set: a strict CSP (no inline
    script anywhere) and a permissions policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class ReadOnlyMiddleware:
    """While a restore runs (core/backup.py), pages are read but nothing is written:
    every request that could write answers 503 and asks to try again shortly."""

    SAFE = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from harambee.core.backup import is_read_only

        if request.method not in self.SAFE and is_read_only():
            response = HttpResponse(
                _(
                    "The site is being restored from a backup and is read-only for a few "
                    "minutes. Nothing was saved: please try again shortly.\n"
                ),
                status=503,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = "120"
            return response
        return self.get_response(request)


class TimezoneMiddleware:
    """Dates in the viewer's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.time_zone:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class DraftMiddleware:
    """The editor's part of every form post (core/editor.py).

    Before the view (and after the CSRF check), a picture sent with a field's
    "Insert picture" button is stored and its Markdown added to the text.

    After it, forget the writer's autosaved drafts once the form they belong to is saved.

    The editor's script adds a ``_draft`` field naming each draft of the form. A save
    is a redirect (the form was taken) or, for htmx, a 2xx answer (a form with errors
    answers 422); a preview saves nothing and keeps its draft."""

    def __init__(self, get_response):
        self.get_response = get_response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.method == "POST"
            and request.user.is_authenticated
            and request.content_type == "multipart/form-data"
            and "_preview" in request.POST
        ):
            from harambee.core.editor import insert_image

            insert_image(request)

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method != "POST"
            or not request.user.is_authenticated
            or request.content_type
            not in ("application/x-www-form-urlencoded", "multipart/form-data")
        ):
            return response
        saved = 300 <= response.status_code < 400 or (
            request.headers.get("HX-Request") == "true" and 200 <= response.status_code < 300
        )
        if saved and "_draft" in request.POST and "_preview" not in request.POST:
            from harambee.core.editor import draft_discard

            draft_discard(author=request.user, keys=request.POST.getlist("_draft")[:20])
        return response
