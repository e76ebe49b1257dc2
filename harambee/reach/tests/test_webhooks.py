"""The webhooks: raw first, signature before anything else, exactly once, 503 when
the database is down; and what each kind of text does."""

from __future__ import annotations

import pytest
from django.db import OperationalError

from harambee.reach.gateways import console
from harambee.reach.models import (
    ConsentChange,
    Contact,
    FieldReport,
    InboundRequest,
    Message,
)
from harambee.reach.tests.conftest import AT_SECRET
from harambee.reach.tests.helpers import (
    contact,
    form_post,
    generic_post,
    inbound,
    sms_space,
    twilio_post,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _now(run_on_commit_now, gateways_accept):
    return None


def test_a_signed_twilio_message_is_stored_raw_and_answered_with_empty_twiml(client, cast):
    sms_space(cast.space)
    response = twilio_post(client, "FIRE Bono East 3 trees cut near river")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    assert response.content.decode().endswith("<Response></Response>")
    raw = InboundRequest.objects.get()
    assert raw.verdict == "accepted" and "FIRE+Bono" in raw.body
    assert raw.headers["X-Twilio-Signature"]
    report = FieldReport.objects.get()
    assert report.visibility == "space" and report.status == "pending"
    assert report.space == cast.space and report.keyword == "FIRE"


def test_a_bad_signature_is_403_and_creates_nothing_but_the_raw_row(client, cast):
    sms_space(cast.space)
    response = twilio_post(client, "FIRE here", token="wrong")
    assert response.status_code == 403
    assert InboundRequest.objects.get().verdict == "bad_signature"
    assert Message.objects.count() == 0
    assert Contact.objects.count() == 0
    assert FieldReport.objects.count() == 0


def test_a_replayed_message_makes_one_message_one_report_one_reply(client, cast):
    sms_space(cast.space)
    for _ in range(5):
        assert twilio_post(client, "FIRE near river", sid="SMdup").status_code == 200
    assert InboundRequest.objects.count() == 5
    assert list(InboundRequest.objects.values_list("verdict", flat=True)).count("duplicate") == 4
    assert Message.objects.filter(direction="in").count() == 1
    assert FieldReport.objects.count() == 1
    assert Message.objects.filter(direction="out").count() == 1


def test_the_database_being_down_answers_503_so_the_gateway_retries(client, cast, monkeypatch):
    from harambee.reach import services

    def down(**kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(services, "raw_store", down)
    response = twilio_post(client, "FIRE x")
    assert response.status_code == 503
    assert response["Retry-After"]


def test_unreadable_requests_say_why(client):
    response = generic_post(client, {"type": "message", "text": "no id"})
    assert response.status_code == 400
    assert b"Cannot read" in response.content
    assert InboundRequest.objects.get().verdict == "unreadable"
    assert client.get("/sms/hooks/generic/gen/").status_code == 405
    assert client.post("/sms/hooks/generic/nope/", {}).status_code == 404


def test_africas_talking_needs_its_url_secret(client, cast):
    sms_space(cast.space)
    data = {
        "from": "+254711082123",
        "id": "AT-1",
        "text": "HELP",
        "to": "21525",
        "date": "2026-12-06",
    }
    assert (
        form_post(client, f"/sms/hooks/africastalking/at/{'x' * 26}/inbound/", data).status_code
        == 403
    )
    assert Message.objects.count() == 0
    assert "<secret>" in InboundRequest.objects.get().path
    response = form_post(client, f"/sms/hooks/africastalking/at/{AT_SECRET}/inbound/", data)
    assert response.status_code == 200
    assert Message.objects.filter(direction="in").count() == 1
    assert AT_SECRET not in InboundRequest.objects.last().path


def test_africas_talking_opt_out_callback_stops_the_contact(client, cast):
    person = contact(cast.space, phone="+254711082123")
    response = form_post(
        client,
        f"/sms/hooks/africastalking/at/{AT_SECRET}/optout/",
        {"senderId": "HARAMBEE", "phoneNumber": "+254711082123"},
    )
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.opted_out is not None
    assert ConsentChange.objects.filter(contact=person, how="gateway", granted=False).exists()


def test_delivery_statuses_move_forward_only(client, cast):
    person = contact(cast.space)
    out = Message.objects.create(
        direction="out",
        channel="gen",
        contact=person,
        provider_id="p1",
        status="sent",
        purpose="reply",
    )
    assert (
        generic_post(client, {"type": "status", "id": "p1", "status": "delivered"}).status_code
        == 200
    )
    out.refresh_from_db()
    assert out.status == "delivered"
    generic_post(client, {"type": "status", "id": "p1", "status": "sent"})
    out.refresh_from_db()
    assert out.status == "delivered"


def test_twilio_status_21610_opts_the_contact_out(client, cast):
    from harambee.reach.gateways.twilio import signature
    from harambee.reach.tests.conftest import TWILIO_TOKEN

    person = contact(cast.space)
    Message.objects.create(
        direction="out",
        channel="tw",
        contact=person,
        provider_id="SMx",
        status="sent",
        purpose="reply",
    )
    params = {"MessageSid": "SMx", "MessageStatus": "undelivered", "ErrorCode": "21610"}
    sig = signature(
        TWILIO_TOKEN,
        "https://harambee.example.org/sms/hooks/twilio/tw/status/",
        list(params.items()),
    )
    response = form_post(
        client, "/sms/hooks/twilio/tw/status/", params, HTTP_X_TWILIO_SIGNATURE=sig
    )
    assert response.status_code == 204
    person.refresh_from_db()
    assert person.opted_out is not None
    assert Message.objects.get(provider_id="SMx").status == "failed"


def test_stop_opts_out_of_everything_and_please_dont_stop_does_not(cast):
    person = contact(cast.space)
    inbound("Please don't stop", sid="a1")
    person.refresh_from_db()
    assert person.opted_out is None
    inbound("STOP", sid="a2")
    person.refresh_from_db()
    assert person.opted_out is not None
    assert not person.consents("broadcasts")
    # The confirmation of STOP goes; nothing after it.
    assert console.OUTBOX[-1][2].startswith("You will get no more messages")
    sent = len(console.OUTBOX)
    inbound("HELP", sid="a3")
    assert len(console.OUTBOX) == sent
    inbound("start", sid="a4")
    person.refresh_from_db()
    assert person.opted_out is None and person.consent_polls


def test_join_with_a_code_adds_the_contact_to_the_space_and_answers_in_its_language(cast):
    sms_space(cast.space, code="FOREST")
    inbound("jiunge forest", sid="j1", phone="+254711082123")
    person = Contact.objects.get(phone="+254711082123")
    assert list(person.spaces.all()) == [cast.space]
    assert person.language == "sw"
    assert person.consent_reports and person.consent_broadcasts
    assert console.OUTBOX[-1][2].startswith("Umejiunga")
    inbound("JOIN nothing", sid="j2", phone="+254711082123")
    assert "do not know" in console.OUTBOX[-1][2] or "Hatujui" in console.OUTBOX[-1][2]


def test_a_report_takes_its_place_from_the_text_or_the_contact(cast):
    sms_space(cast.space)
    contact(cast.space, phone="+233201111111", place="Bono East")
    contact(cast.space, phone="+233202222222", place="Techiman")
    inbound("FIRE bono east 3 trees cut near river", sid="r1", phone="+233202222222")
    inbound("LOGGING trucks at night 7.59,-1.94", sid="r2", phone="+233202222222")
    first, second = FieldReport.objects.order_by("pk")
    assert first.place == "Bono East"
    assert second.place == "Techiman" and second.latitude == 7.59 and second.longitude == -1.94
    assert "stays inside" in console.OUTBOX[-1][2]


def test_free_text_goes_to_the_facilitators_inbox(cast):
    person = contact(cast.space)
    message = inbound("The chief wants to talk to you", sid="f1")
    message.refresh_from_db()
    assert message.in_inbox and message.space == cast.space and message.contact == person
    assert console.OUTBOX[-1][2].startswith("Thank you, a facilitator")


def test_an_invalid_sender_number_is_kept_as_given_not_a_500(client, cast):
    response = generic_post(client, {"id": "odd-1", "from": "MPESA", "text": "hello"})
    assert response.status_code == 200
    assert Contact.objects.get().phone == "MPESA"
