"""``harambee generate --scale N``: a synthetic alliance of N content items, for load."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from harambee.core.models import Content
from harambee.sampledata.generate import Plan, generate


class Command(BaseCommand):
    help = (
        "Fill the database with a synthetic alliance of N content items (people, "
        "organisations, spaces, memberships, content at every visibility, comments, "
        "reactions) for benchmarks. Meant for an empty, migrated database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            required=True,
            help="Number of content items to write, e.g. 10000, 100000, 1000000.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add to a database that already has content instead of refusing.",
        )
        parser.add_argument("--seed", type=int, default=3, help="Random seed (default 3).")
        parser.add_argument(
            "--no-progress", action="store_true", help="No progress bar on standard error."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        scale = options["scale"]
        if scale < 1:
            raise CommandError("--scale must be at least 1.")
        if Content.objects.exists() and not options["force"]:
            raise CommandError(
                "The database already has content. `harambee generate` fills an empty, "
                "migrated database; add --force to add to this one anyway."
            )
        plan = Plan.for_scale(scale)
        progress = None if options["no_progress"] or options["verbosity"] == 0 else sys.stderr
        result = generate(scale, seed=options["seed"], progress=progress)
        counts = result.counts
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {plan.content:,} content items in {result.seconds:.1f} s. "
                f"The database now holds {counts['content']:,} content items, "
                f"{counts['comments']:,} comments, {counts['reactions']:,} reactions, "
                f"{counts['people']:,} people, {counts['organisations']:,} organisations, "
                f"{counts['spaces']:,} spaces, {counts['memberships']:,} memberships."
            )
        )
