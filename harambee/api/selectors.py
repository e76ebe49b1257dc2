"""Reads of the API app: tokens. (What the API serves is read through the other apps'
selectors and the gate, in ``api/kinds.py``.)"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from harambee.api.models import AccessToken
from harambee.api.services import TOKEN_PREFIX, token_digest


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
