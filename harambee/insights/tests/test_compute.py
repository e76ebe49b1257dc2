"""The measures computed from the database match what was counted by hand."""

from __future__ import annotations

import pytest

from harambee.insights.compute import scope_measures
from harambee.insights.periods import make_period
from harambee.insights.tests.factories import reply, thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def sectors(cast):
    cast.space_lead.sector = "government"
    cast.space_member.sector = "business"
    cast.guest.sector = ""
    for person in (cast.space_lead, cast.space_member, cast.guest):
        person.save()
    return cast


def test_a_space_measured_by_hand(sectors):
    cast = sectors
    lead, member, guest = cast.space_lead, cast.space_member, cast.guest
    # Thread A by the lead 10 h ago: its own reply does not count, a removed one does
    # not either; the member answers after 4 h.
    a = thread(cast.space, lead, hours_ago=10)
    reply(a, lead, hours_ago=9)
    reply(a, guest, hours_ago=8, removed=True)
    first = reply(a, member, hours_ago=6)
    reply(a, lead, hours_ago=5, parent=first)
    # Thread B, a question by the member, unanswered.
    thread(cast.space, member, hours_ago=3, is_question=True)
    # Neither a private draft nor an item in another space counts.
    hidden = thread(cast.space, guest, hours_ago=2, visibility="private")
    reply(hidden, guest, hours_ago=1)
    thread(cast.other_space, cast.outsider, hours_ago=2)
    # An older thread: the lead contributed before the period, so returns.
    old = thread(cast.space, lead, hours_ago=24 * 40)
    period = make_period(7)
    data = scope_measures(f"space:{cast.space.pk}", period.start, period.end)
    cur = data["current"]
    assert (cur["items"], cur["comments"], cur["threads"]) == (2, 3, 2)
    assert cur["contributors"] == 2
    assert (cur["new"], cur["returning"]) == (1, 1)
    # Contributions: lead 1 + 2 replies = 3, member 1 + 1 = 2.
    assert cur["gini"] == pytest.approx(0.1)
    assert cur["top10"] == pytest.approx(0.6)
    assert cur["median_reply_hours"] == pytest.approx(4, abs=0.01)
    assert (cur["unanswered"], cur["unanswered_questions"]) == (1, 1)
    assert cur["sectors"] == {"government": 1, "business": 1}
    assert cur["blau"] == pytest.approx(0.5)
    assert cur["shannon"] == pytest.approx(1.0)
    # Replies to someone else: member → lead's thread, lead → member's reply.
    assert sorted(cur["matrix"]) == [
        ["business", "government", 1, 1],
        ["government", "business", 1, 1],
    ]
    assert cur["cross_share"] == 1 and cur["ei"] == 1
    assert data["members"] == 3
    assert data["member_sectors"] == {"government": 1, "business": 1, "unknown": 1}
    assert data["previous"]["items"] == 0
    assert old.pk not in [row["thread"] for row in data["thread_rows"]]
    row = next(r for r in data["thread_rows"] if r["thread"] == a.pk)
    # Thread A in the period: lead's thread + 2 replies, member 1 (removed one left out).
    assert (row["posts"], row["contributors"], row["dominant"]) == (4, 2, lead.pk)
    assert row["dominant_share"] == pytest.approx(0.75)


def test_an_empty_space_has_no_data_and_no_division_by_zero(cast):
    period = make_period(30)
    data = scope_measures(f"space:{cast.other_space.pk}", period.start, period.end)
    cur = data["current"]
    assert cur["items"] == cur["contributors"] == 0
    for key in ("gini", "top10", "blau", "shannon", "cross_share", "ei", "median_reply_hours"):
        assert cur[key] is None, key


def test_the_alliance_counts_every_space_and_the_forum(cast):
    thread(cast.space, cast.space_lead, hours_ago=1)
    thread(cast.other_space, cast.outsider, hours_ago=1)
    thread(None, cast.member, hours_ago=1, visibility="alliance")
    period = make_period(7)
    data = scope_measures("alliance", period.start, period.end)
    assert data["current"]["items"] == 3
