"""The gateways' callbacks. In this order, for every request: store it raw; check
its signature (or URL secret), answering 403 and creating nothing else when it
fails; read it, answering 400 with the reason when it cannot be read; accept what it
carries (one unique row per provider message id); answer the gateway's way. The
database being down answers 503, so the gateway retries later."""

from __future__ import annotations

import logging

from django.db import DatabaseError, InterfaceError, transaction
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from harambee.reach import services
from harambee.reach.gateways import UnknownChannel, channel
from harambee.reach.gateways.base import Unreadable
from harambee.reach.models import InboundRequest

log = logging.getLogger(__name__)
WHATS = {"inbound", "status", "optout"}


def _text(body: str, status: int) -> HttpResponse:
    return HttpResponse(body, status=status, content_type="text/plain; charset=utf-8")


@csrf_exempt
def receive(
    request: HttpRequest, gateway: str, name: str, what: str = "inbound", secret: str = ""
) -> HttpResponse:
    if request.method != "POST":
        return _text("POST only.\n", 405)
    if what not in WHATS:
        return _text("Unknown callback.\n", 404)
    path = request.path.replace(secret, "<secret>") if secret else request.path
    try:
        # Stored in a write of its own, committed before anything reads it.
        raw = services.raw_store(channel_name=name, gateway=gateway, request=request, path=path)
        try:
            adapter = channel(name)
        except UnknownChannel:
            services.raw_verdict(raw, InboundRequest.Verdict.UNREADABLE)
            return _text("Unknown channel.\n", 404)
        if adapter.kind != gateway or not adapter.verify(request, secret):
            services.raw_verdict(raw, InboundRequest.Verdict.BAD_SIGNATURE)
            return _text("Signature does not match.\n", 403)
        try:
            events = adapter.read(request, what)
        except Unreadable as error:
            services.raw_verdict(raw, InboundRequest.Verdict.UNREADABLE)
            return _text(f"Cannot read this request: {error}.\n", 400)
        # What it carries and its verdict in one short transaction (SQLite's write
        # lock is held only for these few statements, not for the checks).
        with transaction.atomic():
            services.raw_verdict(raw, services.events_apply(channel_name=name, events=events))
    except (DatabaseError, InterfaceError):
        log.exception("SMS webhook: database unavailable")
        response = _text("Database unavailable, try again.\n", 503)
        response["Retry-After"] = "30"
        return response
    return adapter.ack(what)
