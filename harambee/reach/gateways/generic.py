"""A generic HTTP gateway for self-hosted phones and modems: an Android SMS gateway
app, or a USB modem behind gammu-smsd or Kannel with a small forwarding script.

Both directions are JSON bodies signed the same way: the header ``X-Sms-Timestamp``
holds the Unix time in seconds, ``X-Sms-Signature`` the hex HMAC-SHA256, keyed
with the channel's ``secret``, of ``<unix-seconds>.<raw body>``. A request more than
``window`` seconds (300) away from now is refused, so a captured request cannot be
replayed later; within the window a replay meets the message id's unique constraint.

Inbound (to ``/sms/generic/<channel>/``)::

    {"type": "message", "id": "abc-1", "from": "+233201234567", "to": "+2335...",
     "text": "FIRE Bono East 3 trees cut"}
    {"type": "status", "id": "<id we sent>", "status": "delivered|sent|failed",
     "error": ""}
    {"type": "optout", "phone": "+233201234567"}

Answer: ``200 {"ok": true}``. Outbound (POST to the channel's ``send_url``)::

    {"id": "<our reference>", "to": "+233201234567", "text": "..."}

and the phone answers ``2xx {"id": "<its id>"}`` (or ours again)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time

from django.http import HttpRequest, JsonResponse

from harambee.reach.gateways.base import (
    Event,
    Gateway,
    Inbound,
    OptOut,
    SendResult,
    Status,
    Unreadable,
)

WINDOW = 300
STATUSES = {"sent": "sent", "delivered": "delivered", "failed": "failed"}


def sign(secret: str, timestamp: str, body: bytes) -> str:
    return hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


class Generic(Gateway):
    kind = "generic"

    def verify(self, request: HttpRequest, secret: str = "") -> bool:
        key = str(self.config.get("secret", ""))
        stamp = request.headers.get("X-Sms-Timestamp", "")
        given = request.headers.get("X-Sms-Signature", "")
        if len(key) < 16 or not stamp.isdigit() or not given or request.method != "POST":
            return False
        window = int(self.config.get("window", WINDOW))
        if abs(time.time() - int(stamp)) > window:
            return False
        return hmac.compare_digest(sign(key, stamp, request.body).encode(), given.encode())

    def read(self, request: HttpRequest, what: str) -> list[Event]:
        try:
            data = json.loads(request.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise Unreadable("not JSON") from None
        if not isinstance(data, dict):
            raise Unreadable("not an object")
        kind = data.get("type", "message")
        if kind == "optout":
            if not isinstance(data.get("phone"), str):
                raise Unreadable("no phone")
            return [OptOut(data["phone"])]
        provider_id = data.get("id")
        if not isinstance(provider_id, str) or not provider_id or len(provider_id) > 100:
            raise Unreadable("no id")
        if kind == "status":
            status = STATUSES.get(str(data.get("status")))
            if status is None:
                raise Unreadable("unknown status")
            return [Status(provider_id, status, str(data.get("error", ""))[:200])]
        if kind != "message" or not isinstance(data.get("from"), str):
            raise Unreadable("no from")
        return [
            Inbound(provider_id, data["from"], str(data.get("to", "")), str(data.get("text", "")))
        ]

    def ack(self, what: str) -> JsonResponse:
        return JsonResponse({"ok": True})

    def send(self, *, to: str, text: str, reference: str) -> SendResult:
        body = json.dumps({"id": reference, "to": to, "text": text}).encode()
        stamp = str(int(time.time()))
        answer = self.post(
            str(self.config["send_url"]),
            body,
            {
                "Content-Type": "application/json",
                "X-Sms-Timestamp": stamp,
                "X-Sms-Signature": sign(str(self.config["secret"]), stamp, body),
            },
        )
        if not 200 <= answer.status < 300:
            return SendResult("", "failed", f"HTTP {answer.status}")
        try:
            provider_id = str(answer.json().get("id") or reference)
        except (ValueError, AttributeError):
            provider_id = reference
        return SendResult(provider_id, "sent")
