"""The map page in Chromium on a 360 px phone: the drawn map fits, its markers are
links a keyboard reaches, axe finds no WCAG 2.2 A/AA violation (light and dark), and
with a tile server configured Leaflet takes over. Tiles are never fetched: the tile
server's address is made up and Playwright answers for it."""

from __future__ import annotations

import base64

import pytest
from django.urls import reverse

from harambee.core.tests.browser.test_accessibility import WITH_DARK, problems_on
from harambee.core.tests.checkers import AXE_JS, require_file

pytestmark = pytest.mark.browser

# A 1×1 transparent PNG, the answer to every tile request.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def test_the_map_fits_a_phone_and_its_markers_are_keyboard_links(
    new_page, live_server, mapworld, browser_errors
):
    require_file(AXE_JS)
    page = new_page(bypass_csp=True)  # axe is injected inline
    page.goto(live_server.url + reverse("maps:world"))
    svg = page.locator("svg.map")
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box is not None and box["width"] <= 360 and box["height"] > 100
    assert page.locator("svg.map .marks a").count() == 3
    assert page.get_by_role("link", name="Open forest").count() == 2  # marker and list
    # The keyboard reaches the first marker, and it shows where it is focused.
    marker = page.locator("svg.map .marks a").first
    marker.focus()
    assert page.evaluate("() => document.activeElement.closest('svg') !== null")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(mapworld.public.get_absolute_url())
    page.go_back()
    problems = problems_on(page, "map", WITH_DARK)
    assert problems == [], "\n".join(problems)
    assert browser_errors == []


def test_with_tiles_leaflet_replaces_the_drawn_map(
    new_page, live_server, mapworld, settings, browser_errors
):
    settings.MAP_TILES_URL = "https://tiles.invalid/{z}/{x}/{y}.png"
    settings.MAP_TILES_ATTRIBUTION = "Test tiles"
    page = new_page()
    asked = []

    def answer(route):
        asked.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=PNG)

    page.route("https://tiles.invalid/**", answer)
    page.goto(live_server.url + reverse("maps:region", args=["africa"]))
    page.locator(".leaflet-interactive").first.wait_for()
    assert page.locator(".leaflet-interactive").count() == 3
    assert page.locator("[data-map-figure]").is_hidden()
    assert "Test tiles" in page.locator(".leaflet-control-attribution").inner_text()
    assert asked and all(url.startswith("https://tiles.invalid/") for url in asked)
    # The list stays, for every reader.
    assert page.get_by_role("link", name="Open forest").is_visible()
    assert browser_errors == []


@pytest.mark.parametrize("page", [{"java_script_enabled": False}], indirect=True)
def test_without_javascript_the_drawn_map_and_list_work(page, live_server, mapworld, settings):
    settings.MAP_TILES_URL = "https://tiles.invalid/{z}/{x}/{y}.png"
    page.goto(live_server.url + reverse("maps:world"))
    assert page.locator("svg.map").is_visible()
    assert page.locator("[data-map-tiles]").is_hidden()
    with page.expect_navigation():
        page.get_by_role("link", name="Africa").click()
    assert page.locator("svg.map .marks a").count() == 3
