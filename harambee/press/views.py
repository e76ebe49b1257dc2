from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.press import rules, selectors, services
from harambee.press.forms import BrochureForm, DigestForm
from harambee.press.models import Brochure
from harambee.spaces.selectors import membership_for, space_get


def shows_tab(request, space) -> bool:
    return membership_for(request.user, space.pk) is not None


def _space(request, slug: str, *, build: bool = False):
    """The space, for its members (its facilitators to build): 404 for a space one may
    not know, 403 for one whose print one may not use."""
    space = space_get(user=request.user, slug=slug)
    allowed = rules.may_build if build else rules.may_print
    if not allowed(request.user, space):
        raise PermissionDenied
    return space


def _brochure(space, pk: int) -> Brochure:
    brochure = selectors.brochure_get(space=space, pk=pk)
    if brochure is None:
        raise Http404
    return brochure


def _form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def index(request, slug: str):
    space = _space(request, slug)
    return render(
        request,
        "press/index.html",
        {
            "space": space,
            "brochures": selectors.brochures(space=space)[: selectors.LIST_MAX],
            "may_build": rules.may_build(request.user, space),
        },
    )


@login_required
def new(request, slug: str):
    space = _space(request, slug, build=True)
    form = BrochureForm(
        request.POST or None,
        candidates=selectors.candidates(space=space),
        initial={"language": request.LANGUAGE_CODE},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            brochure = services.brochure_create(
                actor=request.user,
                space=space,
                title=data["title"],
                intro=data["intro"],
                source=data["source"],
                theme=data["theme"],
                item_ids=[int(pk) for pk in data["items"]],
                language=data["language"],
                paper=data["paper"],
                columns=data["columns"],
                booklet=data["booklet"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The brochure is being prepared."))
            return redirect(brochure.get_absolute_url())
    return render(
        request,
        "press/form.html",
        {"space": space, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
def digest(request, slug: str):
    space = _space(request, slug)
    form = DigestForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            brochure = services.brochure_create(
                actor=request.user,
                space=space,
                title=_("%(space)s: %(month)s")
                % {
                    "space": space.name,
                    "month": dict(form.fields["month"].choices)[data["month"].strftime("%Y-%m")],
                },
                source=Brochure.Source.MONTH,
                month=data["month"],
                language=data["language"],
                paper=data["paper"],
                columns=data["columns"],
                booklet=data["booklet"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The digest is being prepared."))
            return redirect(brochure.get_absolute_url())
    return render(
        request,
        "press/digest.html",
        {"space": space, "form": form, "may_build": rules.may_build(request.user, space)},
        status=422 if form.errors else 200,
    )


@login_required
def detail(request, slug: str, pk: int):
    space = _space(request, slug)
    brochure = _brochure(space, pk)
    # Made without rendering (the demo): the first visit queues it.
    services.brochure_queue(brochure=brochure)
    if request.headers.get("HX-Request"):
        # The status while it is being prepared, asked for every few seconds.
        return render(
            request,
            "press/_status.html",
            {
                "space": space,
                "brochure": brochure,
                "may_build": rules.may_build(request.user, space),
            },
        )
    return render(
        request,
        "press/detail.html",
        {
            "space": space,
            "brochure": brochure,
            "items": selectors.brochure_items(brochure=brochure),
            "may_build": rules.may_build(request.user, space),
        },
    )


@login_required
@require_POST
def retry(request, slug: str, pk: int):
    space = _space(request, slug, build=True)
    brochure = _brochure(space, pk)
    if services.brochure_retry(actor=request.user, brochure=brochure):
        messages.success(request, _("The brochure is being prepared again."))
    return redirect(brochure.get_absolute_url())


@login_required
def download(request, slug: str, pk: int, which: str):
    space = _space(request, slug)
    brochure = _brochure(space, pk)
    stored = brochure.booklet_pdf if which == "booklet" else brochure.pdf
    if brochure.status != Brochure.Status.READY or not stored:
        raise Http404
    name = f"{'booklet' if which == 'booklet' else 'brochure'}-{brochure.pk}.pdf"
    return FileResponse(
        stored.open("rb"), as_attachment=True, filename=name, content_type="application/pdf"
    )


def go(request, pk: int) -> HttpResponse:
    """A printed short address: on to the item for whoever may read it, 404 otherwise."""
    item = selectors.readable_item(user=request.user, pk=pk)
    if item is None:
        raise Http404
    return redirect(item.get_absolute_url())
