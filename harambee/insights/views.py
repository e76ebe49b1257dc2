from __future__ import annotations

import csv
import hashlib
import io
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache, caches
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.core import anoncache
from harambee.core.http import paginate, redirect_next
from harambee.core.visibility import sight_unchanged_for
from harambee.insights import rules, selectors, services
from harambee.insights.charts import bar_chart
from harambee.insights.forms import SlowModeForm, SurveyForm
from harambee.insights.periods import period_from, period_key
from harambee.insights.tables import Table, build, person_ids, thread_ids


def _names(request, snapshot, *, facilitator: bool, threads: Any = ()) -> dict[str, Any]:
    """Through the gates, the titles of the threads and the names of the people a
    ``facilitator`` sees in the tables (and the titles of ``threads``, the prompts'),
    in one query each."""
    user = request.user
    if snapshot is None or not facilitator:
        return {"titles": selectors.thread_titles(user, threads), "names": {}}
    shown_threads, shown_people = _snapshot_ids(snapshot)
    asked = (snapshot.pk, snapshot.computed.isoformat(), sorted(set(threads)))
    return _kept_for_reader(
        user,
        "names",
        asked,
        lambda: {
            "titles": selectors.thread_titles(user, [*shown_threads, *threads]),
            "names": selectors.people_names(user, shown_people),
        },
    )


def _kept_for_reader(user: Any, what: str, asked: Any, read: Any) -> Any:
    """``read()``, what ``user`` may see of ``asked``, kept for them in the shared cache
    under the write generation: any committed write gives a new key, and the entry
    never outlives a change by time alone (``sight_unchanged_for``: a membership's
    end; nothing is kept for a reader holding a grant)."""
    generation = anoncache.shared_generation()
    if generation is None:
        return read()
    digest = hashlib.blake2b(repr(asked).encode(), digest_size=16).hexdigest()
    key = f"insights:{what}:{generation}:{user.pk}:{digest}"
    found = cache.get(key)
    if found is None:
        found = read()
        seconds = sight_unchanged_for(user, NAMES_SECONDS)
        if seconds > 0:
            cache.set(key, found, seconds)
    return found


def _readable(user: Any, prompts: Any) -> list[Any]:
    """Of ``prompts``, those about no thread or a thread ``user`` may read, with their
    addresses (the titles the gate lets through kept as ``_kept_for_reader`` keeps)."""
    prompts = list(prompts)
    ids = sorted({p.thread_id for p in prompts if p.thread_id})
    titles = _kept_for_reader(user, "titles", ids, lambda: selectors.thread_titles(user, ids))
    return _linked([p for p in prompts if p.thread_id is None or p.thread_id in titles])


# How long a reader's view of a snapshot's titles and names is kept between writes.
NAMES_SECONDS = 300


def _snapshot_ids(snapshot) -> tuple[list[int], list[int]]:
    """The threads and people a snapshot's tables name, kept per process under the
    snapshot and when it was computed: reading them from its measures means loading
    all of its JSON, which a page whose tables are kept (``tables_html``) never needs."""
    key = f"insights:ids:{snapshot.pk}:{snapshot.computed.isoformat()}"
    cache = caches["fragments"]
    found = cache.get(key)
    if found is None:
        data = snapshot.data
        found = (thread_ids(data), person_ids(data))
        cache.set(key, found, TABLES_SECONDS)
    return found


def _tables(context: dict[str, Any]) -> list[Table]:
    snapshot = context["snapshot"]
    if snapshot is None:
        return []
    facilitator = context["facilitator"]
    return build(
        snapshot.data,
        facilitator=facilitator,
        titles=context["titles"] if facilitator else None,
        names=context["names"] if facilitator else None,
    )


def _linked(prompts: list[Any]) -> list[Any]:
    """The addresses each prompt links to, made here once rather than by the template."""
    for prompt in prompts:
        prompt.dismiss_url = reverse("insights:dismiss", args=[prompt.pk])
        if prompt.thread_id:
            prompt.insights_url = reverse("insights:thread", args=[prompt.thread_id])
    return prompts


def _charted(tables: list[Table]) -> list[dict[str, Any]]:
    return [{"table": t, "chart": bar_chart(t)} for t in tables]


PROMPTS_PER_PAGE = 25
SPACES_PER_PAGE = 50

# Rendered tables are kept a day: keyed by everything they show, so age bounds memory only.
TABLES_SECONDS = 24 * 3600


def tables_html(context: dict[str, Any], csv_base: str) -> SafeString:
    """The tables of a page with their charts, rendered once and kept in the
    ``fragments`` cache under a digest of everything they are made of: the snapshot
    (and when it was computed), whether the viewer facilitates, the thread titles and
    people's names this viewer may see (read through the gates first), the period,
    the CSV links' address and the language. Thirteen tables and their SVG charts cost
    more to build and render than the rest of the page together."""
    snapshot, period = context["snapshot"], context["period"]
    made_of = (
        get_language(),
        csv_base,
        period.query,
        None if snapshot is None else (snapshot.pk, snapshot.computed.isoformat()),
        context["facilitator"],
        sorted(context["titles"].items()) if context["facilitator"] else None,
        sorted(context["names"].items()) if context["facilitator"] else None,
    )
    key = "insights:tables:" + hashlib.blake2b(repr(made_of).encode(), digest_size=16).hexdigest()
    cache = caches["fragments"]
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            "insights/_tables.html",
            {
                "charted": _charted(_tables(context)),
                "snapshot": snapshot,
                "period": period,
                "csv_base": csv_base,
            },
        )
        cache.set(key, html, TABLES_SECONDS)
    return mark_safe(html)  # noqa: S308 -- rendered by our autoescaping template


def _csv(tables: list[Table], key: str, filename: str) -> HttpResponse:
    table = next((t for t in tables if t.key == key), None)
    if table is None:
        raise Http404
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.columns)
    for row in table.rows:
        # A cell starting with = + - @ is read as a formula by spreadsheets.
        writer.writerow(["'" + c if isinstance(c, str) and c[:1] in "=+-@" else c for c in row])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{key}.csv"'
    return response


@login_required
def index(request: HttpRequest) -> HttpResponse:
    steward = rules.may_steward(request.user)
    # A steward's list is every space of the alliance (500 at a million items): in pages.
    page = paginate(request, selectors.all_spaces(), SPACES_PER_PAGE) if steward else None
    spaces = page.object_list if page is not None else selectors.my_spaces(request.user)
    survey = selectors.survey_for(request.user)
    prompts, more = selectors.open_prompts(None) if steward else ([], False)
    prompts = _readable(request.user, prompts)
    return render(
        request,
        "insights/index.html",
        {
            "spaces": spaces,
            "page": page,
            "steward": steward,
            "survey": survey,
            "survey_due": selectors.survey_due(survey),
            "forum_prompts": prompts,
            "more_prompts": more,
        },
    )


def _space_context(request, slug: str, *, prompts: bool = False) -> dict[str, Any]:
    space = selectors.space_for(request.user, slug)
    form, period = period_from(request.GET)
    facilitator = rules.may_facilitate(request.user, space.pk)
    snapshot = selectors.snapshot_for(f"space:{space.pk}", period)
    found, more = selectors.open_prompts(space.pk) if prompts and facilitator else ([], False)
    threads = [p.thread_id for p in found if p.thread_id]
    names = _names(request, snapshot, facilitator=facilitator, threads=threads)
    return {
        "space": space,
        "form": form,
        "period_key": period_key(form),
        "period": period,
        "facilitator": facilitator,
        "snapshot": snapshot,
        **names,
        "prompts": _linked(
            [p for p in found if p.thread_id is None or p.thread_id in names["titles"]]
        ),
        "more_prompts": more,
    }


def space(request: HttpRequest, slug: str) -> HttpResponse:
    context = _space_context(request, slug, prompts=True)
    space = context["space"]
    context.update(
        tables_html=tables_html(context, reverse("insights:space", args=[space.slug])),
        # Kept in the shared cache, as home reads it; forgotten when the person answers.
        survey_due=selectors.survey_prompt_for(request.user),
    )
    return render(request, "insights/space.html", context)


def space_prompts(request: HttpRequest, slug: str) -> HttpResponse:
    """Every open prompt of a space, a page at a time: for its facilitators."""
    space = selectors.space_for(request.user, slug)
    if not rules.may_facilitate(request.user, space.pk):
        raise Http404
    page = paginate(request, selectors.open_prompts_query(space.pk), PROMPTS_PER_PAGE)
    return render(
        request,
        "insights/prompts.html",
        {
            "space": space,
            "page": page,
            "prompts": _readable(request.user, page.object_list),
        },
    )


def forum_prompts(request: HttpRequest) -> HttpResponse:
    """Every open prompt about the forum's threads outside spaces: for stewards."""
    if not rules.may_steward(request.user):
        raise Http404
    page = paginate(request, selectors.open_prompts_query(None), PROMPTS_PER_PAGE)
    return render(
        request,
        "insights/prompts.html",
        {
            "space": None,
            "page": page,
            "prompts": _readable(request.user, page.object_list),
        },
    )


def space_csv(request: HttpRequest, slug: str, table: str) -> HttpResponse:
    context = _space_context(request, slug)
    return _csv(_tables(context), table, f"insights-{context['space'].slug}")


def _alliance_context(request) -> dict[str, Any]:
    if not rules.may_steward(request.user):
        raise Http404
    form, period = period_from(request.GET)
    snapshot = selectors.snapshot_for("alliance", period)
    return {
        "form": form,
        "period_key": period_key(form),
        "period": period,
        "snapshot": snapshot,
        "facilitator": True,
        **_names(request, snapshot, facilitator=True),
    }


def alliance(request: HttpRequest) -> HttpResponse:
    context = _alliance_context(request)
    context["tables_html"] = tables_html(context, reverse("insights:alliance"))
    return render(request, "insights/alliance.html", context)


def alliance_csv(request: HttpRequest, table: str) -> HttpResponse:
    return _csv(_tables(_alliance_context(request)), table, "insights-alliance")


def _thread_context(request, pk: int) -> dict[str, Any]:
    thread = selectors.thread_for(request.user, pk)
    form, period = period_from(request.GET)
    snapshot = selectors.snapshot_for(f"thread:{thread.pk}", period)
    return {
        "thread": thread,
        "form": form,
        "period_key": period_key(form),
        "period": period,
        "snapshot": snapshot,
        "facilitator": True,
        **_names(request, snapshot, facilitator=True),
    }


def thread(request: HttpRequest, pk: int) -> HttpResponse:
    context = _thread_context(request, pk)
    mode = selectors.slow_mode_for(context["thread"])
    context.update(
        tables_html=tables_html(context, reverse("insights:thread", args=[pk])),
        slow_mode=mode,
        slow_form=SlowModeForm(),
    )
    return render(request, "insights/thread.html", context)


def thread_csv(request: HttpRequest, pk: int, table: str) -> HttpResponse:
    context = _thread_context(request, pk)
    return _csv(_tables(context), table, f"insights-thread-{pk}")


@require_POST
def slow_mode(request: HttpRequest, pk: int) -> HttpResponse:
    thread = selectors.thread_for(request.user, pk)
    if request.POST.get("action") == "end":
        services.slow_mode_end(actor=request.user, thread=thread)
        messages.success(request, _("Slow mode has ended."))
        return redirect("insights:thread", pk=thread.pk)
    form = SlowModeForm(request.POST)
    if not form.is_valid():
        context = _thread_context(request, pk)
        context.update(
            tables_html=tables_html(context, reverse("insights:thread", args=[pk])),
            slow_mode=selectors.slow_mode_for(thread),
            slow_form=form,
        )
        return render(request, "insights/thread.html", context)
    services.slow_mode_set(
        actor=request.user,
        thread=thread,
        minutes=form.cleaned_data["minutes"],
        hours=form.cleaned_data["hours"],
    )
    messages.success(request, _("Slow mode is on."))
    return redirect("insights:thread", pk=thread.pk)


@require_POST
def dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    prompt = services.prompt_get(actor=request.user, pk=pk)
    services.prompt_dismiss(actor=request.user, prompt=prompt)
    messages.success(request, _("The prompt is dismissed."))
    if prompt.space_id is None:
        return redirect_next(request, reverse("insights:index"))
    return redirect_next(request, reverse("insights:space", args=[prompt.space.slug]))


@login_required
def survey(request: HttpRequest) -> HttpResponse:
    current = selectors.survey_for(request.user)
    if request.method == "POST":
        form = SurveyForm(request.POST)
        if form.is_valid():
            services.survey_save(user=request.user, channels=form.cleaned_data["channels"])
            messages.success(request, _("Thank you: your answer is saved."))
            return redirect("insights:survey")
    else:
        form = SurveyForm(initial={"channels": current.channels if current else []})
    return render(request, "insights/survey.html", {"form": form, "survey": current})


@login_required
@require_POST
def survey_dismiss(request: HttpRequest) -> HttpResponse:
    """ "Not now, thanks": the prompt to answer the survey is not shown again."""
    services.survey_dismiss(user=request.user)
    messages.success(
        request,
        _("The survey will not be asked again. You can still answer it any time from Insights."),
    )
    return redirect_next(request, "/")
