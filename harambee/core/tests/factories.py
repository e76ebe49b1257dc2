from __future__ import annotations

import factory
from allauth.account.models import EmailAddress

from harambee.core.models import Comment, Visibility
from harambee.people.models import Organisation, Sector, User
from harambee.people.roles import SpaceRole
from harambee.spaces.models import Membership, Post, Space


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    sector = Sector.CIVIL_SOCIETY
    country = "GH"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    role = "member"
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class EmailAddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmailAddress

    user = factory.SubFactory(UserFactory)
    email = factory.LazyAttribute(lambda o: o.user.email)
    verified = True
    primary = True


class SpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Space

    name = factory.Sequence(lambda n: f"Space {n}")
    slug = factory.Sequence(lambda n: f"space-{n}")
    kind = Space.Type.INITIATIVE
    listing = Space.Listing.MEMBERS
    join_policy = Space.JoinPolicy.REQUEST


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    space = factory.SubFactory(SpaceFactory)
    user = factory.SubFactory(UserFactory)
    role = SpaceRole.MEMBER


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    space = factory.SubFactory(SpaceFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Post {n}")
    body = "Some *text*."
    visibility = Visibility.SPACE


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    content = factory.SubFactory(PostFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Comment {n}")
