"""Each adapter against known vectors and recorded requests and answers."""

from __future__ import annotations

import json
import time
from urllib.parse import parse_qs

import pytest
from django.test import RequestFactory

from harambee.reach.gateways import base, channel
from harambee.reach.gateways.generic import sign
from harambee.reach.gateways.twilio import signature, signature_valid, url_variants
from harambee.reach.tests.conftest import AT_SECRET, GENERIC_SECRET

# Twilio's documented example (its security docs and helper libraries' tests).
VECTOR_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
VECTOR_PARAMS = [
    ("CallSid", "CA1234567890ABCDE"),
    ("Caller", "+14158675309"),
    ("Digits", "1234"),
    ("From", "+14158675309"),
    ("To", "+18005551212"),
]
VECTOR_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8="


def test_twilio_signature_matches_the_documented_vector():
    assert signature("12345", VECTOR_URL, VECTOR_PARAMS) == VECTOR_SIGNATURE
    assert signature_valid("12345", VECTOR_URL, list(reversed(VECTOR_PARAMS)), VECTOR_SIGNATURE)


def test_twilio_signature_fails_for_any_change():
    assert not signature_valid("12346", VECTOR_URL, VECTOR_PARAMS, VECTOR_SIGNATURE)
    assert not signature_valid("12345", VECTOR_URL + "&x=1", VECTOR_PARAMS, VECTOR_SIGNATURE)
    changed = [*VECTOR_PARAMS[:2], ("Digits", "9999"), *VECTOR_PARAMS[3:]]
    assert not signature_valid("12345", VECTOR_URL, changed, VECTOR_SIGNATURE)
    assert not signature_valid("12345", VECTOR_URL, VECTOR_PARAMS, "")


def test_twilio_signature_holds_with_and_without_the_default_port():
    with_port = "https://mycompany.com:443/myapp.php?foo=1&bar=2"
    signed_with_port = signature("12345", with_port, VECTOR_PARAMS)
    assert signature_valid("12345", VECTOR_URL, VECTOR_PARAMS, signed_with_port)
    assert signature_valid("12345", with_port, VECTOR_PARAMS, VECTOR_SIGNATURE)
    assert "https://mycompany.com:443/myapp.php?foo=1&bar=2" in url_variants(VECTOR_URL)
    # Another port is another address.
    assert not signature_valid(
        "12345", "https://mycompany.com:8443/myapp.php?foo=1&bar=2", VECTOR_PARAMS, VECTOR_SIGNATURE
    )


def test_twilio_verifies_the_public_address_behind_a_tls_proxy(settings):
    """The proxy speaks plain HTTP to the app; Twilio signed the https address."""
    settings.SITE_URL = "https://forum.example.org"
    params = {"MessageSid": "SM1", "From": "+233201234567", "Body": "hi"}
    sig = signature(
        "12345", "https://forum.example.org:443/sms/hooks/twilio/tw/", list(params.items())
    )
    request = RequestFactory().post(
        "/sms/hooks/twilio/tw/", params, HTTP_HOST="10.0.0.5:8000", HTTP_X_TWILIO_SIGNATURE=sig
    )
    assert channel("tw").verify(request)
    request = RequestFactory().post(
        "/sms/hooks/twilio/tw/",
        params,
        HTTP_HOST="10.0.0.5:8000",
        HTTP_X_TWILIO_SIGNATURE="x" + sig,
    )
    assert not channel("tw").verify(request)


def test_twilio_send_posts_the_documented_form_and_reads_the_sid(recorded):
    recorded.answers.append(
        base.Posted(
            201,
            json.dumps(
                {
                    "sid": "SM1f0e8ae6ade43cb3c0ce4525424e404f",
                    "status": "queued",
                    "to": "+233201234567",
                    "from": "+15005550006",
                    "num_segments": "1",
                    "error_code": None,
                }
            ).encode(),
        )
    )
    result = channel("tw").send(to="+233201234567", text="Habari", reference="h1")
    assert (result.status, result.provider_id) == ("sent", "SM1f0e8ae6ade43cb3c0ce4525424e404f")
    url, data, headers = recorded.asked[0]
    assert (
        url
        == "https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json"
    )
    assert parse_qs(data.decode()) == {
        "To": ["+233201234567"],
        "Body": ["Habari"],
        "From": ["+15005550006"],
    }
    assert headers["Authorization"].startswith("Basic ")


def test_twilio_error_21610_means_the_number_opted_out(recorded):
    recorded.answers.append(
        base.Posted(
            400,
            json.dumps(
                {
                    "code": 21610,
                    "message": "Attempt to send to unsubscribed recipient",
                    "more_info": "https://www.twilio.com/docs/errors/21610",
                    "status": 400,
                }
            ).encode(),
        )
    )
    result = channel("tw").send(to="+233201234567", text="Hi", reference="h1")
    assert result.status == "failed" and result.opted_out and result.error == "21610"


def _at_request(path, data):
    return RequestFactory().post(path, data)


def test_africas_talking_checks_the_url_secret_in_constant_time():
    gateway = channel("at")
    request = _at_request("/x/", {"id": "1"})
    assert gateway.verify(request, AT_SECRET)
    assert not gateway.verify(request, AT_SECRET[:-1] + "0")
    assert not gateway.verify(request, "")


def test_africas_talking_callbacks_are_read_as_documented():
    gateway = channel("at")
    inbound = _at_request(
        "/x/",
        {
            "date": "2026-12-06 10:11:12",
            "from": "+254711082123",
            "id": "ABCDEF-1234",
            "linkId": "SampleLinkId123",
            "text": "FIRE Kakamega forest",
            "to": "21525",
            "networkCode": "63902",
        },
    )
    [event] = gateway.read(inbound, "inbound")
    assert (event.provider_id, event.sender, event.text) == (
        "ABCDEF-1234",
        "+254711082123",
        "FIRE Kakamega forest",
    )
    for status, ours in [
        ("Sent", "sent"),
        ("Submitted", "sent"),
        ("Buffered", "sent"),
        ("Success", "delivered"),
        ("Rejected", "failed"),
        ("Failed", "failed"),
        ("AbsentSubscriber", "failed"),
        ("Expired", "failed"),
    ]:
        report = _at_request(
            "/x/",
            {
                "id": "ATXid_1",
                "status": status,
                "phoneNumber": "+254711082123",
                "networkCode": "63902",
            },
        )
        assert gateway.read(report, "status")[0].status == ours
    blacklisted = _at_request(
        "/x/",
        {
            "id": "ATXid_1",
            "status": "Failed",
            "failureReason": "UserInBlacklist",
            "phoneNumber": "+254711082123",
        },
    )
    assert gateway.read(blacklisted, "status")[0].opted_out
    optout = _at_request("/x/", {"senderId": "HARAMBEE", "phoneNumber": "+254711082123"})
    assert gateway.read(optout, "optout")[0].phone == "+254711082123"


def test_africas_talking_send_reads_the_recipients_answer(recorded):
    recorded.answers.append(
        base.Posted(
            201,
            json.dumps(
                {
                    "SMSMessageData": {
                        "Message": "Sent to 1/1 Total Cost: KES 0.8000",
                        "Recipients": [
                            {
                                "statusCode": 101,
                                "number": "+254711082123",
                                "status": "Success",
                                "cost": "KES 0.8000",
                                "messageId": "ATPid_SampleTxnId123",
                            }
                        ],
                    }
                }
            ).encode(),
        )
    )
    result = channel("at").send(to="+254711082123", text="Asante", reference="h1")
    assert (result.status, result.provider_id) == ("sent", "ATPid_SampleTxnId123")
    url, data, headers = recorded.asked[0]
    assert url == "https://api.sandbox.africastalking.com/version1/messaging"
    assert headers["apiKey"] == "atsk_test"
    assert parse_qs(data.decode())["to"] == ["+254711082123"]
    recorded.answers.append(
        base.Posted(
            201,
            json.dumps(
                {
                    "SMSMessageData": {
                        "Message": "Sent to 0/1",
                        "Recipients": [
                            {
                                "statusCode": 406,
                                "number": "+254711082123",
                                "status": "UserInBlacklist",
                                "cost": "0",
                                "messageId": "None",
                            }
                        ],
                    }
                }
            ).encode(),
        )
    )
    result = channel("at").send(to="+254711082123", text="Asante", reference="h2")
    assert result.status == "failed" and result.opted_out


def test_generic_gateway_signature_and_window():
    gateway = channel("gen")
    body = b'{"id":"1","from":"+233201234567","text":"hi"}'
    now = str(int(time.time()))

    def request(stamp, sig):
        return RequestFactory().post(
            "/x/",
            body,
            content_type="application/json",
            HTTP_X_SMS_TIMESTAMP=stamp,
            HTTP_X_SMS_SIGNATURE=sig,
        )

    assert gateway.verify(request(now, sign(GENERIC_SECRET, now, body)))
    assert not gateway.verify(request(now, sign("another-secret-123456", now, body)))
    old = str(int(time.time()) - 301)
    assert not gateway.verify(request(old, sign(GENERIC_SECRET, old, body)))
    assert not gateway.verify(request("soon", sign(GENERIC_SECRET, "soon", body)))
    # A known vector, so another implementation can check itself against ours.
    assert (
        sign("k" * 16, "1700000000", b"{}")
        == __import__("hmac").new(b"k" * 16, b"1700000000.{}", "sha256").hexdigest()
    )


def test_generic_send_signs_its_request(recorded):
    recorded.answers.append(base.Posted(200, b'{"id": "phone-77"}'))
    result = channel("gen").send(to="+233201234567", text="hi", reference="h9")
    assert result.provider_id == "phone-77"
    url, data, headers = recorded.asked[0]
    assert url == "https://phone.example.org/send"
    assert headers["X-Sms-Signature"] == sign(GENERIC_SECRET, headers["X-Sms-Timestamp"], data)
    assert json.loads(data) == {"id": "h9", "to": "+233201234567", "text": "hi"}


def test_no_test_reaches_a_gateway():
    with pytest.raises(AssertionError, match="tried to reach"):
        channel("tw").send(to="+233201234567", text="x", reference="h1")
