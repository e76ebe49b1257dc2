"""Reads of the API app: tokens. (What the API serves is read through the other apps'
selectors and the gate, in ``api/kinds.py``.)"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from harambee.api.models import AccessToken
from harambee.api.services import TOKEN_PREFIX, token_digest
from harambee.core.models import Comment
from harambee.core.visibility import visible, visible_spaces
from harambee.events.models import Event
from harambee.initiatives.models import LearningNote
from harambee.library.models import Resource
from harambee.spaces.models import Post, Space
from harambee.wiki.models import WikiPage


def token_list(*, user: Any) -> QuerySet[AccessToken]:
    return AccessToken.objects.filter(user_id=user.pk).order_by("-created", "-pk")


def token_get(*, user: Any, pk: int) -> AccessToken:
    token = AccessToken.objects.filter(user_id=user.pk, pk=pk).first()
    if token is None:
        raise Http404
    return token


def token_for_secret(secret: str) -> AccessToken | None:
    """The live token with this secret, its owner active, or None."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 100:
        return None
    token = (
        AccessToken.objects.select_related("user")
        .filter(digest=token_digest(secret), revoked__isnull=True, expires__gt=timezone.now())
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    return token


# What the API lists: every kind's rows through the gate (the apps' own list selectors
# where one fits the API's keyset order), with what the serializers read joined in.


def thread_rows(*, user: Any, space: Any = None) -> QuerySet[Post]:
    qs = Post.objects.filter(kind=Post.KIND)
    if space is not None:
        qs = qs.filter(space=space)
    return visible(user, qs).select_related("space")


def note_rows(*, user: Any) -> QuerySet[LearningNote]:
    return visible(user, LearningNote.objects.all()).select_related("space")


def wiki_rows(*, user: Any) -> QuerySet[WikiPage]:
    # Like the wiki's own pages: a page in a space the reader may not know of has no
    # address for them.
    known = visible_spaces(user, Space.objects.all())
    return (
        visible(user, WikiPage.objects.all())
        .filter(Q(space__isnull=True) | Q(space__in=known))
        .select_related("space")
    )


def resource_rows(*, user: Any) -> QuerySet[Resource]:
    return visible(user, Resource.objects.filter(kind=Resource.KIND)).select_related("space")


def event_rows(*, user: Any) -> QuerySet[Event]:
    return visible(user, Event.objects.all()).select_related("space")


def comment_rows(*, content: Any) -> QuerySet[Comment]:
    """The live comments of an item the reader may already read (as ``comment_tree``:
    replies under a removed comment leave with it)."""
    return Comment.objects.filter(content=content, removed=False).filter(
        Q(parent__isnull=True) | Q(parent__removed=False)
    )
