"""A small world for the map's tests: initiatives, events and field reports at every
openness, each with coordinates whose digits are unique, so a test can look for them
in any page or document."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from harambee.core.tests.factories import MembershipFactory, SpaceFactory
from harambee.events.models import Event
from harambee.initiatives.models import Initiative
from harambee.reach.models import FieldReport
from harambee.reach.services import _sms_author
from harambee.spaces.models import Space


@dataclass
class MapWorld:
    public: Initiative
    public_without_place: Initiative
    hidden: list[Initiative] = field(default_factory=list)
    events: dict[str, Event] = field(default_factory=dict)
    reports: dict[str, FieldReport] = field(default_factory=dict)
    # Digits of every coordinate that must never be shown (non-public items'
    # coordinates, and what rounding takes off public ones).
    secret_digits: list[str] = field(default_factory=list)


def initiative(space: Space, lat: str, lon: str, *, precision: int = 2, **extra) -> Initiative:
    Space.objects.filter(pk=space.pk).update(kind=Space.Type.INITIATIVE)
    space.refresh_from_db()
    found, _ = Initiative.objects.update_or_create(
        space=space,
        defaults={
            "latitude": Decimal(lat) if lat else None,
            "longitude": Decimal(lon) if lon else None,
            "location_precision": precision,
            **extra,
        },
    )
    return found


def event(author, space, visibility: str, lat: float, lon: float, title: str, **extra) -> Event:
    starts = timezone.now() + timedelta(days=5)
    return Event.objects.create(
        author=author,
        space=space,
        visibility=visibility,
        title=title,
        event_kind=Event.Kind.FIELD_VISIT,
        starts=starts,
        ends=starts + timedelta(hours=3),
        mode=Event.Mode.IN_PERSON,
        place="Kumasi",
        country="GH",
        latitude=lat,
        longitude=lon,
        **extra,
    )


def report(space, visibility: str, status: str, lat: float, lon: float, title: str) -> FieldReport:
    return FieldReport.objects.create(
        space=space,
        author=_sms_author(),
        visibility=visibility,
        title=title,
        keyword="FIRE",
        place="Wenchi",
        reported=timezone.now(),
        status=status,
        latitude=lat,
        longitude=lon,
    )


def build(cast) -> MapWorld:
    open_space = SpaceFactory(name="Open forest", slug="open-forest", listing="public")
    MembershipFactory(space=open_space, user=cast.space_lead, role="lead")
    bare_space = SpaceFactory(name="Open river", slug="open-river", listing="public")
    secret = SpaceFactory(name="Quiet hills", slug="quiet-hills", listing="secret")
    MembershipFactory(space=secret, user=cast.space_member)
    world = MapWorld(
        public=initiative(open_space, "7.31946", "-1.86273", precision=2, countries=["GH"]),
        public_without_place=initiative(bare_space, "", "", countries=["KE", "TZ"]),
    )
    # cast.space and cast.other_space are listed to members; the secret one to nobody.
    world.hidden = [
        initiative(cast.space, "6.41728", "-2.53914", countries=["GH"]),
        initiative(cast.other_space, "-1.28167", "36.82194", countries=["KE"]),
        initiative(secret, "9.40358", "-0.84392", countries=["GH"]),
    ]
    world.secret_digits = ["31946", "86273", "41728", "53914", "28167", "82194", "40358", "84392"]
    world.events = {
        "public": event(cast.space_lead, None, "public", 5.60372, -0.18696, "Open field day"),
        "alliance": event(cast.space_lead, None, "alliance", 5.55719, -0.20117, "Members day"),
        "space": event(cast.space_lead, cast.space, "space", 6.68848, -1.62443, "Space day"),
        "private": event(cast.space_lead, cast.space, "private", 7.94652, -1.02318, "Draft day"),
    }
    world.secret_digits += ["60372", "18696", "55719", "20117", "68848", "62443", "94652", "02318"]
    world.reports = {
        "public": report(cast.space, "public", "verified", 7.73581, -2.10462, "FIRE: open"),
        "pending": report(cast.space, "public", "pending", 8.06274, -1.73029, "FIRE: pending"),
        "space": report(cast.space, "space", "verified", 7.21958, -2.48317, "FIRE: space"),
        "alliance": report(cast.space, "alliance", "verified", 6.83194, -1.47265, "FIRE: ally"),
    }
    world.secret_digits += ["73581", "10462", "06274", "73029", "21958", "48317", "83194", "47265"]
    return world
