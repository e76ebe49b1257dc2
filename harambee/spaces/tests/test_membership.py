from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from harambee.core.models import AuditEntry
from harambee.core.tests.factories import SpaceFactory, UserFactory
from harambee.people.roles import SpaceRole
from harambee.spaces import services
from harambee.spaces.models import Invitation, JoinRequest, Membership, Space

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mail(run_on_commit_now):
    pass


def is_member(user, space) -> bool:
    return Membership.objects.filter(user=user, space=space).exists()


def test_anyone_in_the_alliance_joins_an_open_space(cast, client_for):
    space = SpaceFactory(join_policy=Space.JoinPolicy.OPEN)
    response = client_for(cast.member).post(reverse("spaces:join", args=[space.slug]))
    assert response.status_code == 302 and is_member(cast.member, space)
    assert AuditEntry.objects.filter(action="member_joined", subject=cast.member).exists()


def test_joining_with_htmx_returns_the_membership_box(cast, client_for):
    space = SpaceFactory(join_policy=Space.JoinPolicy.OPEN)
    response = client_for(cast.member).post(
        reverse("spaces:join", args=[space.slug]), HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200 and 'id="join-box"' in body and "<html" not in body
    assert "Leave this space" in body


def test_request_to_join_is_approved_and_the_person_is_told(cast, client_for):
    client = client_for(cast.member)
    client.post(reverse("spaces:join", args=[cast.space.slug]), {"message": "I work on forests"})
    request = JoinRequest.objects.get(user=cast.member, space=cast.space)
    assert request.status == "pending" and not is_member(cast.member, cast.space)
    lead_mail = [m for m in mail.outbox if cast.space_lead.email in m.to]
    assert lead_mail and "I work on forests" in lead_mail[0].body
    assert lead_mail[0].alternatives  # an HTML part too
    # Only deciders may decide.
    url = reverse("spaces:request_decide", args=[cast.space.slug, request.pk])
    assert client_for(cast.space_member).post(url, {"decision": "approve"}).status_code == 403
    response = client_for(cast.space_lead).post(url, {"decision": "approve"})
    assert response.status_code == 302 and is_member(cast.member, cast.space)
    told = [m for m in mail.outbox if cast.member.email in m.to]
    assert len(told) == 1 and "approved" in told[0].body
    assert AuditEntry.objects.filter(action="request_approved", subject=cast.member).exists()


def test_a_declined_request_tells_the_person_and_may_be_asked_again(cast, client_for):
    request = services.join_request_create(user=cast.member, space=cast.space)
    services.join_request_decide(actor=cast.space_lead, request=request, approve=False)
    assert not is_member(cast.member, cast.space)
    assert any("declined" in m.body for m in mail.outbox if cast.member.email in m.to)
    body = client_for(cast.member).get(cast.space.get_absolute_url()).content.decode()
    assert "was declined" in body and "Ask to join" in body


def test_a_request_cannot_be_decided_twice(cast):
    request = services.join_request_create(user=cast.member, space=cast.space)
    services.join_request_decide(actor=cast.space_lead, request=request, approve=True)
    with pytest.raises(services.JoinRefused):
        services.join_request_decide(actor=cast.space_lead, request=request, approve=False)


def test_invite_code_space_takes_the_right_code_only(cast, client_for):
    space = SpaceFactory(join_policy=Space.JoinPolicy.CODE, invite_code="baobab-42")
    client = client_for(cast.member)
    response = client.post(
        reverse("spaces:join", args=[space.slug]), {"code": "wrong"}, follow=True
    )
    assert "not right" in response.content.decode() and not is_member(cast.member, space)
    client.post(reverse("spaces:join", args=[space.slug]), {"code": "baobab-42"})
    assert is_member(cast.member, space)


def test_wrong_code_with_htmx_keeps_what_was_typed(cast, client_for):
    space = SpaceFactory(join_policy=Space.JoinPolicy.CODE, invite_code="baobab-42")
    response = client_for(cast.member).post(
        reverse("spaces:join", args=[space.slug]), {"code": "baobab-41"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "not right" in body and 'value="baobab-41"' in body


def test_invitation_only_space_cannot_be_joined_directly(cast, client_for):
    space = SpaceFactory(join_policy=Space.JoinPolicy.INVITATION)
    client_for(cast.member).post(reverse("spaces:join", args=[space.slug]))
    assert not is_member(cast.member, space)


def _link_from(message) -> str:
    return re.search(r"https?://[^/\s]+(/invitations/\S+/)", message.body).group(1)


def test_an_outside_guest_is_invited_by_email_and_sees_only_that_space(cast, client_for):
    client = client_for(cast.space_lead)
    client.post(
        reverse("spaces:invite", args=[cast.space.slug]),
        {"email": "voice@elsewhere.org", "role": "member", "as_guest": "on", "message": "Join us"},
    )
    invitation = Invitation.objects.get(email="voice@elsewhere.org")
    assert invitation.sent is not None
    link = _link_from(mail.outbox[-1])
    anon = client_for(None)
    response = anon.post(link, {"display_name": "Outside Voice", "password": "a long passphrase 9"})
    assert response.status_code == 302
    guest = Membership.objects.get(space=cast.space, user__email="voice@elsewhere.org").user
    assert guest.is_guest
    # The guest sees the space but not the directory.
    assert anon.get(cast.space.get_absolute_url()).status_code == 200
    assert anon.get(reverse("people:people")).status_code == 403
    # The link works once.
    again = client_for(None).get(link)
    assert again.status_code == 410 and "already been used" in again.content.decode()


def test_an_expired_invitation_explains_itself(cast, client_for):
    invitation = services.invitation_create(
        actor=cast.space_lead, space=cast.space, email="x@y.org"
    )
    Invitation.objects.filter(pk=invitation.pk).update(expires=timezone.now() - timedelta(days=1))
    response = client_for(None).get(_link_from(mail.outbox[-1]))
    assert response.status_code == 410 and "expired" in response.content.decode()


def test_a_tampered_invitation_link_explains_itself(cast, client_for):
    services.invitation_create(actor=cast.space_lead, space=cast.space, email="x@y.org")
    link = _link_from(mail.outbox[-1])
    ending = "yy/" if link.endswith("xx/") else "xx/"  # random tokens may end in "xx"
    response = client_for(None).get(link[:-3] + ending)
    assert response.status_code == 410 and "not valid" in response.content.decode()


def test_invitation_form_shows_field_errors_and_keeps_input(cast, client_for):
    response = client_for(cast.space_lead).post(
        reverse("spaces:invite", args=[cast.space.slug]),
        {"email": "not-an-address", "role": "member", "message": "Please come"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "Enter a valid email address" in body
    assert "not-an-address" in body and "Please come" in body


def test_members_may_not_invite(cast, client_for):
    url = reverse("spaces:invite", args=[cast.space.slug])
    assert client_for(cast.space_member).get(url).status_code == 403


def test_leave_remove_and_change_role_are_audited(cast, client_for):
    lead = client_for(cast.space_lead)
    lead.post(
        reverse("spaces:member_role", args=[cast.space.slug, cast.space_member.pk]),
        {"role": "facilitator"},
    )
    assert Membership.objects.get(user=cast.space_member, space=cast.space).role == "facilitator"
    lead.post(reverse("spaces:member_remove", args=[cast.space.slug, cast.guest.pk]))
    assert not is_member(cast.guest, cast.space)
    client_for(cast.space_member).post(reverse("spaces:leave", args=[cast.space.slug]))
    assert not is_member(cast.space_member, cast.space)
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"role_changed", "member_removed", "member_left"} <= actions


def test_the_last_lead_cannot_leave(cast, client_for):
    response = client_for(cast.space_lead).post(
        reverse("spaces:leave", args=[cast.space.slug]), follow=True
    )
    assert "only lead" in response.content.decode()
    assert Membership.objects.get(user=cast.space_lead, space=cast.space).role == SpaceRole.LEAD


def test_only_leads_change_roles(cast, client_for):
    response = client_for(cast.space_member).post(
        reverse("spaces:member_role", args=[cast.space.slug, cast.guest.pk]), {"role": "lead"}
    )
    assert response.status_code == 403


def test_creating_a_space_makes_the_creator_lead(cast, client_for):
    response = client_for(cast.member).post(
        reverse("spaces:create"),
        {
            "name": "Land rights circle",
            "kind": "discussion_group",
            "listing": "members",
            "join_policy": "open",
            "description": "Talk",
        },
    )
    space = Space.objects.get(name="Land rights circle")
    assert response.status_code == 302
    assert Membership.objects.get(space=space, user=cast.member).role == SpaceRole.LEAD


def test_space_form_errors_keep_input(cast, client_for):
    response = client_for(cast.member).post(
        reverse("spaces:create"), {"name": "", "kind": "nonsense", "description": "Kept text"}
    )
    body = response.content.decode()
    assert response.status_code == 200 and "This field is required" in body and "Kept text" in body


def test_changing_a_space_listing_is_audited(cast, client_for):
    client_for(cast.space_lead).post(
        reverse("spaces:edit", args=[cast.space.slug]),
        {
            "name": cast.space.name,
            "kind": "initiative",
            "listing": "secret",
            "join_policy": "request",
            "description": "",
        },
    )
    entry = AuditEntry.objects.get(action="space_changed")
    assert entry.detail["changes"]["listing"] == ["members", "secret"]


def test_guests_cannot_join_open_spaces_on_their_own(cast, client_for):
    space = SpaceFactory(join_policy=Space.JoinPolicy.OPEN, listing=Space.Listing.PUBLIC)
    client_for(cast.guest).post(reverse("spaces:join", args=[space.slug]))
    assert not is_member(cast.guest, space)


def test_signed_in_member_accepts_invitation(cast, client_for):
    other = UserFactory()
    services.invitation_create(actor=cast.space_lead, space=cast.space, email=other.email)
    link = _link_from(mail.outbox[-1])
    client_for(other).post(link)
    assert is_member(other, cast.space)


def test_plain_text_email_is_not_html_escaped(cast):
    cast.member.display_name = "Awa O'Diallo & Co"
    cast.member.save()
    services.join_request_create(user=cast.member, space=cast.space, message="Eau & assainissement")
    message = next(m for m in mail.outbox if cast.space_lead.email in m.to)
    assert "Awa O'Diallo & Co" in message.subject and "Eau & assainissement" in message.body
    assert "&amp;" not in message.body and "&#x27;" not in message.body
    assert "&amp;" in message.alternatives[0][0]  # the HTML part is escaped


def test_guest_account_form_shows_errors_and_keeps_the_name(cast, client_for):
    services.invitation_create(
        actor=cast.space_lead, space=cast.space, email="voice@elsewhere.org", as_guest=True
    )
    link = _link_from(mail.outbox[-1])
    response = client_for(None).post(link, {"display_name": "Outside Voice", "password": "123"})
    body = response.content.decode()
    assert response.status_code == 200 and "Outside Voice" in body
    assert "at least 8 characters" in body
    assert not Membership.objects.filter(user__email="voice@elsewhere.org").exists()
    # Nothing was used up: the link still works.
    assert client_for(None).get(link).status_code == 200
