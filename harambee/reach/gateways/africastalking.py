"""Africa's Talking SMS.

Its callbacks carry no signature, so each channel's callback addresses hold a long
random secret (``url_secret``), compared in constant time; a request to a wrong
secret is refused before it is read. Three callbacks: incoming messages
(``/inbound``), delivery reports (``/delivery``) and bulk SMS opt-outs (``/optout``).
Sending is one form POST to the messaging API with the ``apiKey`` header."""

from __future__ import annotations

import hmac

from django.http import HttpRequest

from harambee.reach.gateways.base import (
    Event,
    Gateway,
    Inbound,
    OptOut,
    SendResult,
    Status,
    Unreadable,
    form,
)

LIVE = "https://api.africastalking.com/version1/messaging"
SANDBOX = "https://api.sandbox.africastalking.com/version1/messaging"

# Delivery report statuses (documented: Sent, Submitted, Buffered, Rejected, Success,
# Failed, AbsentSubscriber, Expired), as ours.
DELIVERY = {
    "Sent": "sent",
    "Submitted": "sent",
    "Buffered": "sent",
    "Success": "delivered",
    "Rejected": "failed",
    "Failed": "failed",
    "AbsentSubscriber": "failed",
    "Expired": "failed",
}
# failureReason values that mean the person does not want the messages.
OPT_OUT_REASONS = {"UserInBlacklist", "DoNotDisturbRejection", "UserNotSubscribedToProduct"}
# Per-recipient statusCode of the send answer: 100 Processed, 101 Sent, 102 Queued
# are accepted; the rest (401 RiskHold, 402 InvalidSenderId, 403 InvalidPhoneNumber,
# 404 UnsupportedNumberType, 405 InsufficientBalance, 406 UserInBlacklist,
# 407 CouldNotRoute, 409 DoNotDisturbRejection, 500 InternalServerError,
# 501 GatewayError, 502 RejectedByGateway) failed.
ACCEPTED_CODES = {100, 101, 102}
OPT_OUT_CODES = {406, 409}


class AfricasTalking(Gateway):
    kind = "africastalking"

    def verify(self, request: HttpRequest, secret: str = "") -> bool:
        expected = str(self.config.get("url_secret", ""))
        if len(expected) < 16 or request.method != "POST":
            return False
        return hmac.compare_digest(expected.encode(), secret.encode())

    def read(self, request: HttpRequest, what: str) -> list[Event]:
        data = request.POST
        if what == "optout":
            phone = data.get("phoneNumber", "")
            if not phone:
                raise Unreadable("no phoneNumber")
            return [OptOut(phone)]
        provider_id = data.get("id", "")
        if not provider_id:
            raise Unreadable("no id")
        if what == "status":
            raw = data.get("status", "")
            if raw not in DELIVERY:
                raise Unreadable(f"unknown status {raw!r}")
            reason = data.get("failureReason", "")
            return [Status(provider_id, DELIVERY[raw], reason, reason in OPT_OUT_REASONS)]
        sender = data.get("from", "")
        if not sender:
            raise Unreadable("no from")
        return [Inbound(provider_id, sender, data.get("to", ""), data.get("text", ""))]

    def send(self, *, to: str, text: str, reference: str) -> SendResult:
        data = {"username": str(self.config["username"]), "to": to, "message": text}
        if self.number:
            data["from"] = self.number
        url = SANDBOX if data["username"] == "sandbox" else LIVE
        answer = self.post(
            url,
            form(data),
            {
                "apiKey": str(self.config["api_key"]),
                "Accept": "application/json",
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        try:
            recipients = answer.json()["SMSMessageData"]["Recipients"]
        except (ValueError, KeyError, TypeError):
            return SendResult("", "failed", f"HTTP {answer.status}")
        if not recipients:
            return SendResult("", "failed", "no recipient accepted")
        first = recipients[0]
        code = int(first.get("statusCode", 0))
        if code in ACCEPTED_CODES:
            return SendResult(str(first.get("messageId", "")), "sent")
        return SendResult("", "failed", str(first.get("status", code)), code in OPT_OUT_CODES)
