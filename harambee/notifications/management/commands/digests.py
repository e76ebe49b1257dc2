"""``harambee digests --daily|--weekly``: send the due digests (for cron or a timer)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from harambee.notifications.digests import digests_send
from harambee.notifications.models import Frequency


class Command(BaseCommand):
    help = "Send the daily or weekly notification digests that are due. Safe to run again."

    def add_arguments(self, parser: CommandParser) -> None:
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--daily", action="store_true", help="Send the daily digests.")
        group.add_argument("--weekly", action="store_true", help="Send the weekly digests.")
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, **options) -> None:
        frequency = Frequency.DAILY if options["daily"] else Frequency.WEEKLY
        run = digests_send(frequency=frequency, batch_size=options["batch_size"])
        seconds = (run.finished - run.started).total_seconds() if run.finished else 0.0
        self.stdout.write(
            f"{frequency} digests for {run.period}: {run.recipients} sent, "
            f"{run.notifications} notices settled in {seconds:.1f}s."
        )
