"""The gate's two functions agree with the grants events registers: an invited guest's
running invitation opens the event and the items linked to it, never a private draft,
never after it ends, never before it is accepted."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harambee.core.models import Content, Visibility
from harambee.core.tests.factories import MembershipFactory, PostFactory, SpaceFactory, UserFactory
from harambee.core.visibility import can_view, forget_memberships, visible
from harambee.events.models import Event, EventGuest, EventOutput
from harambee.people.models import AllianceRole

WORLD = st.fixed_dictionaries(
    {
        "roles": st.lists(st.sampled_from(AllianceRole.values), min_size=1, max_size=4),
        # (space index or None, visibility) of each event
        "events": st.lists(
            st.tuples(st.one_of(st.none(), st.integers(0, 1)), st.sampled_from(Visibility.values)),
            min_size=1,
            max_size=4,
        ),
        # (space index or None, visibility) of each thread that may be linked as an output
        "posts": st.lists(
            st.tuples(st.one_of(st.none(), st.integers(0, 1)), st.sampled_from(Visibility.values)),
            max_size=4,
        ),
        # (event index, post index)
        "outputs": st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), max_size=6),
        # (user index, event index, expiry: past / future, accepted)
        "guests": st.lists(
            st.tuples(
                st.integers(0, 3), st.integers(0, 3), st.sampled_from([-1, 1]), st.booleans()
            ),
            max_size=5,
        ),
        # (user index, space index)
        "members": st.lists(st.tuples(st.integers(0, 3), st.integers(0, 1)), max_size=3),
    }
)


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(world=WORLD)
def test_visible_and_can_view_agree_with_event_guests(world):
    with transaction.atomic():
        now = timezone.now()
        users = [UserFactory(role=role) for role in world["roles"]]
        spaces = [SpaceFactory(), SpaceFactory()]
        for ui, si in world["members"]:
            user, space = users[ui % len(users)], spaces[si]
            if not space.memberships.filter(user=user).exists():
                MembershipFactory(user=user, space=space)
        author = UserFactory()
        events = [
            Event.objects.create(
                author=author,
                space=None if si is None else spaces[si],
                visibility=vis,
                title="E",
                event_kind=Event.Kind.MEETING,
                starts=now,
                ends=now + timedelta(hours=1),
            )
            for si, vis in world["events"]
        ]
        posts = [
            PostFactory(author=author, space=None if si is None else spaces[si], visibility=vis)
            for si, vis in world["posts"]
        ]
        for ei, pi in world["outputs"]:
            if posts:
                EventOutput.objects.get_or_create(
                    event=events[ei % len(events)], item=posts[pi % len(posts)]
                )
        for n, (ui, ei, expiry, accepted) in enumerate(world["guests"]):
            EventGuest.objects.create(
                event=events[ei % len(events)],
                email=f"g{n}@example.org",
                user=users[ui % len(users)] if accepted else None,
                expires=now + timedelta(days=expiry),
            )
        everything = list(Content.objects.all())
        # Loading many people's grants at once gives what each one's own query gives.
        from harambee.core.visibility import granted_ids, prime_granted
        from harambee.people.models import User

        fresh = list(User.objects.filter(pk__in=[u.pk for u in users]))
        prime_granted(fresh)
        for user in fresh:
            primed = granted_ids(user)
            forget_memberships(user)
            assert primed == granted_ids(user), user
        for user in users:
            forget_memberships(user)
            by_set = set(visible(user, Content.objects.all()).values_list("pk", flat=True))
            by_one = {c.pk for c in everything if can_view(user, c)}
            assert by_set == by_one
            # A private item is never opened by a grant.
            for item in everything:
                if item.pk in by_set and item.visibility == Visibility.PRIVATE:
                    assert item.author_id == user.pk
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_reader_without_grants_asks_nothing_about_them_and_a_new_grant_counts_at_once():
    """Nearly nobody holds a grant: the gate then adds nothing to their queries (no
    guest table in the SQL, no query to look for grants). The moment one is given, the
    same loaded person reads the event, and so does a fresh request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from harambee.people.models import User

    space = SpaceFactory()
    event = Event.objects.create(
        title="Closed workshop",
        author=UserFactory(),
        space=space,
        visibility=Visibility.SPACE,
        starts=timezone.now() + timedelta(days=3),
        ends=timezone.now() + timedelta(days=3, hours=2),
    )
    reader = UserFactory(role=AllianceRole.MEMBER)
    with CaptureQueriesContext(connection) as queries:
        sql = str(visible(reader, Content.objects.all()).query)
        assert not can_view(reader, event)
    assert "guest" not in sql.lower()
    assert not queries.captured_queries or all(
        "guest" not in q["sql"].lower() for q in queries.captured_queries
    )
    forget_memberships(reader)
    EventGuest.objects.create(
        event=event, email=reader.email, user=reader, expires=timezone.now() + timedelta(days=7)
    )
    assert can_view(reader, event)
    assert visible(reader, Event.objects.all()).filter(pk=event.pk).exists()
    fresh = User.objects.get(pk=reader.pk)
    assert fresh.granted_until is not None and can_view(fresh, event)
    # An ended grant leaves the mark on the row but opens nothing.
    EventGuest.objects.filter(event=event).update(expires=timezone.now() - timedelta(seconds=1))
    again = User.objects.get(pk=reader.pk)
    assert not can_view(again, event)
    assert not visible(again, Event.objects.all()).filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_the_admin_lists_only_the_events_the_steward_may_read(cast, client_for):
    from harambee.events.tests.helpers import make_event

    make_event(cast.space_lead, cast.space, title="ADMIN open webinar")
    make_event(cast.space_lead, cast.space, title="ADMIN space workshop", visibility="space")
    client = client_for(cast.steward)
    page = client.get("/admin/events/event/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "ADMIN open webinar" in html and "ADMIN space workshop" not in html
    assert client.get("/admin/events/registration/").status_code == 404
