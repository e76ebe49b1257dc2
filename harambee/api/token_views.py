"""A person's own API tokens: make one (its secret shown once), list them with when
each was last used, revoke one. Server-rendered pages; they work without JavaScript."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.api import selectors, services
from harambee.api.forms import TokenForm


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    secret = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                _token, secret = services.token_create(user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                form = TokenForm()
        if secret is None:
            status = 422
    context = {"form": form, "secret": secret, "tokens": selectors.token_list(user=request.user)}
    return _private(render(request, "api/tokens.html", context, status=status))


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = selectors.token_get(user=request.user, pk=pk)
    services.token_revoke(user=request.user, token=token)
    messages.success(request, _("The token “%(name)s” no longer works.") % {"name": token.name})
    return redirect("api:tokens")


def docs(request: HttpRequest) -> HttpResponse:
    """The browsable documentation: Swagger UI, served from this site's static files."""
    return render(request, "api/docs.html")
