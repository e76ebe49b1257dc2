"""Writes of the API app: personal access tokens (made, revoked, marked used)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from harambee.api.models import AccessToken, Scope
from harambee.core.services import audit_record
from harambee.people.models import User

# What every token starts with, so that a leaked one is easy to recognise (and to
# search for in a repository).
TOKEN_PREFIX = "hbt_"
# The longest a token may live, and how often its ``last_used`` is written at most.
MAX_DAYS = 366
TOUCH_EVERY = timedelta(minutes=1)


class TokenAction(models.TextChoices):
    CREATED = "api_token_created", _("created an API token")
    REVOKED = "api_token_revoked", _("revoked an API token")


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def token_create(
    *, user: User, name: str, days: int, may_write: bool = False, kinds: list[str] | None = None
) -> tuple[AccessToken, str]:
    """Make a token for ``user``; returns it with its secret, which is shown once and
    kept nowhere."""
    if not user.is_authenticated or not user.is_active:
        raise ValidationError(_("Only a signed-in person may make a token."))
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name.")})
    if not 1 <= days <= MAX_DAYS:
        message = _("A token lives from 1 to %(max)s days.") % {"max": MAX_DAYS}
        raise ValidationError({"days": message})
    kinds = sorted(set(kinds or []))
    unknown = set(kinds) - set(Scope.values)
    if unknown:
        raise ValidationError({"kinds": _("Choose kinds from the list.")})
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = AccessToken.objects.create(
        user=user,
        name=name[:80],
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        digest=token_digest(secret),
        may_write=may_write,
        kinds=kinds,
        expires=timezone.now() + timedelta(days=days),
    )
    audit_record(
        actor=user,
        action=TokenAction.CREATED,
        subject=user,
        token=token.prefix,
        write=may_write,
        kinds=kinds,
    )
    return token, secret


@transaction.atomic
def token_revoke(*, user: User, token: AccessToken) -> None:
    if token.user_id != user.pk:
        raise ValidationError(_("That token is not yours."))
    if token.revoked is None:
        token.revoked = timezone.now()
        token.save(update_fields=["revoked"])
        audit_record(actor=user, action=TokenAction.REVOKED, subject=user, token=token.prefix)


def token_touch(*, token: AccessToken) -> None:
    """Note that ``token`` was used now: at most one write a minute per token, so a
    busy integration does not write a row with every request."""
    now = timezone.now()
    if token.last_used is not None and now - token.last_used < TOUCH_EVERY:
        return
    AccessToken.objects.filter(pk=token.pk).update(last_used=now)
    token.last_used = now
