"""Deleting an account: the person goes, and so does what identifies them.

- Their e-mail address, name, profile, password, sign-in addresses (allauth), second
  factors, tokens, sessions, memberships, follows, bookmarks, drafts, notifications,
  registrations and every other row that exists only for them (the models whose
  relation to a person deletes with it, ``on_delete=CASCADE``) are deleted.
- Their SMS contacts (phone numbers) and the raw messages from those numbers are deleted.
- Their items, comments, revisions and uploads either stay, signed by "a former member"
  (the person row stays, emptied, so that history keeps its shape), or -- their
  choice -- their items and comments are deleted and they leave every co-author list.
- Finally every text column of every table is swept for the old e-mail address and
  phone numbers (someone may have written them in a post, or in an audit entry's
  details), which are replaced by "[removed]".
"""

from __future__ import annotations

import re
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.db.models import Exists, OuterRef, ProtectedError, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from harambee.core import anoncache
from harambee.core.models import Comment, Content
from harambee.core.services import audit_record
from harambee.people.models import User
from harambee.people.roles import AllianceRole
from harambee.privacy.export import person_relations
from harambee.privacy.services import PrivacyAction

REMOVED = "[removed]"
# Rows made for one person that are part of what others read: kept with the content.
KEPT_WITH_CONTENT = {"core.inlineimage"}


class EraseRefused(Exception):
    """The account cannot be deleted now; the message says why."""


def former_member_name() -> str:
    with override(settings.LANGUAGE_CODE):
        return _("a former member")


def check_erasable(user: User) -> None:
    if user.role == AllianceRole.STEWARD:
        others = User.objects.filter(role=AllianceRole.STEWARD, is_active=True).exclude(pk=user.pk)
        if not others.exists():
            raise EraseRefused(
                _("You are the alliance's only steward: make someone else a steward first.")
            )


@transaction.atomic
def account_erase(*, user: User, keep_content: bool) -> None:
    check_erasable(user)
    from harambee.insights.services import reads_flush
    from harambee.reach.models import Contact, Message

    # Reads still queued in the shared cache become rows first, so they go with the rest.
    reads_flush()

    # A number is swept without its "+" too: gateways' raw requests may write it
    # as 2547… or %2B2547….
    phones = list(Contact.objects.filter(user=user).values_list("phone", flat=True))
    needles = [user.email, *(phone.lstrip("+") for phone in phones)]
    touched_items: set[int] = set()
    touched_comments: set[int] = set()

    if not keep_content:
        touched_items |= _delete_work(user)

    # Rows that exist only for this person.
    person = get_user_model()
    for model in apps.get_models():
        if model is person:
            continue
        for field in person_relations(model):
            if field.many_to_many:
                if not keep_content:
                    getattr(model, field.name).through.objects.filter(
                        **{f"{field.m2m_reverse_field_name()}": user.pk}
                    ).delete()
                continue
            if field.remote_field.on_delete is not models.CASCADE:
                continue
            if keep_content and model._meta.label_lower in KEPT_WITH_CONTENT:
                continue
            model._default_manager.filter(**{field.name: user}).delete()

    # Phone numbers, and what came from them.
    contacts = Contact.objects.filter(user=user)
    if phones:
        Message.objects.filter(Q(contact__in=contacts) | Q(phone__in=phones)).delete()
        contacts.delete()

    _end_sessions(user)
    _empty_person(user)
    for needle in needles:
        items, comments = _sweep(needle)
        touched_items |= items
        touched_comments |= comments
    audit_record(
        actor=None, action=PrivacyAction.ACCOUNT_ERASED, subject=user, kept_content=keep_content
    )
    transaction.on_commit(lambda: _reindex(touched_items, touched_comments))
    transaction.on_commit(anoncache.bump)


def _delete_work(user: User) -> set[int]:
    """Delete the person's items and comments. An item another row still needs
    (protected by it) is removed instead, its text emptied."""
    gone: set[int] = set()
    mine = Comment.objects.filter(author=user)
    answered = Exists(Comment.objects.filter(parent=OuterRef("pk")))
    # A comment others answered stays as a removed, empty one, so their replies keep
    # their place; the rest go.
    mine.filter(answered).update(body="", body_html="", removed=True)
    mine.exclude(answered).delete()
    for item_id in list(Content.objects.filter(author=user).values_list("pk", flat=True)):
        gone.add(item_id)
        try:
            with transaction.atomic():
                Content.objects.filter(pk=item_id).delete()
        except ProtectedError:
            Content.objects.filter(pk=item_id).update(removed=True, title=REMOVED, body="")
    return gone


def _end_sessions(user: User) -> None:
    from importlib import import_module

    store = import_module(settings.SESSION_ENGINE).SessionStore
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            store(session.session_key).delete()


def _empty_person(user: User) -> None:
    user.email = f"former-member-{user.pk}@erased.invalid"
    user.display_name = former_member_name()
    user.bio = ""
    user.country = ""
    user.languages = []
    user.channels = []
    user.sector = ""
    user.organisation = None
    user.time_zone = "UTC"
    user.role = AllianceRole.MEMBER
    user.is_active = False
    user.is_superuser = False
    user.granted_until = None
    user.erased = timezone.now()
    user.set_unusable_password()
    user.save()


def _text_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField | models.JSONField)
        and not f.primary_key
        and not f.choices
        and f.model is model  # a parent's column is swept on the parent
    ]


def _replace(value: Any, pattern: re.Pattern[str]) -> Any:
    if isinstance(value, str):
        return pattern.sub(REMOVED, value)
    if isinstance(value, list):
        return [_replace(v, pattern) for v in value]
    if isinstance(value, dict):
        return {k: _replace(v, pattern) for k, v in value.items()}
    return value


def _sweep(needle: str) -> tuple[set[int], set[int]]:
    """Replace ``needle`` wherever it is written; the items and comments changed."""
    if not needle:
        return set(), set()
    # Whole addresses and numbers only: erasing a@b.org must not touch xa@b.org, nor
    # 254712 a longer number.
    if needle.isdigit():
        pattern = re.compile(rf"(?<!\d){re.escape(needle)}(?!\d)")
    else:
        pattern = re.compile(rf"(?<![\w.+-]){re.escape(needle)}(?![\w-]|\.\w)", re.IGNORECASE)
    items: set[int] = set()
    comments: set[int] = set()
    for model in apps.get_models():
        for field in _text_fields(model):
            manager = model._base_manager
            if isinstance(field, models.JSONField):
                rows = manager.annotate(_as_text=Cast(field.name, models.TextField())).filter(
                    _as_text__icontains=needle
                )
            else:
                rows = manager.filter(**{f"{field.name}__icontains": needle})
            for pk, value in rows.values_list("pk", field.name):
                swept = _replace(value, pattern)
                if swept == value:
                    continue
                manager.filter(pk=pk).update(**{field.name: swept})
                if issubclass(model, Content):
                    items.add(pk)
                elif model is Comment:
                    comments.add(pk)
    return items, comments


def _reindex(items: set[int], comments: set[int]) -> None:
    from harambee.search import services as search

    for item_id in sorted(items):
        search.index_content(content_id=item_id)
    for comment_id in sorted(comments):
        search.index_comment(comment_id=comment_id)
