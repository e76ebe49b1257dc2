from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from harambee.core.pdf import render_pdf
from harambee.synthesis import rules, selectors, services
from harambee.synthesis.forms import GroupForm, ReportForm, SynthesisForm

MIN_COMPARE, MAX_COMPARE = 2, 4


def theme_index(request: HttpRequest) -> HttpResponse:
    themes = selectors.theme_list(user=request.user)
    return render(request, "synthesis/theme_index.html", {"themes": themes})


def theme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    theme = selectors.theme_get(slug=slug)
    form = GroupForm(request.GET or None)
    by = form.grouping() if request.GET else "region"
    overview = selectors.theme_overview(user=request.user, theme=theme, by=by)
    synthesis = selectors.synthesis_for(theme=theme)
    synthesis_html = (
        selectors.render_citations(user=request.user, html=synthesis.body_html)
        if synthesis is not None
        else ""
    )
    return render(
        request,
        "synthesis/theme.html",
        {
            "theme": theme,
            "form": form if request.GET else GroupForm(initial={"by": by}),
            "synthesis": synthesis,
            "synthesis_html": synthesis_html,
            "may_write": rules.may_write_synthesis(request.user),
            "per_group": selectors.PER_GROUP,
            **overview,
        },
    )


def theme_items(request: HttpRequest, slug: str) -> HttpResponse:
    theme = selectors.theme_get(slug=slug)
    kind = request.GET.get("kind", "")
    by = request.GET.get("by", "region")
    key = request.GET.get("key", "")
    group, ids = selectors.theme_group_items(
        user=request.user, theme=theme, kind=kind, by=by, key=key
    )
    page = Paginator(ids, 25).get_page(request.GET.get("page"))
    items = selectors.items_by_id(user=request.user, ids=list(page.object_list))
    return render(
        request,
        "synthesis/theme_items.html",
        {
            "theme": theme,
            "group": group,
            "kind_label": dict(selectors.SECTIONS)[kind],
            "page": page,
            "items": items,
            "query": {"kind": kind, "by": by, "key": key},
        },
    )


@login_required
def theme_edit(request: HttpRequest, slug: str) -> HttpResponse:
    theme = selectors.theme_get(slug=slug)
    if not rules.may_write_synthesis(request.user):
        raise PermissionDenied
    synthesis = selectors.synthesis_for(theme=theme)
    initial = {"body": synthesis.body} if synthesis is not None else {}
    form = SynthesisForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.synthesis_save(actor=request.user, theme=theme, body=form.cleaned_data["body"])
        messages.success(request, _("What we know about this theme is saved."))
        return redirect("synthesis:theme", slug=theme.slug)
    return render(
        request, "synthesis/theme_edit.html", {"theme": theme, "form": form, "synthesis": synthesis}
    )


# Reports --------------------------------------------------------------------------------


def _report(request: HttpRequest) -> tuple[ReportForm, selectors.Report | None]:
    params = request.GET.copy()
    if params and not params.get("audience"):
        # Shown ticked as it is made: a report for sharing.
        params["audience"] = "public"
    form = ReportForm(params or None)
    if not request.GET or not form.is_valid():
        return form, None
    data = form.cleaned_data
    spec = selectors.ReportSpec(
        theme=data["theme"],
        question=data["q"].strip(),
        countries=data["country"],
        sectors=data["sector"],
        since=data["since"],
        until=data["until"],
        group=data["group"] or "theme",
        public=data["audience"] != "viewer",
    )
    return form, selectors.report_build(user=request.user, spec=spec)


def _report_context(request: HttpRequest) -> dict[str, Any]:
    form, report = _report(request)
    return {"form": form, "report": report, "query": request.GET.urlencode()}


def report(request: HttpRequest) -> HttpResponse:
    return render(request, "synthesis/report.html", _report_context(request))


def report_print(request: HttpRequest) -> HttpResponse:
    context = _report_context(request)
    if context["report"] is None:
        return redirect(f"{_url('synthesis:report')}?{context['query']}")
    return render(request, "synthesis/report_print.html", context)


def report_markdown(request: HttpRequest) -> HttpResponse:
    context = _report_context(request)
    if context["report"] is None:
        return redirect(f"{_url('synthesis:report')}?{context['query']}")
    text = render_to_string("synthesis/report.md", context, request=request)
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="synthesis-report.md"'
    return response


def report_pdf(request: HttpRequest) -> HttpResponse:
    context = _report_context(request)
    if context["report"] is None:
        return redirect(f"{_url('synthesis:report')}?{context['query']}")
    html = render_to_string(
        "synthesis/report_print.html", {**context, "for_pdf": True}, request=request
    )
    # A report loads nothing from anywhere: its one stylesheet is given as text.
    with open(finders.find("synthesis/print.css"), encoding="utf-8") as css:
        pdf = render_pdf(html, stylesheets=[css.read()])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="synthesis-report.pdf"'
    return response


def _url(name: str) -> str:
    from django.urls import reverse

    return reverse(name)


# Compare --------------------------------------------------------------------------------


def compare(request: HttpRequest) -> HttpResponse:
    slugs = [s for s in request.GET.getlist("i") if s][: MAX_COMPARE + 1]
    initiatives = []
    error = ""
    if slugs:
        # Any initiative the reader may not know of is a 404, before counting.
        initiatives = selectors.compare(user=request.user, slugs=slugs)
        if not MIN_COMPARE <= len(initiatives) <= MAX_COMPARE:
            error = _("Choose from 2 to 4 initiatives.")
            initiatives = [] if len(initiatives) > MAX_COMPARE else initiatives
    choices = selectors.compare_choices(user=request.user)
    chosen = set(slugs)
    return render(
        request,
        "synthesis/compare.html",
        {
            "choices": choices,
            "chosen": chosen,
            "initiatives": initiatives if not error else [],
            "error": error,
        },
        status=400 if error else 200,
    )
