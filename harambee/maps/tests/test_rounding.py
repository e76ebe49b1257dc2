"""Public coordinates are rounded to the initiative's chosen precision; nothing
non-public has any."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from harambee.initiatives.models import Initiative
from harambee.maps.selectors import public_location

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("places", "expected"),
    [
        (0, (7.0, -2.0)),
        (1, (7.3, -1.9)),
        (2, (7.32, -1.86)),
        (3, (7.319, -1.863)),
        (4, (7.3195, -1.8627)),
    ],
)
def test_an_initiative_is_rounded_to_its_precision(mapworld, places, expected):
    initiative = mapworld.public
    initiative.location_precision = places
    assert initiative.rounded_location() == expected
    assert public_location(initiative) == expected


def test_the_default_precision_is_about_a_kilometre():
    assert Initiative._meta.get_field("location_precision").default == 2


def test_non_public_items_have_no_public_location(mapworld):
    for initiative in mapworld.hidden:
        assert initiative.latitude is not None
        assert public_location(initiative) is None
    assert public_location(mapworld.public_without_place) is None
    assert public_location(mapworld.events["public"]) == (5.604, -0.187)
    for key in ("alliance", "space", "private"):
        assert public_location(mapworld.events[key]) is None
    assert public_location(mapworld.reports["public"]) == (7.74, -2.1)
    for key in ("pending", "space", "alliance"):
        assert public_location(mapworld.reports[key]) is None
    assert public_location(object()) is None


def test_a_lead_chooses_the_precision_where_the_place_is_edited(mapworld, cast, client_for):
    client = client_for(cast.space_lead)
    url = reverse("initiatives:edit", args=["open-forest"])
    page = client.get(url).content.decode()
    assert 'name="location_precision"' in page
    response = client.post(
        url,
        {
            "summary": "",
            "countries": ["GH"],
            "place": "Techiman",
            "latitude": "7.31946",
            "longitude": "-1.86273",
            "location_precision": "1",
            "stage": "running",
            "themes": [],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    mapworld.public.refresh_from_db()
    assert mapworld.public.location_precision == 1
    detail = client_for(cast.anon).get(mapworld.public.get_absolute_url()).content.decode()
    assert "7.3, -1.9" in detail and "31946" not in detail
    # A precision the form does not offer is refused with a message; nothing is lost.
    response = client.post(
        url, {"place": "Techiman", "latitude": "7.3", "location_precision": "9", "stage": "running"}
    )
    assert response.status_code == 200
    assert "Techiman" in response.content.decode()
    mapworld.public.refresh_from_db()
    assert mapworld.public.location_precision == 1


def test_a_members_only_initiative_shows_no_coordinates_on_its_page(mapworld, cast, client_for):
    hidden = mapworld.hidden[0]
    page = client_for(cast.space_member).get(hidden.get_absolute_url()).content.decode()
    assert hidden.space.name in page
    assert "41728" not in page and "6.42" not in page
    assert Decimal("6.41728") == hidden.latitude


@pytest.mark.parametrize("who", ["anon", "member", "space_member", "space_lead", "steward"])
def test_event_and_report_pages_show_only_public_coordinates_rounded(
    mapworld, cast, client_for, who
):
    client = client_for(getattr(cast, who))
    pages = []
    for item in [*mapworld.events.values(), *mapworld.reports.values()]:
        response = client.get(item.get_absolute_url())
        if response.status_code == 200:
            pages.append(response.content.decode())
    for event in mapworld.events.values():
        response = client.get(reverse("events:ics", args=[event.pk]))
        if response.status_code == 200:
            pages.append(response.content.decode())
    assert pages
    for page in pages:
        for digits in mapworld.secret_digits:
            assert digits not in page, (who, digits)
    event_page = client.get(mapworld.events["public"].get_absolute_url()).content.decode()
    assert "5.604, -0.187" in event_page
    ics = client.get(reverse("events:ics", args=[mapworld.events["public"].pk])).content.decode()
    assert "GEO:5.604;-0.187" in ics
    report_page = client.get(mapworld.reports["public"].get_absolute_url()).content.decode()
    assert "7.74, -2.1" in report_page
