"""Jitsi Meet: a room per event on the configured server. A server with token
authentication gets an HS256 JWT naming the room, valid for a few minutes, with the
moderator flag only for organisers."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlparse

import jwt
from django.conf import settings
from django.utils import timezone

# A token only has to last until the person is in the room.
TOKEN_LIFETIME = timedelta(minutes=15)


def token(event: Any, user: Any, *, moderator: bool, now: Any = None) -> str:
    now = now or timezone.now()
    name = getattr(user, "display_name", "") or ""
    claims = {
        "aud": "jitsi",
        "iss": settings.JITSI_APP_ID,
        "sub": urlparse(settings.JITSI_URL).hostname or "*",
        "room": event.room_name,
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()) - 60,
        "exp": int((now + TOKEN_LIFETIME).timestamp()),
        "context": {"user": {"name": name, "moderator": moderator}},
        "moderator": moderator,
    }
    return jwt.encode(claims, settings.JITSI_SECRET, algorithm="HS256")


def join_url(event: Any, user: Any, *, moderator: bool) -> str:
    url = f"{settings.JITSI_URL}/{event.room_name}"
    if settings.JITSI_APP_ID and settings.JITSI_SECRET:
        url += f"?jwt={token(event, user, moderator=moderator)}"
    return url
