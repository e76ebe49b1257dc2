"""Suggestions while writing (stream/suggest.py): people the writer may mention and
tags in use on what they may read, accents aside, few, in a fixed number of queries."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from harambee.conftest import make_user
from harambee.core.tests.factories import PostFactory
from harambee.people.roles import AllianceRole
from harambee.stream.services import handle_ensure
from harambee.stream.suggest import LIMIT

pytestmark = pytest.mark.django_db
URL = reverse("stream:suggest")


def _values(client, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    return [r["value"] for r in response.json()["results"]]


def test_lucia_finds_lucia_with_her_accents(cast, client_for):
    lucia = make_user(display_name="Lucía Ramírez")
    handle = handle_ensure(user=lucia).name
    assert handle == "lucia_ramirez"
    client = client_for(cast.member)
    assert _values(client, "@lucia") == ["@lucia_ramirez"]
    assert _values(client, "@LUCÍ") == ["@lucia_ramirez"]
    assert _values(client, "@ramir") == ["@lucia_ramirez"]
    label = client.get(URL, {"q": "@luc"}).json()["results"][0]["label"]
    assert label == "Lucía Ramírez (@lucia_ramirez)"


def test_only_people_the_writer_may_see_and_mention_are_offered(cast, client_for):
    handle_ensure(user=make_user(display_name="Lucía Guest", role=AllianceRole.GUEST))
    handle_ensure(user=make_user(display_name="Lucía Gone", is_active=False))
    handle_ensure(user=make_user(display_name="Lucía Listed"))
    assert _values(client_for(cast.member), "@lucia") == ["@lucia_listed"]
    # A guest may see nobody but themselves.
    assert _values(client_for(cast.guest), "@lucia") == []
    assert Client().get(URL, {"q": "@lucia"}).status_code == 302


def test_results_are_few_and_cost_a_fixed_number_of_queries(
    cast, client_for, django_assert_max_num_queries
):
    for i in range(LIMIT + 5):
        handle_ensure(user=make_user(display_name=f"Kwame {i}"))
    client = client_for(cast.member)
    client.get(URL, {"q": "@kw"})
    with django_assert_max_num_queries(6):
        assert len(_values(client, "@kwame")) == LIMIT
    PostFactory(space=None, visibility="alliance", body=" ".join(f"#tag{i}" for i in range(20)))
    with django_assert_max_num_queries(6):
        assert len(_values(client, "#tag")) == LIMIT


def test_tags_are_offered_only_from_items_the_writer_may_read(cast, client_for):
    PostFactory(space=cast.space, visibility="space", body="About #educación and #água")
    PostFactory(space=None, visibility="alliance", body="About #education")
    member, space_member = client_for(cast.member), client_for(cast.space_member)
    assert _values(member, "#educa") == ["#education"]
    assert _values(space_member, "#educacion") == ["#educación"]
    assert _values(space_member, "#educa") == ["#educación", "#education"]
    assert _values(space_member, "#agu") == ["#água"]
    assert _values(member, "#agu") == []
    assert _values(member, "nothing") == []
