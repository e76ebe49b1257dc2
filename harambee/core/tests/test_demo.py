from __future__ import annotations

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.urls import reverse

from harambee.core.demo import DEMO_PASSWORD, DEMO_SIGN_INS, load_demo
from harambee.core.models import Comment, Reaction, Visibility
from harambee.people.models import Organisation, Sector, User
from harambee.people.roles import AllianceRole, SpaceRole
from harambee.spaces.models import Invitation, JoinRequest, Membership, Post, Space

GHANA_FORUM = "Ghana collaborative forest-management forum"
CONTINENT = {
    "GH": "Africa",
    "KE": "Africa",
    "ZA": "Africa",
    "IN": "Asia",
    "PH": "Asia",
    "NL": "Europe",
    "GT": "Americas",
    "BR": "Americas",
}


@pytest.fixture
def counts(db) -> dict[str, int]:
    return load_demo()


@pytest.mark.django_db
def test_loads_a_realistic_alliance(counts):
    assert 10 <= counts["organisations"] == Organisation.objects.count() <= 15
    assert 35 <= counts["people"] == User.objects.count() <= 45
    assert counts["spaces"] == Space.objects.count() == 8
    assert counts["posts"] >= 20
    assert counts["comments"] >= 60
    assert counts["reactions"] >= 40

    orgs = Organisation.objects.all()
    assert {o.sector for o in orgs} == set(Sector.values)
    assert {o.relationship for o in orgs} == set(Organisation.Relationship.values)
    countries = {str(o.country) for o in orgs}
    assert len(countries) >= 5
    assert len({CONTINENT[c] for c in countries}) >= 3

    for person in User.objects.all():
        assert person.display_name and person.bio and person.sector and person.country
        assert person.languages and person.channels
        assert set(person.channels) <= {"web", "email", "sms", "whatsapp", "radio", "meetings"}
        assert "/" in person.time_zone
    assert not User.objects.filter(bio__icontains="lorem").exists()


@pytest.mark.django_db
def test_spaces_cover_every_kind_policy_and_listing(counts):
    spaces = Space.objects.all()
    assert {s.kind for s in spaces} == set(Space.Type.values)
    assert {s.join_policy for s in spaces} == set(Space.JoinPolicy.values)
    assert {s.listing for s in spaces} == set(Space.Listing.values)
    for space in spaces:
        assert space.memberships.filter(role=SpaceRole.LEAD).exists()
        if space.join_policy == Space.JoinPolicy.CODE:
            assert space.invite_code
    assert set(Membership.objects.values_list("role", flat=True)) == set(SpaceRole.values)


@pytest.mark.django_db
def test_the_ghana_forest_forum_and_the_demo_people(counts):
    forum = Space.objects.get(name=GHANA_FORUM)
    assert forum.kind == Space.Type.INITIATIVE
    assert forum.join_policy == Space.JoinPolicy.REQUEST
    assert forum.listing == Space.Listing.MEMBERS

    steward = User.objects.get(email="steward@demo.harambee.org")
    lead = User.objects.get(email="lead@demo.harambee.org")
    member = User.objects.get(email="member@demo.harambee.org")
    guest = User.objects.get(email="guest@demo.harambee.org")
    assert (steward.display_name, steward.role) == ("Amara Mensah", AllianceRole.STEWARD)
    assert (lead.display_name, lead.role) == ("Kwame Owusu", AllianceRole.MEMBER)
    assert (member.display_name, member.role) == ("Lucía Ramírez", AllianceRole.MEMBER)
    assert (guest.display_name, guest.role) == ("Pieter de Vries", AllianceRole.GUEST)

    assert steward.memberships.count() >= 3
    assert forum.memberships.get(user=lead).role == SpaceRole.LEAD
    assert member.memberships.exists()
    assert not forum.memberships.filter(user=member).exists()
    assert not forum.join_requests.filter(user=member).exists()
    assert guest.memberships.count() == 1
    assert Invitation.objects.filter(used_by=guest, as_guest=True).count() == 1


@pytest.mark.django_db
def test_conversation_at_every_visibility_level(counts):
    for level in Visibility.values:
        posts = Post.objects.filter(visibility=level)
        assert posts.exists(), level
        assert Comment.objects.filter(content__in=posts, parent__isnull=True).exists(), level
        assert Comment.objects.filter(content__in=posts, parent__isnull=False).exists(), level
        if level != Visibility.PRIVATE:
            assert Reaction.objects.filter(content__in=posts).exists(), level
    assert Reaction.objects.filter(content__visibility=Visibility.PRIVATE).exists()
    assert not Post.objects.filter(body_html="").exists()
    # Activity is spread over weeks, not stamped with the moment of loading.
    days = {p.created.date() for p in Post.objects.all()}
    assert len(days) >= 15
    # Several posts have a lively thread.
    assert Post.objects.annotate(n=Count("comments")).filter(n__gte=4).count() >= 5


@pytest.mark.django_db
def test_pending_requests_and_an_open_invitation(counts):
    forum = Space.objects.get(name=GHANA_FORUM)
    pending = JoinRequest.objects.filter(status=JoinRequest.Status.PENDING)
    assert pending.count() == counts["join_requests"] >= 2
    assert all(r.space == forum for r in pending)
    open_invitations = Invitation.objects.filter(used__isnull=True)
    assert open_invitations.count() == counts["invitations"] == 1
    assert not User.objects.filter(email=open_invitations.get().email).exists()


@pytest.mark.django_db
def test_demo_sign_ins_authenticate(counts, client):
    for email, _note in DEMO_SIGN_INS:
        user = authenticate(None, username=email, password=DEMO_PASSWORD)
        assert user is not None and user.email == email
        assert EmailAddress.objects.filter(user=user, email=email, verified=True, primary=True)
    assert authenticate(None, username=DEMO_SIGN_INS[0][0], password="wrong") is None
    assert EmailAddress.objects.filter(verified=True).count() == User.objects.count()

    response = client.post(
        reverse("account_login"),
        {"login": "member@demo.harambee.org", "password": DEMO_PASSWORD},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(
        User.objects.get(email="member@demo.harambee.org").pk
    )


@pytest.mark.django_db
def test_command_loads_and_prints_the_sign_ins():
    out = StringIO()
    call_command("demo", stdout=out)
    text = out.getvalue()
    assert User.objects.count() >= 35
    for email, _note in DEMO_SIGN_INS:
        assert email in text
    assert DEMO_PASSWORD in text
    assert "steward" in text and "guest" in text


@pytest.mark.django_db
def test_if_empty_does_nothing_the_second_time():
    call_command("demo", "--if-empty", stdout=StringIO())
    before = (User.objects.count(), Post.objects.count(), Comment.objects.count())
    out = StringIO()
    call_command("demo", "--if-empty", stdout=out)
    assert "already has people" in out.getvalue()
    assert (User.objects.count(), Post.objects.count(), Comment.objects.count()) == before


@pytest.mark.django_db
def test_refuses_a_database_with_people():
    User.objects.create_user(email="someone@example.org", password="x" * 12)
    with pytest.raises(CommandError, match="fresh"):
        call_command("demo", stdout=StringIO())
    assert User.objects.count() == 1
    assert not Space.objects.exists()
