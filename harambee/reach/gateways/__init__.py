"""SMS gateways: one small adapter per provider behind one interface (``base.Gateway``),
chosen per channel (a number) in ``settings.SMS_CHANNELS``. The core of the app asks
``channel(name)``; it never names a gateway. To add one: a module here with a
``Gateway`` subclass, its name in ``GATEWAYS``, its webhook in ``reach/urls.py`` if its
addresses differ, and recorded requests in ``reach/tests/test_gateways.py``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings

from harambee.reach.gateways.africastalking import AfricasTalking
from harambee.reach.gateways.base import Gateway, Inbound, OptOut, SendResult, Status
from harambee.reach.gateways.console import Console
from harambee.reach.gateways.generic import Generic
from harambee.reach.gateways.twilio import Twilio

GATEWAYS: dict[str, type[Gateway]] = {
    "twilio": Twilio,
    "africastalking": AfricasTalking,
    "generic": Generic,
    "console": Console,
}

__all__ = ["Gateway", "Inbound", "OptOut", "SendResult", "Status", "channel", "channel_names"]


@dataclass(frozen=True)
class UnknownChannel(LookupError):
    name: str


def channel_names() -> list[str]:
    return list(settings.SMS_CHANNELS)


def channel(name: str) -> Gateway:
    """The gateway adapter of the channel ``name``, configured."""
    config: dict[str, Any] | None = settings.SMS_CHANNELS.get(name)
    if config is None:
        raise UnknownChannel(name)
    kind = GATEWAYS.get(config.get("gateway", ""))
    if kind is None:
        raise UnknownChannel(name)
    return kind(name, config)
