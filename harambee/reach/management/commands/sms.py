"""``harambee sms simulate --from +233201234567 "FIRE Bono East trees cut"``: text the
site as a phone would, through the console channel, and see what it answers.
``harambee sms send_due``: start the broadcasts whose time has come (cron, every
minute)."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from harambee.reach import handling, services, tasks
from harambee.reach.gateways import Inbound, console
from harambee.reach.models import Message


class Command(BaseCommand):
    help = "Simulate a phone texting the site, or start due broadcasts."

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        simulate = sub.add_parser("simulate", help="Text the site as a phone would.")
        simulate.add_argument("text", help="What the phone sends, in quotes.")
        simulate.add_argument("--from", dest="sender", default="+233201234567")
        simulate.add_argument("--channel", default="console")
        simulate.add_argument(
            "--id", dest="provider_id", default="", help="Repeat an id to replay."
        )
        sub.add_parser("send_due", help="Start every broadcast whose time has come.")
        sub.add_parser("handle", help="Handle every inbound message still waiting.")

    def handle(self, *args, **options) -> None:
        if options["action"] == "handle":
            self.stdout.write(f"{handling.inbound_handle_waiting()} messages handled.")
            return
        if options["action"] == "send_due":
            self.stdout.write(f"{tasks.send_due()} broadcasts started.")
            return
        try:
            sender = services.normalise_phone(options["sender"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        provider_id = options["provider_id"] or f"sim-{uuid.uuid4().hex[:12]}"
        console.OUTBOX.clear()
        with transaction.atomic():
            message = services.inbound_accept(
                channel_name=options["channel"],
                event=Inbound(provider_id, sender, "", options["text"][:2000]),
            )
        if message is None:
            self.stdout.write(f"Already received ({provider_id}): nothing more happens.")
            return
        message.refresh_from_db()
        if message.status == Message.Status.RECEIVED:
            self.stdout.write("Received; the task worker will handle it.")
            return
        self.stdout.write(f"Received as message {message.pk} ({provider_id}).")
        for reply in Message.objects.filter(in_reply_to=message):
            self.stdout.write(f"Reply ({reply.get_status_display()}): {reply.body}")
        if message.in_inbox:
            self.stdout.write("It matched no keyword: it is in the facilitators' inbox.")
        if hasattr(message, "report"):
            self.stdout.write(f"Field report {message.report.pk} waits for verification.")
