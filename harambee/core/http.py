"""Small helpers views share."""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

from harambee.core.paging import KeysetPage, keyset_page


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def paginate(request: HttpRequest, items: Any, per_page: int | None = None) -> KeysetPage:
    """A page of ``items`` (a queryset in its list's order), with "previous / next"
    links and no count of the whole list: core/paging.py."""
    return keyset_page(request, items, per_page=per_page or settings.PAGE_SIZE)


def safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def alliance_perm_required(perm: str):
    """Sign-in first; then the alliance role must carry ``perm`` (403 otherwise)."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.may(perm):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def file_response(field: Any, *, filename: str, content_type: str) -> FileResponse:
    """A stored file as a download that no shared cache keeps and no browser runs."""
    try:
        handle = field.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    # Never cached by shared caches: the next reader may not be allowed to see it.
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
