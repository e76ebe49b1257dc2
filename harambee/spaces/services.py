"""Every write on spaces, memberships, requests, invitations and posts.

Each function is atomic, writes its audit row, and sends mail only after commit.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from harambee.core.models import AuditEntry
from harambee.core.services import audit_record, audit_visibility_change
from harambee.core.visibility import can_see_space, forget_memberships
from harambee.people.models import User
from harambee.people.roles import AllianceRole, Perm, SpaceRole
from harambee.spaces import tasks
from harambee.spaces.models import Invitation, JoinRequest, Membership, Post, Space
from harambee.spaces.selectors import membership_for


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
    if space.kind == Space.Type.INITIATIVE:
        from harambee.initiatives.models import Initiative

        Initiative.objects.create(space=space)
    Membership.objects.create(space=space, user=creator, role=SpaceRole.LEAD)
    forget_memberships(creator)
    audit_record(actor=creator, action=AuditEntry.Action.SPACE_CREATED, space=space)
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
        audit_record(
            actor=actor, action=AuditEntry.Action.SPACE_CHANGED, space=space, changes=changed
        )
    return space


def _add_member(*, space: Space, user: User, role: str, actor: User, action: str, **detail: Any):
    try:
        with transaction.atomic():
            membership = Membership.objects.create(space=space, user=user, role=role)
    except IntegrityError:
        raise JoinRefused(_("You are already a member of this space.")) from None
    forget_memberships(user)
    audit_record(actor=actor, action=action, space=space, subject=user, role=role, **detail)
    return membership


@transaction.atomic
def membership_join(*, user: User, space: Space, code: str = "") -> Membership:
    """Join an open space, or a code space with the right code."""
    if not user.is_authenticated or not can_see_space(user, space) or user.is_guest:
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
        action=AuditEntry.Action.MEMBER_JOINED,
        how=space.join_policy,
    )


@transaction.atomic
def join_request_create(*, user: User, space: Space, message: str = "") -> JoinRequest:
    if not user.is_authenticated or not can_see_space(user, space) or user.is_guest:
        raise PermissionDenied
    if space.join_policy != Space.JoinPolicy.REQUEST:
        raise JoinRefused(_("This space does not take join requests."))
    if membership_for(user, space.pk) is not None:
        raise JoinRefused(_("You are already a member of this space."))
    if space.join_requests.filter(user=user, status=JoinRequest.Status.PENDING).exists():
        raise JoinRefused(_("You have already asked to join; the leads will decide soon."))
    request = JoinRequest.objects.create(space=space, user=user, message=message.strip())
    audit_record(actor=user, action=AuditEntry.Action.REQUEST_MADE, space=space, subject=user)
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
        action=AuditEntry.Action.REQUEST_APPROVED
        if approve
        else AuditEntry.Action.REQUEST_DECLINED,
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
    audit_record(actor=user, action=AuditEntry.Action.MEMBER_LEFT, space=space, subject=user)


@transaction.atomic
def membership_remove(*, actor: User, membership: Membership) -> None:
    require_space_perm(actor, membership.space, Perm.MANAGE_MEMBERS)
    if membership.user_id == actor.pk:
        raise JoinRefused(_("To leave the space yourself, use Leave."))
    membership.delete()
    forget_memberships(membership.user)
    audit_record(
        actor=actor,
        action=AuditEntry.Action.MEMBER_REMOVED,
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
        action=AuditEntry.Action.ROLE_CHANGED,
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
) -> Invitation:
    membership = require_space_perm(actor, space, Perm.INVITE)
    # Only a lead may hand out the lead role.
    if role == SpaceRole.LEAD and not membership.may(Perm.MANAGE_MEMBERS):
        raise PermissionDenied
    invitation = Invitation.objects.create(
        space=space,
        email=User.objects.normalize_email(email).lower(),
        role=role,
        as_guest=as_guest,
        message=message.strip(),
        invited_by=actor,
        expires=timezone.now() + Invitation.DEFAULT_LIFETIME,
    )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.INVITATION_SENT,
        space=space,
        email=invitation.email,
        role=role,
        guest=as_guest,
    )
    transaction.on_commit(lambda: tasks.send_invitation.enqueue(invitation.pk))
    return invitation


def invitation_token(invitation: Invitation) -> str:
    """The link token: the signed id and nonce. It is derived again whenever the
    email is sent, so the task queue never holds a secret."""
    from django.core import signing

    return signing.dumps([invitation.pk, invitation.nonce], salt="harambee.invitation")


class InvitationProblem(Exception):
    """The invitation cannot be used; the message explains why."""


def invitation_from_token(token: str) -> Invitation:
    from django.core import signing

    try:
        pk, nonce = signing.loads(token, salt="harambee.invitation")
    except (signing.BadSignature, ValueError, TypeError):
        raise InvitationProblem(
            _("This invitation link is not valid. Check that you copied the whole link.")
        ) from None
    invitation = Invitation.objects.select_related("space", "invited_by").filter(pk=pk).first()
    if invitation is None or not constant_time_compare(invitation.nonce, str(nonce)):
        raise InvitationProblem(_("This invitation has been withdrawn."))
    return invitation


def invitation_check(invitation: Invitation) -> None:
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
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    invitation_check(invitation)
    invitation.used = timezone.now()
    invitation.used_by = user
    invitation.save(update_fields=["used", "used_by"])
    existing = Membership.objects.filter(space=invitation.space, user=user).first()
    if existing is not None:
        return existing
    return _add_member(
        space=invitation.space,
        user=user,
        role=invitation.role,
        actor=user,
        action=AuditEntry.Action.INVITATION_ACCEPTED,
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


@transaction.atomic
def post_create(
    *, author: User, space: Space, title: str, body: str, visibility: str, language: str = "en"
) -> Post:
    require_space_perm(author, space, Perm.POST)
    return Post.objects.create(
        space=space,
        author=author,
        title=title.strip(),
        body=body,
        visibility=visibility,
        language=language,
    )


@transaction.atomic
def post_update(*, actor: User, post: Post, title: str, body: str, visibility: str) -> Post:
    if post.author_id != actor.pk and not post.coauthors.filter(pk=actor.pk).exists():
        raise PermissionDenied
    before = post.visibility
    post.title, post.body, post.visibility = title.strip(), body, visibility
    post.save()
    audit_visibility_change(actor=actor, content=post, before=before)
    return post
