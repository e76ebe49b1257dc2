"""Home for a signed-in member: what needs them first, then activity grouped by kind,
with what is new since their last visit; all through the gate, in few queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from harambee.conftest import make_user
from harambee.core.models import Visibility
from harambee.core.tests.factories import CommentFactory, PostFactory
from harambee.core.tests.querycount import assert_constant_queries, count_queries
from harambee.notifications.models import Kind, Notification
from harambee.site.middleware import SEEN_KEY
from harambee.site.models import Visit
from harambee.site.services import visit_record
from harambee.spaces import services
from harambee.spaces.models import Post

pytestmark = pytest.mark.django_db


def test_a_leads_join_requests_lead_the_page(cast, client_for):
    people = [make_user(display_name=f"Asker {n}") for n in range(3)]
    for person in people:
        services.join_request_create(user=person, space=cast.space, message="Let me in")
    html = client_for(cast.space_lead).get("/").content.decode()
    assert "3 people ask to join spaces you lead" in html
    body = html.split("<main", 1)[1]
    # Before anything else on the page, each with a button to decide.
    assert body.index("ask to join") < body.index("Your spaces")
    for person in people:
        assert f"Decide on {person.display_name}’s request" in html
    # A member of the space who does not decide sees none of it.
    member = client_for(cast.space_member).get("/").content.decode()
    assert "Asker 0" not in member and "ask to join" not in member


def test_unanswered_questions_in_my_spaces_are_listed_and_others_are_not(cast, client_for):
    asked = PostFactory(space=cast.space, author=cast.space_member, title="Who has seed?")
    answered = PostFactory(space=cast.space, author=cast.space_member, title="Answered one")
    CommentFactory(content=answered, author=cast.space_lead)
    elsewhere = PostFactory(space=cast.other_space, author=cast.outsider, title="Elsewhere")
    html = client_for(cast.space_lead).get("/").content.decode()
    section = html.split("Questions nobody has answered", 1)[1].split("</ul>", 1)[0]
    assert asked.title in section
    assert answered.title not in section and elsewhere.title not in section
    # The outsider is not in the space: the question is hidden from them.
    outsider = client_for(cast.outsider).get("/").content.decode()
    assert asked.title not in outsider


def test_mentions_invitations_and_drafts_are_shown_to_their_person_only(cast, client_for):
    thread = PostFactory(
        space=cast.space, author=cast.space_member, title="Mentioning", body="Hi @lea"
    )
    Notification.objects.create(
        recipient=cast.space_lead,
        kind=Kind.MENTION,
        actor=cast.space_member,
        content=thread,
        shown=timezone.now(),
    )
    services.invitation_create(actor=cast.space_lead, space=cast.space, email=cast.member.email)
    PostFactory(
        space=cast.space, author=cast.space_lead, visibility=Visibility.PRIVATE, title="Half done"
    )
    lead = client_for(cast.space_lead).get("/").content.decode()
    assert "You were mentioned" in lead and "Mentioning" in lead
    assert "Drafts you left" in lead and "Half done" in lead
    member = client_for(cast.member).get("/").content.decode()
    assert f"Join {cast.space.name}" in member
    assert "Half done" not in member and "You were mentioned" not in member


def test_a_mention_in_an_item_no_longer_readable_is_not_shown(cast, client_for):
    thread = PostFactory(space=cast.space, author=cast.space_member, title="Gone private")
    Notification.objects.create(
        recipient=cast.space_lead,
        kind=Kind.MENTION,
        actor=cast.space_member,
        content=thread,
        shown=timezone.now(),
    )
    Post.objects.filter(pk=thread.pk).update(visibility=Visibility.PRIVATE)
    html = client_for(cast.space_lead).get("/").content.decode()
    assert "You were mentioned" not in html and "Gone private" not in html


def test_activity_is_grouped_by_kind_with_excerpts(cast, client_for):
    PostFactory(
        space=cast.space,
        author=cast.space_member,
        title="Nursery walk",
        body="Farmers & forest guards **met** at dawn.",
    )
    html = client_for(cast.space_lead).get("/").content.decode()
    activity = html.split('id="activity-heading"', 1)[1]
    assert 'id="earlier-post-heading">Threads' in activity
    # The excerpt is plain text escaped once: no markup, no double escaping.
    assert "Farmers &amp; forest guards met at dawn." in activity
    assert "&amp;amp;" not in activity and "**met**" not in activity


def test_whats_new_since_the_last_visit(cast, client_for):
    client = client_for(cast.space_lead)
    client.get("/")  # the first visit
    visit = Visit.objects.get(user=cast.space_lead)
    assert visit.previous is None
    # Five hours later, a new visit: the session's hourly mark has run out.
    long_ago = timezone.now() - timedelta(hours=5)
    Visit.objects.filter(pk=visit.pk).update(seen=long_ago)
    old = PostFactory(space=cast.space, author=cast.space_member, title="Before you left")
    Post.objects.filter(pk=old.pk).update(created=long_ago - timedelta(hours=1))
    PostFactory(space=cast.space, author=cast.space_member, title="While you were away")
    session = client.session
    session[SEEN_KEY] = 0
    session.save()
    html = client.get("/").content.decode()
    new = html.split('id="new-heading"', 1)[1].split('id="activity-heading"', 1)[0]
    assert "While you were away" in new and "Before you left" not in new
    assert "Before you left" in html.split('id="activity-heading"', 1)[1]


def test_the_visit_is_written_at_most_once_an_hour(cast, client_for):
    client = client_for(cast.member)
    client.get("/")
    first = Visit.objects.get(user=cast.member).seen
    client.get("/forum/")
    assert Visit.objects.get(user=cast.member).seen == first


def test_a_new_visit_starts_after_three_hours_away(cast):
    now = timezone.now()
    assert visit_record(user=cast.member, now=now) is None
    assert visit_record(user=cast.member, now=now + timedelta(hours=1)) is None
    later = now + timedelta(hours=5)
    assert visit_record(user=cast.member, now=later) == now + timedelta(hours=1)


def test_home_takes_a_fixed_number_of_queries(cast, client_for):
    client = client_for(cast.space_lead)
    client.get("/")  # the visit is recorded once

    def add(n):
        for i in range(n):
            asker = make_user()
            services.join_request_create(user=asker, space=cast.space)
            PostFactory(space=cast.space, author=cast.space_member, title=f"Q{i}")
            PostFactory(space=cast.space, author=cast.space_lead, visibility=Visibility.PRIVATE)
            Notification.objects.create(
                recipient=cast.space_lead,
                kind=Kind.MENTION,
                actor=cast.space_member,
                content=PostFactory(space=cast.space, author=cast.space_member),
                shown=timezone.now(),
            )

    assert_constant_queries(client, "/", add)


def test_a_members_home_is_within_the_query_budget(cast, client_for):
    client = client_for(cast.space_member)
    client.get("/")
    assert count_queries(client, "/") <= 12


def test_stories_and_shareable_versions_waiting_for_review_are_listed(cast, client_for):
    from harambee.stories.models import Story

    story = Story.objects.create(
        space=cast.space,
        author=cast.space_member,
        visibility=Visibility.SPACE,
        status=Story.Status.REVIEW,
        title="Our river story",
        body="Draft text",
    )
    lead = client_for(cast.space_lead).get("/").content.decode()
    section = lead.split("Waiting for your review", 1)[1].split("</ul>", 1)[0]
    assert story.title in section
    # The author does not review their own; a plain member reviews nothing.
    assert "Waiting for your review" not in client_for(cast.space_member).get("/").content.decode()


def test_an_invitation_into_one_thread_does_not_name_its_space_on_home(cast, client_for):
    from harambee.spaces.models import Invitation

    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    Invitation.objects.create(
        space=cast.space,
        thread=thread,
        email=cast.outsider.email,
        invited_by=cast.space_lead,
        expires=timezone.now() + timedelta(days=3),
    )
    html = client_for(cast.outsider).get("/").content.decode()
    assert cast.space.name not in html and "invited to join" not in html
    # An invitation into the whole space is shown (unnamed: the outsider, a guest,
    # may not know this members-only space; a member may).
    Invitation.objects.create(
        space=cast.space,
        email=cast.outsider.email,
        invited_by=cast.space_lead,
        expires=timezone.now() + timedelta(days=3),
    )
    html = client_for(cast.outsider).get("/").content.decode()
    assert "You are invited to join a space" in html and cast.space.name not in html


def test_an_invitation_into_a_secret_space_does_not_name_it_on_home(cast, client_for):
    from harambee.spaces.models import Invitation, Space

    secret = Space.objects.create(
        name="Hidden circle", slug="hidden", kind="working_group", listing="secret"
    )
    Invitation.objects.create(
        space=secret,
        email=cast.member.email,
        invited_by=cast.space_lead,
        expires=timezone.now() + timedelta(days=3),
    )
    html = client_for(cast.member).get("/").content.decode()
    assert "You are invited to join a space" in html and "Hidden circle" not in html
