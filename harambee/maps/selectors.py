"""Reads for the map. What it places, it reads as an anonymous visitor through the
gate, whoever asks: coordinates are shown for public items only, to everyone, so a
member's map and a visitor's are the same page and a non-public place is never in
it (docs/maps.md, "Who sees what").

``public_location(obj)`` is the one question every other reader of coordinates
(the REST API, exports) must ask: the rounded coordinates of a public initiative,
event or field report, or None."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from harambee.core.visibility import can_see_space, can_view, visible, visible_spaces
from harambee.events.models import Event
from harambee.initiatives.models import Initiative
from harambee.people.regions import region_of
from harambee.reach.models import FieldReport
from harambee.spaces.models import Space

# Decimal places of the coordinates of events (public, with an address anyway) and
# verified field reports (sent by a person from where they live: a village, no closer).
EVENT_PRECISION = 3
REPORT_PRECISION = 2
# Per kind, at most this many items are placed: the page stays within its budget.
MAX_PER_KIND = 150


@dataclass
class Place:
    kind: str  # "initiative", "event" or "report"
    title: str
    url: str
    latitude: float | None
    longitude: float | None
    countries: list[str] = field(default_factory=list)
    detail: str = ""

    @property
    def regions(self) -> set[str]:
        found = {region_of(code) for code in self.countries} - {""}
        return found or ({_region_at(self.longitude, self.latitude)} - {""})

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def _anonymous() -> AnonymousUser:
    return AnonymousUser()


def _rounded(latitude: Any, longitude: Any, places: int) -> tuple[float, float] | None:
    if latitude is None or longitude is None:
        return None
    return round(float(latitude), places), round(float(longitude), places)


def public_location(obj: Any) -> tuple[float, float] | None:
    """The coordinates a public reader may be given of ``obj`` (an Initiative, an
    Event or a FieldReport), rounded; None when it is not public or has none."""
    if isinstance(obj, Initiative):
        if not can_see_space(_anonymous(), obj.space):
            return None
        return obj.rounded_location()
    if isinstance(obj, Event):
        if not can_view(_anonymous(), obj):
            return None
        return _rounded(obj.latitude, obj.longitude, EVENT_PRECISION)
    if isinstance(obj, FieldReport):
        if obj.status != FieldReport.Status.VERIFIED or not can_view(_anonymous(), obj):
            return None
        return _rounded(obj.latitude, obj.longitude, REPORT_PRECISION)
    return None


def public_initiatives() -> list[Place]:
    spaces = visible_spaces(_anonymous(), Space.objects.filter(kind=Space.Type.INITIATIVE))
    rows = (
        Initiative.objects.filter(space__in=spaces)
        .select_related("space")
        .order_by("space__name", "pk")[:MAX_PER_KIND]
    )
    places = []
    for initiative in rows:
        latitude, longitude = initiative.rounded_location() or (None, None)
        places.append(
            Place(
                "initiative",
                initiative.space.name,
                initiative.get_absolute_url(),
                latitude,
                longitude,
                countries=[c for c in initiative.countries if isinstance(c, str)],
                detail=initiative.place,
            )
        )
    return places


def public_events() -> list[Place]:
    rows = (
        visible(_anonymous(), Event.objects.all())
        .filter(
            ends__gte=timezone.now(),
            mode__in=[Event.Mode.IN_PERSON, Event.Mode.HYBRID],
            latitude__isnull=False,
            longitude__isnull=False,
        )
        .order_by("starts", "pk")[:MAX_PER_KIND]
    )
    return [
        Place(
            "event",
            event.title,
            event.get_absolute_url(),
            *_rounded(event.latitude, event.longitude, EVENT_PRECISION),  # type: ignore[misc]
            countries=[str(event.country)] if event.country else [],
            detail=event.place,
        )
        for event in rows
    ]


def public_reports() -> list[Place]:
    rows = (
        visible(_anonymous(), FieldReport.objects.all())
        .filter(
            status=FieldReport.Status.VERIFIED,
            latitude__isnull=False,
            longitude__isnull=False,
        )
        .order_by("-reported", "-pk")[:MAX_PER_KIND]
    )
    return [
        Place(
            "report",
            report.title,
            report.get_absolute_url(),
            *_rounded(report.latitude, report.longitude, REPORT_PRECISION),  # type: ignore[misc]
            detail=report.place,
        )
        for report in rows
    ]


def public_places(*, region: str = "") -> list[Place]:
    """Everything the map shows, public only, in ``region`` (a key of
    ``people.regions.REGIONS``) or everywhere: three queries whatever the count."""
    places = [*public_initiatives(), *public_events(), *public_reports()]
    if region:
        places = [p for p in places if region in p.regions]
    return places


# Boxes (west, north, east, south in degrees) of the regions' views, drawn by hand
# around where their countries are; a place with no country is in the first that
# holds it.
REGION_BOXES: dict[str, tuple[float, float, float, float]] = {
    "Africa": (-26.0, 38.0, 60.0, -36.0),
    "Europe": (-25.0, 72.0, 45.0, 34.0),
    "Asia": (25.0, 56.0, 150.0, -12.0),
    "Americas": (-170.0, 75.0, -30.0, -57.0),
    "Oceania": (110.0, 0.0, 180.0, -50.0),
}


def _region_at(longitude: float | None, latitude: float | None) -> str:
    if longitude is None or latitude is None:
        return ""
    for region, (west, north, east, south) in REGION_BOXES.items():
        if west <= longitude <= east and south <= latitude <= north:
            return region
    return ""
