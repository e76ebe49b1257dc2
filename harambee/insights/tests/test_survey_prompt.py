"""The "where people are" survey asked outside the insights pages: on home, once,
until the member answers or declines, with a plain form (no JavaScript); the
response rate in the insights tables."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from harambee.conftest import make_user
from harambee.core.tests.factories import MembershipFactory
from harambee.core.tests.querycount import count_queries
from harambee.insights.models import ChannelSurvey

pytestmark = pytest.mark.django_db

ASKED = "Answer the two-minute survey"


def test_home_asks_until_the_member_answers(cast, client_for):
    client = client_for(cast.member)
    page = client.get("/").content.decode()
    assert ASKED in page
    # A plain form: declining works without JavaScript.
    assert f'action="{reverse("insights:survey_dismiss")}"' in page
    assert 'name="csrfmiddlewaretoken"' in page.split("survey-prompt", 1)[1]
    client.post(reverse("insights:survey"), {"channels": ["sms"]})
    assert ASKED not in client.get("/").content.decode()
    assert ASKED not in client.get(reverse("insights:index")).content.decode()


def test_declining_hides_it_everywhere_for_good(cast, client_for):
    client = client_for(cast.space_member)
    response = client.post(reverse("insights:survey_dismiss"), {"next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    survey = ChannelSurvey.objects.get(user=cast.space_member)
    assert survey.answered is None and survey.dismissed is not None
    assert ASKED not in client.get("/").content.decode()
    space = client.get(reverse("insights:space", args=[cast.space.slug])).content.decode()
    assert ASKED not in space
    index = client.get(reverse("insights:index")).content.decode()
    assert ASKED not in index and reverse("insights:survey") in index
    # Declining again changes nothing; answering later still counts.
    first = survey.dismissed
    client.post(reverse("insights:survey_dismiss"))
    survey.refresh_from_db()
    assert survey.dismissed == first
    client.post(reverse("insights:survey"), {"channels": ["radio"]})
    survey.refresh_from_db()
    assert survey.answered is not None and survey.channels == ["radio"]


def test_declining_goes_back_only_to_a_page_of_this_site(cast, client_for):
    client = client_for(cast.member)
    for target in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        response = client.post(reverse("insights:survey_dismiss"), {"next": target})
        assert response.status_code == 302 and response["Location"] == "/", target
    response = client.post(reverse("insights:survey_dismiss"), {"next": "/spaces/"})
    assert response["Location"] == "/spaces/"


def test_declining_needs_sign_in_and_a_post(cast, client_for):
    url = reverse("insights:survey_dismiss")
    response = client_for(None).post(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client_for(cast.member).get(url).status_code == 405
    assert not ChannelSurvey.objects.exists()


def test_home_with_the_prompt_stays_within_the_query_budget(cast, client_for):
    client = client_for(cast.space_lead)
    client.get("/")
    assert count_queries(client, "/") <= 12
    assert ASKED in client.get("/").content.decode()


def test_facilitators_see_the_response_rate(cast, client_for):
    people = [make_user() for _ in range(12)]
    for person in people:
        MembershipFactory(space=cast.space, user=person)
    for person in people[:6]:
        ChannelSurvey.objects.create(user=person, channels=["sms"], answered=person.date_joined)
    for person in people[6:11]:
        ChannelSurvey.objects.create(user=person, dismissed=person.date_joined)
    client = client_for(cast.space_lead)
    page = client.get(reverse("insights:space", args=[cast.space.slug])).content.decode()
    assert "Answers to “where people are”" in page
    response = client.get(reverse("insights:space_csv", args=[cast.space.slug, "survey"]))
    rows = dict(tuple(r) for r in csv.reader(io.StringIO(response.content.decode())))
    # 15 members: the cast's three and twelve more; 6 answered, 5 declined.
    assert rows["Members"] == "15"
    # Four have not answered: a small cell; with the total shown, the other two and
    # the rate would give it away, so they are hidden too.
    assert rows["Not yet"] == "fewer than 5"
    assert rows["Answered"] == rows["Would rather not"] == rows["Response rate"] == "not shown"
    for person in (people[11], cast.guest, cast.space_member, cast.space_lead):
        ChannelSurvey.objects.create(user=person, channels=["email"], answered=person.date_joined)
    # Another period, so another snapshot: everyone has now said something.
    response = client.get(
        reverse("insights:space_csv", args=[cast.space.slug, "survey"]), {"days": 7}
    )
    rows = dict(tuple(r) for r in csv.reader(io.StringIO(response.content.decode())))
    assert (rows["Answered"], rows["Would rather not"], rows["Not yet"]) == ("10", "5", "0")
    assert rows["Response rate"] == "0.67"
