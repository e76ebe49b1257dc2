"""A small BigBlueButton API client: checksummed calls, ``create`` (idempotent on the
server for a running meeting), ``join`` links, ``end`` and recordings.

Every call's checksum is ``sha(callName + queryString + sharedSecret)`` in hex, with
SHA-1 or SHA-256 as the server is set up. A server that is down, answers FAILED or
answers something that is not its XML raises ``RoomUnavailable`` with a message for
the reader; nothing here raises anything else."""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.utils.translation import gettext as _

from harambee.events.rooms import RoomUnavailable

TIMEOUT_SECONDS = 5


def checksum(call: str, query: str, secret: str, algorithm: str = "sha1") -> str:
    return hashlib.new(algorithm, f"{call}{query}{secret}".encode()).hexdigest()


def call_url(
    call: str,
    params: dict[str, Any],
    *,
    base: str | None = None,
    secret: str | None = None,
    algorithm: str | None = None,
) -> str:
    base = (base if base is not None else settings.BBB_URL).rstrip("/")
    secret = secret if secret is not None else settings.BBB_SECRET
    algorithm = algorithm or settings.BBB_CHECKSUM
    query = urlencode(params)
    sign = checksum(call, query, secret, algorithm)
    joined = f"{query}&checksum={sign}" if query else f"checksum={sign}"
    return f"{base}/{call}?{joined}"


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
        return response.read(1_000_000)


def _ask(call: str, params: dict[str, Any]) -> ET.Element:
    if not settings.BBB_URL or not settings.BBB_SECRET:
        raise RoomUnavailable(_("The meeting server is not set up on this site."))
    try:
        raw = _fetch(call_url(call, params))
    except (urllib.error.URLError, OSError, ValueError):
        raise RoomUnavailable(
            _("The meeting server does not answer. Try again in a minute.")
        ) from None
    try:
        root = ET.fromstring(raw)  # noqa: S314 (no entities are expanded by ElementTree)
    except ET.ParseError:
        raise RoomUnavailable(
            _("The meeting server gave an answer that cannot be read. Try again later.")
        ) from None
    if root.tag != "response" or root.findtext("returncode") != "SUCCESS":
        message = (root.findtext("message") or "").strip()
        text = _("The meeting server refused to open the room.")
        problem = RoomUnavailable(f"{text} {message}".strip())
        problem.key = (root.findtext("messageKey") or "").strip()
        raise problem
    return root


def _passwords(event: Any) -> tuple[str, str]:
    """Per-event passwords, derived, never stored (older servers still need them)."""
    secret = event.room_secret
    return f"m-{secret[:10]}", f"a-{secret[6:16]}"


def create(event: Any) -> ET.Element:
    moderator_pw, attendee_pw = _passwords(event)
    return _ask(
        "create",
        {
            "name": event.title[:200],
            "meetingID": event.room_name,
            "moderatorPW": moderator_pw,
            "attendeePW": attendee_pw,
            "record": "true",
        },
    )


def join_url(event: Any, user: Any, *, moderator: bool) -> str:
    """Make sure the meeting exists, then give the signed join link."""
    create(event)
    moderator_pw, attendee_pw = _passwords(event)
    return call_url(
        "join",
        {
            "fullName": getattr(user, "display_name", "") or _("Guest"),
            "meetingID": event.room_name,
            "password": moderator_pw if moderator else attendee_pw,
            "role": "MODERATOR" if moderator else "VIEWER",
        },
    )


def end(event: Any) -> bool:
    """End the meeting for everyone in it. True when it ended, False when it was not
    running (BigBlueButton answers FAILED with ``notFound``): both leave no meeting."""
    moderator_pw, _attendee_pw = _passwords(event)
    try:
        _ask("end", {"meetingID": event.room_name, "password": moderator_pw})
    except RoomUnavailable as problem:
        if problem.key == "notFound":
            return False
        raise
    return True


@dataclass
class Recording:
    record_id: str
    url: str
    start: str


def recordings(event: Any) -> list[Recording]:
    root = _ask("getRecordings", {"meetingID": event.room_name})
    found = []
    for rec in root.iter("recording"):
        url = ""
        for playback in rec.iter("format"):
            url = playback.findtext("url") or url
        found.append(
            Recording(
                record_id=rec.findtext("recordID") or "",
                url=url,
                start=rec.findtext("startTime") or "",
            )
        )
    return found
