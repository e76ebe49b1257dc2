"""``harambee newsletter``: send this week's public newsletter (for cron or a timer)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from harambee.portal.newsletter import newsletter_send


class Command(BaseCommand):
    help = "Send this week's public newsletter to confirmed subscribers. Safe to run again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, **options) -> None:
        run = newsletter_send(batch_size=options["batch_size"])
        self.stdout.write(
            f"newsletter for {run.period}: {run.recipients} sent, {run.items} public items."
        )
