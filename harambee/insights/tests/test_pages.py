"""Who sees what, the CSV equal to the table, the query budget, the survey."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from harambee.conftest import make_user
from harambee.core.tests.factories import MembershipFactory
from harambee.insights.models import ChannelSurvey
from harambee.insights.tests.factories import reply, thread
from harambee.people.roles import SpaceRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def talk(cast):
    cast.space_lead.sector = "government"
    cast.space_lead.save()
    post = thread(cast.space, cast.space_lead, hours_ago=5, title="INSIGHT-THREAD")
    reply(post, cast.space_member, hours_ago=4)
    other = thread(cast.other_space, cast.outsider, hours_ago=5, title="OTHER-THREAD")
    reply(other, cast.outsider, hours_ago=1)
    return post, other


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_a_member_sees_only_aggregates_of_their_own_space(cast, client_for, talk):
    client = client_for(cast.space_member)
    page = client.get(reverse("insights:space", args=[cast.space.slug]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Activity" in body and "<svg" in body and "Sectors" in body
    assert "Most active contributors" not in body
    assert "INSIGHT-THREAD" not in body
    assert cast.space_lead.display_name not in body
    assert client.get(reverse("insights:space", args=[cast.other_space.slug])).status_code == 404
    assert (
        client.get(reverse("insights:space_csv", args=[cast.space.slug, "people"])).status_code
        == 404
    )
    assert (
        client.get(
            reverse("insights:space_csv", args=[cast.other_space.slug, "activity"])
        ).status_code
        == 404
    )
    assert client.get(reverse("insights:alliance")).status_code == 404
    assert client.get(reverse("insights:thread", args=[talk[0].pk])).status_code == 404


def test_a_facilitator_sees_people_and_threads_of_their_space_only(cast, client_for, talk):
    post, other = talk
    client = client_for(cast.space_lead)
    body = client.get(reverse("insights:space", args=[cast.space.slug])).content.decode()
    assert "Most active contributors" in body
    assert "INSIGHT-THREAD" in body and cast.space_lead.display_name in body
    assert "OTHER-THREAD" not in body
    assert client.get(reverse("insights:space", args=[cast.other_space.slug])).status_code == 404
    assert client.get(reverse("insights:thread", args=[other.pk])).status_code == 404
    assert (
        client.get(reverse("insights:thread_csv", args=[other.pk, "activity"])).status_code == 404
    )
    assert client.get(reverse("insights:thread", args=[post.pk])).status_code == 200
    assert client.get(reverse("insights:alliance")).status_code == 404


def test_a_facilitator_role_counts_like_a_lead(cast, client_for, talk):
    helper = make_user(display_name="Fay Facilitator")
    MembershipFactory(space=cast.space, user=helper, role=SpaceRole.FACILITATOR)
    body = client_for(helper).get(reverse("insights:space", args=[cast.space.slug])).content
    assert b"INSIGHT-THREAD" in body


def test_outsiders_and_anonymous_see_nothing(cast, client_for, talk):
    for who in (cast.outsider, cast.member):
        client = client_for(who)
        assert client.get(reverse("insights:space", args=[cast.space.slug])).status_code == 404
        assert (
            client.get(
                reverse("insights:space_csv", args=[cast.space.slug, "activity"])
            ).status_code
            == 404
        )
    anon = client_for(None)
    assert anon.get(reverse("insights:space", args=[cast.space.slug])).status_code == 404
    assert anon.get(reverse("insights:index")).status_code == 302


def test_a_steward_sees_the_alliance_and_every_space(cast, client_for, talk):
    client = client_for(cast.steward)
    assert client.get(reverse("insights:alliance")).status_code == 200
    rows = _csv_rows(client.get(reverse("insights:alliance_csv", args=["activity"])))
    assert rows[1][:2] == ["Items", "2"]
    body = client.get(reverse("insights:space", args=[cast.space.slug])).content.decode()
    assert "Most active contributors" in body
    # The steward is no member of the space: its threads stay unreadable to them.
    assert "INSIGHT-THREAD" not in body


def test_the_csv_equals_the_table(cast, client_for, talk):
    client = client_for(cast.space_lead)
    url = reverse("insights:space", args=[cast.space.slug])
    page = client.get(url).content.decode()
    for key in ("activity", "sectors", "channels", "people", "threads", "matrix"):
        rows = _csv_rows(client.get(reverse("insights:space_csv", args=[cast.space.slug, key])))
        assert len(rows) >= 2, key
        for row in rows[1:]:
            assert all(str(cell) in page for cell in row), (key, row)
    assert (
        client.get(reverse("insights:space_csv", args=[cast.space.slug, "nope"])).status_code == 404
    )


def test_small_cells_are_suppressed(cast, client_for, talk):
    client = client_for(cast.space_lead)
    rows = _csv_rows(client.get(reverse("insights:space_csv", args=[cast.space.slug, "sectors"])))
    government = next(r for r in rows if r[0] == "Government")
    assert government[1] == "fewer than 5"
    rows = _csv_rows(client.get(reverse("insights:space_csv", args=[cast.space.slug, "activity"])))
    contributors = next(r for r in rows if r[0] == "Active contributors")
    assert contributors[1] == "fewer than 5"
    many = [make_user(sector="media") for _ in range(5)]
    for person in many:
        MembershipFactory(space=cast.space, user=person)
    rows = _csv_rows(
        client.get(reverse("insights:space_csv", args=[cast.space.slug, "sectors"]), {"days": 7})
    )
    assert next(r for r in rows if r[0] == "Media")[1] == "5"


def test_pages_keep_to_the_query_budget(cast, client_for, talk, django_assert_max_num_queries):
    client = client_for(cast.space_lead)
    urls = [
        reverse("insights:space", args=[cast.space.slug]),
        reverse("insights:space_csv", args=[cast.space.slug, "threads"]),
        reverse("insights:thread", args=[talk[0].pk]),
        reverse("insights:index"),
    ]
    for url in urls:
        client.get(url)  # computes the snapshot once
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
    steward = client_for(cast.steward)
    steward.get(reverse("insights:alliance"))
    with django_assert_max_num_queries(12):
        assert steward.get(reverse("insights:alliance")).status_code == 200


def test_a_bad_period_says_so_and_shows_the_default(cast, client_for, talk):
    client = client_for(cast.space_member)
    url = reverse("insights:space", args=[cast.space.slug])
    for query in ({"days": "9"}, {"days": "30", "end": "2999-01-01"}, {"end": "nonsense"}):
        response = client.get(url, query)
        assert response.status_code == 200
        assert 'role="alert"' in response.content.decode()
    assert client.get(url, {"days": "90"}).status_code == 200


def test_the_survey_is_asked_and_counted(cast, client_for, talk):
    client = client_for(cast.space_member)
    page = client.get(reverse("insights:space", args=[cast.space.slug])).content.decode()
    assert reverse("insights:survey") in page and "two-minute survey" in page
    response = client.post(reverse("insights:survey"), {"channels": ["whatsapp", "radio", "bogus"]})
    assert response.status_code == 200  # the unknown choice is refused, nothing saved
    assert not ChannelSurvey.objects.exists()
    client.post(reverse("insights:survey"), {"channels": ["whatsapp", "radio"]})
    assert ChannelSurvey.objects.get(user=cast.space_member).channels == ["whatsapp", "radio"]
    page = client.get(reverse("insights:survey")).content.decode()
    assert "You answered on" in page
    assert client_for(None).get(reverse("insights:survey")).status_code == 302
