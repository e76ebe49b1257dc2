"""`harambee restore FILE`: put a backup in place of the database and uploaded files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from harambee.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `harambee backup`. The site is read-only while it runs. "
        "Refuses a database that holds members or content unless --force."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="The backup's .tar file.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database that already holds members or content.",
        )

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No backup at {path}.")
        try:
            done = restore(path, force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        if done.differences:
            lines = [f"{t}: {a} in the backup, {b} now" for t, (a, b) in done.differences.items()]
            raise CommandError("Restored, but the rows differ:\n" + "\n".join(lines))
        self.stdout.write(f"Restored {done.rows} rows and {done.files} files from {path}.")
