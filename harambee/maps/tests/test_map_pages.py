"""The map page, its region views, the GeoJSON and the embeddable tag: public places
only, for every member of the cast, with no digit of a hidden coordinate anywhere."""

from __future__ import annotations

import json

import pytest
from django.template import Context, Template
from django.urls import reverse

from harambee.maps.selectors import public_location

pytestmark = pytest.mark.django_db

CAST = ["anon", "outsider", "guest", "member", "space_member", "space_lead", "steward"]
ADDRESSES = [
    reverse("maps:world"),
    reverse("maps:region", args=["africa"]),
    reverse("maps:region", args=["americas"]),
    reverse("maps:geojson"),
    reverse("maps:geojson") + "?region=africa",
]


@pytest.mark.parametrize("who", CAST)
def test_no_hidden_place_or_unrounded_digit_reaches_anyone(mapworld, cast, client_for, who):
    client = client_for(getattr(cast, who))
    for url in ADDRESSES:
        response = client.get(url)
        assert response.status_code == 200, (who, url)
        body = response.content.decode()
        for digits in mapworld.secret_digits:
            assert digits not in body, (who, url, digits)
        for name in ("Ghana forest forum", "Water working group", "Quiet hills"):
            assert name not in body, (who, url, name)
        for title in ("Members day", "Space day", "Draft day", "FIRE: pending", "FIRE: space"):
            assert title not in body, (who, url, title)
        assert "FIRE: ally" not in body
        if "americas" in url:
            continue
        # What may be seen is shown, rounded.
        assert "Open forest" in body and "Open field day" in body and "FIRE: open" in body


def test_the_page_lists_every_place_and_marks_the_located_ones(mapworld, client_for, cast):
    body = client_for(cast.anon).get(reverse("maps:world")).content.decode()
    assert body.count('<li value="') == 4  # three located, one by its countries only
    assert "Open river" in body and "its countries are shaded" in body
    assert body.count("<circle ") == 3
    # Markers are links with a name, to the same pages as the list.
    assert f'<a href="{mapworld.public.get_absolute_url()}" class="mark-initiative"><title>' in body
    assert body.count(f'href="{mapworld.public.get_absolute_url()}"') == 2
    # Open forest (7.32, -1.86): x = 178.14 × 4 = 712.56, y = 82.68 × 4 = 330.72, to a tenth.
    assert 'cx="712.6" cy="330.7"' in body
    # Ghana, Kenya and Tanzania hold public initiatives: shaded.
    assert body.count('class="on"') == 3
    assert 'aria-labelledby="map-title map-desc"' in body
    assert "leaflet" not in body.lower()


def test_a_region_view_keeps_only_its_places(mapworld, client_for, cast):
    client = client_for(cast.anon)
    americas = client.get(reverse("maps:region", args=["americas"])).content.decode()
    assert "Open forest" not in americas and "Nothing public to place" in americas
    assert 'aria-current="page">Americas' in americas
    africa = client.get(reverse("maps:region", args=["africa"])).content.decode()
    assert "Open forest" in africa and "Open river" in africa
    assert client.get(reverse("maps:region", args=["atlantis"])).status_code == 404
    assert client.get(reverse("maps:geojson") + "?region=atlantis").status_code == 404


def test_the_geojson_holds_the_public_located_places_rounded(mapworld, client_for, cast):
    response = client_for(cast.space_member).get(reverse("maps:geojson"))
    assert response["Content-Type"].startswith("application/geo+json")
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    found = {f["properties"]["title"]: f["geometry"]["coordinates"] for f in data["features"]}
    assert found == {
        "Open forest": [-1.86, 7.32],
        "Open field day": [-0.187, 5.604],
        "FIRE: open": [-2.1, 7.74],
    }
    kinds = {f["properties"]["kind"] for f in data["features"]}
    assert kinds == {"initiative", "event", "report"}
    assert all(f["properties"]["url"].startswith("http") for f in data["features"])


def test_making_an_initiative_members_only_takes_it_off_the_map(mapworld, client_for, cast):
    space = mapworld.public.space
    space.listing = "members"
    space.save()
    mapworld.public.space.refresh_from_db()
    assert public_location(mapworld.public) is None
    body = client_for(cast.space_lead).get(reverse("maps:geojson")).content.decode()
    assert "Open forest" not in body and "7.32" not in body


def test_the_pages_keep_to_the_query_budget(
    mapworld, client_for, cast, django_assert_max_num_queries
):
    client = client_for(cast.space_member)
    client.get(reverse("maps:world"))
    with django_assert_max_num_queries(12):
        client.get(reverse("maps:world"))
    with django_assert_max_num_queries(12):
        client.get(reverse("maps:geojson"))


def test_more_places_cost_no_more_queries(mapworld, cast, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from harambee.maps.tests.helpers import event

    client = client_for(cast.space_member)
    client.get(reverse("maps:world"))
    with CaptureQueriesContext(connection) as before:
        client.get(reverse("maps:world"))
    for n in range(5):
        event(cast.space_lead, None, "public", 1.0 + n, 30.0, f"Open day {n}")
    with CaptureQueriesContext(connection) as after:
        client.get(reverse("maps:world"))
    assert len(after) == len(before)


def test_without_a_tile_server_there_is_no_leaflet(mapworld, client_for, cast, settings):
    settings.MAP_TILES_URL = ""
    response = client_for(cast.anon).get(reverse("maps:world"))
    body = response.content.decode()
    assert "leaflet" not in body and "data-map-tiles" not in body
    assert "img-src 'self' data:;" in response["Content-Security-Policy"]


def test_a_tile_server_brings_leaflet_and_is_allowed_its_images(
    mapworld, client_for, cast, settings
):
    settings.MAP_TILES_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILES_ATTRIBUTION = "© Example <contributors>"
    response = client_for(cast.anon).get(reverse("maps:region", args=["africa"]))
    body = response.content.decode()
    assert "vendor/leaflet-1.9.4/leaflet.js" in body and "harambee/maps.js" in body
    assert 'data-map-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in body
    assert "© Example &lt;contributors&gt;" in body
    assert 'data-map-bounds="-26,38,60,-36"' in body
    csp = response["Content-Security-Policy"]
    assert "img-src 'self' data: https://tiles.example.org;" in csp
    assert "script-src 'self';" in csp
    # The drawn map and the list stay for readers without JavaScript.
    assert "<svg" in body and "Open forest" in body


def test_the_embeddable_tag_draws_the_world_with_its_list(mapworld, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        html = Template("{% load maps %}{% initiatives_map %}").render(Context({}))
    assert "<svg" in html and "Open forest" in html and 'id="embedded-map-title"' in html
    for digits in mapworld.secret_digits:
        assert digits not in html
    assert "Ghana forest forum" not in html


def test_the_map_is_offered_in_the_navigation(client_for, cast):
    body = client_for(cast.anon).get("/").content.decode()
    assert f'href="{reverse("maps:world")}"' in body


def test_the_world_map_page_stays_light(mapworld, client_for, cast):
    """The drawn world is about 25 KB of outlines; compressed, the whole page must
    leave room in the 50 KB budget for the stylesheet and htmx."""
    import gzip

    body = client_for(cast.anon).get(reverse("maps:world")).content
    compressed = len(gzip.compress(body, 9))
    print(f"map page: {len(body)} bytes, {compressed} compressed")
    assert compressed < 16 * 1024
