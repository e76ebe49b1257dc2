"""Small helpers views share."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme

from harambee.core.paging import KeysetPage, keyset_page


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def paginate(
    request: HttpRequest, items: Any, per_page: int | None = None, *, keys: Any = None
) -> KeysetPage:
    """A page of ``items`` (a queryset in its list's order), with "previous / next"
    links and no count of the whole list: core/paging.py (``keys``: the same list
    asked of a better-indexed table)."""
    return keyset_page(request, items, per_page=per_page or settings.PAGE_SIZE, keys=keys)


def safe_next(request: HttpRequest, fallback: str) -> str:
    """The ``next`` path a form asked to go back to, or ``fallback``.

    Only a path on this site is taken: it starts with one slash (not ``//``, which a
    browser reads as another host), names no scheme or host, and holds no control
    character. Anything else -- a view name, a number, markup, another site -- is
    ignored, never handed to ``redirect()``, which would try it as a view name."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if is_local_path(target, request):
        return target
    return fallback


def is_local_path(target: str, request: HttpRequest) -> bool:
    if not target.startswith("/") or target.startswith(("//", "/\\")):
        return False
    if len(target) > 2000 or any(ord(c) < 32 or ord(c) == 127 for c in target):
        return False
    return url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def redirect_next(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    """Go back where the form came from (``next``), if that is a path on this site."""
    return HttpResponseRedirect(safe_next(request, fallback))


def form_errors(form: Any, error: ValidationError) -> None:
    """Show a service's refusal on the form: next to the field it names, or over the
    form when it names none (or one the form does not have)."""
    if hasattr(error, "error_dict"):
        for name, problems in error.error_dict.items():
            for problem in problems:
                form.add_error(name if name in form.fields else None, problem)
    else:
        for problem in error.messages:
            form.add_error(None, problem)


def form_page(
    request: HttpRequest,
    form: Any,
    template: str,
    context: dict[str, Any],
    *,
    save: Callable[[dict[str, Any]], Any],
    done: str,
) -> HttpResponse:
    """A page of one form. A valid POST is handed to ``save`` (with a copy of the
    cleaned data); what it returns is where the page goes next, with ``done`` said. A
    ``ValidationError`` from it is shown on the form, with what was typed kept, and
    the form answers 422 whenever it shows errors."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(dict(form.cleaned_data))
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, done)
            return redirect(saved)
    return render(request, template, {"form": form, **context}, status=422 if form.errors else 200)


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


def file_response(
    field: Any, *, filename: str, content_type: str, inline: bool = False
) -> HttpResponse:
    """A stored file as a download that no shared cache keeps and no browser runs.

    Asked only after the gate has said yes. Files in an object store
    (``HARAMBEE_S3_BUCKET``) are not streamed through the web process: the answer is a
    redirect to a signed address of that one object that works for
    ``HARAMBEE_S3_URL_SECONDS`` (five minutes), and names the file and its type."""
    if getattr(field.storage, "querystring_auth", False):
        disposition = content_disposition_header(not inline, filename)
        url = field.storage.url(
            field.name,
            parameters={
                "ResponseContentDisposition": disposition,
                "ResponseContentType": content_type,
                "ResponseCacheControl": "private, no-store",
            },
            expire=settings.S3_URL_SECONDS,
        )
        response: HttpResponse = HttpResponseRedirect(url)
        response["Cache-Control"] = "private, no-store"
        return response
    try:
        handle = field.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=not inline, filename=filename, content_type=content_type
    )
    # Never cached by shared caches: the next reader may not be allowed to see it.
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if inline:
        response["Content-Disposition"] = "inline"
    return response
