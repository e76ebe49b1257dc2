"""Thin views: every read through ``selectors``, every write through ``services``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.core.http import form_errors, form_page
from harambee.spaces.selectors import space_get
from harambee.training import rules, selectors, services
from harambee.training.certificate import certificate_pdf, qr_svg
from harambee.training.forms import (
    CohortForm,
    EvidenceForm,
    ItemForm,
    ModuleForm,
    PlaceForm,
    ProgrammeForm,
    RecogniseForm,
    ReflectionForm,
    RevokeForm,
)
from harambee.training.progress import percent

FORM = "training/form.html"


def _posted(request):
    return request.POST if request.method == "POST" else None


def _facilitated(request, pk: int):
    """A programme the reader may know and facilitates; 404 or 403 otherwise."""
    found = selectors.programme_get(user=request.user, pk=pk)
    if not rules.may_facilitate(request.user, found):
        raise PermissionDenied
    return found


def _facilitated_module(request, pk: int):
    found = selectors.module_get(user=request.user, pk=pk)
    if not rules.may_facilitate(request.user, found.programme):
        raise PermissionDenied
    return found


def programmes(request):
    return render(
        request,
        "training/programmes.html",
        {"programmes": selectors.programme_list(user=request.user)},
    )


def programme(request, pk: int):
    found = selectors.programme_get(user=request.user, pk=pk)
    modules = selectors.modules_for(user=request.user, programme=found)
    enrolled = rules.is_enrolled(request.user, found)
    done = sum(m.done for m in modules)
    total = sum(len(m.steps) for m in modules)
    cohorts = selectors.cohorts(programme=found, user=request.user)
    return render(
        request,
        "training/programme.html",
        {
            "programme": found,
            "modules": modules,
            "cohorts": cohorts,
            "own_cohort": next((c for c in cohorts if c.mine), None),
            "facilitators": selectors.facilitators(programme=found),
            "enrolled": enrolled,
            "percent": percent(done, total) if enrolled else None,
            "may_facilitate": rules.may_facilitate(request.user, found),
            "competencies": selectors.competencies(programme=found),
        },
    )


def _programme_form(request, instance=None) -> ProgrammeForm:
    return ProgrammeForm(
        _posted(request),
        instance=instance,
        partners=selectors.partner_choices(),
        frameworks=selectors.framework_choices(),
    )


@login_required
def programme_create(request, slug: str):
    space = space_get(user=request.user, slug=slug)
    if not rules.may_start_programme(request.user, space):
        raise PermissionDenied
    return form_page(
        request,
        _programme_form(request),
        FORM,
        {"space": space, "heading": _("Add a programme"), "button": _("Add the programme")},
        save=lambda data: services.programme_create(actor=request.user, space=space, **data),
        done=_("The programme is added. Now add its modules and a cohort."),
    )


@login_required
def programme_edit(request, pk: int):
    found = _facilitated(request, pk)
    return form_page(
        request,
        _programme_form(request, instance=found),
        FORM,
        {"back": found, "heading": _("Edit the programme"), "button": _("Save the changes")},
        save=lambda data: services.programme_update(actor=request.user, programme=found, **data),
        done=_("Your changes are saved."),
    )


@login_required
def module_create(request, pk: int):
    found = _facilitated(request, pk)
    return form_page(
        request,
        ModuleForm(_posted(request)),
        FORM,
        {"back": found, "heading": _("Add a module"), "button": _("Add the module")},
        save=lambda data: services.module_create(actor=request.user, programme=found, **data),
        done=_("The module is added. Now add its steps."),
    )


@login_required
def module_edit(request, pk: int):
    found = _facilitated_module(request, pk)
    return form_page(
        request,
        ModuleForm(_posted(request), instance=found),
        FORM,
        {"back": found, "heading": _("Edit the module"), "button": _("Save the changes")},
        save=lambda data: services.module_update(actor=request.user, module=found, **data),
        done=_("Your changes are saved."),
    )


@require_POST
@login_required
def module_remove(request, pk: int):
    found = _facilitated_module(request, pk)
    programme = services.module_remove(actor=request.user, module=found)
    messages.success(request, _("The module is removed, with its steps."))
    return redirect(programme)


@login_required
def cohort_create(request, pk: int):
    found = _facilitated(request, pk)
    return form_page(
        request,
        CohortForm(_posted(request)),
        FORM,
        {"back": found, "heading": _("Add a cohort"), "button": _("Add the cohort")},
        save=lambda data: (
            services.cohort_create(actor=request.user, programme=found, **data).programme
        ),
        done=_("The cohort is added."),
    )


def cohort(request, pk: int):
    found = selectors.cohort_get(user=request.user, pk=pk)
    programme = found.programme
    shown = rules.may_see_learners(request.user, programme)
    return render(
        request,
        "training/cohort.html",
        {
            "cohort": found,
            "programme": programme,
            "learners": selectors.cohort_learners(cohort=found) if shown else None,
            "may_facilitate": rules.may_facilitate(request.user, programme),
        },
    )


@login_required
def cohort_edit(request, pk: int):
    found = selectors.cohort_get(user=request.user, pk=pk)
    if not rules.may_facilitate(request.user, found.programme):
        raise PermissionDenied
    return form_page(
        request,
        CohortForm(_posted(request), initial=CohortForm.initial_for(found)),
        FORM,
        {"back": found, "heading": _("Edit the cohort"), "button": _("Save the changes")},
        save=lambda data: services.cohort_update(actor=request.user, cohort=found, **data),
        done=_("Your changes are saved."),
    )


@require_POST
@login_required
def learner_place(request, pk: int, user_pk: int):
    found = _facilitated(request, pk)
    learner = selectors.learner_get(programme=found, pk=user_pk)
    form = PlaceForm(request.POST, cohorts=selectors.cohort_choices(programme=found))
    if not form.is_valid():
        messages.error(request, _("Choose a cohort of the programme."))
    else:
        services.learner_place(
            actor=request.user, programme=found, learner=learner, cohort=form.cleaned_data["cohort"]
        )
        messages.success(request, _("The learner's cohort is saved."))
    return redirect("training:learners", pk=found.pk)


def module(request, pk: int):
    found = selectors.module_get(user=request.user, pk=pk)
    programme = found.programme
    (view,) = selectors.modules_for(user=request.user, programme=programme, only=found)
    return render(
        request,
        "training/module.html",
        {
            "programme": programme,
            "view": view,
            "may_learn": rules.may_learn(request.user, programme),
            "may_facilitate": rules.may_facilitate(request.user, programme),
        },
    )


@require_POST
@login_required
def item_mark(request, pk: int):
    item = selectors.item_get(user=request.user, pk=pk)
    done = request.POST.get("done") == "1"
    try:
        services.item_mark(learner=request.user, item=item, done=done)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(item.module.get_absolute_url() + f"#item-{item.pk}")


@login_required
def item_add(request, pk: int):
    found = _facilitated_module(request, pk)
    form = ItemForm(_posted(request), choices=selectors.linkable_content(user=request.user))
    return form_page(
        request,
        form,
        FORM,
        {"back": found, "heading": _("Add a step"), "button": _("Add the step")},
        save=lambda data: services.item_add(actor=request.user, module=found, **data).module,
        done=_("Step added."),
    )


@login_required
def item_edit(request, pk: int):
    item = selectors.item_get(user=request.user, pk=pk)
    module = item.module
    if not rules.may_facilitate(request.user, module.programme):
        raise PermissionDenied
    form = ItemForm(
        _posted(request),
        choices=selectors.linkable_content(user=request.user),
        initial=ItemForm.initial_for(item),
    )
    return form_page(
        request,
        form,
        FORM,
        {
            "back": module,
            "heading": _("Edit a step"),
            "intro": _(
                "If the step comes to point at something else, what learners did of it "
                "no longer counts, and their progress is counted again."
            ),
            "button": _("Save the step"),
        },
        save=lambda data: services.item_update(actor=request.user, item=item, **data).module,
        done=_("Step saved."),
    )


@require_POST
@login_required
def item_remove(request, pk: int):
    item = selectors.item_get(user=request.user, pk=pk)
    module = item.module
    services.item_remove(actor=request.user, item=item)
    messages.success(request, _("Step removed."))
    return redirect(module.get_absolute_url())


@login_required
def reflect(request, pk: int):
    item = selectors.item_get(user=request.user, pk=pk)
    programme = item.module.programme
    if item.kind != item.Kind.REFLECTION or not rules.may_learn(request.user, programme):
        raise Http404
    initiatives = selectors.reflection_initiatives(user=request.user)
    form = ReflectionForm(request.POST or None, initiatives=initiatives)
    if request.method == "POST" and "_preview" not in request.POST and form.is_valid():
        try:
            reflection = services.reflection_write(
                learner=request.user, item=item, **form.cleaned_data
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, getattr(error, "messages", [_("You cannot post there.")])[0])
        else:
            messages.success(request, _("Your reflection is saved as a private learning note."))
            return redirect(reflection.note.get_absolute_url())
    status = 422 if request.method == "POST" and form.errors else 200
    return render(
        request,
        "training/reflect.html",
        {"item": item, "programme": programme, "form": form, "initiatives": initiatives},
        status=status,
    )


@login_required
def evidence(request, pk: int):
    found = selectors.programme_get(user=request.user, pk=pk)
    if not rules.may_learn(request.user, found):
        raise PermissionDenied
    form = EvidenceForm(
        request.POST or None,
        competencies=selectors.competencies(programme=found),
        items=selectors.evidence_choices(learner=request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.evidence_add(learner=request.user, programme=found, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Evidence added."))
            return redirect("training:evidence", pk=found.pk)
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "training/evidence.html",
        {
            "programme": found,
            "form": form,
            "evidence": selectors.evidence_of(
                user=request.user, learner=request.user, programme=found
            ),
        },
        status=status,
    )


@login_required
def learners(request, pk: int):
    found = _facilitated(request, pk)
    cohorts = selectors.cohorts(programme=found)
    return render(
        request,
        "training/learners.html",
        {
            "programme": found,
            "rows": selectors.learners(programme=found, cohorts=cohorts),
            "form": RecogniseForm(competencies=selectors.competencies(programme=found)),
            "cohorts": cohorts,
        },
    )


@require_POST
@login_required
def recognise(request, pk: int, user_pk: int):
    found = _facilitated(request, pk)
    learner = selectors.learner_get(programme=found, pk=user_pk)
    form = RecogniseForm(request.POST, competencies=selectors.competencies(programme=found))
    if not form.is_valid():
        messages.error(request, _("Choose a competency of the programme."))
    else:
        try:
            services.competency_recognise(
                reviewer=request.user, programme=found, learner=learner, **form.cleaned_data
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Competency recognised."))
    return redirect("training:learners", pk=found.pk)


@require_POST
@login_required
def certificate_issue(request, pk: int, user_pk: int):
    found = _facilitated(request, pk)
    learner = selectors.learner_get(programme=found, pk=user_pk)
    try:
        services.certificate_issue(actor=request.user, programme=found, learner=learner)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Certificate issued."))
    return redirect("training:learners", pk=found.pk)


@login_required
def certificate_revoke(request, token: str):
    certificate = selectors.certificate_for_facilitator(user=request.user, token=token)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.certificate_revoke(
                actor=request.user, certificate=certificate, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Certificate revoked."))
            return redirect("training:verify", token=certificate.token)
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "training/revoke.html",
        {"certificate": certificate, "form": form},
        status=status,
    )


def verify(request, token: str):
    """Public: anyone with the address reads the holder, the programme, the date and
    whether it still holds. Unknown or forged addresses answer 404."""
    certificate = selectors.certificate_by_token(token=token)
    url = request.build_absolute_uri(certificate.get_absolute_url())
    return render(
        request,
        "training/verify.html",
        {"certificate": certificate, "verify_url": url, "qr": qr_svg(url)},
    )


def certificate_download(request, token: str):
    certificate = selectors.certificate_by_token(token=token)
    if certificate.revoked is not None:
        raise Http404
    url = request.build_absolute_uri(certificate.get_absolute_url())
    response = HttpResponse(certificate_pdf(certificate, url), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="certificate.pdf"'
    return response


def pathway(request, pk: int):
    person = selectors.person_get(user=request.user, pk=pk)
    return render(
        request,
        "training/pathway.html",
        {"person": person, "entries": selectors.pathway(user=request.user, person=person)},
    )


@login_required
def mine(request):
    return pathway(request, request.user.pk)
