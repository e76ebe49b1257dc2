from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.core.forms import filters_key
from harambee.core.http import alliance_perm_required, paginate
from harambee.people.forms import DirectoryFilterForm, ProfileForm
from harambee.people.models import Organisation, User
from harambee.people.roles import Perm
from harambee.people.selectors import countries_in_use, organisation_list, people_list
from harambee.people.services import profile_update
from harambee.site import selectors, services


@alliance_perm_required(Perm.SEE_DIRECTORY)
def people(request):
    form = DirectoryFilterForm(request.GET or None, countries=countries_in_use(User))
    filters = form.cleaned_data if form.is_valid() else {}
    page = paginate(request, people_list(**{k: v for k, v in filters.items() if v}))
    # The filters' markup is kept as a fragment under what it shows (their choices and
    # values): Django renders each option of a select through a template of its own.
    context = {"form": form, "page": page, "filters_key": filters_key(form)}
    return render(request, "people/people.html", context)


@alliance_perm_required(Perm.SEE_DIRECTORY)
def organisations(request):
    form = DirectoryFilterForm(request.GET or None, countries=countries_in_use(Organisation))
    filters = form.cleaned_data if form.is_valid() else {}
    page = paginate(request, organisation_list(**{k: v for k, v in filters.items() if v}))
    context = {"form": form, "page": page, "filters_key": filters_key(form)}
    return render(request, "people/organisations.html", context)


@login_required
def person(request, pk: int):
    person = selectors.person_get(user=request.user, pk=pk)
    spaces = selectors.spaces_of_person(user=request.user, person=person)
    return render(request, "people/person.html", {"person": person, "spaces": spaces})


@alliance_perm_required(Perm.SEE_DIRECTORY)
def organisation(request, slug: str):
    org = selectors.organisation_get(slug=slug)
    members = selectors.organisation_people(user=request.user, organisation=org)
    return render(request, "people/organisation.html", {"org": org, "members": members})


@login_required
def profile_edit(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        profile_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        return redirect("people:person", pk=request.user.pk)
    return render(request, "people/profile_edit.html", {"form": form})


@alliance_perm_required(Perm.APPROVE_SIGNUPS)
def signups(request):
    return render(request, "site/signups.html", {"people": selectors.signups_awaiting()})


@alliance_perm_required(Perm.APPROVE_SIGNUPS)
@require_POST
def signup_decide(request, pk: int):
    person = selectors.signup_awaiting_get(pk=pk)
    decision = request.POST.get("decision")
    if decision not in ("approve", "decline"):
        messages.error(request, _("Choose to approve or to decline."))
        return redirect("people:signups")
    name = person.display_name
    services.signup_decide(actor=request.user, user=person, approve=decision == "approve")
    if decision == "approve":
        messages.success(request, _("%(name)s may now sign in; they were told.") % {"name": name})
    else:
        messages.success(request, _("%(name)s's account was deleted.") % {"name": name})
    return redirect("people:signups")


@login_required
def welcome(request):
    user = request.user
    return render(
        request,
        "site/welcome.html",
        {
            "profile_done": bool(user.organisation_id or user.sector) and bool(user.country),
            "spaces": selectors.suggested_spaces(user=user),
        },
    )
