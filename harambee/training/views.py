"""Thin views: every read through ``selectors``, every write through ``services``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.training import rules, selectors, services
from harambee.training.certificate import certificate_pdf, qr_svg
from harambee.training.forms import (
    EvidenceForm,
    ItemForm,
    RecogniseForm,
    ReflectionForm,
    RevokeForm,
)
from harambee.training.progress import percent


def _errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, problems in error.error_dict.items():
            for problem in problems:
                form.add_error(name if name in form.fields else None, problem)
    else:
        for problem in error.messages:
            form.add_error(None, problem)


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
    return render(
        request,
        "training/programme.html",
        {
            "programme": found,
            "modules": modules,
            "cohorts": selectors.cohorts(programme=found),
            "facilitators": selectors.facilitators(programme=found),
            "enrolled": enrolled,
            "percent": percent(done, total) if enrolled else None,
            "may_facilitate": rules.may_facilitate(request.user, found),
            "competencies": selectors.competencies(programme=found),
        },
    )


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
    found = selectors.module_get(user=request.user, pk=pk)
    if not rules.may_facilitate(request.user, found.programme):
        raise PermissionDenied
    choices = selectors.linkable_content(user=request.user)
    form = ItemForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_add(actor=request.user, module=found, **form.cleaned_data)
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("Step added."))
            return redirect(found.get_absolute_url())
    status = 422 if request.method == "POST" else 200
    return render(
        request, "training/item_form.html", {"module": found, "form": form}, status=status
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
            _errors(form, error)
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
    found = selectors.programme_get(user=request.user, pk=pk)
    if not rules.may_facilitate(request.user, found):
        raise PermissionDenied
    return render(
        request,
        "training/learners.html",
        {
            "programme": found,
            "rows": selectors.learners(programme=found),
            "form": RecogniseForm(competencies=selectors.competencies(programme=found)),
        },
    )


@require_POST
@login_required
def recognise(request, pk: int, user_pk: int):
    found = selectors.programme_get(user=request.user, pk=pk)
    if not rules.may_facilitate(request.user, found):
        raise PermissionDenied
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
    found = selectors.programme_get(user=request.user, pk=pk)
    if not rules.may_facilitate(request.user, found):
        raise PermissionDenied
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
            _errors(form, error)
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
