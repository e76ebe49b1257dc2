"""Every write of moderation: flags, hiding and restoring, moving threads and
suspensions. Each is atomic and audited. The posting check the create services ask
is in ``posting``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.core.models import AuditAction, Comment, Content, Visibility
from harambee.core.services import audit_record
from harambee.core.visibility import can_view
from harambee.moderation import rules
from harambee.moderation.models import Flag, Hiding, ModerationAction, Reason, Suspension
from harambee.moderation.posting import RateLimited, Suspended, check_posting
from harambee.moderation.selectors import (
    active_suspension,
    forget_suspension,
    hiding_for,
    moderated_space_ids,
)
from harambee.notifications.services import notify_hidden
from harambee.people.models import User
from harambee.people.roles import Perm
from harambee.spaces.models import Space

__all__ = ["RateLimited", "Suspended", "check_posting"]


class ModerationRefused(Exception):
    """The moderation action is not possible; the message says why."""


def _about(comment: Comment | None) -> dict[str, Any]:
    """The audit detail naming a comment, when the action is about one."""
    return {"comment": comment.pk} if comment is not None else {}


# Flags ---------------------------------------------------------------------------


@transaction.atomic
def flag_create(
    *, flagger: User, content: Content, reason: str, note: str = "", comment: Comment | None = None
) -> tuple[Flag, bool]:
    """Flag an item, or one of its comments, that ``flagger`` may read. Returns the
    flag and whether it is new: flagging again while a flag is open changes nothing."""
    if not (flagger.is_authenticated and flagger.is_active) or not can_view(flagger, content):
        raise PermissionDenied
    suspension = active_suspension(flagger)
    if suspension is not None:
        raise Suspended(suspension)
    if comment is not None and (comment.content_id != content.pk or comment.removed):
        raise PermissionDenied
    if reason not in Reason.values:
        raise ValidationError({"reason": _("Choose a reason.")})
    note = note.strip()
    if reason == Reason.OTHER and not note:
        raise ValidationError({"note": _("Say in a few words what is wrong.")})
    existing = Flag.objects.filter(
        flagger=flagger, content=content, comment=comment, status=Flag.Status.OPEN
    ).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            flag = Flag.objects.create(
                flagger=flagger, content=content, comment=comment, reason=reason, note=note
            )
    except IntegrityError:
        # Two clicks at once: the other one made the flag.
        return Flag.objects.get(
            flagger=flagger, content=content, comment=comment, status=Flag.Status.OPEN
        ), False
    audit_record(
        actor=flagger,
        action=ModerationAction.FLAG_RAISED,
        space=content.space,
        content=content,
        reason=reason,
        **_about(comment),
    )
    return flag, True


def _resolve(*, actor: User, content: Content, comment: Comment | None, status: str) -> int:
    flags = Flag.objects.filter(content=content, status=Flag.Status.OPEN)
    flags = flags.filter(comment=comment) if comment is not None else flags
    return flags.update(status=status, resolved=timezone.now(), resolved_by=actor)


def _require_moderator(actor: User, content: Content) -> None:
    if not rules.may_moderate(actor, content):
        raise PermissionDenied


@transaction.atomic
def flags_dismiss(*, actor: User, content: Content, comment: Comment | None = None) -> int:
    """Close the open flags on an item (or one comment) without acting on it."""
    _require_moderator(actor, content)
    flags = Flag.objects.filter(content=content, comment=comment, status=Flag.Status.OPEN)
    n = flags.update(status=Flag.Status.DISMISSED, resolved=timezone.now(), resolved_by=actor)
    if n:
        audit_record(
            actor=actor,
            action=ModerationAction.FLAGS_DISMISSED,
            space=content.space,
            content=content,
            flags=n,
            **_about(comment),
        )
    return n


# Hiding and restoring ----------------------------------------------------------------


def _clean_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why, for the record.")})
    return reason


@transaction.atomic
def content_hide(*, actor: User, content: Content, reason: str) -> Hiding:
    """Hide an item from everyone: it is then absent to the gate, its author too."""
    _require_moderator(actor, content)
    reason = _clean_reason(reason)
    base = Content.objects.select_for_update().get(pk=content.pk)
    if base.removed:
        raise ModerationRefused(_("This item is already hidden or removed."))
    base.removed = True
    base.save(update_fields=["removed", "updated"])
    content.removed = True
    hiding = Hiding.objects.create(content=base, hidden_by=actor, reason=reason)
    _resolve(actor=actor, content=base, comment=None, status=Flag.Status.ACTIONED)
    transaction.on_commit(lambda: notify_hidden(content=base))
    audit_record(
        actor=actor,
        action=ModerationAction.CONTENT_HIDDEN,
        space=base.space,
        content=base,
        subject=base.author,
    )
    return hiding


@transaction.atomic
def content_restore(*, actor: User, content: Content) -> None:
    """Undo a moderator's hiding; an author's own removal is not undone."""
    _require_moderator(actor, content)
    hiding = hiding_for(content=content)
    if hiding is None:
        raise ModerationRefused(_("This item was not hidden by a moderator."))
    base = Content.objects.select_for_update().get(pk=content.pk)
    base.removed = False
    base.save(update_fields=["removed", "updated"])
    content.removed = False
    hiding.restored, hiding.restored_by = timezone.now(), actor
    hiding.save(update_fields=["restored", "restored_by"])
    audit_record(
        actor=actor,
        action=ModerationAction.CONTENT_RESTORED,
        space=base.space,
        content=base,
        subject=base.author,
    )


@transaction.atomic
def comment_hide(*, actor: User, comment: Comment, reason: str) -> Hiding:
    content = comment.content
    _require_moderator(actor, content)
    reason = _clean_reason(reason)
    if comment.removed:
        raise ModerationRefused(_("This comment is already hidden or removed."))
    comment.removed = True
    comment.save(update_fields=["removed", "updated"])
    hiding = Hiding.objects.create(content=content, comment=comment, hidden_by=actor, reason=reason)
    _resolve(actor=actor, content=content, comment=comment, status=Flag.Status.ACTIONED)
    transaction.on_commit(lambda: notify_hidden(content=content, comment=comment))
    audit_record(
        actor=actor,
        action=ModerationAction.COMMENT_HIDDEN,
        space=content.space,
        content=content,
        subject=comment.author,
        comment=comment.pk,
    )
    return hiding


@transaction.atomic
def comment_restore(*, actor: User, comment: Comment) -> None:
    content = comment.content
    _require_moderator(actor, content)
    hiding = hiding_for(content=content, comment=comment)
    if hiding is None:
        raise ModerationRefused(_("This comment was not hidden by a moderator."))
    comment.removed = False
    comment.save(update_fields=["removed", "updated"])
    hiding.restored, hiding.restored_by = timezone.now(), actor
    hiding.save(update_fields=["restored", "restored_by"])
    audit_record(
        actor=actor,
        action=ModerationAction.COMMENT_RESTORED,
        space=content.space,
        content=content,
        subject=comment.author,
        comment=comment.pk,
    )


# Moving a thread ---------------------------------------------------------------------


def move_targets(*, actor: User, thread: Any) -> list[Any]:
    """Spaces (and None, the alliance forum) ``actor`` may move ``thread`` to."""
    targets: list[Any] = []
    if actor.may(Perm.MODERATE) and thread.space_id is not None:
        targets.append(None)
    ids = set(moderated_space_ids(actor)) - {thread.space_id}
    targets += list(Space.objects.filter(pk__in=ids).order_by("name"))
    return targets


@transaction.atomic
def thread_move(*, actor: User, thread: Any, to_space: Any, widen: bool = False) -> Any:
    """Move a thread to another space, or (``to_space`` None) to the alliance forum.

    The mover moderates both ends: the thread where it is (``may_moderate``) and the
    destination (a moderating role there; for the forum, a steward's). Its visibility
    stays as it was where that still means something. A space-only thread moved to
    the forum must become alliance-wide ("space" means nothing there): that widens
    its readers, so the mover must say so (``widen``)."""
    _require_moderator(actor, thread)
    if thread.removed:
        raise ModerationRefused(_("A hidden thread cannot be moved."))
    to_id = to_space.pk if to_space is not None else None
    if to_id == thread.space_id:
        raise ModerationRefused(_("The thread is already there."))
    if not rules.may_move_to(actor, to_space):
        raise PermissionDenied
    if to_space is None and thread.visibility == Visibility.SPACE and not widen:
        raise ModerationRefused(
            _(
                "This thread is for its space only. In the forum it would be read by the "
                "whole alliance: confirm that, or move it to another space."
            )
        )
    before_space, before_visibility = thread.space, thread.visibility
    thread.space = to_space
    if to_space is None and thread.visibility == Visibility.SPACE:
        thread.visibility = Visibility.ALLIANCE
    thread.save(update_fields=["space", "visibility", "updated"])
    audit_record(
        actor=actor,
        action=ModerationAction.THREAD_MOVED,
        space=to_space,
        content=thread,
        moved_from=before_space.name if before_space else "forum",
        moved_to=to_space.name if to_space else "forum",
    )
    if thread.visibility != before_visibility:
        audit_record(
            actor=actor,
            action=AuditAction.VISIBILITY_CHANGED,
            space=to_space,
            content=thread,
            before=before_visibility,
            after=thread.visibility,
        )
    return thread


# Suspensions ---------------------------------------------------------------------------


@transaction.atomic
def member_suspend(
    *, actor: User, user: User, reason: str, until: datetime | None = None
) -> Suspension:
    """Stop ``user`` writing anything until ``until`` (None: until lifted)."""
    if not actor.may(Perm.SUSPEND_MEMBERS):
        raise PermissionDenied
    if user.pk == actor.pk:
        raise ModerationRefused(_("You cannot suspend yourself."))
    if user.may(Perm.SUSPEND_MEMBERS):
        raise ModerationRefused(_("A steward cannot be suspended; change their role first."))
    reason = _clean_reason(reason)
    if until is not None and until <= timezone.now():
        raise ValidationError({"until": _("Choose an end in the future, or none.")})
    # One suspension at a time: a new one replaces the running one.
    Suspension.objects.active().filter(user=user).update(lifted=timezone.now(), lifted_by=actor)
    suspension = Suspension.objects.create(user=user, reason=reason, until=until, created_by=actor)
    forget_suspension(user)
    audit_record(
        actor=actor,
        action=ModerationAction.MEMBER_SUSPENDED,
        subject=user,
        until=until.isoformat() if until else "",
    )
    return suspension


@transaction.atomic
def suspension_lift(*, actor: User, suspension: Suspension) -> None:
    if not actor.may(Perm.SUSPEND_MEMBERS):
        raise PermissionDenied
    if suspension.lifted is not None:
        return
    suspension.lifted, suspension.lifted_by = timezone.now(), actor
    suspension.save(update_fields=["lifted", "lifted_by"])
    forget_suspension(suspension.user)
    audit_record(actor=actor, action=ModerationAction.SUSPENSION_LIFTED, subject=suspension.user)
