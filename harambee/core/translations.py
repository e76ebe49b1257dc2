"""Items in several languages: an item's language, and a human translation linked to
its original. A family is an original and its translations (a translation never
points at another translation). Readers are offered the family members the gate lets
them read -- and an item without translations costs no query
(``Content.has_translations``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _

from harambee.core import anoncache
from harambee.core.models import Content
from harambee.core.visibility import can_view, visible
from harambee.people.languages import LANGUAGE_NAMES, language_name


class TranslationRefused(ValueError):
    """The link cannot be made; the message says why, for the author."""


def may_set_language(user, item: Content) -> bool:
    return (
        user.is_authenticated
        and can_view(user, item)
        and (item.author_id == user.pk or item.coauthors.filter(pk=user.pk).exists())
    )


@dataclass(frozen=True)
class Version:
    item: Content
    language: str
    name: str
    original: bool


def family(user, item: Content) -> list[Version]:
    """The other languages of ``item`` that ``user`` may read, originals first."""
    root = item.translation_of_id or (item.pk if item.has_translations else None)
    if root is None:
        return []
    members = (
        visible(user, Content.objects.filter(Q(pk=root) | Q(translation_of_id=root)))
        .exclude(pk=item.pk)
        .only("pk", "kind", "title", "language", "translation_of_id")
        .order_by(F("translation_of_id").asc(nulls_first=True), "language", "pk")
    )
    return [
        Version(m, m.language, language_name(m.language), m.translation_of_id is None)
        for m in members
    ]


@transaction.atomic
def language_set(*, actor, item: Content, language: str, original: Content | None) -> None:
    """Say what language ``item`` is in and, optionally, which item it translates."""
    if not may_set_language(actor, item):
        raise PermissionDenied
    if language not in LANGUAGE_NAMES:
        raise TranslationRefused(_("Choose a language from the list."))
    if original is not None:
        if Content.objects.filter(translation_of_id=item.pk).exists():
            raise TranslationRefused(
                _("This item has translations of its own, so it cannot be a translation.")
            )
        if original.translation_of_id is not None:
            original = Content.objects.get(pk=original.translation_of_id)
        if not can_view(actor, original):
            raise TranslationRefused(_("No item you may read has that address."))
        if original.pk == item.pk:
            raise TranslationRefused(_("An item cannot be a translation of itself."))
        if original.language == language:
            raise TranslationRefused(
                _("The original is in %(language)s too: a translation is in another language.")
                % {"language": language_name(language)}
            )
    before = item.translation_of_id
    after = original.pk if original is not None else None
    Content.objects.filter(pk=item.pk).update(language=language, translation_of_id=after)
    if after is not None:
        Content.objects.filter(pk=after).update(has_translations=True)
    if (
        before is not None
        and before != after
        and not Content.objects.filter(translation_of_id=before).exists()
    ):
        Content.objects.filter(pk=before).update(has_translations=False)
    item.language, item.translation_of_id = language, after
    transaction.on_commit(anoncache.bump)
