from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from harambee.core.forms import CommentForm
from harambee.core.http import alliance_perm_required, is_htmx, paginate
from harambee.core.models import comment_url
from harambee.core.selectors import comment_page, conversation
from harambee.core.visibility import may_see_people
from harambee.people.roles import Perm
from harambee.spaces import replies, rules, selectors, services
from harambee.spaces.forms import (
    GuestAccountForm,
    InvitationForm,
    JoinForm,
    JoinRequestForm,
    PostForm,
    RoleForm,
    SpaceForm,
    SummaryForm,
    ThreadInviteForm,
)
from harambee.spaces.models import JoinRequest, Space


def space_list(request):
    kind = request.GET.get("kind", "")
    if kind not in Space.Type.values:
        kind = ""
    page = paginate(request, selectors.space_list(user=request.user, kind=kind))
    context = {
        "page": page,
        "kind": kind,
        "kinds": Space.Type.choices,
        # A card's excerpt links mentions only for readers who may see people: part of
        # the key its markup is kept under.
        "links_people": may_see_people(request.user),
    }
    return render(request, "spaces/list.html", context)


def _join_context(request, space: Space) -> dict:
    membership = selectors.membership_for(request.user, space.pk)
    pending = None
    last_decision = None
    if request.user.is_authenticated and membership is None:
        latest = selectors.latest_join_request(user=request.user, space=space)
        if latest is not None and latest.status == JoinRequest.Status.PENDING:
            pending = latest
        elif latest is not None:
            last_decision = latest
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
    # Pinned threads stand above the first page.
    pinned = [] if page.has_previous else selectors.pinned_posts(user=request.user, space=space)
    for post in [*pinned, *page.object_list]:
        post.shown_space = None  # the page is the space's own: no need to name it again
    context.update(
        page=page,
        pinned=pinned,
        member_count=selectors.member_count(space=space),
        may_post=membership is not None and membership.may(Perm.POST),
        may_edit_space=membership is not None and membership.may(Perm.EDIT_SPACE),
        may_see_members=request.user.is_authenticated and request.user.may(Perm.SEE_ALL_MEMBERS),
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
    req = selectors.pending_request_of(user=request.user, space=space)
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
    form = SpaceForm(request.POST or None, instance=selectors.space_fresh(space=space))
    if request.method == "POST" and form.is_valid():
        services.space_update(actor=request.user, space=space, **form.cleaned_data)
        messages.success(request, _("The space's settings are saved."))
        return redirect(space)
    return render(request, "spaces/form.html", {"form": form, "space": space})


@login_required
def members(request, slug: str):
    space = selectors.space_get(user=request.user, slug=slug)
    membership = selectors.membership_for(request.user, space.pk)
    if membership is None and not request.user.may(Perm.SEE_ALL_MEMBERS):
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
            # Names link to profiles only where the reader may open them (not guests').
            "linkable": selectors.people_shown(
                user=request.user, ids=[m.user_id for m in page.object_list]
            ),
            "role_form": RoleForm(),
        },
    )


@require_POST
@login_required
def member_role(request, slug: str, user_id: int):
    space = selectors.space_get(user=request.user, slug=slug)
    target = selectors.membership_get(space=space, user_id=user_id)
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
    target = selectors.membership_get(space=space, user_id=user_id)
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
    req = selectors.join_request_get(space=space, pk=pk)
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
        # The list comes back in place: the decision is said in it, not on a later page.
        pending = selectors.pending_requests(space=space)
        return render(
            request,
            "spaces/_requests.html",
            {"space": space, "pending": pending, "show_messages": True},
        )
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
    sent = selectors.invitations_sent(space=space)
    return render(request, "spaces/invite.html", {"space": space, "form": form, "sent": sent})


def invitation(request, token: str):
    """Accept an invitation: signed-in people join; newcomers make an account here."""
    try:
        inv = services.invitation_from_token(token)
        services.invitation_check(inv)
    except services.InvitationProblem as problem:
        return render(request, "spaces/invitation_problem.html", {"problem": problem}, status=410)
    existing = selectors.account_for_email(email=inv.email)
    form = None
    if request.user.is_authenticated:
        if request.method == "POST":
            services.invitation_accept(invitation=inv, user=request.user)
            return _welcome(request, inv)
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
            return _welcome(request, inv)
    return render(
        request,
        "spaces/invitation.html",
        {"invitation": inv, "form": form, "existing": existing, "token": token},
    )


def _welcome(request, inv):
    if inv.thread_id is not None:
        messages.success(
            request,
            _("Welcome. You can read and reply in this thread until %(date)s.")
            % {"date": date_format(timezone.localtime(inv.access_until), "DATETIME_FORMAT")},
        )
        return redirect(inv.thread)
    messages.success(request, _("Welcome to %(space)s.") % {"space": inv.space})
    return redirect(inv.space)


@login_required
def post_create(request, slug: str):
    space = selectors.space_get(user=request.user, slug=slug)
    services.require_space_perm(request.user, space, Perm.POST)
    return _thread_start(request, space, PostForm(request.POST or None))


def _thread_start(request, space, form: PostForm):
    """Start a thread in ``space`` (None: the forum) from ``form``; a refusal (a new
    account's hourly limit) is said on the form, keeping what was typed."""
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            post = services.post_create(author=request.user, space=space, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            status = 422
        else:
            messages.success(request, _("Your thread is published."))
            return redirect(post)
    return render(
        request,
        "spaces/post_form.html",
        {"form": form, "space": space, "post": None},
        status=status,
    )


def _thread_list(request, space: Space | None) -> dict:
    """A page of threads, sorted as asked (latest activity, newest, most replies), with
    the pinned ones over the first page and the reader's unread ones marked."""
    user = request.user
    sort = request.GET.get("sort", "")
    if sort not in selectors.THREAD_SORTS:
        sort = "activity"
    keyset = paginate(
        request,
        selectors.thread_list(user=user, space=space, pinned=False).order_by(
            f"-{selectors.THREAD_SORTS[sort]}"
        ),
    )
    pinned = [] if keyset.has_previous else selectors.pinned_threads(user=user, space=space)
    threads = selectors.mark_unread(user, [*pinned, *keyset.object_list])
    for thread in threads:
        thread.shown_space = None  # the list is the forum's or the space's own
    return {"keyset": keyset, "pinned": pinned, "sort": sort, "sorts": THREAD_SORT_LABELS}


THREAD_SORT_LABELS = [
    ("activity", gettext_lazy("Latest activity")),
    ("new", gettext_lazy("Newest")),
    ("replies", gettext_lazy("Most replies")),
]


def forum(request):
    """The alliance forum: threads outside any space."""
    context = _thread_list(request, None)
    context["may_start"] = request.user.is_authenticated and request.user.may(
        Perm.START_FORUM_THREAD
    )
    return render(request, "spaces/forum.html", context)


def threads(request, slug: str):
    """A space's threads, sorted and paged like the forum."""
    space = selectors.space_get(user=request.user, slug=slug)
    membership = selectors.membership_for(request.user, space.pk)
    context = _thread_list(request, space)
    context.update(space=space, may_post=membership is not None and membership.may(Perm.POST))
    return render(request, "spaces/threads.html", context)


@alliance_perm_required(Perm.START_FORUM_THREAD)
def forum_create(request):
    return _thread_start(request, None, PostForm(request.POST or None, forum=True))


def post_detail(request, pk: int):
    return render_post(request, pk)


# A thread page shows this many top-level replies, each with its replies.
THREAD_PAGE_SIZE = 50


def render_post(request, pk: int, *, comment_form: CommentForm | None = None, status: int = 200):
    post = selectors.post_get(user=request.user, pk=pk)
    selectors.with_shown_space(request.user, [post])
    user = request.user
    quote_problem = None
    if comment_form is None and "quote" in request.GET:
        # "Quote" is a link: without JavaScript the page comes back with the comment
        # form filled in. Only this thread's own replies can be quoted.
        try:
            quote = selectors.quote_for(thread=post, comment_id=request.GET["quote"])
            comment_form = CommentForm(initial={"body": quote})
        except selectors.QuoteProblem as problem:
            quote_problem = str(problem)
    # Top-level replies come in pages, oldest first; ``?from=`` starts at one of them.
    comments, next_start, earlier = comment_page(
        content=post, start=replies.page_start(request.GET.get("from")), limit=THREAD_PAGE_SIZE
    )
    context = conversation(request, post, comment_form, comments=comments)
    services.thread_mark_read(user=user, thread=post, read_at=context.get("thread_read_at"))
    summaries = selectors.thread_summaries(thread=post)
    answer = selectors.shown_answer(thread=post)
    start = comments[0].pk if earlier and comments else None
    context.update(
        replies.reply_context(request, post, answer=answer, start=start),
        next_start=next_start,
        earlier=earlier,
        answer_url=comment_url(post, answer) if answer else "",
        summary=summaries[0] if summaries else None,
        earlier_summaries=summaries[1:],
        quote_problem=quote_problem,
        may_edit=user.is_authenticated and post.author_id == user.pk,
        may_moderate=rules.thread_may(user, post, Perm.MODERATE_THREADS),
        may_summarise=rules.thread_may(user, post, Perm.SUMMARISE),
        may_invite=post.visibility != "private"
        and rules.thread_may(user, post, Perm.INVITE_TO_THREAD),
        is_thread_guest=user.is_authenticated and post.pk in rules.thread_grant_ids(user),
    )
    if is_htmx(request) and "quote" in request.GET:
        return render(request, "spaces/_thread_form.html", context, status=status)
    return render(request, "spaces/post.html", context, status=status)


@login_required
def post_edit(request, pk: int):
    post = selectors.post_get(user=request.user, pk=pk)
    if post.author_id != request.user.pk:
        raise PermissionDenied
    form = PostForm(
        request.POST or None,
        instance=selectors.post_fresh(post=post),
        forum=post.space_id is None,
    )
    if request.method == "POST" and form.is_valid():
        services.post_update(actor=request.user, post=post, **form.cleaned_data)
        messages.success(request, _("Your changes are saved."))
        return redirect(post)
    return render(
        request, "spaces/post_form.html", {"form": form, "space": post.space, "post": post}
    )


MODERATION = {
    "pin": (
        services.thread_set_pinned,
        "pinned",
        True,
        gettext_lazy("The thread is pinned: listed first."),
    ),
    "unpin": (
        services.thread_set_pinned,
        "pinned",
        False,
        gettext_lazy("The thread is no longer pinned."),
    ),
    "lock": (
        services.thread_set_locked,
        "locked",
        True,
        gettext_lazy("The thread is locked: nobody can reply until it is unlocked."),
    ),
    "unlock": (
        services.thread_set_locked,
        "locked",
        False,
        gettext_lazy("The thread is open for replies again."),
    ),
}


@require_POST
@login_required
def thread_moderate(request, pk: int):
    post = selectors.post_get(user=request.user, pk=pk)
    if not rules.thread_may(request.user, post, Perm.MODERATE_THREADS):
        raise PermissionDenied
    action = MODERATION.get(request.POST.get("action", ""))
    if action is None:
        messages.error(request, _("Choose pin, unpin, lock or unlock."))
        return redirect(post)
    service, field, value, done = action
    service(actor=request.user, thread=post, **{field: value})
    messages.success(request, str(done))
    return redirect(post)


@require_POST
@login_required
def thread_answer(request, pk: int):
    post = selectors.post_get(user=request.user, pk=pk)
    if not post.is_question or not rules.may_mark_answer(request.user, post):
        raise PermissionDenied
    raw = request.POST.get("comment", "")
    comment = None
    if raw:
        comment = selectors.thread_reply(thread=post, raw_pk=raw)
        if comment is None:
            messages.error(request, _("Choose one of this thread's replies as its answer."))
            return redirect(post)
    try:
        services.thread_mark_answer(actor=request.user, thread=post, comment=comment)
    except services.ThreadRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(post)
    if comment is None:
        messages.success(request, _("The question is no longer marked answered."))
    else:
        messages.success(request, _("The question is marked answered."))
    return redirect(post)


@login_required
def thread_summary(request, pk: int):
    post = selectors.post_get(user=request.user, pk=pk)
    if not rules.thread_may(request.user, post, Perm.SUMMARISE):
        raise PermissionDenied
    summaries = selectors.thread_summaries(thread=post)
    current = summaries[0] if summaries else None
    form = SummaryForm(request.POST or None, initial={"body": current.body if current else ""})
    if request.method == "POST" and form.is_valid():
        try:
            services.thread_summarise(
                actor=request.user, thread=post, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error("body", error)
        else:
            messages.success(request, _("The summary is updated; the earlier one is kept."))
            return redirect(post)
    return render(
        request,
        "spaces/thread_summary.html",
        {"post": post, "form": form, "current": current},
        status=422 if request.method == "POST" else 200,
    )


@login_required
def thread_invite(request, pk: int):
    post = selectors.post_get(user=request.user, pk=pk)
    if not rules.thread_may(request.user, post, Perm.INVITE_TO_THREAD):
        raise PermissionDenied
    form = ThreadInviteForm(request.POST or None)
    refusal = None
    if post.visibility == "private":
        refusal = _("A private draft cannot take guests. Publish it first.")
    elif request.method == "POST" and form.is_valid():
        try:
            invitation = services.thread_invite(
                actor=request.user, thread=post, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error("access_until", error)
        except services.ThreadRefused as problem:
            refusal = str(problem)
        else:
            messages.success(
                request,
                _("An invitation into this thread is on its way to %(email)s.")
                % {"email": invitation.email},
            )
            return redirect("spaces:thread_invite", pk=post.pk)
    return render(
        request,
        "spaces/thread_invite.html",
        {
            "post": post,
            "form": form,
            "refusal": refusal,
            "guests": selectors.thread_guests(thread=post),
            "sent": selectors.thread_invitations_sent(thread=post),
        },
        status=422 if request.method == "POST" else 200,
    )


@require_POST
@login_required
def thread_guest_end(request, pk: int, grant_id: int):
    post = selectors.post_get(user=request.user, pk=pk)
    if not rules.thread_may(request.user, post, Perm.INVITE_TO_THREAD):
        raise PermissionDenied
    grant = selectors.thread_guest_get(thread=post, pk=grant_id)
    grant.thread = post
    services.thread_guest_end(actor=request.user, grant=grant)
    messages.success(request, _("%(name)s can no longer open this thread.") % {"name": grant.user})
    return redirect("spaces:thread_invite", pk=post.pk)
