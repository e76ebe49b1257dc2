from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.core.forms import CommentForm
from harambee.core.http import alliance_perm_required, is_htmx, paginate
from harambee.core.selectors import conversation
from harambee.people.models import User
from harambee.people.roles import Perm
from harambee.spaces import selectors, services
from harambee.spaces.forms import (
    GuestAccountForm,
    InvitationForm,
    JoinForm,
    JoinRequestForm,
    PostForm,
    RoleForm,
    SpaceForm,
)
from harambee.spaces.models import JoinRequest, Membership, Space


def space_list(request):
    kind = request.GET.get("kind", "")
    if kind not in Space.Type.values:
        kind = ""
    page = paginate(request, selectors.space_list(user=request.user, kind=kind))
    return render(
        request, "spaces/list.html", {"page": page, "kind": kind, "kinds": Space.Type.choices}
    )


def _join_context(request, space: Space) -> dict:
    membership = selectors.membership_for(request.user, space.pk)
    pending = None
    last_decision = None
    if request.user.is_authenticated and membership is None:
        requests = list(space.join_requests.filter(user=request.user).order_by("-created")[:1])
        if requests and requests[0].status == JoinRequest.Status.PENDING:
            pending = requests[0]
        elif requests:
            last_decision = requests[0]
    return {
        "space": space,
        "membership": membership,
        "pending_request": pending,
        "last_decision": last_decision,
        "join_form": JoinForm(),
        "request_form": JoinRequestForm(),
        "Perm": Perm,
    }


def space_detail(request, slug: str):
    space = selectors.space_get(user=request.user, slug=slug)
    context = _join_context(request, space)
    membership = context["membership"]
    page = paginate(request, selectors.space_posts(user=request.user, space=space))
    for post in page.object_list:
        post.shown_space = None  # the page is the space's own: no need to name it again
    context.update(
        page=page,
        member_count=Membership.objects.active().filter(space=space).count(),
        may_post=membership is not None and membership.may(Perm.POST),
        may_decide=membership is not None and membership.may(Perm.DECIDE_REQUESTS),
        pending_count=(
            selectors.pending_requests(space=space).count()
            if membership is not None and membership.may(Perm.DECIDE_REQUESTS)
            else 0
        ),
    )
    return render(request, "spaces/detail.html", context)


def _join_response(request, space: Space):
    if is_htmx(request):
        return render(request, "spaces/_join.html", _join_context(request, space))
    return redirect(space)


@require_POST
@login_required
def join(request, slug: str):
    space = selectors.space_get(user=request.user, slug=slug)
    form = JoinForm(request.POST)
    form.is_valid()
    try:
        if space.join_policy == Space.JoinPolicy.REQUEST:
            req_form = JoinRequestForm(request.POST)
            req_form.is_valid()
            services.join_request_create(
                user=request.user, space=space, message=req_form.cleaned_data.get("message", "")
            )
            messages.success(request, _("Your request is sent. The space's leads will decide."))
        else:
            services.membership_join(
                user=request.user, space=space, code=form.cleaned_data.get("code", "")
            )
            messages.success(request, _("Welcome to %(space)s.") % {"space": space})
    except services.JoinRefused as refusal:
        if is_htmx(request):
            context = _join_context(request, space)
            context["join_error"] = str(refusal)
            context["join_form"] = form
            return render(request, "spaces/_join.html", context)
        messages.error(request, str(refusal))
    return _join_response(request, space)


@require_POST
@login_required
def withdraw(request, slug: str):
    space = selectors.space_get(user=request.user, slug=slug)
    req = get_object_or_404(
        JoinRequest, space=space, user=request.user, status=JoinRequest.Status.PENDING
    )
    services.join_request_withdraw(user=request.user, request=req)
    messages.success(request, _("Your request is withdrawn."))
    return _join_response(request, space)


@require_POST
@login_required
def leave(request, slug: str):
    space = selectors.space_get(user=request.user, slug=slug)
    try:
        services.membership_leave(user=request.user, space=space)
        messages.success(request, _("You have left %(space)s.") % {"space": space})
    except services.JoinRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(space)
    try:
        # The space may be secret: after leaving, the person no longer sees it.
        selectors.space_get(user=request.user, slug=slug)
    except Http404:
        return redirect("spaces:list")
    return _join_response(request, space)


@alliance_perm_required(Perm.CREATE_SPACE)
def space_create(request):
    form = SpaceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        space = services.space_create(creator=request.user, **form.cleaned_data)
        messages.success(request, _("The space is ready. You are its lead."))
        return redirect(space)
    return render(request, "spaces/form.html", {"form": form, "space": None})


@login_required
def space_edit(request, slug: str):
    space = selectors.space_get(user=request.user, slug=slug)
    services.require_space_perm(request.user, space, Perm.EDIT_SPACE)
    form = SpaceForm(request.POST or None, instance=Space.objects.get(pk=space.pk))
    if request.method == "POST" and form.is_valid():
        services.space_update(actor=request.user, space=space, **form.cleaned_data)
        messages.success(request, _("The space's settings are saved."))
        return redirect(space)
    return render(request, "spaces/form.html", {"form": form, "space": space})


@login_required
def members(request, slug: str):
    space = selectors.space_get(user=request.user, slug=slug)
    membership = selectors.membership_for(request.user, space.pk)
    if membership is None and not request.user.is_steward:
        raise PermissionDenied
    may_manage = membership is not None and membership.may(Perm.MANAGE_MEMBERS)
    page = paginate(request, selectors.space_members(space=space), per_page=100)
    return render(
        request,
        "spaces/members.html",
        {
            "space": space,
            "page": page,
            "may_manage": may_manage,
            "may_invite": membership is not None and membership.may(Perm.INVITE),
            "role_form": RoleForm(),
        },
    )


@require_POST
@login_required
def member_role(request, slug: str, user_id: int):
    space = selectors.space_get(user=request.user, slug=slug)
    target = get_object_or_404(Membership, space=space, user_id=user_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the listed roles."))
    else:
        try:
            services.membership_change_role(
                actor=request.user, membership=target, role=form.cleaned_data["role"]
            )
            messages.success(
                request,
                _("%(name)s is now %(role)s.")
                % {"name": target.user, "role": target.get_role_display()},
            )
        except services.JoinRefused as refusal:
            messages.error(request, str(refusal))
    return redirect("spaces:members", slug=space.slug)


@require_POST
@login_required
def member_remove(request, slug: str, user_id: int):
    space = selectors.space_get(user=request.user, slug=slug)
    target = get_object_or_404(
        Membership.objects.select_related("user"), space=space, user_id=user_id
    )
    try:
        services.membership_remove(actor=request.user, membership=target)
        messages.success(request, _("%(name)s is no longer a member.") % {"name": target.user})
    except services.JoinRefused as refusal:
        messages.error(request, str(refusal))
    return redirect("spaces:members", slug=space.slug)


@login_required
def requests(request, slug: str):
    space = selectors.space_get(user=request.user, slug=slug)
    services.require_space_perm(request.user, space, Perm.DECIDE_REQUESTS)
    pending = selectors.pending_requests(space=space)
    return render(request, "spaces/requests.html", {"space": space, "pending": pending})


@require_POST
@login_required
def request_decide(request, slug: str, pk: int):
    space = selectors.space_get(user=request.user, slug=slug)
    req = get_object_or_404(JoinRequest.objects.select_related("user"), pk=pk, space=space)
    approve = request.POST.get("decision") == "approve"
    try:
        services.join_request_decide(actor=request.user, request=req, approve=approve)
        if approve:
            messages.success(request, _("%(name)s is now a member.") % {"name": req.user})
        else:
            messages.success(
                request, _("The request from %(name)s is declined.") % {"name": req.user}
            )
    except services.JoinRefused as refusal:
        messages.error(request, str(refusal))
    if is_htmx(request):
        pending = selectors.pending_requests(space=space)
        return render(request, "spaces/_requests.html", {"space": space, "pending": pending})
    return redirect("spaces:requests", slug=space.slug)


@login_required
def invite(request, slug: str):
    space = selectors.space_get(user=request.user, slug=slug)
    membership = services.require_space_perm(request.user, space, Perm.INVITE)
    form = InvitationForm(request.POST or None, may_make_leads=membership.may(Perm.MANAGE_MEMBERS))
    if request.method == "POST" and form.is_valid():
        invitation = services.invitation_create(
            actor=request.user, space=space, **form.cleaned_data
        )
        messages.success(
            request, _("An invitation is on its way to %(email)s.") % {"email": invitation.email}
        )
        return redirect("spaces:invite", slug=space.slug)
    sent = space.invitations.select_related("invited_by").order_by("-created")[:20]
    return render(request, "spaces/invite.html", {"space": space, "form": form, "sent": sent})


def invitation(request, token: str):
    """Accept an invitation: signed-in people join; newcomers make an account here."""
    try:
        inv = services.invitation_from_token(token)
        services.invitation_check(inv)
    except services.InvitationProblem as problem:
        return render(request, "spaces/invitation_problem.html", {"problem": problem}, status=410)
    existing = User.objects.filter(email__iexact=inv.email).first()
    form = None
    if request.user.is_authenticated:
        if request.method == "POST":
            services.invitation_accept(invitation=inv, user=request.user)
            messages.success(request, _("Welcome to %(space)s.") % {"space": inv.space})
            return redirect(inv.space)
    elif existing is None:
        form = GuestAccountForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            user = services.guest_account_create(
                invitation=inv,
                display_name=form.cleaned_data["display_name"],
                password=form.cleaned_data["password"],
            )
            services.invitation_accept(invitation=inv, user=user)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome to %(space)s.") % {"space": inv.space})
            return redirect(inv.space)
    return render(
        request,
        "spaces/invitation.html",
        {"invitation": inv, "form": form, "existing": existing, "token": token},
    )


@login_required
def post_create(request, slug: str):
    space = selectors.space_get(user=request.user, slug=slug)
    services.require_space_perm(request.user, space, Perm.POST)
    form = PostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        post = services.post_create(author=request.user, space=space, **form.cleaned_data)
        messages.success(request, _("Your post is published."))
        return redirect(post)
    return render(request, "spaces/post_form.html", {"form": form, "space": space, "post": None})


def post_detail(request, pk: int):
    return render_post(request, pk)


def render_post(request, pk: int, *, comment_form: CommentForm | None = None, status: int = 200):
    post = selectors.post_get(user=request.user, pk=pk)
    selectors.with_shown_space(request.user, [post])
    return render(
        request,
        "spaces/post.html",
        {
            "post": post,
            **conversation(request, post, comment_form),
            "may_edit": request.user.is_authenticated and post.author_id == request.user.pk,
        },
        status=status,
    )


@login_required
def post_edit(request, pk: int):
    post = selectors.post_get(user=request.user, pk=pk)
    if post.author_id != request.user.pk:
        raise PermissionDenied
    form = PostForm(request.POST or None, instance=type(post).objects.get(pk=post.pk))
    if request.method == "POST" and form.is_valid():
        services.post_update(actor=request.user, post=post, **form.cleaned_data)
        messages.success(request, _("Your changes are saved."))
        return redirect(post)
    return render(
        request, "spaces/post_form.html", {"form": form, "space": post.space, "post": post}
    )
