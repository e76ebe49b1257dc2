"""Twilio Programmable Messaging.

Inbound and status callbacks are form POSTs signed in ``X-Twilio-Signature``: the
base64 HMAC-SHA1, keyed with the auth token, of the public URL followed by every POST
parameter's name and value, sorted by name. Behind a TLS-terminating proxy the URL
Twilio signed is the public one (``settings.SITE_URL`` plus the path), and some of
Twilio's requests sign it with ``:443`` and some without, so both are tried. The
webhook answers an empty TwiML ``<Response/>``; replies leave through the REST API
from the task worker. Error 21610 (the number texted STOP to Twilio) marks the
contact opted out."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from harambee.reach.gateways.base import (
    Event,
    Gateway,
    Inbound,
    SendResult,
    Status,
    Unreadable,
    form,
)

OPTED_OUT = "21610"
API = "https://api.twilio.com/2010-04-01"
# Twilio's MessageStatus values, as ours.
STATUSES = {
    "accepted": "queued",
    "scheduled": "queued",
    "queued": "queued",
    "sending": "sending",
    "sent": "sent",
    "delivered": "delivered",
    "read": "delivered",
    "undelivered": "failed",
    "failed": "failed",
    "canceled": "failed",
    "receiving": "received",
    "received": "received",
}
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def signature(token: str, url: str, params: list[tuple[str, str]]) -> str:
    """Twilio's signature of ``url`` and the POST parameters (repeated names keep
    each value, sorted)."""
    payload = url + "".join(f"{k}{v}" for k, v in sorted(params))
    digest = hmac.new(token.encode(), payload.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def url_variants(url: str) -> list[str]:
    """``url`` as signed with and without its scheme's default port."""
    parts = urlsplit(url)
    default = {"https": 443, "http": 80}.get(parts.scheme)
    host = parts.hostname or ""
    bare = urlunsplit(
        parts._replace(netloc=host if parts.port in (None, default) else parts.netloc)
    )
    variants = [url, bare]
    if parts.port is None and default:
        variants.append(urlunsplit(parts._replace(netloc=f"{host}:{default}")))
    return list(dict.fromkeys(variants))


def signature_valid(token: str, url: str, params: list[tuple[str, str]], given: str) -> bool:
    ok = False
    for variant in url_variants(url):
        # Compare every variant, in constant time, whatever matched before.
        ok |= hmac.compare_digest(signature(token, variant, params).encode(), given.encode())
    return ok


def public_urls(request: HttpRequest) -> list[str]:
    """The addresses Twilio may have signed: the site's public address with the
    request's path, and the address as this server saw it."""
    path = request.get_full_path()
    urls = [f"{settings.SITE_URL}{path}"]
    # A disallowed Host header raises: then only the public URL counts.
    with contextlib.suppress(Exception):
        urls.append(request.build_absolute_uri(path))
    return list(dict.fromkeys(urls))


class Twilio(Gateway):
    kind = "twilio"

    def verify(self, request: HttpRequest, secret: str = "") -> bool:
        given = request.headers.get("X-Twilio-Signature", "")
        token = str(self.config.get("auth_token", ""))
        if not given or not token or request.method != "POST":
            return False
        params = [(k, v) for k in request.POST for v in request.POST.getlist(k)]
        ok = False
        for url in public_urls(request):
            ok |= signature_valid(token, url, params, given)
        return ok

    def read(self, request: HttpRequest, what: str) -> list[Event]:
        data = request.POST
        sid = data.get("MessageSid") or data.get("SmsSid") or ""
        if not sid:
            raise Unreadable("no MessageSid")
        if what == "status":
            raw = data.get("MessageStatus") or data.get("SmsStatus") or ""
            if raw not in STATUSES:
                raise Unreadable(f"unknown MessageStatus {raw!r}")
            code = data.get("ErrorCode", "")
            return [Status(sid, STATUSES[raw], code, opted_out=code == OPTED_OUT)]
        sender = data.get("From", "")
        if not sender:
            raise Unreadable("no From")
        return [Inbound(sid, sender, data.get("To", ""), data.get("Body", ""))]

    def ack(self, what: str) -> HttpResponse:
        if what == "status":
            return HttpResponse(status=204)
        return HttpResponse(EMPTY_TWIML, content_type="text/xml; charset=utf-8")

    def send(self, *, to: str, text: str, reference: str) -> SendResult:
        sid = str(self.config["account_sid"])
        token = str(self.config["auth_token"])
        data = {"To": to, "Body": text}
        if self.config.get("messaging_service_sid"):
            data["MessagingServiceSid"] = str(self.config["messaging_service_sid"])
        else:
            data["From"] = self.number
        if self.config.get("status_callback"):
            data["StatusCallback"] = str(self.config["status_callback"])
        auth = base64.b64encode(f"{sid}:{token}".encode()).decode()
        answer = self.post(
            f"{API}/Accounts/{sid}/Messages.json",
            form(data),
            {
                "Authorization": f"Basic {auth}",
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            },
        )
        try:
            body = answer.json()
        except ValueError:
            return SendResult("", "failed", f"HTTP {answer.status}")
        if answer.status >= 400:
            code = str(body.get("code", ""))
            return SendResult("", "failed", code or f"HTTP {answer.status}", code == OPTED_OUT)
        status = STATUSES.get(str(body.get("status", "")), "sent")
        return SendResult(str(body.get("sid", "")), "failed" if status == "failed" else "sent")
