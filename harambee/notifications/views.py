from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from harambee.core.http import is_htmx, redirect_next
from harambee.notifications import selectors, services
from harambee.notifications.forms import PreferencesForm


@login_required
def centre(request: HttpRequest) -> HttpResponse:
    """The person's notices, newest first, paged by ``?before=<id>``."""
    try:
        before = int(request.GET["before"]) if "before" in request.GET else None
    except ValueError:
        before = None
    entries, next_cursor = selectors.centre(request.user, before=before)
    return render(
        request,
        "notifications/centre.html",
        {"entries": entries, "next_cursor": next_cursor, "is_first": before is None},
    )


@login_required
def go(request: HttpRequest, pk: int) -> HttpResponse:
    """Open a notice: mark it read and go to what it is about."""
    notification = selectors.notification_for(request.user, pk)
    if notification is None:
        raise Http404
    services.notification_mark_read(user=request.user, notification=notification)
    return redirect(selectors.entry_for(notification, request.user).url or "notifications:centre")


@login_required
@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = selectors.notification_for(request.user, pk)
    if notification is None:
        raise Http404
    services.notification_mark_read(user=request.user, notification=notification)
    return redirect_next(request, reverse("notifications:centre"))


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    services.notification_mark_all_read(user=request.user)
    messages.success(request, _("All notifications are marked read."))
    return redirect_next(request, reverse("notifications:centre"))


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    current = selectors.preference_choices(request.user)
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        services.preferences_set(user=request.user, choices=form.choices())
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:preferences")
    status = 422 if form.errors else 200
    return render(request, "notifications/preferences.html", {"form": form}, status=status)


@login_required
@require_POST
def watch(request: HttpRequest, pk: int) -> HttpResponse:
    """Watch a conversation, or stop watching it (``watching=0``)."""
    content = selectors.watchable_get(request.user, pk)
    watching = request.POST.get("watching") != "0"
    services.watch_set(user=request.user, content=content, watching=watching)
    if is_htmx(request):
        return render(
            request,
            "notifications/_watch.html",
            {"content": content, "watch_state": selectors.watch_state(request.user, content)},
        )
    if watching:
        messages.success(
            request, _("You are watching this conversation: you will hear of every reply.")
        )
    else:
        messages.success(
            request, _("You stopped watching this conversation: no more reply notices.")
        )
    return redirect_next(request, content.get_absolute_url())


# The one view without a CSRF token: a mail client posts "List-Unsubscribe=One-Click"
# to it (RFC 8058). It acts only for a valid signed token, which only the recipient's
# mailbox holds, and can do nothing but turn email off.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user, kind = services.unsubscribe_read(token)
    except signing.BadSignature:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    done = False
    if request.method == "POST":
        services.unsubscribe(user=user, kind=kind)
        done = True
    kind_label = "" if kind == services.ALL_KINDS else services.Kind(kind).label
    return render(
        request,
        "notifications/unsubscribe.html",
        {"done": done, "kind_label": kind_label, "token": token},
    )
