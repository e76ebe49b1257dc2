"""``harambee search rebuild``: fill the search index again from every item and comment."""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from harambee.search import services


class Command(BaseCommand):
    help = "Search index maintenance. `rebuild` empties the index and fills it again."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        rebuild = sub.add_parser("rebuild", help="Empty the index and index everything again.")
        rebuild.add_argument(
            "--batch", type=int, default=services.BATCH, help="Rows per transaction."
        )
        rebuild.add_argument(
            "--no-progress", action="store_true", help="No progress bar on standard error."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        progress = None if options["no_progress"] or options["verbosity"] == 0 else sys.stderr
        started = time.perf_counter()
        count = services.index_rebuild(progress=progress, batch=max(1, options["batch"]))
        seconds = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Indexed {count:,} entries in {seconds:.1f} s."))
