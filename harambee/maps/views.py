"""The map page (world or one region) and its places as GeoJSON. Thin: the places
come from ``selectors.public_places`` (public only, for every reader)."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from harambee.core.middleware import CSP
from harambee.maps import selectors
from harambee.maps.svg import WORLD_BOX, draw
from harambee.people.regions import REGIONS

KIND_LABELS = {
    "initiative": gettext_lazy("Initiative"),
    "event": gettext_lazy("Event"),
    "report": gettext_lazy("Field report"),
}


def _region(slug: str) -> str:
    """The region (a key of REGIONS that has a view) named by ``slug``, or 404."""
    for key in selectors.REGION_BOXES:
        if key.lower() == slug:
            return key
    raise Http404


def _csp_with_tiles(url: str) -> str:
    """The site's CSP, with the tile server's origin allowed to serve images."""
    parts = urlsplit(url.replace("{s}", "a"))
    origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme in {"http", "https"} else ""
    if not origin:
        return CSP
    return CSP.replace("img-src 'self' data:", f"img-src 'self' data: {origin}")


@require_safe
def world(request, region: str = ""):
    key = _region(region) if region else ""
    places = selectors.public_places(region=key)
    box = selectors.REGION_BOXES.get(key, WORLD_BOX)
    tiles_url = settings.MAP_TILES_URL
    geojson_url = reverse("maps:geojson")
    if key:
        geojson_url += f"?region={key.lower()}"
    response = render(
        request,
        "maps/map.html",
        {
            "heading": _("Map: %(region)s") % {"region": REGIONS[key]} if key else _("Map"),
            "region": key,
            "regions": [(k, REGIONS[k]) for k in selectors.REGION_BOXES],
            "places": places,
            "drawing": draw(places, region=key),
            "geojson_url": geojson_url,
            "tiles_url": tiles_url,
            "tiles_attribution": settings.MAP_TILES_ATTRIBUTION,
            "bounds": ",".join(f"{v:g}" for v in box),
        },
    )
    if tiles_url:
        response["Content-Security-Policy"] = _csp_with_tiles(tiles_url)
    return response


@require_safe
def geojson(request):
    slug = request.GET.get("region", "")
    key = _region(slug) if slug else ""
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
            "properties": {
                "kind": place.kind,
                "kind_label": str(KIND_LABELS[place.kind]),
                "title": place.title,
                "url": request.build_absolute_uri(place.url),
                "place": place.detail,
            },
        }
        for place in selectors.public_places(region=key)
        if place.located
    ]
    body = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
    return HttpResponse(body, content_type="application/geo+json; charset=utf-8")
