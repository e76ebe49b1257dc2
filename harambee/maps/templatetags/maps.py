"""``{% load maps %}{% initiatives_map %}``: the world map with its list, for another
page to embed (the portal's front page). Three queries; public places only."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from harambee.maps import selectors
from harambee.maps.svg import draw

register = template.Library()


@register.inclusion_tag("maps/_embed.html")
def initiatives_map(region: str = "", prefix: str = "embedded-map") -> dict:
    places = selectors.public_places(region=region)
    return {
        "places": places,
        "drawing": draw(places, region=region),
        "prefix": prefix,
        "caption": _("Initiatives on the map"),
    }
