"""Build ``data/countries.json`` (the map's country outlines) from world-atlas.

Run once when the outlines should change, and commit the result:

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python -m harambee.maps.outlines_build /tmp/package/countries-110m.json

world-atlas (ISC, Mike Bostock) packages Natural Earth's 1:110m admin-0 countries
(public domain) as TopoJSON. This decodes its arcs, simplifies each shared arc once
(Douglas-Peucker, so neighbouring borders stay identical), projects them with the
map's plate carrée (``harambee.maps.projection``) and writes one SVG path per country,
keyed by ISO 3166-1 alpha-2 code, with its bounding box. Antarctica is left out: no
alliance works there and it would be a sixth of the bytes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# Degrees: a point closer than this to the line between its neighbours is dropped.
TOLERANCE = 0.35
# A ring (island) whose box is smaller than this many map units on both sides is dropped.
MIN_RING = 3
OUT = Path(__file__).resolve().parent / "data" / "countries.json"
LEAVE_OUT = {"AQ", "TF"}


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs as lists of (longitude, latitude): TopoJSON stores them quantised
    and delta-encoded, so each point is the running sum, scaled and translated."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _distance(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative; the ends are always kept."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, 0
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > worst:
                worst, index = d, i
        if worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring_points(
    ring: list[int], arcs: list[list[tuple[float, float]]]
) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc[1:] if points else arc
    return points


def unwrap(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses the antimeridian (Russia's far east, Fiji) jumps by about
    360° of longitude; drawn as it is, it would stripe the whole map. Made continuous
    instead, it runs past one edge of the map, so a copy shifted by 360° is drawn
    from the other edge too (the view box cuts what lies outside)."""
    if not points:
        return []
    continuous = [points[0]]
    for lon, lat in points[1:]:
        previous = continuous[-1][0]
        while lon - previous > 180:
            lon -= 360
        while lon - previous < -180:
            lon += 360
        continuous.append((lon, lat))
    rings = [continuous]
    lons = [lon for lon, _ in continuous]
    if min(lons) < -180:
        rings.append([(lon + 360, lat) for lon, lat in continuous])
    if max(lons) > 180:
        rings.append([(lon - 360, lat) for lon, lat in continuous])
    return rings


def path_of(rings: list[list[tuple[int, int]]]) -> str:
    """An SVG path in relative moves (short integers), one subpath per ring."""
    parts = []
    for ring in rings:
        if len(ring) > 1 and ring[-1] == ring[0]:
            ring = ring[:-1]  # "z" closes the ring
        (x, y), rest = ring[0], ring[1:]
        steps = []
        for nx, ny in rest:
            if (nx, ny) != (x, y):
                steps.append(f"{nx - x} {ny - y}")
            x, y = nx, ny
        parts.append(f"M{ring[0][0]} {ring[0][1]}l" + " ".join(steps) + "z")
    return "".join(parts).replace(" -", "-")


def build(topology: dict, alpha2_of) -> dict:
    from harambee.maps.projection import SCALE, WIDTH, project_raw

    arcs = [simplify(arc, TOLERANCE) for arc in decode_arcs(topology)]
    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = alpha2_of(geometry.get("id"))
        if not code or code in LEAVE_OUT:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = []
        for polygon in polygons:
            for ring in polygon:
                for points in unwrap(ring_points(ring, arcs)):
                    projected = [project_raw(lon, lat) for lon, lat in points]
                    xs, ys = [p[0] for p in projected], [p[1] for p in projected]
                    if max(xs) - min(xs) < MIN_RING and max(ys) - min(ys) < MIN_RING:
                        continue
                    rings.append(projected)
        if not rings:
            continue
        xs = [min(max(x, 0), WIDTH) for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        entry = {"box": [min(xs), min(ys), max(xs), max(ys)], "d": path_of(rings)}
        if code in countries:  # a second shape for one code: join them
            old = countries[code]
            entry["d"] = old["d"] + entry["d"]
            entry["box"] = [
                min(old["box"][0], entry["box"][0]),
                min(old["box"][1], entry["box"][1]),
                max(old["box"][2], entry["box"][2]),
                max(old["box"][3], entry["box"][3]),
            ]
        countries[code] = entry
    return {
        "source": "world-atlas 2.0.2 countries-110m (Natural Earth 1:110m), see LICENSE",
        "scale": SCALE,
        "tolerance": TOLERANCE,
        "countries": dict(sorted(countries.items())),
    }


def main(argv: list[str]) -> None:
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(USE_I18N=False)
    django.setup()
    from django_countries import countries

    def alpha2_of(numeric):
        if numeric is None or not str(numeric).isdigit():
            return ""
        return countries.alpha2(int(numeric)) or ""

    topology = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    data = build(topology, alpha2_of)
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data['countries'])} countries, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv)
