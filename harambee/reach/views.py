from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.core.pdf import render_pdf
from harambee.core.selectors import conversation
from harambee.inputs import clean_line
from harambee.reach import polls as poll_services
from harambee.reach import rules, selectors, services
from harambee.reach.forms import (
    BroadcastForm,
    ContactForm,
    PollForm,
    ReviewForm,
    SpaceSmsForm,
)
from harambee.reach.models import FieldReport
from harambee.spaces.selectors import membership_for, space_get


def shows_tab(request, space) -> bool:
    membership = membership_for(request.user, space.pk)
    return membership is not None and membership.may("moderate")


def _managed(request, slug: str):
    """The space, for its facilitators: 404 for a space one may not know, 403 for
    one whose SMS one does not manage."""
    space = space_get(user=request.user, slug=slug)
    if not rules.may_manage_sms(request.user, space):
        raise PermissionDenied
    return space


def _form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def index(request):
    return render(
        request,
        "reach/index.html",
        {
            "spaces": selectors.managed_spaces(user=request.user),
            "reports": selectors.public_reports(user=request.user)[:20],
        },
    )


@login_required
def space_home(request, slug: str):
    space = _managed(request, slug)
    return render(
        request,
        "reach/space.html",
        {
            "space": space,
            "sms": selectors.space_sms(space=space),
            "pending": selectors.space_reports(
                user=request.user, space=space, status="pending"
            ).count(),
            "inbox_count": selectors.inbox(space=space).count(),
            "contact_count": selectors.contacts(space=space).count(),
        },
    )


@login_required
def space_settings(request, slug: str):
    space = _managed(request, slug)
    row = selectors.space_sms(space=space)
    initial = (
        {"join_code": row.join_code, "report_keywords": row.report_keywords, "channel": row.channel}
        if row
        else {}
    )
    form = SpaceSmsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.space_sms_save(
                actor=request.user,
                space=space,
                join_code=form.cleaned_data["join_code"],
                report_keywords=form.cleaned_data["report_keywords"],
                channel_name=form.cleaned_data["channel"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The SMS settings are saved."))
            return redirect("reach:space", slug=space.slug)
    return render(
        request,
        "reach/settings.html",
        {"space": space, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
def contacts(request, slug: str):
    space = _managed(request, slug)
    # Control characters out, like every other typed value (PostgreSQL refuses NUL).
    query = clean_line(request.GET.get("q", ""))[:100]
    found = selectors.contacts(space=space, query=query)
    return render(
        request,
        "reach/contacts.html",
        {"space": space, "contacts": found[: selectors.LIST_MAX], "query": query},
    )


@login_required
def contact_edit(request, slug: str, pk: int | None = None):
    space = _managed(request, slug)
    contact = selectors.contact_get(space=space, pk=pk) if pk is not None else None
    initial = {"how": "form", "language": "en"}
    if contact is not None:
        initial = {
            "phone": contact.phone,
            "name": contact.name,
            "language": contact.language,
            "place": contact.place,
            "show_name": contact.show_name,
            "how": "form",
            "consents": [
                p for p in ("reports", "broadcasts", "polls") if getattr(contact, f"consent_{p}")
            ],
        }
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.contact_save(
                actor=request.user,
                space=space,
                contact=contact,
                phone=data["phone"],
                name=data["name"],
                language=data["language"],
                place=data["place"],
                consents=data["consents"],
                how=data["how"],
                show_name=data["show_name"],
                user=contact.user if contact else None,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The contact is saved."))
            return redirect("reach:contacts", slug=space.slug)
    return render(
        request,
        "reach/contact_form.html",
        {
            "space": space,
            "form": form,
            "contact": contact,
            "log": contact.consent_log.select_related("by")[:20] if contact else [],
        },
        status=422 if form.errors else 200,
    )


def reports(request, slug: str):
    """The space's field reports the reader may see; for its facilitators, the
    verification queue (``?status=pending``)."""
    space = space_get(user=request.user, slug=slug)
    status = request.GET.get("status", "")
    if status not in FieldReport.Status.values:
        status = ""
    manager = rules.may_manage_sms(request.user, space)
    found = selectors.space_reports(user=request.user, space=space, status=status)
    return render(
        request,
        "reach/reports.html",
        {
            "space": space,
            "reports": found[: selectors.LIST_MAX],
            "status": status,
            "statuses": FieldReport.Status.choices,
            "manager": manager,
        },
    )


def render_report(request, pk: int, *, comment_form=None, review_form=None, status: int = 200):
    report = selectors.report_get(user=request.user, pk=pk)
    manager = rules.may_manage_sms(request.user, report.space)
    return render(
        request,
        "reach/report.html",
        {
            "report": report,
            "manager": manager,
            "review_form": review_form
            or (ReviewForm(initial={"visibility": report.visibility}) if manager else None),
            **conversation(request, report, comment_form),
        },
        status=status,
    )


def report_detail(request, pk: int):
    return render_report(request, pk)


@login_required
@require_POST
def report_review(request, pk: int):
    report = selectors.report_get(user=request.user, pk=pk)
    if not rules.may_manage_sms(request.user, report.space):
        raise PermissionDenied
    form = ReviewForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        duplicate = None
        if data["duplicate_of"]:
            duplicate = selectors.report_in_space(space=report.space, pk=data["duplicate_of"])
            if duplicate is None:
                form.add_error(
                    "duplicate_of", _("There is no report with this number in this space.")
                )
        if not form.errors:
            try:
                services.report_review(
                    actor=request.user,
                    report=report,
                    status=data["status"],
                    note=data["note"],
                    visibility=data["visibility"],
                    show_reporter=data["show_reporter"],
                    duplicate_of=duplicate,
                )
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, _("The report is reviewed."))
                return redirect(
                    f"{reverse('reach:reports', args=[report.space.slug])}?status=pending"
                )
    return render_report(request, pk, review_form=form, status=422)


@login_required
def inbox(request, slug: str):
    space = _managed(request, slug)
    return render(
        request,
        "reach/inbox.html",
        {"space": space, "messages_in": selectors.inbox(space=space)[: selectors.LIST_MAX]},
    )


@login_required
@require_POST
def inbox_handled(request, slug: str, pk: int):
    space = _managed(request, slug)
    services.inbox_mark_handled(
        actor=request.user, message=selectors.inbox_message(space=space, pk=pk)
    )
    messages.success(request, _("The message is marked as handled."))
    return redirect("reach:inbox", slug=space.slug)


def summary(request, slug: str):
    space = space_get(user=request.user, slug=slug)
    data = selectors.summary(user=request.user, space=space)
    return render(request, "reach/summary.html", {"space": space, "summary": data})


def summary_csv(request, slug: str):
    space = space_get(user=request.user, slug=slug)
    response = HttpResponse(
        selectors.summary_csv(user=request.user, space=space),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="field-reports-{space.slug}.csv"'
    return response


def _brief_context(request, slug: str) -> dict:
    """The brief leaves the platform when it is printed or passed on, so it is the
    public one unless the reader asks for every verified report they may read."""
    space = space_get(user=request.user, slug=slug)
    public = request.GET.get("all") != "1"
    report = selectors.evidence_brief(user=request.user, space=space, public=public)
    return {"space": space, "report": report, "public": public}


def brief(request, slug: str):
    """The evidence brief: verified reports, cited like lessons in a synthesis report,
    with the report's print stylesheet and its "not for sharing" marks."""
    return render(request, "reach/brief.html", _brief_context(request, slug))


def brief_print(request, slug: str):
    return render(request, "reach/brief_print.html", _brief_context(request, slug))


def brief_markdown(request, slug: str):
    context = _brief_context(request, slug)
    text = render_to_string("reach/brief.md", context, request=request)
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="evidence-brief-{slug}.md"'
    return response


def brief_pdf(request, slug: str):
    context = _brief_context(request, slug)
    html = render_to_string("reach/brief_print.html", {**context, "for_pdf": True}, request=request)
    with open(finders.find("synthesis/print.css"), encoding="utf-8") as css:
        # Nothing is fetched from anywhere (core/pdf.py): the one stylesheet is given.
        pdf = render_pdf(html, stylesheets=[css.read()])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="evidence-brief-{slug}.pdf"'
    return response


@login_required
def broadcasts(request, slug: str):
    space = _managed(request, slug)
    return render(
        request,
        "reach/broadcasts.html",
        {"space": space, "broadcasts": selectors.broadcasts(space=space)[: selectors.LIST_MAX]},
    )


@login_required
def broadcast_new(request, slug: str):
    space = _managed(request, slug)
    form = BroadcastForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        item = None
        if data["item"]:
            item = selectors.item_to_share(user=request.user, pk=data["item"])
            if item is None:
                form.add_error("item", _("There is no item with this number that you may see."))
        if not form.errors:
            try:
                broadcast = services.broadcast_create(
                    actor=request.user,
                    space=space,
                    text=data["text"],
                    translations={
                        "fr": data["text_fr"],
                        "sw": data["text_sw"],
                        "pt": data["text_pt"],
                    },
                    language=data["language"],
                    place=data["place"],
                    item=item,
                    send_at=data["send_at"],
                )
            except ValidationError as error:
                _form_errors(form, error)
            else:
                return redirect("reach:broadcast", slug=space.slug, pk=broadcast.pk)
    return render(
        request,
        "reach/broadcast_form.html",
        {"space": space, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
def broadcast_detail(request, slug: str, pk: int):
    space = _managed(request, slug)
    broadcast = selectors.broadcast_get(space=space, pk=pk)
    if request.method == "POST":
        if request.POST.get("action") == "cancel":
            services.broadcast_cancel(actor=request.user, broadcast=broadcast)
            messages.success(request, _("The broadcast is cancelled."))
        else:
            services.broadcast_confirm(actor=request.user, broadcast=broadcast)
            messages.success(request, _("The broadcast is on its way."))
        return redirect("reach:broadcast", slug=space.slug, pk=broadcast.pk)
    return render(
        request,
        "reach/broadcast.html",
        {
            "space": space,
            "broadcast": broadcast,
            "preview": selectors.broadcast_preview(broadcast=broadcast),
            "copies": selectors.copies_summary(broadcast=broadcast),
        },
    )


@login_required
def polls(request, slug: str):
    space = _managed(request, slug)
    return render(
        request, "reach/polls.html", {"space": space, "polls": selectors.polls(space=space)[:100]}
    )


@login_required
def poll_new(request, slug: str):
    space = _managed(request, slug)
    form = PollForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            poll = poll_services.poll_create(
                actor=request.user,
                space=space,
                question=form.cleaned_data["question"],
                options=form.cleaned_data["options"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            return redirect("reach:poll", slug=space.slug, pk=poll.pk)
    return render(
        request,
        "reach/poll_form.html",
        {"space": space, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
def poll_detail(request, slug: str, pk: int):
    space = _managed(request, slug)
    poll = selectors.poll_get(space=space, pk=pk)
    if request.method == "POST":
        if request.POST.get("action") == "close":
            poll_services.poll_close(actor=request.user, poll=poll)
            messages.success(request, _("The poll is closed."))
        else:
            sent = poll_services.poll_open(actor=request.user, poll=poll)
            messages.success(
                request, _("The poll is open and sent to %(n)s contacts.") % {"n": sent}
            )
        return redirect("reach:poll", slug=space.slug, pk=poll.pk)
    results, total = selectors.poll_results(poll=poll)
    template = (
        "reach/_poll_results.html" if request.headers.get("HX-Request") else "reach/poll.html"
    )
    return render(
        request, template, {"space": space, "poll": poll, "results": results, "total": total}
    )
