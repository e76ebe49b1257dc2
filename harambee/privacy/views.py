from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.privacy import erase as erasing
from harambee.privacy import selectors, services
from harambee.privacy.forms import EraseForm


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "exports": selectors.exports_of(request.user),
        "open_export": selectors.open_export(request.user),
        "export_days": settings.EXPORT_DAYS,
    }
    return _private(render(request, "privacy/home.html", context))


@login_required
@require_POST
def export_request(request: HttpRequest) -> HttpResponse:
    try:
        services.export_request(user=request.user)
    except services.ExportPending:
        messages.info(request, _("Your last request is still open: download it first."))
    else:
        messages.success(
            request,
            _("We are preparing a copy of your data. We will e-mail you when it is ready."),
        )
    return redirect("privacy:home")


@login_required
@require_POST
def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    chunks = services.export_take(user=request.user, export_id=pk)
    if chunks is None:
        raise Http404
    response = StreamingHttpResponse(chunks, content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="harambee-data.zip"'
    return _private(response)


@login_required
def erase(request: HttpRequest) -> HttpResponse:
    form = EraseForm(request.POST or None, user=request.user)
    refusal = None
    try:
        erasing.check_erasable(request.user)
    except erasing.EraseRefused as exc:
        refusal = str(exc)
    if request.method == "POST" and refusal is None and form.is_valid():
        user = request.user
        erasing.account_erase(
            user=user, keep_content=form.cleaned_data["content"] == EraseForm.KEEP
        )
        logout(request)
        messages.success(request, _("Your account has been deleted. Goodbye, and thank you."))
        return redirect("home")
    return _private(render(request, "privacy/erase.html", {"form": form, "refusal": refusal}))
