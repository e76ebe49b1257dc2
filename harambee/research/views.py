from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.core.http import form_errors, form_page, paginate
from harambee.core.selectors import conversation
from harambee.core.visibility import can_view
from harambee.research import rules, selectors, services
from harambee.research.forms import (
    AcceptForm,
    CallForm,
    CollaborationForm,
    ContributorForm,
    DeclineForm,
    LinkForm,
    MilestoneForm,
    OutputForm,
    RolesForm,
    SubmissionForm,
)
from harambee.research.models import Submission
from harambee.spaces.selectors import coauthor_choices, space_get

FORM = "research/form.html"


def _posted(request):
    return request.POST if request.method == "POST" else None


def collaborations(request, slug: str | None = None):
    space = space_get(user=request.user, slug=slug) if slug else None
    return render(
        request,
        "research/list.html",
        {
            "space": space,
            "page": paginate(request, selectors.collaboration_list(user=request.user, space=space)),
            "may_start": space is not None and rules.may_start(request.user, space),
        },
    )


@login_required
def collaboration_create(request, slug: str):
    space = space_get(user=request.user, slug=slug)
    if not rules.may_start(request.user, space):
        raise PermissionDenied
    form = CollaborationForm(
        _posted(request),
        initiatives=selectors.initiative_choices(user=request.user),
        writers=coauthor_choices(user=request.user, space=space),
    )

    def save(data):
        return services.collaboration_create(
            author=request.user,
            space=space,
            initiatives=list(data.pop("initiatives")),
            coauthors=list(data.pop("coauthors")),
            **data,
        )

    return form_page(
        request,
        form,
        FORM,
        {
            "space": space,
            "heading": _("Start a research collaboration"),
            "button": _("Start the collaboration"),
        },
        save=save,
        done=_("The research collaboration is started."),
    )


@login_required
def collaboration_edit(request, pk: int):
    collaboration = _organised(request, pk)
    is_author = collaboration.author_id == request.user.pk
    form = CollaborationForm(
        _posted(request),
        instance=collaboration,
        initiatives=selectors.initiative_choices(user=request.user),
        writers=coauthor_choices(user=request.user, space=collaboration.space)
        if is_author
        else None,
        editing=True,
    )

    def save(data):
        return services.collaboration_update(
            actor=request.user,
            collaboration=collaboration,
            initiatives=list(data.pop("initiatives")),
            coauthors=list(data.pop("coauthors")) if "coauthors" in data else None,
            **data,
        )

    return form_page(
        request,
        form,
        FORM,
        {
            "back": collaboration,
            "heading": _("Edit the research collaboration"),
            "button": _("Save the changes"),
        },
        save=save,
        done=_("Your changes are saved."),
    )


def render_collaboration(request, pk: int, *, comment_form=None, status: int = 200, **forms):
    collaboration = selectors.collaboration_get(user=request.user, pk=pk)
    organiser = rules.is_organiser(request.user, collaboration)
    calls, outputs = selectors.calls_and_outputs(user=request.user, collaboration=collaboration)
    context = {
        "calls": calls,
        "outputs": outputs,
        "collaboration": collaboration,
        "organiser": organiser,
        "contributors": selectors.contributors(collaboration=collaboration),
        "milestones": selectors.milestones(collaboration=collaboration),
        "initiatives": selectors.initiatives(user=request.user, collaboration=collaboration),
        "linked": selectors.linked(user=request.user, holder=collaboration),
        **conversation(request, collaboration, comment_form),
    }
    if organiser:
        context["milestone_form"] = forms.get("milestone_form") or MilestoneForm()
        context["link_form"] = forms.get("link_form") or LinkForm()
    return render(request, "research/collaboration.html", context, status=status)


def collaboration_detail(request, pk: int):
    return render_collaboration(request, pk)


def _organised(request, pk: int):
    collaboration = selectors.collaboration_get(user=request.user, pk=pk)
    if not rules.is_organiser(request.user, collaboration):
        raise PermissionDenied
    return collaboration


@login_required
def contributor_add(request, pk: int):
    """Add a contributor (a member of the collaboration's space) or change their
    roles: a page of its own, so that the collaboration's page does not list people."""
    collaboration = _organised(request, pk)
    form = ContributorForm(
        _posted(request), people=coauthor_choices(user=request.user, space=collaboration.space)
    )
    return form_page(
        request,
        form,
        FORM,
        {
            "back": collaboration,
            "heading": _("Add a contributor"),
            "intro": _("Choosing someone who already contributes changes their roles."),
            "button": _("Save the contributor"),
        },
        save=lambda data: (
            services.contributor_set(
                actor=request.user, collaboration=collaboration, **data
            ).collaboration
        ),
        done=_("The contributor is saved."),
    )


@login_required
def contributor_edit(request, pk: int, contributor_pk: int):
    """Change one contributor's CRediT roles."""
    collaboration = _organised(request, pk)
    contributor = selectors.contributor_get(collaboration=collaboration, pk=contributor_pk)
    form = RolesForm(_posted(request), initial={"roles": contributor.roles})
    return form_page(
        request,
        form,
        FORM,
        {
            "back": collaboration,
            "heading": _("CRediT roles of %(name)s") % {"name": contributor.user.display_name},
            "button": _("Save the roles"),
        },
        save=lambda data: (
            services.contributor_set(
                actor=request.user,
                collaboration=collaboration,
                user=contributor.user,
                roles=data["roles"],
            ).collaboration
        ),
        done=_("The contributor is saved."),
    )


@require_POST
@login_required
def contributor_remove(request, pk: int, contributor_pk: int):
    collaboration = _organised(request, pk)
    contributor = selectors.contributor_get(collaboration=collaboration, pk=contributor_pk)
    services.contributor_remove(actor=request.user, contributor=contributor)
    messages.success(request, _("The contributor is removed."))
    return redirect(collaboration)


@require_POST
@login_required
def milestone_add(request, pk: int):
    collaboration = _organised(request, pk)
    form = MilestoneForm(request.POST)
    if form.is_valid():
        services.milestone_add(actor=request.user, collaboration=collaboration, **form.cleaned_data)
        messages.success(request, _("The milestone is added to the plan."))
        return redirect(collaboration)
    return render_collaboration(request, pk, milestone_form=form, status=422)


@require_POST
@login_required
def milestone_toggle(request, pk: int, milestone_pk: int):
    collaboration = _organised(request, pk)
    milestone = selectors.milestone_get(collaboration=collaboration, pk=milestone_pk)
    services.milestone_toggle(actor=request.user, milestone=milestone)
    messages.success(request, _("The milestone is updated."))
    return redirect(collaboration)


def _link(request, holder, form):
    if not form.is_valid():
        return False
    item = selectors.link_candidate(user=request.user, pk=form.cleaned_data["item"])
    try:
        if item is None:
            raise ValidationError({"item": _("That item cannot be found.")})
        services.link_add(actor=request.user, holder=holder, item=item)
    except ValidationError as error:
        form_errors(form, error)
        return False
    messages.success(request, _("The item is linked."))
    return True


@require_POST
@login_required
def link_add(request, pk: int):
    collaboration = _organised(request, pk)
    form = LinkForm(request.POST)
    if _link(request, collaboration, form):
        return redirect(collaboration)
    return render_collaboration(request, pk, link_form=form, status=422)


@require_POST
@login_required
def link_remove(request, pk: int, link_pk: int):
    collaboration = _organised(request, pk)
    link = selectors.link_get(holder=collaboration, pk=link_pk)
    services.link_remove(actor=request.user, link=link)
    messages.success(request, _("The link is removed."))
    return redirect(collaboration)


# Outputs -------------------------------------------------------------------------------


@login_required
def output_create(request, pk: int):
    collaboration = _organised(request, pk)
    return form_page(
        request,
        OutputForm(_posted(request)),
        FORM,
        {
            "back": collaboration,
            "heading": _("Publish a research output"),
            "button": _("Publish the output"),
        },
        save=lambda data: services.output_create(
            author=request.user, collaboration=collaboration, **data
        ),
        done=_("The output is published. Now cite its sources."),
    )


@login_required
def output_edit(request, pk: int):
    output = _organised_output(request, pk)
    return form_page(
        request,
        OutputForm(_posted(request), instance=output),
        FORM,
        {"back": output, "heading": _("Edit the output"), "button": _("Save the changes")},
        save=lambda data: services.output_update(actor=request.user, output=output, **data),
        done=_("Your changes are saved."),
    )


def render_output(request, pk: int, *, comment_form=None, status: int = 200, source_form=None):
    output = selectors.output_get(user=request.user, pk=pk)
    organiser = rules.is_organiser(request.user, output.collaboration)
    return render(
        request,
        "research/output.html",
        {
            "output": output,
            "organiser": organiser,
            # An output may be read by more people than its collaboration.
            "collaboration": output.collaboration
            if can_view(request.user, output.collaboration)
            else None,
            "sources": selectors.linked(user=request.user, holder=output),
            "source_form": (source_form or LinkForm()) if organiser else None,
            **conversation(request, output, comment_form),
        },
        status=status,
    )


def output_detail(request, pk: int):
    return render_output(request, pk)


def _organised_output(request, pk: int):
    output = selectors.output_get(user=request.user, pk=pk)
    if not rules.is_organiser(request.user, output.collaboration):
        raise PermissionDenied
    return output


@require_POST
@login_required
def source_add(request, pk: int):
    output = _organised_output(request, pk)
    form = LinkForm(request.POST)
    if _link(request, output, form):
        return redirect(output)
    return render_output(request, pk, source_form=form, status=422)


@require_POST
@login_required
def source_remove(request, pk: int, link_pk: int):
    output = _organised_output(request, pk)
    link = selectors.link_get(holder=output, pk=link_pk)
    services.link_remove(actor=request.user, link=link)
    messages.success(request, _("The source is removed."))
    return redirect(output)


# Calls and submissions -------------------------------------------------------------------


@login_required
def call_create(request, pk: int):
    collaboration = _organised(request, pk)
    return form_page(
        request,
        CallForm(_posted(request)),
        FORM,
        {
            "back": collaboration,
            "heading": _("Open a call for participation"),
            "button": _("Send out the call"),
        },
        save=lambda data: services.call_create(
            author=request.user, collaboration=collaboration, **data
        ),
        done=_("The call for participation is out."),
    )


@login_required
def call_edit(request, pk: int):
    call = selectors.call_get(user=request.user, pk=pk)
    if not rules.is_organiser(request.user, call.collaboration):
        raise PermissionDenied
    return form_page(
        request,
        CallForm(_posted(request), instance=call),
        FORM,
        {
            "back": call,
            "heading": _("Edit the call for participation"),
            "button": _("Save the changes"),
        },
        save=lambda data: services.call_update(actor=request.user, call=call, **data),
        done=_("Your changes are saved."),
    )


def render_call(
    request, pk: int, *, comment_form=None, status: int = 200, submission_form=None, **forms
):
    call = selectors.call_get(user=request.user, pk=pk)
    user = request.user
    organiser = rules.is_organiser(user, call.collaboration)
    submissions = selectors.submissions(user=user, call=call)
    own = next((s for s in submissions if s.author_id == user.pk), None)
    may_submit = own is None and rules.may_submit(user, call.space)
    return render(
        request,
        "research/call.html",
        {
            "call": call,
            "organiser": organiser,
            # A call may be read by more people than its collaboration.
            "collaboration": call.collaboration if can_view(user, call.collaboration) else None,
            "submissions": submissions,
            "own": own,
            "may_submit": may_submit,
            "submission_form": submission_form
            or (SubmissionForm(call=call) if may_submit and call.is_open else None),
            "decide": forms.get("decide"),
            "accept_form": forms.get("accept_form") or AcceptForm(),
            "decline_form": forms.get("decline_form") or DeclineForm(),
            "Status": Submission.Status,
            **conversation(request, call, comment_form),
        },
        status=status,
    )


def call_detail(request, pk: int):
    return render_call(request, pk)


@require_POST
@login_required
def submit(request, pk: int):
    call = selectors.call_get(user=request.user, pk=pk)
    form = SubmissionForm(request.POST, call=call)
    if form.is_valid():
        try:
            services.submission_create(author=request.user, call=call, answers=form.answers())
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Your submission is sent. The organisers will review it."))
            return redirect(call)
    return render_call(request, pk, submission_form=form, status=422)


@require_POST
@login_required
def decide(request, pk: int, action: str):
    submission = selectors.submission_get(user=request.user, pk=pk)
    call = submission.call
    if action == "accept":
        form = AcceptForm(request.POST)
        if form.is_valid():
            try:
                services.submission_accept(
                    actor=request.user, submission=submission, roles=form.cleaned_data["roles"]
                )
            except ValidationError as error:
                form_errors(form, error)
            else:
                messages.success(
                    request,
                    _("%(name)s is now a contributor.") % {"name": submission.author.display_name},
                )
                return redirect(call)
        return render_call(request, call.pk, accept_form=form, decide=submission.pk, status=422)
    form = DeclineForm(request.POST)
    if form.is_valid():
        services.submission_decline(
            actor=request.user, submission=submission, note=form.cleaned_data["note"]
        )
        messages.success(request, _("The submission is declined."))
        return redirect(call)
    return render_call(request, call.pk, decline_form=form, decide=submission.pk, status=422)
