"""Writes on the shared envelope: comments, reactions and the audit log."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from harambee.core import files
from harambee.core.models import Attachment, AuditAction, AuditEntry, Comment, Content, Reaction
from harambee.core.posting import check_posting
from harambee.core.visibility import active_memberships, can_view
from harambee.people.models import User
from harambee.people.roles import Perm


def audit_record(
    *,
    actor: User | None,
    action: str,
    space: Any = None,
    subject: User | None = None,
    content: Content | None = None,
    **detail: Any,
) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor, action=action, space=space, subject=subject, content=content, detail=detail
    )


def may_comment(user: User, content: Content) -> bool:
    """Commenting needs reading rights and, inside a space, a role that may comment.
    Alliance-wide and public items outside any space take comments from members."""
    if not user.is_authenticated or not can_view(user, content):
        return False
    reply_rule = content.kind_spec.reply_rule
    if reply_rule is not None:
        # e.g. threads may be locked, and may take replies from an invited outside voice.
        verdict = reply_rule(user, content)
        if verdict is not None:
            return verdict
    if content.space_id is None:
        return user.may(Perm.TAKE_PART)
    membership = active_memberships(user).get(content.space_id)
    if membership is not None:
        return membership.may(Perm.COMMENT)
    # Non-members may join the conversation on items open to the whole alliance.
    return user.may(Perm.TAKE_PART) and content.visibility in ("public", "alliance")


@transaction.atomic
def comment_create(
    *, author: User, content: Content, body: str, parent: Comment | None = None
) -> Comment:
    if not may_comment(author, content):
        raise PermissionDenied
    check_posting(user=author, content=content)
    if parent is not None:
        if parent.content_id != content.pk:
            raise PermissionDenied
        # Replies hang under the top-level comment so threads stay one level deep.
        if parent.parent_id is not None:
            parent = parent.parent
    return Comment.objects.create(content=content, author=author, body=body.strip(), parent=parent)


@transaction.atomic
def comment_remove(*, actor: User, comment: Comment) -> None:
    if comment.author_id != actor.pk:
        raise PermissionDenied
    comment.removed = True
    comment.save(update_fields=["removed", "updated"])


@transaction.atomic
def reaction_toggle(*, user: User, content: Content, type: str) -> bool:
    """Add the reaction if absent, take it back if present. Returns whether it is on."""
    if (
        not user.is_authenticated
        or not can_view(user, content)
        or not user.may(Perm.TAKE_PART)
        and not (content.space_id and may_comment(user, content))
    ):
        raise PermissionDenied
    if type not in Reaction.Type.values:
        raise ValueError(type)
    deleted, _ = Reaction.objects.filter(content=content, user=user, type=type).delete()
    if deleted:
        return False
    Reaction.objects.create(content=content, user=user, type=type)
    return True


def audit_visibility_change(*, actor: User, content: Content, before: str) -> None:
    if before != content.visibility:
        audit_record(
            actor=actor,
            action=AuditAction.VISIBILITY_CHANGED,
            space=content.space,
            content=content,
            before=before,
            after=content.visibility,
        )


@transaction.atomic
def attachment_add(
    *,
    actor: User,
    content: Content,
    upload: Any = None,
    url: str = "",
    caption: str = "",
    keep_location: bool = False,
) -> Attachment:
    """Attach a checked file or a link to an item its authors may edit.

    Raises ``files.FileRefused`` with the reason when the file is not accepted;
    nothing is stored then."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    if not can_view(actor, content) or not (
        content.author_id == actor.pk or content.coauthors.filter(pk=actor.pk).exists()
    ):
        raise PermissionDenied
    attachment = Attachment(content=content, uploaded_by=actor, caption=caption.strip())
    if upload is None:
        attachment.type = Attachment.Type.LINK
        attachment.url = url
        attachment.save()
        return attachment
    checked = files.check_upload(upload, keep_location=keep_location)
    name = files.storage_name(checked.extension)
    stored = default_storage.save(name, ContentFile(checked.data))
    attachment.type = checked.kind
    attachment.file.name = stored
    if checked.thumbnail:
        attachment.thumbnail.name = default_storage.save(
            files.storage_name("jpg"), ContentFile(checked.thumbnail)
        )
    attachment.original_name = (getattr(upload, "name", "") or "")[:255]
    attachment.mime = checked.mime
    attachment.size = len(checked.data)
    attachment.sha256 = checked.sha256
    attachment.width, attachment.height = checked.width, checked.height
    attachment.latitude, attachment.longitude = checked.latitude, checked.longitude
    attachment.save()
    return attachment


@transaction.atomic
def attachment_remove(*, actor: User, attachment: Attachment) -> None:
    content = attachment.content
    if not (content.author_id == actor.pk or content.coauthors.filter(pk=actor.pk).exists()):
        raise PermissionDenied
    for field in (attachment.file, attachment.thumbnail):
        if field:
            transaction.on_commit(partial(field.storage.delete, str(field.name)))
    attachment.delete()


@transaction.atomic
def alliance_role_change(*, actor: User, user: User, role: str) -> User:
    """Make ``user`` a steward, member or guest of the alliance, in the audit log."""
    before = user.role
    if before != role:
        user.role = role
        user.save(update_fields=["role", "is_staff"])
        audit_record(
            actor=actor,
            action=AuditAction.ALLIANCE_ROLE_CHANGED,
            subject=user,
            before=before,
            after=role,
        )
    return user


@transaction.atomic
def inline_image_add(*, actor: User, upload: Any, alt: str) -> str:
    """Check and store a picture for a text, and answer the Markdown that shows it.

    Raises ``files.FileRefused`` with a reason for the writer (not a picture, too
    large, no description); nothing is stored then."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.utils.translation import gettext as _

    from harambee.core.models import InlineImage

    alt = " ".join(alt.replace("[", "(").replace("]", ")").split())[:200]
    if not alt:
        raise files.FileRefused(
            _("Describe the picture in a few words, for people who cannot see it.")
        )
    if upload is None:
        raise files.FileRefused(_("Choose a picture to put in the text."))
    checked = files.check_upload(upload)
    if checked.kind != "image":
        raise files.FileRefused(_("Only photos (JPEG, PNG, GIF or WebP) can go in a text."))
    image = InlineImage(
        uploaded_by=actor,
        mime=checked.mime,
        size=len(checked.data),
        width=checked.width,
        height=checked.height,
    )
    image.file.name = default_storage.save(
        files.storage_name(checked.extension), ContentFile(checked.data)
    )
    image.save()
    return f"![{alt}]({image.get_absolute_url()})"
