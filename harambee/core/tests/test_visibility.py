"""The gate: the set answer and the single answer agree, and both say what the
table in DESIGN.md says."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harambee.core.models import Content, Visibility
from harambee.core.tests.factories import MembershipFactory, PostFactory, SpaceFactory, UserFactory
from harambee.core.visibility import (
    can_see_person,
    can_see_space,
    can_view,
    listed_people,
    visible,
    visible_people,
    visible_spaces,
)
from harambee.people.models import User
from harambee.people.roles import AllianceRole
from harambee.spaces.models import Post, Space, ThreadGuest

# Who sees an item of each visibility in cast.space, authored by somebody else.
EXPECTED = {
    "anon": {"public"},
    "outsider": {"public"},
    "guest": {"public", "alliance", "space"},
    "member": {"public", "alliance"},
    "space_member": {"public", "alliance", "space"},
    "space_lead": {"public", "alliance", "space"},
    "steward": {"public", "alliance"},
}


@pytest.mark.parametrize("who", list(EXPECTED))
def test_the_gate_follows_the_visibility_table(cast, who):
    author = UserFactory()
    items = {
        v: PostFactory(space=cast.space, author=author, visibility=v) for v in Visibility.values
    }
    user = getattr(cast, who)
    seen = {p.visibility for p in visible(user, Post.objects.all())}
    assert seen == EXPECTED[who]
    assert {v for v, p in items.items() if can_view(user, p)} == EXPECTED[who]


def test_authors_and_coauthors_see_their_private_drafts(cast):
    draft = PostFactory(space=cast.space, author=cast.member, visibility=Visibility.PRIVATE)
    draft.coauthors.add(cast.outsider)
    for user in (cast.member, cast.outsider):
        assert can_view(user, draft)
        assert visible(user, Content.objects.all()).filter(pk=draft.pk).exists()
    assert not can_view(cast.space_lead, draft)
    assert not can_view(cast.steward, draft)


def test_removed_items_are_gone_for_everyone(cast):
    post = PostFactory(
        space=cast.space, author=cast.space_member, visibility="public", removed=True
    )
    for name in cast.names:
        assert not can_view(getattr(cast, name), post)
        assert not visible(getattr(cast, name), Post.objects.all()).exists()


def test_expired_guest_access_ends(cast):
    guest = UserFactory(role=AllianceRole.GUEST)
    MembershipFactory(space=cast.space, user=guest, expires=timezone.now() - timedelta(minutes=1))
    post = PostFactory(space=cast.space, visibility=Visibility.SPACE)
    assert not can_view(guest, post)
    assert not visible(guest, Post.objects.all()).exists()


def test_a_thread_grant_opens_that_thread_only_until_it_expires(cast):
    voice = UserFactory(role=AllianceRole.GUEST)
    thread = PostFactory(space=cast.space, visibility=Visibility.SPACE)
    sibling = PostFactory(space=cast.space, visibility=Visibility.SPACE)
    forum = PostFactory(space=None, visibility=Visibility.ALLIANCE)
    grant = ThreadGuest.objects.create(
        thread=thread, user=voice, expires=timezone.now() + timedelta(days=1)
    )
    assert can_view(voice, thread) and not can_view(voice, sibling)
    assert not can_view(voice, forum)
    assert set(visible(voice, Content.objects.all())) == {thread.content_ptr}
    assert not can_see_space(voice, cast.space)
    grant.expires = timezone.now() - timedelta(seconds=1)
    grant.save()
    voice = type(voice).objects.get(pk=voice.pk)  # a new request: no cached grants
    assert not can_view(voice, thread)
    assert not visible(voice, Content.objects.all()).exists()


def test_a_thread_grant_never_opens_a_private_draft(cast):
    voice = UserFactory(role=AllianceRole.GUEST)
    draft = PostFactory(space=None, visibility=Visibility.PRIVATE)
    ThreadGuest.objects.create(thread=draft, user=voice, expires=timezone.now() + timedelta(days=1))
    assert not can_view(voice, draft)
    assert not visible(voice, Post.objects.all()).exists()


def test_inactive_accounts_see_only_public_things(cast):
    cast.space_member.is_active = False
    cast.space_member.save()
    post = PostFactory(space=cast.space, visibility=Visibility.SPACE)
    assert not can_view(cast.space_member, post)
    assert not visible(cast.space_member, Post.objects.all()).exists()


def test_space_listing_gate(cast):
    public = SpaceFactory(listing=Space.Listing.PUBLIC)
    secret = SpaceFactory(listing=Space.Listing.SECRET)
    MembershipFactory(space=secret, user=cast.space_member)
    expected = {
        "anon": {public},
        "outsider": {public, cast.other_space},
        "guest": {public, cast.space},
        "member": {public, cast.space, cast.other_space},
        "space_member": {public, cast.space, cast.other_space, secret},
        "space_lead": {public, cast.space, cast.other_space},
        "steward": {public, cast.space, cast.other_space, secret},
    }
    for name, spaces in expected.items():
        user = getattr(cast, name)
        assert set(visible_spaces(user, Space.objects.all())) == spaces, name
        assert {s for s in Space.objects.all() if can_see_space(user, s)} == spaces, name


ROLES = st.sampled_from(list(AllianceRole.values) + ["anon", "inactive"])
WORLD = st.fixed_dictionaries(
    {
        "users": st.lists(ROLES, min_size=1, max_size=5),
        "spaces": st.integers(min_value=1, max_value=3),
        # (user index, space index, expiry: None / past / future)
        "memberships": st.lists(
            st.tuples(st.integers(0, 4), st.integers(0, 2), st.sampled_from([None, -1, 1])),
            max_size=8,
        ),
        # (author index, space index or None, visibility, removed, co-author index or None)
        "items": st.lists(
            st.tuples(
                st.integers(0, 4),
                st.one_of(st.none(), st.integers(0, 2)),
                st.sampled_from(Visibility.values),
                st.booleans(),
                st.one_of(st.none(), st.integers(0, 4)),
            ),
            min_size=1,
            max_size=10,
        ),
        # Thread guest grants: (user index, item index, expiry: past / future)
        "grants": st.lists(
            st.tuples(st.integers(0, 4), st.integers(0, 9), st.sampled_from([-1, 1])),
            max_size=6,
        ),
    }
)


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(world=WORLD)
def test_visible_and_can_view_always_agree(world):
    from django.contrib.auth.models import AnonymousUser

    with transaction.atomic():
        users = []
        for role in world["users"]:
            if role == "anon":
                users.append(AnonymousUser())
            else:
                users.append(
                    UserFactory(
                        role=AllianceRole.MEMBER if role == "inactive" else role,
                        is_active=role != "inactive",
                    )
                )
        real = [u for u in users if u.is_authenticated] or [UserFactory()]
        spaces = [SpaceFactory() for _ in range(world["spaces"])]
        now = timezone.now()
        seen_pairs = set()
        for ui, si, expiry in world["memberships"]:
            user, space = real[ui % len(real)], spaces[si % len(spaces)]
            if (user.pk, space.pk) in seen_pairs:
                continue
            seen_pairs.add((user.pk, space.pk))
            expires = None if expiry is None else now + timedelta(days=expiry)
            MembershipFactory(user=user, space=space, expires=expires)
        for ai, si, vis, removed, ci in world["items"]:
            space = None if si is None else spaces[si % len(spaces)]
            post = PostFactory(
                author=real[ai % len(real)], space=space, visibility=vis, removed=removed
            )
            if ci is not None:
                post.coauthors.add(real[ci % len(real)])
        posts = list(Post.objects.order_by("pk"))
        granted = set()
        for ui, ii, expiry in world["grants"]:
            user, post = real[ui % len(real)], posts[ii % len(posts)]
            if (user.pk, post.pk) in granted:
                continue
            granted.add((user.pk, post.pk))
            ThreadGuest.objects.create(thread=post, user=user, expires=now + timedelta(days=expiry))
        everything = list(Content.objects.all())
        for user in users:
            by_set = set(visible(user, Content.objects.all()).values_list("pk", flat=True))
            by_one = {c.pk for c in everything if can_view(user, c)}
            assert by_set == by_one
            spaces_by_set = set(visible_spaces(user, Space.objects.all()))
            assert spaces_by_set == {s for s in Space.objects.all() if can_see_space(user, s)}
            people = list(User.objects.all())
            people_by_set = set(visible_people(user, User.objects.all()))
            assert people_by_set == {p for p in people if can_see_person(user, p)}
        transaction.set_rollback(True)


def test_the_person_gate_follows_the_roles_table(cast):
    """Members and stewards see each other; guests see only themselves and are seen by
    nobody else (they are known only inside their spaces); anonymous visitors and
    inactive accounts see nobody."""
    from django.contrib.auth.models import AnonymousUser

    quiet = UserFactory(role=AllianceRole.MEMBER, is_active=False)
    listed = {
        p
        for p in User.objects.all()
        if p.is_active and p.role in (AllianceRole.MEMBER, AllianceRole.STEWARD)
    }
    assert {cast.member, cast.space_member, cast.space_lead, cast.steward} <= listed
    expected = {
        "outsider": {cast.outsider},
        "guest": {cast.guest},
        "member": listed,
        "space_member": listed,
        "space_lead": listed,
        "steward": listed,
    }
    for name, people in expected.items():
        user = getattr(cast, name)
        assert set(visible_people(user, User.objects.all())) == people, name
        assert {p for p in User.objects.all() if can_see_person(user, p)} == people, name
    for nobody in (AnonymousUser(), quiet):
        assert not visible_people(nobody, User.objects.all()).exists()
        assert not any(can_see_person(nobody, p) for p in User.objects.all())
    # What a mention may link to: the listed people, whoever reads.
    assert set(listed_people(User.objects.all())) == listed
