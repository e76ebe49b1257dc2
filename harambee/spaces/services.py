"""Every write on spaces, memberships, requests, invitations and threads.

Each function is atomic, writes its audit row, and sends mail only after commit.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, DateTimeField, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from harambee.core.models import Comment, Content, Visibility
from harambee.core.posting import check_posting
from harambee.core.services import audit_record, audit_visibility_change
from harambee.core.visibility import can_view, forget_memberships
from harambee.people.models import User
from harambee.people.roles import AllianceRole, Perm, SpaceRole
from harambee.spaces import tasks
from harambee.spaces.models import (
    INVITATION_SALT,
    Invitation,
    JoinRequest,
    Membership,
    Post,
    Space,
    SpaceAction,
    ThreadGuest,
    ThreadRead,
    ThreadSummary,
)
from harambee.spaces.rules import may_join, may_mark_answer, thread_may
from harambee.spaces.selectors import membership_for
from harambee.spaces.signals import space_created


class JoinRefused(Exception):
    """Joining is not possible; the message says why, for the person trying."""


def require_space_perm(user: User, space: Space, perm: str) -> Membership:
    membership = membership_for(user, space.pk)
    if membership is None or not membership.may(perm):
        raise PermissionDenied
    return membership


def unique_space_slug(name: str) -> str:
    base = slugify(name)[:70] or "space"
    slug, n = base, 2
    while Space.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def space_create(*, creator: User, **fields: Any) -> Space:
    if not creator.may(Perm.CREATE_SPACE):
        raise PermissionDenied
    if not fields.get("slug"):
        fields["slug"] = unique_space_slug(fields["name"])
    if fields.get("join_policy") == Space.JoinPolicy.CODE and not fields.get("invite_code"):
        fields["invite_code"] = secrets.token_urlsafe(6)
    space = Space.objects.create(created_by=creator, **fields)
    # In the same transaction, the apps that keep something per space add it (the
    # initiative profile of an initiative space).
    space_created.send(sender=Space, space=space)
    Membership.objects.create(space=space, user=creator, role=SpaceRole.LEAD)
    forget_memberships(creator)
    audit_record(actor=creator, action=SpaceAction.SPACE_CREATED, space=space)
    return space


@transaction.atomic
def space_update(*, actor: User, space: Space, **fields: Any) -> Space:
    require_space_perm(actor, space, Perm.EDIT_SPACE)
    before = {name: getattr(space, name) for name in fields}
    for name, value in fields.items():
        setattr(space, name, value)
    if space.join_policy == Space.JoinPolicy.CODE and not space.invite_code:
        space.invite_code = secrets.token_urlsafe(6)
    space.save()
    changed = {
        name: [str(before[name]), str(value)]
        for name, value in fields.items()
        if before[name] != value and name != "invite_code"
    }
    if changed:
        audit_record(actor=actor, action=SpaceAction.SPACE_CHANGED, space=space, changes=changed)
    return space


def _add_member(
    *,
    space: Space,
    user: User,
    role: str,
    actor: User,
    action: str,
    expires: datetime | None = None,
    **detail: Any,
):
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                space=space, user=user, role=role, expires=expires
            )
    except IntegrityError:
        raise JoinRefused(_("You are already a member of this space.")) from None
    forget_memberships(user)
    audit_record(actor=actor, action=action, space=space, subject=user, role=role, **detail)
    return membership


@transaction.atomic
def membership_join(*, user: User, space: Space, code: str = "") -> Membership:
    """Join an open space, or a code space with the right code."""
    if not may_join(user, space):
        raise PermissionDenied
    if membership_for(user, space.pk) is not None:
        raise JoinRefused(_("You are already a member of this space."))
    if space.join_policy == Space.JoinPolicy.CODE:
        if not code or not constant_time_compare(code.strip(), space.invite_code):
            raise JoinRefused(_("That invite code is not right for this space."))
    elif space.join_policy != Space.JoinPolicy.OPEN:
        raise JoinRefused(_("This space cannot be joined directly."))
    return _add_member(
        space=space,
        user=user,
        role=SpaceRole.MEMBER,
        actor=user,
        action=SpaceAction.MEMBER_JOINED,
        how=space.join_policy,
    )


@transaction.atomic
def join_request_create(*, user: User, space: Space, message: str = "") -> JoinRequest:
    if not may_join(user, space):
        raise PermissionDenied
    if space.join_policy != Space.JoinPolicy.REQUEST:
        raise JoinRefused(_("This space does not take join requests."))
    if membership_for(user, space.pk) is not None:
        raise JoinRefused(_("You are already a member of this space."))
    if space.join_requests.filter(user=user, status=JoinRequest.Status.PENDING).exists():
        raise JoinRefused(_("You have already asked to join; the leads will decide soon."))
    request = JoinRequest.objects.create(space=space, user=user, message=message.strip())
    audit_record(actor=user, action=SpaceAction.REQUEST_MADE, space=space, subject=user)
    transaction.on_commit(lambda: tasks.tell_leads_of_request.enqueue(request.pk))
    return request


@transaction.atomic
def join_request_withdraw(*, user: User, request: JoinRequest) -> None:
    if request.user_id != user.pk or request.status != JoinRequest.Status.PENDING:
        raise PermissionDenied
    request.status = JoinRequest.Status.WITHDRAWN
    request.decided = timezone.now()
    request.save(update_fields=["status", "decided"])


@transaction.atomic
def join_request_decide(*, actor: User, request: JoinRequest, approve: bool) -> JoinRequest:
    require_space_perm(actor, request.space, Perm.DECIDE_REQUESTS)
    request = JoinRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != JoinRequest.Status.PENDING:
        raise JoinRefused(_("This request has already been decided."))
    request.status = JoinRequest.Status.APPROVED if approve else JoinRequest.Status.DECLINED
    request.decided = timezone.now()
    request.decided_by = actor
    request.save(update_fields=["status", "decided", "decided_by"])
    if approve and membership_for(request.user, request.space_id) is None:
        Membership.objects.get_or_create(
            space=request.space, user=request.user, defaults={"role": SpaceRole.MEMBER}
        )
        forget_memberships(request.user)
    audit_record(
        actor=actor,
        action=SpaceAction.REQUEST_APPROVED if approve else SpaceAction.REQUEST_DECLINED,
        space=request.space,
        subject=request.user,
    )
    transaction.on_commit(lambda: tasks.tell_requester_of_decision.enqueue(request.pk))
    return request


def _lead_count(space: Space) -> int:
    return Membership.objects.active().filter(space=space, role=SpaceRole.LEAD).count()


@transaction.atomic
def membership_leave(*, user: User, space: Space) -> None:
    membership = membership_for(user, space.pk)
    if membership is None:
        raise JoinRefused(_("You are not a member of this space."))
    if membership.role == SpaceRole.LEAD and _lead_count(space) == 1:
        raise JoinRefused(_("You are the only lead. Make someone else a lead before you leave."))
    membership.delete()
    forget_memberships(user)
    audit_record(actor=user, action=SpaceAction.MEMBER_LEFT, space=space, subject=user)


@transaction.atomic
def membership_remove(*, actor: User, membership: Membership) -> None:
    require_space_perm(actor, membership.space, Perm.MANAGE_MEMBERS)
    if membership.user_id == actor.pk:
        raise JoinRefused(_("To leave the space yourself, use Leave."))
    membership.delete()
    forget_memberships(membership.user)
    audit_record(
        actor=actor,
        action=SpaceAction.MEMBER_REMOVED,
        space=membership.space,
        subject=membership.user,
    )


@transaction.atomic
def membership_change_role(*, actor: User, membership: Membership, role: str) -> Membership:
    require_space_perm(actor, membership.space, Perm.MANAGE_MEMBERS)
    if role not in SpaceRole.values:
        raise ValidationError(_("Unknown role."))
    if membership.role == role:
        return membership
    if membership.role == SpaceRole.LEAD and _lead_count(membership.space) == 1:
        raise JoinRefused(_("A space needs at least one lead. Make someone else a lead first."))
    before = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    forget_memberships(membership.user)
    audit_record(
        actor=actor,
        action=SpaceAction.ROLE_CHANGED,
        space=membership.space,
        subject=membership.user,
        before=before,
        after=role,
    )
    return membership


@transaction.atomic
def invitation_create(
    *,
    actor: User,
    space: Space,
    email: str,
    role: str = SpaceRole.MEMBER,
    as_guest: bool = False,
    message: str = "",
    access_until: datetime | None = None,
) -> Invitation:
    """Invite someone into a space by email. With ``access_until`` the membership the
    invitation gives ends then (for guests invited for a limited time)."""
    membership = require_space_perm(actor, space, Perm.INVITE)
    # Only a lead may hand out the lead role.
    if role == SpaceRole.LEAD and not membership.may(Perm.MANAGE_MEMBERS):
        raise PermissionDenied
    if access_until is not None and access_until <= timezone.now():
        raise ValidationError(_("Choose an end of access in the future."))
    invitation = Invitation.objects.create(
        space=space,
        email=User.objects.normalize_email(email).lower(),
        role=role,
        as_guest=as_guest,
        message=message.strip(),
        invited_by=actor,
        expires=timezone.now() + Invitation.DEFAULT_LIFETIME,
        access_until=access_until,
    )
    audit_record(
        actor=actor,
        action=SpaceAction.INVITATION_SENT,
        space=space,
        email=invitation.email,
        role=role,
        guest=as_guest,
        until=access_until.isoformat() if access_until else None,
    )
    transaction.on_commit(lambda: tasks.send_invitation.enqueue(invitation.pk))
    return invitation


class InvitationProblem(Exception):
    """The invitation cannot be used; the message explains why."""


def invitation_from_token(token: str) -> Invitation:
    from django.core import signing

    try:
        pk, nonce = signing.loads(token, salt=INVITATION_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        raise InvitationProblem(
            _("This invitation link is not valid. Check that you copied the whole link.")
        ) from None
    invitation = (
        Invitation.objects.select_related("space", "invited_by", "thread").filter(pk=pk).first()
    )
    if invitation is None or not constant_time_compare(invitation.nonce, str(nonce)):
        raise InvitationProblem(_("This invitation has been withdrawn."))
    return invitation


def invitation_check(invitation: Invitation) -> None:
    if invitation.thread_id is not None:
        thread = invitation.thread
        # A thread removed or taken back to a draft since takes no guests, and its
        # title is not shown on the invitation page any more.
        if thread is None or thread.removed or thread.visibility == Visibility.PRIVATE:
            raise InvitationProblem(_("This conversation is no longer open to guests."))
    if invitation.is_used:
        raise InvitationProblem(
            _(
                "This invitation has already been used. Each link works once; "
                "ask %(name)s for a new one."
            )
            % {"name": invitation.invited_by}
        )
    if invitation.is_expired:
        raise InvitationProblem(
            _("This invitation expired on %(date)s. Ask %(name)s for a new one.")
            % {
                "date": date_format(timezone.localtime(invitation.expires), "DATE_FORMAT"),
                "name": invitation.invited_by,
            }
        )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership | ThreadGuest:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    invitation_check(invitation)
    invitation.used = timezone.now()
    invitation.used_by = user
    invitation.save(update_fields=["used", "used_by"])
    if invitation.thread_id is not None:
        return _thread_guest_add(invitation=invitation, user=user)
    assert invitation.space is not None  # a space invitation always names its space
    existing = Membership.objects.filter(space=invitation.space, user=user).first()
    if existing is not None:
        return existing
    return _add_member(
        space=invitation.space,
        user=user,
        role=invitation.role,
        actor=user,
        action=SpaceAction.INVITATION_ACCEPTED,
        expires=invitation.access_until,
        invited_by=invitation.invited_by_id,
    )


@transaction.atomic
def guest_account_create(*, invitation: Invitation, display_name: str, password: str) -> User:
    """An outside guest invited by email gets an account whose address the link proves."""
    from allauth.account.models import EmailAddress

    invitation_check(invitation)
    user = User.objects.create_user(
        email=invitation.email,
        password=password,
        display_name=display_name,
        role=AllianceRole.GUEST if invitation.as_guest else AllianceRole.MEMBER,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


# Threads ---------------------------------------------------------------------------

# Visibilities of an alliance-forum thread: "space" means nothing outside a space.
FORUM_VISIBILITIES = (Visibility.PUBLIC, Visibility.ALLIANCE, Visibility.PRIVATE)
# The longest an outside voice may be let into a thread at a time.
THREAD_GUEST_MAX = timedelta(days=90)


class ThreadRefused(Exception):
    """The thread action is not possible; the message says why."""


def require_thread_perm(user: User, thread: Post, perm: str) -> None:
    if not thread_may(user, thread, perm):
        raise PermissionDenied


@transaction.atomic
def post_create(
    *,
    author: User,
    space: Space | None,
    title: str,
    body: str,
    visibility: str,
    is_question: bool = False,
    language: str = "en",
) -> Post:
    """Start a thread: in a space (needs the space's POST permission) or, with no
    space, in the alliance forum (needs START_FORUM_THREAD)."""
    if space is not None:
        require_space_perm(author, space, Perm.POST)
    else:
        if not author.is_authenticated or not author.may(Perm.START_FORUM_THREAD):
            raise PermissionDenied
        if visibility not in FORUM_VISIBILITIES:
            raise ValidationError(
                _("A forum thread is public, for the alliance, or a private draft.")
            )
    check_posting(user=author)
    return Post.objects.create(
        space=space,
        author=author,
        title=title.strip(),
        body=body,
        visibility=visibility,
        is_question=is_question,
        language=language,
    )


@transaction.atomic
def post_update(
    *,
    actor: User,
    post: Post,
    title: str,
    body: str,
    visibility: str,
    is_question: bool | None = None,
) -> Post:
    if post.author_id != actor.pk and not post.coauthors.filter(pk=actor.pk).exists():
        raise PermissionDenied
    if post.space_id is None and visibility not in FORUM_VISIBILITIES:
        raise ValidationError(_("A forum thread is public, for the alliance, or a private draft."))
    before = post.visibility
    post.title, post.body, post.visibility = title.strip(), body, visibility
    if is_question is not None:
        post.is_question = is_question
        if not is_question:
            post.answer = None
    post.save()
    audit_visibility_change(actor=actor, content=post, before=before)
    return post


@transaction.atomic
def thread_set_pinned(*, actor: User, thread: Post, pinned: bool) -> Post:
    require_thread_perm(actor, thread, Perm.MODERATE_THREADS)
    if thread.pinned != pinned:
        thread.pinned = pinned
        thread.save(update_fields=["pinned", "updated"])
        audit_record(
            actor=actor,
            action=SpaceAction.THREAD_PINNED if pinned else SpaceAction.THREAD_UNPINNED,
            space=thread.space,
            content=thread,
        )
    return thread


@transaction.atomic
def thread_set_locked(*, actor: User, thread: Post, locked: bool) -> Post:
    require_thread_perm(actor, thread, Perm.MODERATE_THREADS)
    if thread.locked != locked:
        thread.locked = locked
        thread.save(update_fields=["locked", "updated"])
        audit_record(
            actor=actor,
            action=SpaceAction.THREAD_LOCKED if locked else SpaceAction.THREAD_UNLOCKED,
            space=thread.space,
            content=thread,
        )
    return thread


@transaction.atomic
def thread_mark_answer(*, actor: User, thread: Post, comment: Comment | None) -> Post:
    """Choose the reply that answers a question (or, with None, none)."""
    if not can_view(actor, thread):
        raise PermissionDenied
    if not thread.is_question:
        raise ThreadRefused(_("Only a question can have an accepted answer."))
    if not may_mark_answer(actor, thread):
        raise PermissionDenied
    if comment is not None and (comment.content_id != thread.pk or comment.removed):
        raise ThreadRefused(_("Choose one of this thread's replies as its answer."))
    thread.answer = comment
    thread.save(update_fields=["answer", "updated"])
    audit_record(
        actor=actor,
        action=SpaceAction.THREAD_ANSWERED,
        space=thread.space,
        content=thread,
        comment=comment.pk if comment else None,
    )
    return thread


@transaction.atomic
def thread_summarise(*, actor: User, thread: Post, body: str) -> ThreadSummary:
    """Write where the discussion stands. Earlier summaries stay as its history."""
    require_thread_perm(actor, thread, Perm.SUMMARISE)
    body = body.strip()
    if not body:
        raise ValidationError(_("Write a few lines on where the discussion stands."))
    summary = ThreadSummary.objects.create(thread=thread, author=actor, body=body)
    audit_record(
        actor=actor, action=SpaceAction.THREAD_SUMMARISED, space=thread.space, content=thread
    )
    return summary


@transaction.atomic
def thread_invite(
    *, actor: User, thread: Post, email: str, access_until: datetime, message: str = ""
) -> Invitation:
    """Invite an outside voice into one thread, until ``access_until``. The link
    itself works once and lapses with the access, or after 14 days if sooner."""
    require_thread_perm(actor, thread, Perm.INVITE_TO_THREAD)
    now = timezone.now()
    if thread.visibility == Visibility.PRIVATE:
        raise ThreadRefused(_("A private draft cannot take guests. Publish it first."))
    if access_until <= now:
        raise ValidationError(_("Choose an end of access in the future."))
    if access_until > now + THREAD_GUEST_MAX:
        raise ValidationError(_("Access can last at most 90 days; invite again later if needed."))
    invitation = Invitation.objects.create(
        space=thread.space,
        thread=thread,
        email=User.objects.normalize_email(email).lower(),
        role=SpaceRole.OBSERVER,
        as_guest=True,
        message=message.strip(),
        invited_by=actor,
        expires=min(now + Invitation.DEFAULT_LIFETIME, access_until),
        access_until=access_until,
    )
    audit_record(
        actor=actor,
        action=SpaceAction.INVITATION_SENT,
        space=thread.space,
        content=thread,
        email=invitation.email,
        guest=True,
        until=access_until.isoformat(),
    )
    transaction.on_commit(lambda: tasks.send_invitation.enqueue(invitation.pk))
    return invitation


def _thread_guest_add(*, invitation: Invitation, user: User) -> ThreadGuest:
    assert invitation.thread_id is not None and invitation.access_until is not None
    grant, _created = ThreadGuest.objects.update_or_create(
        thread_id=invitation.thread_id,
        user=user,
        defaults={"expires": invitation.access_until, "invited_by": invitation.invited_by},
    )
    forget_memberships(user)
    audit_record(
        actor=user,
        action=SpaceAction.INVITATION_ACCEPTED,
        space=invitation.space,
        subject=user,
        content=invitation.thread,
        invited_by=invitation.invited_by_id,
    )
    return grant


@transaction.atomic
def thread_guest_end(*, actor: User, grant: ThreadGuest) -> None:
    """End an outside voice's access now."""
    require_thread_perm(actor, grant.thread, Perm.INVITE_TO_THREAD)
    if grant.is_active:
        grant.expires = timezone.now()
        grant.save(update_fields=["expires"])
        forget_memberships(grant.user)
        audit_record(
            actor=actor,
            action=SpaceAction.THREAD_GUEST_ENDED,
            space=grant.thread.space,
            subject=grant.user,
            content=grant.thread,
        )


# Thread activity and readers --------------------------------------------------------


def thread_activity_refresh(*, content_id: int) -> None:
    """Recount a thread's live replies and the time of the last (its creation when it
    has none); does nothing for an item that is not a thread. Run on every reply
    saved or deleted (``spaces.apps``: a receiver of ``Comment`` saves)."""
    live = Comment.objects.filter(content_id=OuterRef("pk"), removed=False).order_by()
    count = live.values("content_id").annotate(n=Count("pk")).values("n")
    last = live.order_by("-created").values("created")[:1]
    created = Content.objects.filter(pk=OuterRef("pk")).values("created")[:1]
    Post.objects.filter(pk=content_id).update(
        reply_count=Coalesce(Subquery(count, output_field=IntegerField()), Value(0)),
        last_activity=Coalesce(
            Subquery(last, output_field=DateTimeField()),
            Subquery(created, output_field=DateTimeField()),
        ),
    )


def thread_mark_read(*, user: User, thread: Post, read_at: datetime | None) -> None:
    """Remember that ``user`` has read ``thread`` as it is now; ``read_at`` is when they
    last did (None: never), so nothing is written when nothing is new."""
    if not user.is_authenticated or (read_at is not None and read_at >= thread.last_activity):
        return
    now = timezone.now()
    if read_at is None:
        ThreadRead.objects.bulk_create(
            [ThreadRead(user=user, thread=thread, read_at=now)],
            update_conflicts=True,
            unique_fields=["user", "thread"],
            update_fields=["read_at"],
        )
    else:
        ThreadRead.objects.filter(user=user, thread=thread).update(read_at=now)
