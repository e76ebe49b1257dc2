"""The projection and the outlines, checked against points worked out by hand."""

from __future__ import annotations

import json

import pytest

from harambee.maps import outlines_build
from harambee.maps.projection import HEIGHT, SCALE, WIDTH, project, project_raw
from harambee.maps.svg import DATA, WORLD_BOX, outlines, view_box


@pytest.mark.parametrize(
    ("lon", "lat", "expected"),
    [
        # x = (lon + 180) × 4, y = (90 − lat) × 4
        (0, 0, (720, 360)),
        (-180, 90, (0, 0)),
        (180, -90, (1440, 720)),
        (-1.5, 7.25, (714, 331)),  # near Techiman: 178.5×4, 82.75×4
        (36.82, -1.28, (867.3, 365.1)),  # Nairobi: 216.82×4 = 867.28, 91.28×4 = 365.12
        (-90.5, 17.4, (358, 290.4)),  # Petén: 89.5×4, 72.6×4
    ],
)
def test_it_projects_points_as_worked_out_by_hand(lon, lat, expected):
    assert project(lon, lat) == expected


def test_points_off_the_map_are_clamped_to_its_edge():
    assert project(200, 95) == (WIDTH, 0)
    assert project(-200, -95) == (0, HEIGHT)
    assert (SCALE, WIDTH, HEIGHT) == (4, 1440, 720)


def test_the_world_view_runs_from_84_north_to_58_south():
    assert WORLD_BOX == (-180.0, 84.0, 180.0, -58.0)
    assert view_box(WORLD_BOX) == (0, 24, 1440, 568)


def test_a_country_outline_surrounds_a_town_inside_it():
    shapes = outlines()
    assert len(shapes) > 150 and "AQ" not in shapes
    ghana = shapes["GH"]["box"]
    x, y = project_raw(-1.6244, 6.6885)  # Kumasi
    assert ghana[0] < x < ghana[2] and ghana[1] < y < ghana[3]
    kenya = shapes["KE"]["box"]
    x, y = project_raw(36.82, -1.28)  # Nairobi
    assert kenya[0] < x < kenya[2] and kenya[1] < y < kenya[3]
    assert shapes["GH"]["d"].startswith("M") and shapes["GH"]["d"].endswith("z")


def test_the_committed_outlines_are_small():
    assert DATA.stat().st_size < 40_000
    assert json.loads(DATA.read_text())["scale"] == SCALE


def test_the_builder_decodes_delta_encoded_arcs_and_simplifies():
    topology = {
        "transform": {"scale": [1, 1], "translate": [-10, -5]},
        "arcs": [[[0, 0], [2, 0], [0, 2], [-2, 0], [0, -2]]],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [{"type": "Polygon", "arcs": [[0]], "id": "288"}],
            }
        },
    }
    assert outlines_build.decode_arcs(topology) == [
        [(-10, -5), (-8, -5), (-8, -3), (-10, -3), (-10, -5)]
    ]
    line = [(0.0, 0.0), (1.0, 0.01), (2.0, 0.0), (3.0, 2.0)]
    assert outlines_build.simplify(line, 0.1) == [(0.0, 0.0), (2.0, 0.0), (3.0, 2.0)]
    built = outlines_build.build(topology, lambda n: {"288": "GH"}.get(n, ""))
    # (-10, -5) → (680, 380); the square's sides are 2° = 8 units.
    assert built["countries"]["GH"] == {"box": [680, 372, 688, 380], "d": "M680 380l8 0 0-8-8 0z"}


def test_a_ring_across_the_antimeridian_is_drawn_from_both_edges():
    # Fiji-like: from 179° east to 179° west and back, a 2° wide island.
    ring = [(179.0, -16.0), (-179.0, -16.0), (-179.0, -17.0), (179.0, -17.0), (179.0, -16.0)]
    rings = outlines_build.unwrap(ring)
    assert rings[0] == [
        (179.0, -16.0),
        (181.0, -16.0),
        (181.0, -17.0),
        (179.0, -17.0),
        (179.0, -16.0),
    ]
    assert rings[1][:2] == [(-181.0, -16.0), (-179.0, -16.0)]
    assert len(rings) == 2
    # No outline stripes the map: no step of any path is wider than half the world.
    for shape in outlines().values():
        steps = shape["d"].replace("-", " -").replace("z", " ").split("l")[1:]
        for part in steps:
            numbers = [int(n) for n in part.split("M")[0].split()]
            assert all(abs(dx) < WIDTH / 2 for dx in numbers[0::2])
