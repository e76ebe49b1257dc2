"""Broadcasts: preview, schedule, throttle, resume after a crash without a second
copy, never to opted-out numbers. Polls: one answer per number, results live."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from harambee.reach import polls as poll_services
from harambee.reach import selectors, services, tasks
from harambee.reach.gateways import console
from harambee.reach.models import Broadcast, Message, PollAnswer
from harambee.reach.tests.helpers import contact, inbound, sms_space

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(cast):
    sms_space(cast.space, channel="tw")
    return [
        contact(cast.space, phone="+233201111111", language="en"),
        contact(cast.space, phone="+233202222222", language="fr"),
        contact(cast.space, phone="+233203333333", language="sw", consent_broadcasts=False),
        contact(cast.space, phone="+233204444444", language="en", place="Kumasi"),
    ]


def test_the_preview_shows_recipients_segments_and_cost_per_language(cast, people):
    broadcast = services.broadcast_create(
        actor=cast.space_lead,
        space=cast.space,
        text="Forest meeting on Friday at the chief's house, bring your reports {and} photos",
        translations={"fr": "Réunion de la forêt vendredi chez le chef. Apportez vos rapports ç"},
    )
    preview = selectors.broadcast_preview(broadcast=broadcast)
    assert preview.recipients == 3
    by_language = {p.language: p for p in preview.parts}
    assert by_language["en"].recipients == 2 and by_language["en"].segments.encoding == "GSM-7"
    assert (
        by_language["fr"].segments.encoding == "UCS-2"
        and by_language["fr"].segments.non_gsm == "êç"
    )
    assert preview.segments_total == 2 * 1 + 1 * 1
    assert str(preview.cost) == "0.15" and preview.currency == "USD"


def test_the_filters_narrow_the_recipients(cast, people):
    broadcast = services.broadcast_create(
        actor=cast.space_lead, space=cast.space, text="x", place="kumasi"
    )
    assert selectors.broadcast_preview(broadcast=broadcast).recipients == 1
    broadcast = services.broadcast_create(
        actor=cast.space_lead, space=cast.space, text="x", language="fr"
    )
    assert selectors.broadcast_preview(broadcast=broadcast).recipients == 1


def test_a_scheduled_broadcast_waits_for_its_time(cast, people, run_on_commit_now, gateways_accept):
    later = timezone.now() + timedelta(hours=2)
    broadcast = services.broadcast_create(
        actor=cast.space_lead, space=cast.space, text="x", send_at=later
    )
    services.broadcast_confirm(actor=cast.space_lead, broadcast=broadcast)
    assert tasks.send_due() == 0
    assert gateways_accept == []
    Broadcast.objects.filter(pk=broadcast.pk).update(send_at=timezone.now() - timedelta(minutes=1))
    assert tasks.send_due() == 1
    assert len(gateways_accept) == 3


def test_a_crash_mid_send_resumes_without_a_second_copy(cast, people, gateways_accept, monkeypatch):
    broadcast = services.broadcast_create(
        actor=cast.space_lead, space=cast.space, text="Rain tomorrow"
    )
    Broadcast.objects.filter(pk=broadcast.pk).update(status="scheduled")
    real = services.message_send
    calls = {"n": 0}

    def crash_on_second(*, message_id):
        calls["n"] += 1
        if calls["n"] == 2:
            # The worker dies after claiming the copy, before the gateway answered.
            Message.objects.filter(pk=message_id).update(status="sending")
            raise SystemExit("worker killed")
        return real(message_id=message_id)

    monkeypatch.setattr(services, "message_send", crash_on_second)
    with pytest.raises(SystemExit):
        services.broadcast_run(broadcast_id=broadcast.pk, sleep=lambda s: None)
    assert len(gateways_accept) == 1
    monkeypatch.setattr(services, "message_send", real)
    services.broadcast_run(broadcast_id=broadcast.pk, sleep=lambda s: None)
    services.broadcast_run(broadcast_id=broadcast.pk, sleep=lambda s: None)
    copies = Message.objects.filter(broadcast=broadcast)
    assert copies.count() == 3
    assert sorted(copies.values_list("status", flat=True)) == ["sent", "sent", "unknown"]
    # Every recipient got at most one copy.
    assert len(gateways_accept) == 2
    assert Broadcast.objects.get().status == "sent"


def test_sending_is_throttled_to_the_channels_pace(cast, people, gateways_accept, settings):
    settings.SMS_CHANNELS = {
        **settings.SMS_CHANNELS,
        "tw": {**settings.SMS_CHANNELS["tw"], "per_second": 2},
    }
    broadcast = services.broadcast_create(actor=cast.space_lead, space=cast.space, text="x")
    Broadcast.objects.filter(pk=broadcast.pk).update(status="scheduled")
    pauses: list[float] = []
    services.broadcast_run(broadcast_id=broadcast.pk, sleep=pauses.append)
    assert pauses == [0.5, 0.5, 0.5]


def test_someone_who_stops_after_the_copies_are_written_gets_none(cast, people, gateways_accept):
    broadcast = services.broadcast_create(actor=cast.space_lead, space=cast.space, text="x")
    Broadcast.objects.filter(pk=broadcast.pk).update(status="scheduled")
    first = people[0]
    original = services.message_send

    def stop_first_then_send(*, message_id):
        services.contact_opt_out(contact=first, how="keyword")
        return original(message_id=message_id)

    import harambee.reach.services as mod

    mod.message_send = stop_first_then_send
    try:
        services.broadcast_run(broadcast_id=broadcast.pk, sleep=lambda s: None)
    finally:
        mod.message_send = original
    assert Message.objects.get(broadcast=broadcast, contact=first).status == "skipped"


def test_a_poll_counts_one_answer_per_number_and_shows_results(cast, client_for, run_on_commit_now):
    sms_space(cast.space)
    a = contact(cast.space, phone="+233201111111")
    contact(cast.space, phone="+233202222222")
    poll = poll_services.poll_create(
        actor=cast.space_lead,
        space=cast.space,
        question="Best day to meet?",
        options=["Monday", "Friday"],
    )
    assert poll_services.poll_open(actor=cast.space_lead, poll=poll) == 2
    assert poll_services.poll_open(actor=cast.space_lead, poll=poll) == 0
    assert len([m for m in console.OUTBOX if "1. Monday" in m[2]]) == 2
    inbound("2", sid="p1", phone=a.phone)
    inbound("1", sid="p2", phone=a.phone)
    inbound("7", sid="p3", phone="+233202222222")
    inbound("1", sid="p4", phone="+233202222222")
    assert list(PollAnswer.objects.order_by("pk").values_list("option", flat=True)) == [2, 1]
    results, total = selectors.poll_results(poll=poll)
    assert total == 2 and [r.count for r in results] == [1, 1]
    page = client_for(cast.space_lead).get(reverse("reach:poll", args=[cast.space.slug, poll.pk]))
    assert "Friday" in page.content.decode() and "50%" in page.content.decode()
    partial = client_for(cast.space_lead).get(
        reverse("reach:poll", args=[cast.space.slug, poll.pk]), HTTP_HX_REQUEST="true"
    )
    assert partial.content.decode().startswith('<div id="poll-results"')
    poll_services.poll_close(actor=cast.space_lead, poll=poll)
    inbound("1", sid="p5", phone="+233203333333")
    assert PollAnswer.objects.count() == 2


def test_the_broadcast_pages_work_without_javascript(
    cast, client_for, people, run_on_commit_now, gateways_accept
):
    client = client_for(cast.space_lead)
    slug = cast.space.slug
    response = client.post(
        reverse("reach:broadcast_new", args=[slug]),
        {"text": "Patrol on Saturday", "text_fr": "Patrouille samedi"},
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "3 recipients" in page and "Patrouille samedi" in page
    response = client.post(response["Location"], {"action": "send"})
    assert response.status_code == 302
    assert len(gateways_accept) == 3
    assert Broadcast.objects.get().status == "sent"
