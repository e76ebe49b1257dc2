"""``harambee retag``: (re)build every item's hashtags from its title and text."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from harambee.stream.services import content_tags_rebuild


class Command(BaseCommand):
    help = (
        "Tag every content item from its title and text. Run once after installing the "
        "stream on a database with content, or after `harambee generate`; safe to repeat."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        n = content_tags_rebuild()
        self.stdout.write(f"Looked at {n} items.")
