"""The theme page, its groups, reports and the comparison make a constant number of
queries, within the budget, with 10 items and with 100."""

from __future__ import annotations

import itertools
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from harambee.core.tests.factories import OrganisationFactory, SpaceFactory
from harambee.core.tests.querycount import assert_constant_queries
from harambee.spaces.models import Space
from harambee.synthesis import services
from harambee.synthesis.tests import factories as f

pytestmark = pytest.mark.django_db
COUNTRIES = itertools.cycle(["GH", "KE", "BR", "IN", "FR", "NP"])
SECTORS = itertools.cycle(["government", "business", "research", "community"])


@pytest.fixture
def grow(cast):
    """``grow(n)`` adds n initiatives, each with a note and lessons on the theme at
    every visibility, some in the cast's space, one of them cited."""
    theme = f.theme()
    home = f.initiative(cast.space, countries=["GH"])
    state = {"theme": theme, "home": home, "slugs": [cast.space.slug]}

    def grow(n: int) -> None:
        for _ in range(n):
            space = SpaceFactory(listing=Space.Listing.PUBLIC)
            org = OrganisationFactory(sector=next(SECTORS))
            place = f.initiative(space, countries=[next(COUNTRIES)], org=org)
            state["slugs"].append(space.slug)
            note = f.note(place, cast.member, "public", "Note", "Grazing water", [theme])
            f.lesson(note, "public", "Public", "Grazing water", [theme], strength="evaluated")
            f.lesson(note, "alliance", "Alliance", "Grazing", [theme])
            home_note = f.note(home, cast.space_lead, "space", "Home", "Water", [theme])
            f.lesson(home_note, "space", "Space", "Water", [theme])
            f.story(space, cast.member, "public", "Story", "Water", [theme])
        ids = " ".join(
            f"[[lesson:{pk}]]" for pk in list(theme.lesson_set.values_list("pk", flat=True))[:30]
        )
        services.synthesis_save(actor=cast.steward, theme=theme, body=f"Known: {ids}")

    return grow, state


@pytest.mark.parametrize("who", ["anon", "space_member"])
@pytest.mark.parametrize("by", ["region", "country", "sector", "stage"])
def test_the_theme_page(cast, client_for, grow, who, by):
    add, state = grow
    url = reverse("synthesis:theme", args=[state["theme"].slug]) + f"?by={by}"
    assert_constant_queries(client_for(getattr(cast, who)), url, add)


def test_a_group_of_the_theme_page(cast, client_for, grow):
    add, state = grow
    url = reverse("synthesis:theme_items", args=[state["theme"].slug])
    url += "?" + urlencode({"kind": "lesson", "by": "region", "key": "Africa"})
    assert_constant_queries(client_for(cast.space_member), url, add)


def test_the_theme_index(cast, client_for, grow):
    add, _state = grow
    assert_constant_queries(client_for(cast.member), reverse("synthesis:themes"), add)


@pytest.mark.parametrize("audience", ["viewer", "public"])
@pytest.mark.parametrize("group", ["theme", "country"])
def test_the_report(cast, client_for, grow, audience, group):
    add, state = grow
    query = {"theme": state["theme"].slug, "audience": audience, "group": group}
    url = reverse("synthesis:report") + "?" + urlencode(query)
    assert_constant_queries(client_for(cast.space_member), url, add)


def test_the_comparison(cast, client_for, grow):
    add, state = grow

    def add_and_compare(n: int) -> None:
        add(n)

    # The same four initiatives, with more and more lessons and initiatives around them.
    add(3)
    slugs = state["slugs"][:4]
    url = reverse("synthesis:compare") + "?" + urlencode({"i": slugs}, doseq=True)
    assert_constant_queries(client_for(cast.space_member), url, add_and_compare)
