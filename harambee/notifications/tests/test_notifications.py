from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from harambee.core.models import Visibility
from harambee.core.services import comment_create
from harambee.core.tests.factories import CommentFactory, MembershipFactory, PostFactory
from harambee.core.tests.matrix import assert_forbidden, assert_hidden
from harambee.core.tests.querycount import assert_constant_queries
from harambee.notifications import selectors, services
from harambee.notifications.digests import digests_send
from harambee.notifications.models import (
    Channel,
    DigestRun,
    Frequency,
    Kind,
    Notification,
    Preference,
)
from harambee.people.roles import SpaceRole
from harambee.spaces import services as space_services
from harambee.spaces.models import JoinRequest
from harambee.stream.models import Follow, Hashtag, StreamPost
from harambee.stream.services import handle_ensure, stream_post_create

pytestmark = pytest.mark.django_db


def at(user) -> str:
    return f"@{handle_ensure(user=user).name}"


def kinds_for(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def centre_html(client_for, user) -> str:
    return client_for(user).get(reverse("notifications:centre")).content.decode()


# Events become notices, through the gate.


def test_a_mention_in_a_stream_post_notifies_the_person(cast, run_on_commit_now):
    post = stream_post_create(
        author=cast.member,
        space=None,
        text=f"Ask {at(cast.steward)} about #radio",
        visibility="alliance",
        language="en",
    )
    notice = Notification.objects.get(recipient=cast.steward)
    assert notice.kind == Kind.MENTION and notice.content_id == post.pk
    assert notice.actor == cast.member


def test_a_mention_in_code_or_of_oneself_notifies_nobody(cast, run_on_commit_now):
    stream_post_create(
        author=cast.member,
        space=None,
        text=f"`{at(cast.steward)}` and {at(cast.member)}",
        visibility="public",
        language="en",
    )
    assert not Notification.objects.exists()


def test_a_mention_in_a_space_only_post_does_not_reach_an_outsider(cast, run_on_commit_now):
    PostFactory(
        space=cast.space,
        author=cast.space_lead,
        visibility=Visibility.SPACE,
        body=f"Hello {at(cast.outsider)} and {at(cast.space_member)}",
    )
    assert kinds_for(cast.outsider) == []
    assert kinds_for(cast.space_member) == [Kind.MENTION]


def test_a_reply_notifies_the_author_and_earlier_repliers(cast, run_on_commit_now):
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    comment_create(author=cast.space_member, content=thread, body="First")
    comment_create(author=cast.guest, content=thread, body="Second")
    assert sorted(kinds_for(cast.space_lead)) == [Kind.REPLY, Kind.REPLY]
    assert kinds_for(cast.space_member) == [Kind.THREAD]
    assert kinds_for(cast.guest) == []


def test_a_reply_to_a_reply_tells_its_author_it_is_a_reply(cast, run_on_commit_now):
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    first = comment_create(author=cast.space_member, content=thread, body="First")
    comment_create(author=cast.guest, content=thread, body="Answer", parent=first)
    assert Notification.objects.filter(recipient=cast.space_member, kind=Kind.REPLY).exists()


def test_a_reply_in_a_space_only_thread_never_reaches_a_non_member(
    cast, client_for, run_on_commit_now
):
    """Centre, count, email and digest: the outsider follows the space, the author and
    the tag, and is mentioned, and still hears nothing."""
    thread = PostFactory(
        space=cast.space, author=cast.space_lead, visibility="space", title="SECRETREPLY #wash"
    )
    Follow.objects.create(follower=cast.outsider, space=cast.space)
    Follow.objects.create(follower=cast.outsider, person=cast.space_member)
    Follow.objects.create(follower=cast.outsider, hashtag=Hashtag.objects.get(name="wash"))
    Preference.objects.create(
        user=cast.outsider, kind=Kind.THREAD, channel=Channel.EMAIL, frequency=Frequency.WEEKLY
    )
    comment_create(
        author=cast.space_member, content=thread, body=f"SECRETREPLY {at(cast.outsider)}"
    )
    assert not Notification.objects.filter(recipient=cast.outsider).exists()
    assert selectors.unread_count(cast.outsider) == 0
    html = centre_html(client_for, cast.outsider)
    assert "SECRETREPLY" not in html
    digests_send(frequency=Frequency.WEEKLY, now=timezone.now() + timedelta(days=8))
    digests_send(frequency=Frequency.DAILY, now=timezone.now() + timedelta(days=8))
    assert all(cast.outsider.email not in m.to for m in mail.outbox)
    assert all("SECRETREPLY" not in m.body for m in mail.outbox if cast.outsider.email in m.to)


def test_followers_of_a_space_tag_or_person_hear_of_new_items_they_may_see(cast, run_on_commit_now):
    Follow.objects.create(follower=cast.member, person=cast.steward)
    Follow.objects.create(follower=cast.space_member, space=cast.space)
    Follow.objects.create(follower=cast.guest, hashtag=Hashtag.objects.create(name="wash"))
    stream_post_create(
        author=cast.steward,
        space=None,
        text="About #wash",
        visibility="alliance",
        language="en",
    )
    assert kinds_for(cast.member) == [Kind.FOLLOWED]
    # Alliance items are not for guests outside the item's space.
    assert kinds_for(cast.guest) == []
    PostFactory(space=cast.space, author=cast.space_lead, visibility="space", body="#wash")
    assert kinds_for(cast.space_member) == [Kind.FOLLOWED]
    assert kinds_for(cast.guest) == [Kind.FOLLOWED]


def test_join_requests_and_decisions_notify_leads_and_the_requester(cast, run_on_commit_now):
    request = space_services.join_request_create(user=cast.member, space=cast.space)
    assert kinds_for(cast.space_lead) == [Kind.JOIN_REQUEST]
    assert kinds_for(cast.space_member) == []
    space_services.join_request_decide(actor=cast.space_lead, request=request, approve=True)
    assert kinds_for(cast.member) == [Kind.JOIN_DECISION]
    request.refresh_from_db()
    assert request.status == JoinRequest.Status.APPROVED
    entry = selectors.entry_for(Notification.objects.get(recipient=cast.member), cast.member)
    assert entry.approved and entry.space == cast.space.name


def test_an_invitation_to_an_existing_person_is_in_their_centre(
    cast, client_for, run_on_commit_now
):
    space_services.invitation_create(
        actor=cast.space_lead, space=cast.space, email=cast.member.email
    )
    assert kinds_for(cast.member) == [Kind.INVITATION]
    html = centre_html(client_for, cast.member)
    assert "invited you to join" in html
    # Its link is the invitation's own page.
    notice = Notification.objects.get(recipient=cast.member)
    response = client_for(cast.member).get(reverse("notifications:go", args=[notice.pk]))
    assert "/invitations/" in response["Location"]


def test_an_item_narrowed_later_vanishes_from_the_centre_count_and_email(
    cast, client_for, run_on_commit_now
):
    thread = PostFactory(
        space=cast.space, author=cast.space_lead, visibility="alliance", title="NARROWED one"
    )
    Preference.objects.create(
        user=cast.member, kind=Kind.FOLLOWED, channel=Channel.EMAIL, frequency=Frequency.DAILY
    )
    services.notification_create_many(
        recipients=[cast.member], kind=Kind.FOLLOWED, actor=cast.space_lead, content=thread
    )
    assert selectors.unread_count(cast.member) == 1
    assert "NARROWED one" in centre_html(client_for, cast.member)
    thread.visibility = Visibility.SPACE
    thread.save()
    assert selectors.unread_count(cast.member) == 0
    assert "NARROWED" not in centre_html(client_for, cast.member)
    notice = Notification.objects.get(recipient=cast.member)
    response = client_for(cast.member).get(reverse("notifications:go", args=[notice.pk]))
    assert response.status_code == 404
    digests_send(frequency=Frequency.DAILY, now=timezone.now() + timedelta(days=1))
    assert not [m for m in mail.outbox if cast.member.email in m.to]
    assert Notification.objects.get(recipient=cast.member).emailed is not None


def test_a_removed_reply_vanishes(cast, run_on_commit_now):
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    comment = comment_create(author=cast.space_member, content=thread, body="Oops")
    assert selectors.unread_count(cast.space_lead) == 1
    comment.removed = True
    comment.save()
    assert selectors.unread_count(cast.space_lead) == 0


# The centre and the header.


def test_the_header_shows_the_unread_count_and_the_centre_links_to_the_item(
    cast, client_for, run_on_commit_now
):
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    comment = comment_create(author=cast.space_member, content=thread, body="Look here")
    client = client_for(cast.space_lead)
    home = client.get("/").content.decode()
    assert 'unread-count">1<' in home
    html = client.get(reverse("notifications:centre")).content.decode()
    assert "Look here" in html and thread.title in html
    notice = Notification.objects.get(recipient=cast.space_lead)
    response = client.get(reverse("notifications:go", args=[notice.pk]))
    assert response["Location"] == (
        f"{thread.get_absolute_url()}?from={comment.pk}#comment-{comment.pk}"
    )
    notice.refresh_from_db()
    assert notice.read is not None
    assert "unread-count" not in client.get("/").content.decode()


def test_the_count_stops_at_99_plus(cast, client_for):
    threads = [PostFactory(space=cast.space, visibility="space") for _ in range(101)]
    for thread in threads:
        services.notification_create_many(
            recipients=[cast.space_member], kind=Kind.FOLLOWED, content=thread
        )
    assert selectors.unread_count(cast.space_member) == 100
    assert "99+" in client_for(cast.space_member).get("/").content.decode()


def test_mark_one_and_all_read_without_javascript(cast, client_for):
    threads = [PostFactory(space=cast.space, visibility="space") for _ in range(3)]
    for thread in threads:
        services.notification_create_many(
            recipients=[cast.space_member], kind=Kind.FOLLOWED, content=thread
        )
    client = client_for(cast.space_member)
    first = Notification.objects.filter(recipient=cast.space_member).first()
    response = client.post(reverse("notifications:read", args=[first.pk]))
    assert response.status_code == 302
    assert selectors.unread_count(cast.space_member) == 2
    client.post(reverse("notifications:read_all"))
    assert selectors.unread_count(cast.space_member) == 0


def test_nobody_opens_or_marks_another_persons_notice(cast, client_for):
    thread = PostFactory(space=cast.space, visibility="space")
    services.notification_create_many(
        recipients=[cast.space_member], kind=Kind.FOLLOWED, content=thread
    )
    notice = Notification.objects.get()
    assert_hidden(
        client_for,
        reverse("notifications:go", args=[notice.pk]),
        [cast.anon, cast.space_lead, cast.steward],
    )
    assert_hidden(
        client_for,
        reverse("notifications:read", args=[notice.pk]),
        [cast.anon, cast.space_lead],
        method="post",
    )
    assert_forbidden(client_for, reverse("notifications:centre"), [cast.anon])
    notice.refresh_from_db()
    assert notice.read is None


def test_the_centre_runs_the_same_queries_for_10_and_100_notices(cast, client_for):
    def add(n):
        for i in range(n):
            thread = PostFactory(space=cast.space, visibility="space")
            comment = CommentFactory(content=thread, author=cast.space_lead)
            services.notification_create_many(
                recipients=[cast.space_member],
                kind=Kind.REPLY if i % 2 else Kind.FOLLOWED,
                actor=cast.space_lead,
                content=thread,
                comment=comment if i % 2 else None,
            )

    client, url = client_for(cast.space_member), reverse("notifications:centre")
    client.get(url)  # per-minute caches of other apps' header links
    assert_constant_queries(client, url, add)


def test_the_centre_pages_by_id(cast, client_for):
    for _ in range(35):
        services.notification_create_many(
            recipients=[cast.space_member],
            kind=Kind.FOLLOWED,
            content=PostFactory(space=cast.space, visibility="space"),
        )
    entries, cursor = selectors.centre(cast.space_member)
    assert len(entries) == 30 and cursor is not None
    rest, end = selectors.centre(cast.space_member, before=cursor)
    assert len(rest) == 5 and end is None
    html = client_for(cast.space_member).get(reverse("notifications:centre") + "?before=x")
    assert html.status_code == 200


# Email.


def test_a_mention_is_emailed_at_once_with_both_parts_and_one_click_unsubscribe(
    cast, run_on_commit_now
):
    post = stream_post_create(
        author=cast.member,
        space=None,
        text=f"Hello {at(cast.steward)}",
        visibility="alliance",
        language="en",
    )
    (message,) = [m for m in mail.outbox if cast.steward.email in m.to]
    assert "Mo Member mentioned you" in message.subject
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http") and "/notifications/unsubscribe/" in unsubscribe
    assert f"{post.get_absolute_url()}#comment-form" in message.body
    ((html, mime),) = message.alternatives
    assert mime == "text/html" and "Reply" in html and "<a href" in html
    assert Notification.objects.get(recipient=cast.steward).emailed is not None


def test_an_immediate_email_is_sent_once(cast, run_on_commit_now):
    from harambee.notifications.mail import send_immediate

    stream_post_create(
        author=cast.member,
        space=None,
        text=f"Hello {at(cast.steward)}",
        visibility="alliance",
        language="en",
    )
    assert send_immediate(recipient_id=cast.steward.pk) == 0
    assert len([m for m in mail.outbox if cast.steward.email in m.to]) == 1


def _token_from(message) -> str:
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    return url.rstrip("/").rsplit("/", 1)[1]


def test_one_click_unsubscribe_works_without_sign_in_or_csrf(cast, run_on_commit_now):
    stream_post_create(
        author=cast.member,
        space=None,
        text=f"Hello {at(cast.steward)}",
        visibility="alliance",
        language="en",
    )
    token = _token_from(mail.outbox[-1])
    client = Client(enforce_csrf_checks=True)
    url = reverse("notifications:unsubscribe", args=[token])
    page = client.get(url)
    assert page.status_code == 200 and b"<form" in page.content
    assert not Preference.objects.filter(user=cast.steward).exists()
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    pref = Preference.objects.get(user=cast.steward, kind=Kind.MENTION, channel=Channel.EMAIL)
    assert pref.frequency == Frequency.NEVER
    mail.outbox.clear()
    stream_post_create(
        author=cast.member,
        space=None,
        text=f"Again {at(cast.steward)}",
        visibility="alliance",
        language="en",
    )
    assert not [m for m in mail.outbox if cast.steward.email in m.to]


def test_a_tampered_unsubscribe_token_is_refused(cast):
    token = services.unsubscribe_token(user=cast.steward, kind=Kind.MENTION)
    forged = services.unsubscribe_token(user=cast.member, kind="all").split(":")[0]
    tampered = [token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1], forged, "x"]
    client = Client(enforce_csrf_checks=True)
    for bad in tampered:
        response = client.post(reverse("notifications:unsubscribe", args=[bad]))
        assert response.status_code == 400
    assert not Preference.objects.exists()


def test_email_says_nothing_of_an_item_narrowed_before_sending(cast):
    from harambee.notifications.mail import send_immediate

    # Without ``run_on_commit_now`` the email task waits for a commit that never comes.
    thread = PostFactory(space=None, author=cast.member, visibility="alliance", title="GONE")
    services.notification_create_many(
        recipients=[cast.steward], kind=Kind.MENTION, actor=cast.member, content=thread
    )
    thread.visibility = "private"
    thread.save()
    assert send_immediate(recipient_id=cast.steward.pk) == 0
    assert not [m for m in mail.outbox if "GONE" in m.body]


# Preferences.


def test_the_preferences_page_saves_choices(cast, client_for):
    client = client_for(cast.member)
    page = client.get(reverse("notifications:preferences"))
    assert page.status_code == 200
    data = {
        f"{kind}__{channel}": Frequency.IMMEDIATELY
        for kind in Kind.values
        for channel in Channel.values
    }
    data[f"{Kind.MENTION}__{Channel.EMAIL}"] = Frequency.NEVER
    data[f"{Kind.FOLLOWED}__{Channel.WEB}"] = Frequency.WEEKLY
    assert client.post(reverse("notifications:preferences"), data).status_code == 302
    prefs = services.preferences_for(user_ids=[cast.member.pk], kind=Kind.MENTION)
    assert prefs[cast.member.pk][Channel.EMAIL] == Frequency.NEVER
    data[f"{Kind.REPLY}__{Channel.WEB}"] = "sometimes"
    bad = client.post(reverse("notifications:preferences"), data)
    assert bad.status_code == 422


def test_preferences_are_honoured(cast, client_for, run_on_commit_now):
    services.preferences_set(
        user=cast.steward,
        choices={
            (Kind.MENTION, Channel.EMAIL): Frequency.NEVER,
            (Kind.MENTION, Channel.WEB): Frequency.WEEKLY,
            (Kind.FOLLOWED, Channel.WEB): Frequency.NEVER,
            (Kind.FOLLOWED, Channel.EMAIL): Frequency.NEVER,
        },
    )
    Follow.objects.create(follower=cast.steward, person=cast.member)
    stream_post_create(
        author=cast.member,
        space=None,
        text=f"Hi {at(cast.steward)}",
        visibility="alliance",
        language="en",
    )
    stream_post_create(
        author=cast.member, space=None, text="No mention", visibility="alliance", language="en"
    )
    assert not mail.outbox
    # The mention waits for the weekly round on the site; the follow is not kept at all.
    assert kinds_for(cast.steward) == [Kind.MENTION]
    assert selectors.unread_count(cast.steward) == 0
    notice = Notification.objects.get(recipient=cast.steward)
    assert notice.shown > timezone.now()


def test_defaults_are_quiet_by_email(cast):
    prefs = services.preferences_for(user_ids=[cast.member.pk], kind=Kind.FOLLOWED)
    assert prefs[cast.member.pk] == {
        Channel.WEB: Frequency.IMMEDIATELY,
        Channel.EMAIL: Frequency.WEEKLY,
        Channel.SMS: Frequency.NEVER,
    }
    prefs = services.preferences_for(user_ids=[cast.member.pk], kind=Kind.REPLY)
    assert prefs[cast.member.pk][Channel.EMAIL] == Frequency.IMMEDIATELY


# Digests.


def test_the_weekly_digest_sends_once_per_person_and_records_the_run(cast, run_on_commit_now):
    Follow.objects.create(follower=cast.space_member, space=cast.space)
    Follow.objects.create(follower=cast.outsider, space=cast.space)
    for title in ("Digest one", "Digest two"):
        PostFactory(space=cast.space, author=cast.space_lead, visibility="alliance", title=title)
    PostFactory(space=cast.space, author=cast.space_lead, visibility="space", title="SPACEONLY")
    mail.outbox.clear()
    later = timezone.now() + timedelta(days=7)
    run = digests_send(frequency=Frequency.WEEKLY, now=later)
    mine = [m for m in mail.outbox if cast.space_member.email in m.to]
    assert len(mine) == 1
    assert "Digest one" in mine[0].body and "SPACEONLY" in mine[0].body
    assert mine[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mine[0].alternatives[0][1] == "text/html"
    theirs = [m for m in mail.outbox if cast.outsider.email in m.to]
    # The outsider is not in the space: alliance items only, never the space's own.
    assert len(theirs) == 0 or "SPACEONLY" not in theirs[0].body
    assert run.recipients == len(mail.outbox)
    assert DigestRun.objects.get(pk=run.pk).finished is not None
    mail.outbox.clear()
    again = digests_send(frequency=Frequency.WEEKLY, now=later)
    assert not mail.outbox and again.recipients == 0


def test_the_digest_command_runs(cast, run_on_commit_now):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("digests", "--daily", stdout=out)
    assert "daily digests" in out.getvalue()


def test_notices_already_read_are_not_digested(cast):
    thread = PostFactory(space=cast.space, visibility="space")
    services.notification_create_many(
        recipients=[cast.space_member], kind=Kind.FOLLOWED, content=thread
    )
    services.notification_mark_all_read(user=cast.space_member)
    digests_send(frequency=Frequency.WEEKLY, now=timezone.now() + timedelta(days=7))
    assert not mail.outbox


def test_a_space_lead_with_a_membership_change_loses_a_stale_notice(cast, run_on_commit_now):
    """A member who left the space no longer sees what happened in it."""
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    member = MembershipFactory(space=cast.space, role=SpaceRole.MEMBER)
    comment_create(author=member.user, content=thread, body="Mine")
    comment_create(author=cast.space_member, content=thread, body="Yours")
    assert selectors.unread_count(member.user) == 1
    member.delete()
    assert selectors.unread_count(member.user) == 0
    assert isinstance(thread, type(thread)) and not StreamPost.objects.exists()


def test_watchers_of_a_wiki_page_hear_of_edits_they_may_see(cast, run_on_commit_now):
    from harambee.wiki import services as wiki

    page = wiki.page_create(
        author=cast.member, space=None, title="Power cube", body="First.", visibility="alliance"
    )
    wiki.page_watch(user=cast.steward, page=page)
    wiki.page_watch(user=cast.space_member, page=page)
    Notification.objects.all().delete()
    wiki.page_edit(actor=cast.member, page=page, body="First.\n\nSecond.", base_revision=1)
    assert kinds_for(cast.steward) == [Kind.WIKI]
    assert kinds_for(cast.member) == []
    # The page narrowed to its author: a later edit tells the watchers nothing.
    Notification.objects.all().delete()
    from harambee.wiki.models import WikiPage

    WikiPage.objects.filter(pk=page.pk).update(visibility="private")
    page.refresh_from_db()
    wiki.page_edit(actor=cast.member, page=page, body="Third.", base_revision=2)
    assert not Notification.objects.exists()


def test_many_followers_are_checked_by_the_gate_in_a_few_queries(
    cast, django_assert_max_num_queries
):
    from harambee.conftest import make_user

    followers = [make_user() for _ in range(30)]
    for person in followers[:10]:
        MembershipFactory(space=cast.space, user=person)
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    from harambee.people.models import User

    # Memberships for all in one query; only the gate's last rule (co-authors) asks once
    # for each of the 20 it hides the item from.
    with django_assert_max_num_queries(8 + 20):
        told = services.notification_create_many(
            recipients=User.objects.filter(pk__in=[f.pk for f in followers]),
            kind=Kind.FOLLOWED,
            actor=cast.space_lead,
            content=thread,
        )
    assert told == 10
    assert set(Notification.objects.values_list("recipient_id", flat=True)) == {
        f.pk for f in followers[:10]
    }


@pytest.mark.django_db(transaction=True)
def test_the_header_count_is_kept_between_writes_and_changes_with_each(cast, settings, client_for):
    """With a shared cache the count is read from it until the next write: a new
    notice, a notice read, or an item leaving the reader's sight shows at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from harambee.notifications.models import Notification
    from harambee.spaces.models import Post

    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 300
    post = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")

    def notify(item):
        Notification.objects.create(
            recipient=cast.space_member,
            kind="thread",
            content=item,
            actor=cast.space_lead,
            shown=timezone.now(),
        )

    notify(post)
    assert selectors.unread_count(cast.space_member) == 1
    with CaptureQueriesContext(connection) as ctx:
        assert selectors.unread_count(cast.space_member) == 1
    assert len(ctx.captured_queries) == 0
    other = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    notify(other)
    assert selectors.unread_count(cast.space_member) == 2
    # The item becomes private to its author: its notice leaves the count at once.
    Post.objects.filter(pk=other.pk).update(visibility="private")
    Post.objects.get(pk=other.pk).save()
    assert selectors.unread_count(cast.space_member) == 1
    # Another reader's count is their own.
    assert selectors.unread_count(cast.space_lead) == 0


def test_notices_show_the_text_without_its_markdown_in_the_centre_and_mail(
    cast, client_for, run_on_commit_now
):
    stream_post_create(
        author=cast.member,
        space=None,
        text=f"{at(cast.steward)} on **Bono Community Radio** & [the wiki](/wiki/radio/)",
        visibility="alliance",
        language="en",
    )
    centre = centre_html(client_for, cast.steward)
    assert "Bono Community Radio &amp; the wiki" in centre
    assert "**" not in centre and "](/wiki" not in centre and "&amp;amp;" not in centre
    (message,) = [m for m in mail.outbox if cast.steward.email in m.to]
    assert "on Bono Community Radio & the wiki" in message.body
    assert "**" not in message.body and "](/wiki" not in message.body
    ((html, _mime),) = message.alternatives
    assert "Bono Community Radio &amp; the wiki" in html and "**" not in html
