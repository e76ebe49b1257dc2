"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

Coordinates with unique digits on the world's three initiatives (listed to members,
and secret), and, in a secret space that nobody of the cast belongs to, on an
initiative, a space-only event and field reports at every status. None of those is
public, so their digits are in ``world["never_shown"]``: no page of the tour, the map
and its GeoJSON included, may show them to anyone. A public initiative is placed at
one decimal place: the map shows it rounded, and the digits rounding takes off are
never shown either.

The world's own initiatives are edited by the cast (the lead of ``cast.space``, and
stewards everywhere), whose edit form must show the coordinates they typed, so their
digits are checked on the map's pages for the whole cast by
``maps/tests/test_map_pages.py`` instead."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from harambee.core.tests.factories import SpaceFactory, UserFactory
from harambee.initiatives.models import Initiative
from harambee.maps.selectors import REGION_BOXES
from harambee.maps.tests.helpers import event, initiative, report


def build(cast, world) -> None:
    items = world["items"]
    for n, space in enumerate(world["spaces"]):
        Initiative.objects.filter(space=space).update(
            latitude=Decimal(f"6.5{n}731"), longitude=Decimal(f"-1.6{n}947")
        )
    nobody = SpaceFactory(name="Unmapped valley", slug="unmapped-valley", listing="secret")
    initiative(nobody, "8.13579", "-0.97531", countries=["GH"])
    stranger = UserFactory(display_name="Stan Stranger")
    marker = f"LEAK{len(items)}M"
    items.append(event(stranger, nobody, "space", 6.24680, -2.13570, f"{marker}-TITLE"))
    for status in ("pending", "verified"):
        marker = f"LEAK{len(items)}M"
        items.append(report(nobody, "space", status, 5.97531, -1.08642, f"{marker}-TITLE"))
    opened = SpaceFactory(name="Open delta", slug="open-delta", listing="public")
    initiative(opened, "4.91827", "-2.64519", precision=1, countries=["GH"])
    world.setdefault("never_shown", []).extend(
        ["13579", "97531", "24680", "13570", "08642", "91827", "64519"]
    )
    world["map_open"] = opened


def urls_for(name: str, cast, world) -> list[str] | None:
    if not name.startswith("maps:"):
        return None
    if name == "maps:region":
        return [reverse(name, args=[r.lower()]) for r in [*REGION_BOXES, "Atlantis"]]
    if name == "maps:geojson":
        return [reverse(name), reverse(name) + "?region=africa"]
    return [reverse(name)]
