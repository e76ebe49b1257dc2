"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

In every space a brochure whose choice names every item of the world, at every
visibility: its page lists only what the anonymous public may read, to everyone who
may see it (the space's members), and nothing to anyone else. Whether the PDF itself
holds only public items is tested on the same world in ``press/tests/test_leak_pdf.py``."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from harambee.press.models import Brochure


def build(cast, world) -> None:
    ids = [item.pk for item in world["items"]]
    world["brochures"] = [
        Brochure.objects.create(
            space=space,
            title=f"Brochure of {space.slug}",
            source="hand",
            item_ids=ids,
            item_count=len(ids),
            created_by=lead,
            # Queued already: the tour only reads.
            queued=timezone.now(),
        )
        for space, lead in world["authors"].items()
    ]


def urls_for(name: str, cast, world) -> list[str] | None:
    if not name.startswith("press:"):
        return None
    route = name.split(":", 1)[1]
    if route == "go":
        return [reverse(name, args=[item.pk]) for item in world["items"]]
    if route in {"brochure", "pdf", "booklet", "retry"}:
        return [reverse(name, args=[b.space.slug, b.pk]) for b in world["brochures"]]
    return [reverse(name, args=[s.slug]) for s in world["spaces"]]
