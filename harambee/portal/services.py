"""Writes of the portal: a person's private feed token."""

from __future__ import annotations

import secrets

from django.db import models, transaction

from harambee.core.services import audit_record
from harambee.people.models import User
from harambee.portal.models import FeedToken
from harambee.portal.selectors import token_digest

# 32 random bytes: 43 characters in the address, too many to guess.
TOKEN_BYTES = 32


class FeedAction(models.TextChoices):
    TOKEN_CREATED = "feed_token_created", "made a private feed address"
    TOKEN_REVOKED = "feed_token_revoked", "revoked a private feed address"


@transaction.atomic
def feed_token_create(*, user: User) -> str:
    """A new private feed token for ``user``, returned once and stored only as its
    hash; an older one stops working."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    FeedToken.objects.filter(user=user).delete()
    FeedToken.objects.create(user=user, digest=token_digest(token))
    audit_record(actor=user, action=FeedAction.TOKEN_CREATED, subject=user)
    return token


@transaction.atomic
def feed_token_revoke(*, user: User) -> bool:
    """Whether there was a token to revoke; its feed answers 404 from now on."""
    deleted, _ = FeedToken.objects.filter(user=user).delete()
    if deleted:
        audit_record(actor=user, action=FeedAction.TOKEN_REVOKED, subject=user)
    return bool(deleted)
