from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_countries import countries as all_countries

from harambee.core.files import FileRefused
from harambee.core.forms import EvidenceForm
from harambee.core.http import paginate
from harambee.core.markdown import render_markdown
from harambee.core.selectors import conversation
from harambee.core.services import attachment_add, attachment_remove
from harambee.core.visibility import can_see_space, can_view
from harambee.initiatives import rules, selectors, services
from harambee.initiatives.forms import (
    AdaptationForm,
    CycleForm,
    DirectoryForm,
    InitiativeForm,
    LessonForm,
    NoteForm,
    PhaseNoteForm,
    StakeholderForm,
)
from harambee.initiatives.models import NOTE_SECTIONS, Initiative
from harambee.people.roles import Perm
from harambee.spaces.selectors import coauthor_choices, with_shown_space
from harambee.spaces.services import require_space_perm


def _countries_in_use(user) -> list[tuple[str, str]]:
    """Countries of the initiatives this reader may know about."""
    codes: set[str] = set()
    for countries in selectors.initiative_list(user=user).values_list("countries", flat=True):
        codes.update(countries or [])
    return [(code, name) for code, name in all_countries if code in codes]


def directory(request):
    form = DirectoryForm(request.GET or None, countries=_countries_in_use(request.user))
    filters = {k: v for k, v in (form.cleaned_data if form.is_valid() else {}).items() if v}
    page = paginate(request, selectors.initiative_list(user=request.user, **filters))
    return render(request, "initiatives/directory.html", {"form": form, "page": page})


def lessons(request):
    """Lessons from every initiative the reader may see, newest first."""
    keyset = paginate(request, selectors.lesson_list(user=request.user).order_by("-created"))
    with_shown_space(request.user, keyset.object_list)
    return render(request, "initiatives/lessons.html", {"keyset": keyset})


def detail(request, slug: str):
    initiative = selectors.initiative_get(user=request.user, slug=slug)
    before = parse_datetime(request.GET.get("before", "") or "")
    timeline, older = selectors.timeline(user=request.user, initiative=initiative, before=before)
    return render(
        request,
        "initiatives/detail.html",
        {
            "initiative": initiative,
            "space": initiative.space,
            "stakeholders": selectors.stakeholders(initiative=initiative),
            "timeline": timeline,
            "older": older,
            "may_post": rules.may_post(request.user, initiative),
            "may_edit": rules.may_edit_profile(request.user, initiative),
        },
    )


@login_required
def edit(request, slug: str):
    initiative = selectors.initiative_get(user=request.user, slug=slug)
    require_space_perm(request.user, initiative.space, Perm.EDIT_SPACE)
    form = InitiativeForm(
        request.POST or None, instance=selectors.initiative_for_form(initiative=initiative)
    )
    stakeholder_form = StakeholderForm()
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        themes = list(data.pop("themes"))
        services.initiative_update(actor=request.user, initiative=initiative, themes=themes, **data)
        messages.success(request, _("The initiative's profile is saved."))
        return redirect(initiative)
    return render(
        request,
        "initiatives/edit.html",
        {
            "initiative": initiative,
            "form": form,
            "stakeholder_form": stakeholder_form,
            "stakeholders": selectors.stakeholders(initiative=initiative),
        },
    )


@require_POST
@login_required
def stakeholder_add(request, slug: str):
    initiative = selectors.initiative_get(user=request.user, slug=slug)
    form = StakeholderForm(request.POST)
    if form.is_valid():
        services.stakeholder_set(actor=request.user, initiative=initiative, **form.cleaned_data)
        messages.success(request, _("The organisation is listed."))
    else:
        messages.error(request, _("Choose an organisation from the list."))
    return redirect("initiatives:edit", slug=slug)


@require_POST
@login_required
def stakeholder_remove(request, slug: str, pk: int):
    initiative = selectors.initiative_get(user=request.user, slug=slug)
    link = selectors.stakeholder_get(initiative=initiative, pk=pk)
    services.stakeholder_remove(actor=request.user, link=link)
    messages.success(request, _("The organisation is no longer listed."))
    return redirect("initiatives:edit", slug=slug)


@login_required
def cycle_create(request, slug: str):
    initiative = selectors.initiative_get(user=request.user, slug=slug)
    require_space_perm(request.user, initiative.space, Perm.POST)
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        cycle = services.cycle_create(
            author=request.user, initiative=initiative, **form.cleaned_data
        )
        messages.success(request, _("The inquiry cycle is started."))
        return redirect(cycle)
    return render(
        request,
        "initiatives/form.html",
        {"form": form, "initiative": initiative, "heading": _("Start an inquiry cycle")},
    )


def _shown_initiative(user, initiative: Initiative) -> Initiative | None:
    """The initiative an item belongs to, unless the reader may not know its space
    exists (a public note from a secret space names no initiative)."""
    return initiative if can_see_space(user, initiative.space) else None


def render_cycle(
    request,
    pk: int,
    *,
    comment_form=None,
    status: int = 200,
    phase_form: PhaseNoteForm | None = None,
):
    cycle = selectors.cycle_get(user=request.user, pk=pk)
    context = {
        "cycle": cycle,
        "initiative": _shown_initiative(request.user, cycle.initiative),
        "phases": selectors.phase_notes(cycle=cycle),
        "phase_form": phase_form or PhaseNoteForm(),
        "may_add": rules.may_post(request.user, cycle.initiative),
        "may_edit": rules.may_edit(request.user, cycle),
        **conversation(request, cycle, comment_form),
    }
    return render(request, "initiatives/cycle.html", context, status=status)


def cycle_detail(request, pk: int):
    return render_cycle(request, pk)


@login_required
def phase_note_add(request, pk: int):
    cycle = selectors.cycle_get(user=request.user, pk=pk)
    form = PhaseNoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.phase_note_add(author=request.user, cycle=cycle, **form.cleaned_data)
        messages.success(request, _("The note is added."))
        return redirect(cycle)
    if request.method != "POST":
        return redirect(cycle)
    return render_cycle(request, pk, phase_form=form, status=422)


def _note_form(request, initiative, *, instance=None, editing=False):
    members = coauthor_choices(user=request.user, space=initiative.space, item=instance)
    return NoteForm(
        request.POST or None,
        request.FILES or None,
        instance=instance,
        cycles=selectors.cycles_for_choice(user=request.user, initiative=initiative),
        members=members,
        editing=editing,
    )


@login_required
def note_create(request, slug: str):
    initiative = selectors.initiative_get(user=request.user, slug=slug)
    require_space_perm(request.user, initiative.space, Perm.POST)
    form = _note_form(request, initiative)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        upload, caption = data.pop("evidence_file"), data.pop("evidence_caption")
        try:
            with transaction.atomic():
                note = services.note_create(
                    author=request.user,
                    initiative=initiative,
                    themes=list(data.pop("themes")),
                    coauthors=list(data.pop("coauthors")),
                    **data,
                )
                if upload is not None:
                    attachment_add(actor=request.user, content=note, upload=upload, caption=caption)
        except FileRefused as refusal:
            # Nothing is half-saved: the note waits until its file is accepted.
            form.add_error("evidence_file", str(refusal))
        else:
            messages.success(request, _("Your learning note is saved."))
            return redirect(note)
    return render(
        request,
        "initiatives/note_form.html",
        {"form": form, "initiative": initiative, "note": None},
    )


def render_note(request, pk: int, *, comment_form=None, status: int = 200, evidence_form=None):
    note = selectors.note_get(user=request.user, pk=pk)
    context = {
        "note": note,
        "cycle": note.cycle if note.cycle and can_view(request.user, note.cycle) else None,
        "initiative": _shown_initiative(request.user, note.initiative),
        "lessons": selectors.note_lessons(user=request.user, note=note),
        "attachments": note.attachments.all(),
        **_adaptation_context(request, note),
        "evidence_form": evidence_form or EvidenceForm(),
        "may_edit": rules.may_edit(request.user, note),
        **conversation(request, note, comment_form),
    }
    return render(request, "initiatives/note.html", context, status=status)


def note_detail(request, pk: int):
    return render_note(request, pk)


@require_POST
@login_required
def evidence_add(request, pk: int):
    note = selectors.note_get(user=request.user, pk=pk)
    if not rules.may_edit(request.user, note):
        raise PermissionDenied
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment_add(
                actor=request.user,
                content=note,
                upload=form.cleaned_data["file"],
                url=form.cleaned_data["url"],
                caption=form.cleaned_data["caption"],
                keep_location=form.cleaned_data["keep_location"],
            )
        except FileRefused as refusal:
            form.add_error("file", str(refusal))
        else:
            messages.success(request, _("The evidence is added."))
            return redirect(f"{note.get_absolute_url()}#evidence")
    return render_note(request, pk, evidence_form=form, status=422)


@require_POST
@login_required
def evidence_remove(request, pk: int, attachment_pk: int):
    note = selectors.note_get(user=request.user, pk=pk)
    attachment = selectors.note_attachment_get(note=note, pk=attachment_pk)
    attachment_remove(actor=request.user, attachment=attachment)
    messages.success(request, _("The evidence is removed."))
    return redirect(f"{note.get_absolute_url()}#evidence")


@login_required
def note_edit(request, pk: int):
    note = selectors.note_get(user=request.user, pk=pk)
    if not rules.may_edit(request.user, note):
        raise PermissionDenied
    form = _note_form(
        request, note.initiative, instance=selectors.note_for_form(note=note), editing=True
    )
    if rules.visibility_locked(note):
        del form.fields["visibility"]
    if request.method == "GET":
        form.initial["coauthors"] = list(note.coauthors.all())
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        services.note_update(
            actor=request.user,
            note=note,
            themes=list(data.pop("themes")),
            coauthors=list(data.pop("coauthors")),
            **data,
        )
        messages.success(request, _("Your changes are saved as a new version."))
        return redirect(note)
    return render(
        request,
        "initiatives/note_form.html",
        {
            "form": form,
            "initiative": _shown_initiative(request.user, note.initiative),
            "note": note,
        },
    )


def note_history(request, pk: int):
    note = selectors.note_get(user=request.user, pk=pk)
    return render(
        request,
        "initiatives/history.html",
        {
            "note": note,
            "revisions": selectors.note_revisions(user=request.user, note=note),
            "may_edit": rules.may_edit(request.user, note),
        },
    )


def note_revision(request, pk: int, number: int):
    note = selectors.note_get(user=request.user, pk=pk)
    revision = selectors.note_revision_get(user=request.user, note=note, number=number)
    sections = [
        (label, render_markdown(revision.data.get(name, "")))
        for name, label in NOTE_SECTIONS
        if revision.data.get(name, "").strip()
    ]
    return render(
        request,
        "initiatives/revision.html",
        {
            "note": note,
            "revision": revision,
            "sections": sections,
            "may_edit": rules.may_edit(request.user, note),
        },
    )


@require_POST
@login_required
def note_revert(request, pk: int, number: int):
    note = selectors.note_get(user=request.user, pk=pk)
    revision = selectors.note_revision_get(user=request.user, note=note, number=number)
    services.note_revert(actor=request.user, note=note, revision=revision)
    messages.success(request, _("The note is back to version %(n)s.") % {"n": number})
    return redirect(note)


@login_required
def lesson_create(request, pk: int):
    note = selectors.note_get(user=request.user, pk=pk)
    if not rules.may_edit(request.user, note):
        raise PermissionDenied
    form = LessonForm(
        request.POST or None,
        initial={"visibility": note.visibility, "themes": list(note.themes.all())},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            lesson = services.lesson_create(
                author=request.user, note=note, themes=list(data.pop("themes")), **data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The lesson is saved."))
            return redirect(lesson)
    return render(
        request,
        "initiatives/form.html",
        {
            "form": form,
            "initiative": _shown_initiative(request.user, note.initiative),
            "heading": _("Add a lesson to “%(title)s”") % {"title": note.title},
        },
    )


def render_lesson(request, pk: int, *, comment_form=None, status: int = 200):
    lesson = selectors.lesson_get(user=request.user, pk=pk)
    note = lesson.note
    with_shown_space(request.user, [lesson])
    context = {
        "lesson": lesson,
        "note": note if can_view(request.user, note) else None,
        "may_edit": rules.may_edit(request.user, lesson),
        **_adaptation_context(request, lesson),
        **conversation(request, lesson, comment_form),
    }
    return render(request, "initiatives/lesson.html", context, status=status)


def lesson_detail(request, pk: int):
    return render_lesson(request, pk)


def dossier(request, slug: str):
    initiative = selectors.initiative_get(user=request.user, slug=slug)
    return render(
        request,
        "initiatives/dossier.html",
        {"initiative": initiative, **selectors.dossier(user=request.user, initiative=initiative)},
    )


def dossier_markdown(request, slug: str):
    initiative = selectors.initiative_get(user=request.user, slug=slug)
    text = render_to_string(
        "initiatives/dossier.md",
        {
            "initiative": initiative,
            "site_url": settings.SITE_URL,
            **selectors.dossier(user=request.user, initiative=initiative),
        },
        request=request,
    )
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{initiative.space.slug}.md"'
    response["Cache-Control"] = "private, no-store"
    return response


def _adaptation_context(request, item) -> dict:
    """What the page of a note or lesson shows about shareable versions."""
    user = request.user
    rows = selectors.adaptations_around(item=item)
    adaptation = next((a for a in rows if a.adapted_id == item.pk), None)
    made = [a for a in rows if a.original_id == item.pk and can_view(user, a.adapted)]
    return {
        "adaptation": adaptation,
        "original": (
            adaptation.original if adaptation and can_view(user, adaptation.original) else None
        ),
        "may_start_adaptation": rules.may_start_adaptation(user, item, adaptation),
        "may_review": rules.may_review(user, item, adaptation),
        "may_submit": rules.may_submit(user, adaptation),
        "adaptations_made": made,
        "adaptation_form": AdaptationForm(),
    }


@require_POST
@login_required
def adaptation_start(request, pk: int):
    original = selectors.adaptable_get(user=request.user, pk=pk)
    form = AdaptationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose who the shareable version is for."))
        return redirect(original)
    try:
        adaptation = services.adaptation_start(
            actor=request.user,
            original=original,
            target_visibility=form.cleaned_data["target_visibility"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(original)
    messages.success(
        request,
        _(
            "A private copy is ready. Remove or reword what must stay restricted, then send it "
            "for review."
        ),
    )
    adapted = adaptation.adapted
    if adapted.kind == "note":
        return redirect("initiatives:note_edit", pk=adapted.pk)
    return redirect(adapted.get_absolute_url())


@require_POST
@login_required
def adaptation_submit(request, pk: int):
    adaptation = selectors.adaptation_get(pk=pk)
    item = selectors.adaptable_get(user=request.user, pk=adaptation.adapted_id)
    services.adaptation_submit(actor=request.user, adaptation=adaptation)
    messages.success(request, _("Sent for review to the space's leads and facilitators."))
    return redirect(item)


@require_POST
@login_required
def adaptation_decide(request, pk: int):
    adaptation = selectors.adaptation_get(pk=pk)
    item = selectors.adaptable_get(user=request.user, pk=adaptation.adapted_id)
    approve = request.POST.get("decision") == "approve"
    try:
        services.adaptation_decide(
            actor=request.user,
            adaptation=adaptation,
            approve=approve,
            comment=request.POST.get("comment", ""),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(item)
    if approve:
        messages.success(request, _("The shareable version is published."))
    else:
        messages.success(request, _("The version goes back to its adapter with your comment."))
    return redirect(item)
