"""The console gateway, for the demo and development: it sends nothing, it prints
what it would send (and keeps it in ``OUTBOX`` for tests and ``harambee sms
simulate``). Its webhook takes the generic gateway's JSON, unsigned, and only when
``settings.DEBUG`` is on."""

from __future__ import annotations

import itertools
import sys

from django.conf import settings
from django.http import HttpRequest

from harambee.reach.gateways.base import Event, SendResult
from harambee.reach.gateways.generic import Generic

OUTBOX: list[tuple[str, str, str]] = []
_ids = itertools.count(1)


class Console(Generic):
    kind = "console"

    def verify(self, request: HttpRequest, secret: str = "") -> bool:
        return bool(settings.DEBUG) and request.method == "POST"

    def read(self, request: HttpRequest, what: str) -> list[Event]:
        return super().read(request, what)

    def send(self, *, to: str, text: str, reference: str) -> SendResult:
        OUTBOX.append((self.name, to, text))
        if self.config.get("quiet") is not True:
            sys.stdout.write(f"[sms {self.name}] to {to}: {text}\n")
        return SendResult(f"console-{reference}-{next(_ids)}", "sent")
