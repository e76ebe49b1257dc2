"""Notices of calls for participation, through the notifications app and its gate:
the organisers hear of each answer, the person who answered hears of the decision,
nobody else hears of either, and a notice about a call its recipient may no longer
read is shown nowhere (centre, count, email)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from harambee.core.models import Visibility
from harambee.notifications import selectors as notices
from harambee.notifications.models import Kind, Notification
from harambee.research.models import Call, Submission
from harambee.research.tests.helpers import call, collaboration

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("run_on_commit_now")]

ANSWERS = {"answer_0": "In Kumasi forest", "answer_1": "Canopy cover"}


def _centre(client) -> str:
    return client.get(reverse("notifications:centre")).content.decode()


def test_the_organisers_hear_of_each_answer_and_nobody_else_does(cast, client_for):
    collab = collaboration(cast, visibility="alliance")
    collab.coauthors.add(cast.steward)
    the_call = call(cast, collab, visibility="alliance")
    client_for(cast.member).post(reverse("research:submit", args=[the_call.pk]), ANSWERS)
    client_for(cast.guest).post(reverse("research:submit", args=[the_call.pk]), ANSWERS)
    told = Notification.objects.filter(kind=Kind.CALL_ANSWERED)
    # The author (a lead of the space) and the coordinator, once per answer.
    assert sorted((n.recipient.pk, n.actor.pk) for n in told) == sorted(
        (organiser.pk, applicant.pk)
        for organiser in (cast.space_lead, cast.steward)
        for applicant in (cast.member, cast.guest)
    )
    page = _centre(client_for(cast.space_lead))
    assert "Mo Member answered your call “Monitors wanted”" in page
    for who in (cast.member, cast.guest, cast.space_member, cast.outsider):
        assert "answered your call" not in _centre(client_for(who)), who
    # Told at once by email (the default for notices addressed to a person).
    assert any("answered your call" in m.subject for m in mail.outbox)
    assert not any("In Kumasi forest" in m.body for m in mail.outbox)


def test_the_applicant_hears_of_the_decision(cast, client_for):
    the_call = call(cast, collaboration(cast, visibility="alliance"), visibility="alliance")
    for who in (cast.member, cast.space_member):
        client_for(who).post(reverse("research:submit", args=[the_call.pk]), ANSWERS)
    accepted, declined = Submission.objects.order_by("pk")
    lead = client_for(cast.space_lead)
    lead.post(reverse("research:decide", args=[accepted.pk, "accept"]), {"roles": ["software"]})
    lead.post(
        reverse("research:decide", args=[declined.pk, "decline"]), {"note": "Full this round."}
    )
    member = _centre(client_for(cast.member))
    assert "Your answer to “Monitors wanted” was accepted" in member
    other = _centre(client_for(cast.space_member))
    assert "Your answer to “Monitors wanted” was declined" in other
    assert "Full this round." in other and "Full this round." not in member
    # Nobody else is told of a decision about someone else.
    for who in (cast.guest, cast.outsider, cast.space_lead):
        assert Notification.objects.filter(recipient=who, kind=Kind.CALL_DECISION).count() == 0
    # Deciding again tells nobody twice.
    accepted.save()
    assert Notification.objects.filter(kind=Kind.CALL_DECISION).count() == 2


def test_a_notice_about_a_call_its_reader_may_no_longer_read_is_shown_nowhere(cast, client_for):
    the_call = call(cast, collaboration(cast, visibility="alliance"), visibility="alliance")
    client_for(cast.member).post(reverse("research:submit", args=[the_call.pk]), ANSWERS)
    submission = Submission.objects.get()
    client_for(cast.space_lead).post(
        reverse("research:decide", args=[submission.pk, "accept"]), {"roles": ["validation"]}
    )
    notice = Notification.objects.get(recipient=cast.member, kind=Kind.CALL_DECISION)
    assert notices.unread_count(cast.member) == 1
    # The call is narrowed to its space, where the member is not.
    Call.objects.filter(pk=the_call.pk).update(visibility=Visibility.SPACE)
    member = client_for(cast.member)
    assert "Monitors wanted" not in _centre(member)
    assert notices.unread_count(cast.member) == 0
    assert member.get(reverse("notifications:go", args=[notice.pk])).status_code == 404
    # The lead still reads the call, and still sees their notice.
    assert "Monitors wanted" in _centre(client_for(cast.space_lead))


def test_no_notice_reaches_an_organiser_who_may_not_read_the_call(cast, client_for):
    collab = collaboration(cast, visibility="alliance")
    # A coordinator who is not in the space, of a call for the space only.
    collab.coauthors.add(cast.member)
    the_call = call(cast, collab, visibility="space")
    client_for(cast.guest).post(reverse("research:submit", args=[the_call.pk]), ANSWERS)
    assert Submission.objects.filter(author=cast.guest).exists()
    told = set(
        Notification.objects.filter(kind=Kind.CALL_ANSWERED).values_list("recipient", flat=True)
    )
    assert told == {cast.space_lead.pk}
