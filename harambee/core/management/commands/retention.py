"""`harambee retention`: delete what is kept only so long (raw SMS requests, finished
tasks' results, expired sessions). Run it daily."""

from django.core.management.base import BaseCommand

from harambee.core.retention import run


class Command(BaseCommand):
    help = "Delete data older than its retention period (see docs/operations.md)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would go; delete nothing."
        )

    def handle(self, *args, **options) -> None:
        dry = options["dry_run"]
        for pruned in run(dry_run=dry):
            if pruned.days <= 0:
                self.stdout.write(f"{pruned.label}: kept (retention 0 days means always)")
                continue
            verb = "would delete" if dry else "deleted"
            self.stdout.write(f"{pruned.label}: {verb} {pruned.rows} older than {pruned.days} days")
