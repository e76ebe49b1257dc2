from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any
from urllib.parse import urlencode

from harambee.reach import services
from harambee.reach.gateways.twilio import signature
from harambee.reach.models import Contact, SpaceSms
from harambee.reach.tests.conftest import GENERIC_SECRET, TWILIO_TOKEN

SITE = "https://harambee.example.org"


def sms_space(
    space, *, code: str = "FOREST", keywords: str = "FIRE, LOGGING", channel: str = "console"
):
    return SpaceSms.objects.create(
        space=space, join_code=code, report_keywords=keywords, channel=channel
    )


def contact(space, phone: str = "+233201234567", **extra: Any) -> Contact:
    fields = {
        "name": "Ama Mensah",
        "language": "en",
        "place": "Techiman",
        "consent_reports": True,
        "consent_broadcasts": True,
        "consent_polls": True,
    }
    fields.update(extra)
    found = Contact.objects.create(phone=phone, **fields)
    found.spaces.add(space)
    return found


def twilio_post(
    client,
    text: str,
    *,
    sid: str = "SM1",
    sender: str = "+233201234567",
    channel: str = "tw",
    token: str = TWILIO_TOKEN,
    url_base: str = SITE,
):
    path = f"/sms/hooks/twilio/{channel}/"
    params = {
        "MessageSid": sid,
        "SmsSid": sid,
        "AccountSid": "AC00000000000000000000000000000000",
        "From": sender,
        "To": "+15005550006",
        "Body": text,
        "NumMedia": "0",
    }
    sig = signature(token, url_base + path, list(params.items()))
    return client.post(path, urlencode(params), content_type=FORM, HTTP_X_TWILIO_SIGNATURE=sig)


FORM = "application/x-www-form-urlencoded"


def form_post(client, path: str, data: dict, **headers: str):
    """A form POST as the gateways send them (URL-encoded, not multipart)."""
    return client.post(path, urlencode(data), content_type=FORM, **headers)


def generic_post(
    client,
    payload: dict,
    *,
    channel: str = "gen",
    stamp: int | None = None,
    secret: str = GENERIC_SECRET,
):
    body = json.dumps(payload).encode()
    stamp_s = str(stamp if stamp is not None else int(time.time()))
    sig = hmac.new(secret.encode(), stamp_s.encode() + b"." + body, hashlib.sha256).hexdigest()
    return client.post(
        f"/sms/hooks/generic/{channel}/",
        body,
        content_type="application/json",
        HTTP_X_SMS_TIMESTAMP=stamp_s,
        HTTP_X_SMS_SIGNATURE=sig,
    )


def inbound(text: str, *, sid: str, phone: str = "+233201234567", channel: str = "console"):
    """A message accepted as a webhook would, handled at once (immediate tasks)."""
    from harambee.reach.gateways import Inbound

    return services.inbound_accept(channel_name=channel, event=Inbound(sid, phone, "", text))
