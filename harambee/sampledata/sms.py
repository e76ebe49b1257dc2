"""Reach by SMS for the demo (``data/sms.toml``): contacts around the Ghana forest
forum, their texts through the console gateway (a verified and a pending field
report, one for the facilitators' inbox, one that is not an opt-out), a broadcast and a
poll with answers. Everything goes through the reach services, as a phone's text would."""

from __future__ import annotations

from datetime import datetime

from harambee.people.models import User
from harambee.reach import polls as poll_services
from harambee.reach import services
from harambee.reach.gateways import Inbound
from harambee.reach.models import FieldReport, Message
from harambee.sampledata.datafiles import read
from harambee.spaces.models import Space


def _text(sender: str, text: str, n: int) -> Message:
    message = services.inbound_accept(
        channel_name="console", event=Inbound(f"demo-{n}", sender, "", text)
    )
    assert message is not None
    services.inbound_handle(message_id=message.pk)
    for reply in Message.objects.filter(in_reply_to=message):
        services.message_send(message_id=reply.pk)
    return message


def load_sms(people: dict[str, User], spaces: dict[str, Space], now: datetime) -> int:
    from django.test import override_settings

    data = read("sms")
    conf = data["settings"]
    space, lead = spaces[conf["space"]], people[conf["by"]]
    channels = {"console": {"gateway": "console", "quiet": True, "per_second": 1000}}
    with override_settings(SMS_CHANNELS=channels, SMS_DEFAULT_CHANNEL="console"):
        services.space_sms_save(
            actor=lead,
            space=space,
            join_code=conf["join_code"],
            report_keywords=conf["report_keywords"],
            channel_name="console",
        )
        for row in data["contacts"]:
            services.contact_save(
                actor=lead,
                space=space,
                phone=row["phone"],
                name=row["name"],
                language=row["language"],
                place=row["place"],
                consents=row["consents"],
                how=row["how"],
                show_name=row.get("show_name", False),
            )
        for n, row in enumerate(data["texts"], start=1):
            message = _text(row["from"], row["text"], n)
            if row.get("verify"):
                report = FieldReport.objects.get(message=message)
                services.report_review(
                    actor=lead,
                    report=report,
                    status="verified",
                    note="Seen by the forest guard the next morning.",
                    visibility="public",
                )
        spec = data["broadcast"]
        broadcast = services.broadcast_create(
            actor=lead, space=space, text=spec["text"], translations={"fr": spec["fr"]}
        )
        services.broadcast_confirm(actor=lead, broadcast=broadcast)
        services.broadcast_run(broadcast_id=broadcast.pk, sleep=lambda s: None)
        spec = data["poll"]
        poll = poll_services.poll_create(
            actor=lead, space=space, question=spec["question"], options=spec["options"]
        )
        poll_services.poll_open(actor=lead, poll=poll)
        for copy in Message.objects.filter(poll=poll, status="queued"):
            services.message_send(message_id=copy.pk)
        for n, (sender, option) in enumerate(spec["answers"], start=100):
            _text(sender, str(option), n)
    return FieldReport.objects.count()
