"""``harambee related``: compute the related experiences of notes, lessons and stories
again, for example after an import that bypassed saves."""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from harambee.synthesis import services


class Command(BaseCommand):
    help = (
        "Compute the related experiences of every learning note, lesson and story "
        "(or of the newest N) again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--newest", type=int, default=None, help="Only the newest N items (default: all)."
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="No progress line on standard error."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        newest = options["newest"]
        if newest is not None and newest < 1:
            raise CommandError("--newest must be a positive number.")
        progress = None if options["no_progress"] or options["verbosity"] == 0 else sys.stderr
        started = time.perf_counter()
        count = services.related_compute_all(newest=newest, progress=progress)
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Computed related experiences for {count:,} items in {seconds:.1f} s."
            )
        )
