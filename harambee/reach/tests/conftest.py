"""Channels for every gateway, a guard that fails any send that would leave the
machine, and builders."""

from __future__ import annotations

import pytest

from harambee.reach.gateways import base

TWILIO_TOKEN = "12345"
AT_SECRET = "at-secret-0123456789abcdef"
GENERIC_SECRET = "generic-secret-0123456789"

CHANNELS = {
    "console": {"gateway": "console", "quiet": True, "per_second": 1000},
    "tw": {
        "gateway": "twilio",
        "number": "+15005550006",
        "account_sid": "AC00000000000000000000000000000000",
        "auth_token": TWILIO_TOKEN,
        "cost_per_segment": "0.05",
        "currency": "USD",
        "per_second": 1000,
    },
    "at": {
        "gateway": "africastalking",
        "username": "sandbox",
        "api_key": "atsk_test",
        "number": "HARAMBEE",
        "url_secret": AT_SECRET,
        "per_second": 1000,
    },
    "gen": {
        "gateway": "generic",
        "secret": GENERIC_SECRET,
        "send_url": "https://phone.example.org/send",
        "per_second": 1000,
    },
}


class Recorded:
    """Answers the gateways' APIs gave, played back in order; what was asked is kept."""

    def __init__(self) -> None:
        self.answers: list[base.Posted] = []
        self.asked: list[tuple[str, bytes, dict[str, str]]] = []

    def __call__(self, url: str, data: bytes, headers: dict[str, str], timeout: float = 15.0):
        self.asked.append((url, data, headers))
        if not self.answers:
            raise AssertionError(f"an unexpected call to {url}")
        return self.answers.pop(0)


@pytest.fixture(autouse=True)
def sms_channels(settings, monkeypatch):
    settings.SMS_CHANNELS = CHANNELS
    settings.SMS_DEFAULT_CHANNEL = "console"
    settings.SMS_DEFAULT_REGION = ""
    settings.SITE_URL = "https://harambee.example.org"
    settings.ALLOWED_HOSTS = ["*"]

    def no_network(*args, **kwargs):
        raise AssertionError("A test tried to reach an SMS gateway.")

    monkeypatch.setattr(base, "http_post", no_network)
    from harambee.reach.gateways import console

    console.OUTBOX.clear()


@pytest.fixture
def recorded(monkeypatch):
    player = Recorded()
    monkeypatch.setattr(base, "http_post", player)
    return player


@pytest.fixture
def gateways_accept(monkeypatch):
    """Every gateway accepts every send, as its API documents; the calls are kept."""
    import itertools
    import json

    calls: list[tuple[str, bytes]] = []
    ids = itertools.count(1)

    def answer(url: str, data: bytes, headers: dict[str, str], timeout: float = 15.0):
        calls.append((url, data))
        n = next(ids)
        if "twilio.com" in url:
            return base.Posted(201, json.dumps({"sid": f"SMout{n}", "status": "queued"}).encode())
        if "africastalking.com" in url:
            body = {
                "SMSMessageData": {
                    "Message": "Sent to 1/1",
                    "Recipients": [
                        {
                            "statusCode": 101,
                            "status": "Success",
                            "messageId": f"ATPid_{n}",
                            "cost": "KES 0.8",
                            "number": "x",
                        }
                    ],
                }
            }
            return base.Posted(201, json.dumps(body).encode())
        return base.Posted(200, json.dumps({"id": f"gen-{n}"}).encode())

    monkeypatch.setattr(base, "http_post", answer)
    return calls
