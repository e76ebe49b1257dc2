from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.models import AuditEntry, Reaction, Visibility
from harambee.core.tests.factories import (
    CommentFactory,
    MembershipFactory,
    OrganisationFactory,
    PostFactory,
    SpaceFactory,
    UserFactory,
)
from harambee.core.tests.querycount import assert_constant_queries
from harambee.spaces.models import JoinRequest, Space

pytestmark = pytest.mark.django_db


def test_home_for_a_member(cast, client_for):
    def add(n):
        for i in range(n):
            PostFactory(
                space=cast.space if i % 2 else cast.other_space,
                visibility=Visibility.SPACE if i % 2 else Visibility.ALLIANCE,
            )

    assert_constant_queries(client_for(cast.space_member), "/", add)


def test_home_for_the_public(cast, client_for):
    def add(n):
        for _ in range(n):
            PostFactory(space=SpaceFactory(listing=Space.Listing.PUBLIC), visibility="public")

    assert_constant_queries(client_for(None), "/", add)


def test_space_list(cast, client_for):
    def add(n):
        for _ in range(n):
            MembershipFactory(space=SpaceFactory())

    assert_constant_queries(client_for(cast.member), reverse("spaces:list"), add)


def test_space_page(cast, client_for):
    def add(n):
        for _ in range(n):
            CommentFactory(content=PostFactory(space=cast.space))

    url = reverse("spaces:detail", args=[cast.space.slug])
    assert_constant_queries(client_for(cast.space_lead), url, add)


def test_post_page_with_comments_replies_and_reactions(cast, client_for):
    post = PostFactory(space=cast.space)

    def add(n):
        for _ in range(n):
            top = CommentFactory(content=post, author=UserFactory())
            CommentFactory(content=post, parent=top, author=UserFactory())
            Reaction.objects.create(content=post, user=UserFactory(), type="like")

    url = reverse("spaces:post", args=[post.pk])
    assert_constant_queries(client_for(cast.space_member), url, add)


def test_people_directory(cast, client_for):
    def add(n):
        for _ in range(n):
            UserFactory(organisation=OrganisationFactory(), country="KE", sector="government")

    assert_constant_queries(client_for(cast.member), reverse("people:people"), add)


def test_organisation_directory(cast, client_for):
    def add(n):
        for _ in range(n):
            UserFactory(organisation=OrganisationFactory())

    assert_constant_queries(client_for(cast.member), reverse("people:organisations"), add)


def test_organisation_page(cast, client_for):
    org = OrganisationFactory()

    def add(n):
        for _ in range(n):
            UserFactory(organisation=org)

    url = reverse("people:organisation", args=[org.slug])
    assert_constant_queries(client_for(cast.member), url, add)


def test_person_page(cast, client_for):
    def add(n):
        for _ in range(n):
            MembershipFactory(user=cast.space_member, space=SpaceFactory())

    url = reverse("people:person", args=[cast.space_member.pk])
    assert_constant_queries(client_for(cast.member), url, add)


def test_members_page(cast, client_for):
    def add(n):
        for _ in range(n):
            MembershipFactory(
                space=cast.space, user=UserFactory(organisation=OrganisationFactory())
            )

    url = reverse("spaces:members", args=[cast.space.slug])
    assert_constant_queries(client_for(cast.space_lead), url, add)


def test_requests_page(cast, client_for):
    def add(n):
        for _ in range(n):
            JoinRequest.objects.create(space=cast.space, user=UserFactory(), message="hi")

    url = reverse("spaces:requests", args=[cast.space.slug])
    assert_constant_queries(client_for(cast.space_lead), url, add)


def test_invite_page(cast, client_for):
    from django.utils import timezone

    from harambee.spaces.models import Invitation

    def add(n):
        for i in range(n):
            Invitation.objects.create(
                space=cast.space,
                email=f"p{i}@x.org",
                invited_by=UserFactory(),
                expires=timezone.now(),
            )

    url = reverse("spaces:invite", args=[cast.space.slug])
    assert_constant_queries(client_for(cast.space_lead), url, add)


def test_audit_log(cast, client_for):
    def add(n):
        for _ in range(n):
            post = PostFactory(space=cast.space)
            AuditEntry.objects.create(
                actor=UserFactory(),
                action="visibility_changed",
                space=cast.space,
                content=post,
                subject=UserFactory(),
            )

    assert_constant_queries(client_for(cast.steward), reverse("site:audit"), add)
