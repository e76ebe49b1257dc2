"""The one interface every gateway adapter implements."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse


@dataclass(frozen=True)
class Inbound:
    provider_id: str
    sender: str
    to: str
    text: str


@dataclass(frozen=True)
class Status:
    """A delivery report: ``status`` is one of ``Message.Status`` (sent, delivered,
    failed); ``opted_out`` when the gateway says the number unsubscribed."""

    provider_id: str
    status: str
    error: str = ""
    opted_out: bool = False


@dataclass(frozen=True)
class OptOut:
    phone: str


Event = Inbound | Status | OptOut


@dataclass(frozen=True)
class SendResult:
    provider_id: str
    status: str  # "sent" or "failed"
    error: str = ""
    opted_out: bool = False


class Unreadable(ValueError):
    """The request cannot be read as this gateway's callback."""


@dataclass
class Posted:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


def http_post(url: str, data: bytes, headers: dict[str, str], timeout: float = 15.0) -> Posted:
    """POST ``data`` and return the answer, whatever its status. The one place the
    app opens a connection to a gateway (tests replace it; the network guard fails
    anything that gets past)."""
    if not url.startswith("https://") and not url.startswith("http://"):
        raise ValueError("gateway addresses are http(s)")
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310
            return Posted(answer.status, answer.read(), dict(answer.headers))
    except urllib.error.HTTPError as error:
        return Posted(error.code, error.read(), dict(error.headers or {}))


def form(data: dict[str, str]) -> bytes:
    return urllib.parse.urlencode(data).encode()


class Gateway:
    """A configured channel. ``config`` is its entry in ``settings.SMS_CHANNELS``."""

    kind = ""

    def __init__(self, name: str, config: dict[str, Any]) -> None:
        self.name = name
        self.config = config

    @property
    def number(self) -> str:
        return str(self.config.get("number", ""))

    @property
    def cost_per_segment(self) -> Decimal:
        return Decimal(str(self.config.get("cost_per_segment", "0")))

    @property
    def currency(self) -> str:
        return str(self.config.get("currency", ""))

    @property
    def per_second(self) -> float:
        """At most this many messages a second leave by this channel."""
        return float(self.config.get("per_second", 1))

    def verify(self, request: HttpRequest, secret: str = "") -> bool:
        raise NotImplementedError

    def read(self, request: HttpRequest, what: str) -> list[Event]:
        """The events in a verified callback (``what``: "inbound", "status" or
        "optout", from the address it came to)."""
        raise NotImplementedError

    def ack(self, what: str) -> HttpResponse:
        return HttpResponse(status=200)

    def send(self, *, to: str, text: str, reference: str) -> SendResult:
        raise NotImplementedError

    def post(self, url: str, data: bytes, headers: dict[str, str]) -> Posted:
        from harambee.reach.gateways import base

        return base.http_post(url, data, headers)
