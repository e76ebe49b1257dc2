"""The server-drawn map: country outlines from ``data/countries.json`` (built by
``outlines_build``), the countries of public initiatives shaded, and a numbered
marker per place with coordinates. Plain data for the template, no drawing library."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from harambee.maps.projection import HEIGHT, SCALE, WIDTH, project
from harambee.maps.selectors import REGION_BOXES, Place

DATA = Path(__file__).resolve().parent / "data" / "countries.json"
# The world view leaves out the far north and south (nobody there, and Antarctica is
# not drawn): 84°N to 58°S.
WORLD_BOX = (-180.0, 84.0, 180.0, -58.0)


@cache
def outlines() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))["countries"]


@dataclass
class Marker:
    number: int
    place: Place
    x: float
    y: float


@dataclass
class Drawing:
    view_box: str
    countries: list[tuple[str, str, bool]]  # (code, path, shaded)
    markers: list[Marker]
    radius: float
    stroke: float


def view_box(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """(x, y, width, height) in map units of a (west, north, east, south) box."""
    west, north, east, south = box
    x0, y0 = project(west, north)
    x1, y1 = project(east, south)
    return x0, y0, x1 - x0, y1 - y0


def _overlaps(box: list[int], view: tuple[float, float, float, float]) -> bool:
    x, y, w, h = view
    return box[0] <= x + w and box[2] >= x and box[1] <= y + h and box[3] >= y


def draw(places: list[Place], *, region: str = "") -> Drawing:
    """The map of ``places`` (numbered from 1 in their order; the list beside the
    map uses the same numbers), for the world or one region."""
    box = REGION_BOXES.get(region, WORLD_BOX)
    view = view_box(box)
    shaded = {code for p in places if p.kind == "initiative" for code in p.countries}
    countries = [
        (code, shape["d"], code in shaded)
        for code, shape in outlines().items()
        if _overlaps(shape["box"], view)
    ]
    markers = []
    for number, place in enumerate(places, start=1):
        if place.located:
            x, y = project(place.longitude, place.latitude)  # type: ignore[arg-type]
            markers.append(Marker(number, place, x, y))
    # Markers and borders keep their size on screen whatever the view's zoom.
    zoom = view[2] / WIDTH
    return Drawing(
        view_box=" ".join(f"{v:g}" for v in view),
        countries=countries,
        markers=markers,
        radius=round(max(4 * SCALE * zoom, 2.0), 1),
        stroke=round(max(1.2 * zoom, 0.1), 2),
    )


__all__ = ["HEIGHT", "WIDTH", "Drawing", "Marker", "draw", "outlines", "view_box"]
