"""Thin views over the moderation selectors and services."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.core.http import alliance_perm_required, paginate, safe_next
from harambee.core.models import Content, comment_url
from harambee.core.visibility import can_see_space, can_view
from harambee.inputs import to_id
from harambee.moderation import rules, selectors, services
from harambee.moderation.context_processors import remember_moderator
from harambee.moderation.forms import FlagForm, MoveForm, ReasonForm, SuspendForm
from harambee.moderation.models import Flag
from harambee.people.roles import Perm
from harambee.spaces.rules import thread_may
from harambee.spaces.selectors import post_get
from harambee.spaces.services import thread_set_locked


def _moderator_required(request: HttpRequest) -> None:
    # Also refreshes the header's link for someone whose role just changed.
    if not remember_moderator(request.user):
        raise PermissionDenied


def _content_to_moderate(user: Any, pk: int) -> Content:
    """The item, or 404 alike for one that does not exist and one ``user`` does not
    moderate."""
    content = selectors.content_for_moderation(pk=pk)
    if content is None or not rules.may_moderate(user, content):
        raise Http404
    return content


def _shown_space(user: Any, content: Content) -> Any:
    space = content.space if content.space_id else None
    return space if space is not None and can_see_space(user, space) else None


@login_required
def flag(request: HttpRequest, pk: int) -> HttpResponse:
    """Flag an item, or (``?comment=``) one of its comments, with a reason."""
    content = selectors.flaggable_get(user=request.user, pk=pk)
    comment = None
    form = FlagForm(request.POST or None)
    comment_id = request.POST.get("comment") or request.GET.get("comment")
    if comment_id:
        try:
            comment = selectors.live_comment_get(content=content, comment_id=comment_id)
        except Http404:
            if request.method != "POST":
                raise
            # Removed since the page was opened, or tampered with: keep the note.
            form.add_error(
                None,
                _(
                    "The comment you flagged is no longer there. Send again to flag the "
                    "item itself, or cancel."
                ),
            )
    target_url = comment_url(content, comment) if comment else content.get_absolute_url()
    if request.method == "POST" and form.is_valid():
        try:
            _flag, created = services.flag_create(
                flagger=request.user,
                content=content,
                comment=comment,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if created:
                messages.success(
                    request, _("Thank you. The moderators will look at what you flagged.")
                )
            else:
                messages.info(
                    request, _("You have already flagged this. The moderators will look at it.")
                )
            return redirect(target_url)
    return render(
        request,
        "moderation/flag.html",
        {"form": form, "content": content, "comment": comment, "target_url": target_url},
        status=422 if request.method == "POST" else 200,
    )


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    _moderator_required(request)
    page = paginate(request, selectors.open_targets(request.user))
    entries = selectors.queue_entries(request.user, list(page.object_list))
    return render(
        request,
        "moderation/queue.html",
        {"page": page, "entries": entries, "reason_form": ReasonForm()},
    )


@login_required
def hidden(request: HttpRequest) -> HttpResponse:
    _moderator_required(request)
    page = paginate(request, selectors.hidings(request.user))
    for hiding in page.object_list:
        hiding.shown_space = _shown_space(request.user, hiding.content)
    return render(request, "moderation/hidden.html", {"page": page})


@login_required
def item(request: HttpRequest, pk: int) -> HttpResponse:
    """One flagged or hidden item as a moderator sees it: its text only if the gate
    lets them read it (never while hidden), its flags, and what they may do."""
    user = request.user
    content = _content_to_moderate(user, pk)
    readable = can_view(user, content)
    flags = selectors.flags_on(content)
    item_flags = [f for f in flags if f.comment_id is None]
    comment_flags: dict[int, list[Flag]] = {}
    for f in flags:
        if f.comment_id is not None and not f.comment.removed:
            comment_flags.setdefault(f.comment_id, []).append(f)
    flagged_comments = [(group[0].comment, group) for group in comment_flags.values()]
    hidings = selectors.open_hidings(content=content)
    thread = None
    if content.kind == "post" and readable:
        thread = selectors.thread_of(content=content)
    return render(
        request,
        "moderation/item.html",
        {
            "content": content,
            "readable": readable,
            "shown_space": _shown_space(user, content),
            "item_flags": item_flags,
            "flagged_comments": flagged_comments,
            "item_hiding": next((h for h in hidings if h.comment_id is None), None),
            "comment_hidings": [h for h in hidings if h.comment_id is not None],
            "thread": thread,
            "may_lock": thread is not None and thread_may(user, thread, Perm.MODERATE_THREADS),
            "may_move": thread is not None
            and bool(services.move_targets(actor=user, thread=thread)),
            "may_suspend": rules.may_suspend(user),
            "reason_form": ReasonForm(),
        },
    )


@login_required
def yours(request: HttpRequest, pk: int) -> HttpResponse:
    """What a moderator hid of the reader's own (``?comment=`` for a comment), with the
    reason: only its author sees it; for everyone else it is absent."""
    hiding = selectors.hidden_from_author(
        user=request.user, pk=pk, comment_id=request.GET.get("comment")
    )
    if hiding is None:
        raise Http404
    return render(request, "moderation/yours.html", {"hiding": hiding, "content": hiding.content})


ACTIONS = {"dismiss", "hide", "restore", "lock", "unlock"}


@require_POST
@login_required
def act(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    content = _content_to_moderate(user, pk)
    action = request.POST.get("action", "")
    if action not in ACTIONS:
        messages.error(request, _("That is not something a moderator can do here."))
        return HttpResponseRedirect(reverse("moderation:item", args=[content.pk]))
    back = safe_next(request, reverse("moderation:item", args=[content.pk]))
    comment = None
    if request.POST.get("comment"):
        comment_pk = to_id(request.POST["comment"])
        try:
            if comment_pk is None:
                raise Http404
            comment = selectors.comment_get(content=content, pk=comment_pk)
        except Http404:
            messages.error(request, _("That comment is no longer there; nothing was done."))
            return HttpResponseRedirect(back)
    try:
        if action == "dismiss":
            services.flags_dismiss(actor=user, content=content, comment=comment)
            messages.success(request, _("The flags are dismissed."))
        elif action in ("hide", "restore"):
            form = ReasonForm(request.POST) if action == "hide" else None
            if form is not None and not form.is_valid():
                messages.error(request, _("Say why, for the record, before hiding."))
                return HttpResponseRedirect(back)
            reason = form.cleaned_data["reason"] if form is not None else ""
            if action == "hide" and comment is not None:
                services.comment_hide(actor=user, comment=comment, reason=reason)
            elif action == "hide":
                services.content_hide(actor=user, content=content, reason=reason)
                back = reverse("moderation:item", args=[content.pk])
            elif comment is not None:
                services.comment_restore(actor=user, comment=comment)
            else:
                services.content_restore(actor=user, content=content)
            messages.success(
                request,
                _("Hidden: nobody sees it now, its author included.")
                if action == "hide"
                else _("Restored: it is back where it was."),
            )
        else:
            if content.kind != "post" or comment is not None:
                return HttpResponse(_("Only a thread can be locked."), status=400)
            thread = selectors.thread_of(content=content)
            thread_set_locked(actor=user, thread=thread, locked=action == "lock")
            messages.success(
                request,
                _("The thread is locked.") if action == "lock" else _("The thread is unlocked."),
            )
    except services.ModerationRefused as refusal:
        messages.error(request, str(refusal))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return HttpResponseRedirect(back)


@login_required
def move(request: HttpRequest, pk: int) -> HttpResponse:
    thread = post_get(user=request.user, pk=pk)
    if not rules.may_moderate(request.user, thread):
        raise PermissionDenied
    targets = services.move_targets(actor=request.user, thread=thread)
    if not targets:
        raise PermissionDenied
    form = MoveForm(request.POST or None, targets=targets)
    if request.method == "POST" and form.is_valid():
        try:
            services.thread_move(
                actor=request.user,
                thread=thread,
                to_space=form.destination(),
                widen=form.cleaned_data["widen"],
            )
        except services.ModerationRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The thread is moved."))
            return redirect(thread)
    return render(
        request,
        "moderation/move.html",
        {"thread": thread, "form": form, "shown_space": _shown_space(request.user, thread)},
        status=422 if request.method == "POST" else 200,
    )


@alliance_perm_required(Perm.SUSPEND_MEMBERS)
def suspensions(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.suspensions())
    return render(request, "moderation/suspensions.html", {"page": page, "now": timezone.now()})


@alliance_perm_required(Perm.SUSPEND_MEMBERS)
def suspend(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_to_suspend(pk=pk)
    form = SuspendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        day = form.cleaned_data["until"]
        until = (
            timezone.make_aware(datetime.combine(day, time.max.replace(microsecond=0)))
            if day
            else None
        )
        try:
            services.member_suspend(
                actor=request.user, user=person, reason=form.cleaned_data["reason"], until=until
            )
        except services.ModerationRefused as refusal:
            form.add_error(None, str(refusal))
        except ValidationError as error:
            form.add_error("until", error.messages[0])
        else:
            messages.success(
                request,
                _("%(name)s is suspended: they can read, but not write.")
                % {"name": person.display_name},
            )
            return redirect("moderation:suspensions")
    return render(
        request,
        "moderation/suspend.html",
        {"person": person, "form": form, "current": selectors.active_suspension(person)},
        status=422 if request.method == "POST" else 200,
    )


@require_POST
@alliance_perm_required(Perm.SUSPEND_MEMBERS)
def lift(request: HttpRequest, pk: int) -> HttpResponse:
    suspension = selectors.suspension_get(pk=pk)
    services.suspension_lift(actor=request.user, suspension=suspension)
    messages.success(
        request,
        _("The suspension of %(name)s is lifted.") % {"name": suspension.user.display_name},
    )
    return redirect("moderation:suspensions")
