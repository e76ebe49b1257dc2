"""`harambee backup`: the database and the uploaded files in one tar file."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from harambee.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database (SQLite's backup API or pg_dump) and the uploaded files."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output",
            default=None,
            help="The folder to write the backup into (default: var/backups).",
        )

    def handle(self, *args, **options) -> None:
        folder = Path(options["output"] or Path(settings.VAR_DIR) / "backups")
        try:
            made = backup(folder)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Backed up {made.rows} rows in {made.tables} tables and {made.files} files "
            f"to {made.path}"
        )
