"""The map's projection: plate carrée (equirectangular), the simplest one whose
points a person can check by hand. Longitude -180..180 runs left to right over
0..360×SCALE units, latitude 90..-90 top to bottom over 0..180×SCALE units, so
(0°, 0°) is the middle of the world and one degree is SCALE units either way."""

from __future__ import annotations

SCALE = 4
WIDTH = 360 * SCALE
HEIGHT = 180 * SCALE


def project_raw(longitude: float, latitude: float) -> tuple[int, int]:
    """Map units (whole numbers) of a point, without clamping."""
    return round((longitude + 180) * SCALE), round((90 - latitude) * SCALE)


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """Map units of a point, to a tenth of a unit, clamped to the map."""
    x = min(max(longitude, -180.0), 180.0)
    y = min(max(latitude, -90.0), 90.0)
    return round((x + 180) * SCALE, 1), round((90 - y) * SCALE, 1)
