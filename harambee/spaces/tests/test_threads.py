"""Discussion threads: the alliance forum, pinning, locking, questions and answers,
summaries, quoting, and outside voices invited into one thread."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from harambee.core.models import AuditEntry, Comment, Visibility
from harambee.core.services import comment_create
from harambee.core.tests.factories import (
    CommentFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)
from harambee.core.tests.matrix import (
    assert_allowed,
    assert_forbidden,
    assert_hidden,
    assert_refused,
)
from harambee.core.tests.querycount import assert_constant_queries
from harambee.core.visibility import can_view
from harambee.people.roles import AllianceRole, SpaceRole
from harambee.spaces import services
from harambee.spaces.models import Invitation, Post, SpaceAction, ThreadGuest, ThreadSummary

pytestmark = pytest.mark.django_db

EVERYONE = ["anon", "outsider", "guest", "member", "space_member", "space_lead", "steward"]


def people(cast, names):
    return [getattr(cast, n) for n in names]


def others(cast, names):
    return [getattr(cast, n) for n in EVERYONE if n not in names]


@pytest.fixture
def threads(cast):
    """A question in the space, a question in the forum, and a facilitator."""
    facilitator = UserFactory(display_name="Fatima Facilitator")
    MembershipFactory(space=cast.space, user=facilitator, role=SpaceRole.FACILITATOR)
    in_space = PostFactory(
        space=cast.space, author=cast.space_member, visibility=Visibility.SPACE, is_question=True
    )
    in_forum = PostFactory(
        space=None, author=cast.member, visibility=Visibility.ALLIANCE, is_question=True
    )
    return {
        "space": in_space,
        "forum": in_forum,
        "facilitator": facilitator,
        "space_reply": CommentFactory(content=in_space, author=cast.space_lead),
        "forum_reply": CommentFactory(content=in_forum, author=cast.steward),
    }


# Who may do what -------------------------------------------------------------------

# thread -> who moderates (pin, lock), summarises and invites; who may choose the answer
MODERATORS = {"space": ["space_lead"], "forum": ["steward"]}
ANSWERERS = {"space": ["space_member", "space_lead"], "forum": ["member", "steward"]}


@pytest.mark.parametrize("where", ["space", "forum"])
def test_pin_and_lock_matrix(cast, threads, client_for, where):
    thread = threads[where]
    url = reverse("spaces:thread_moderate", args=[thread.pk])
    allowed = people(cast, MODERATORS[where])
    if where == "space":
        allowed.append(threads["facilitator"])
    for action in ("pin", "unpin", "lock", "unlock"):
        refused = others(cast, MODERATORS[where])
        assert_refused(client_for, url, refused, thread, "post", {"action": action})
        assert_allowed(client_for, url, allowed, "post", {"action": action}, status=302)
    thread.refresh_from_db()
    assert not thread.pinned and not thread.locked


@pytest.mark.parametrize("where", ["space", "forum"])
def test_summary_and_invite_pages_matrix(cast, threads, client_for, where):
    thread = threads[where]
    for name in ("spaces:thread_summary", "spaces:thread_invite"):
        url = reverse(name, args=[thread.pk])
        allowed = people(cast, MODERATORS[where])
        if where == "space":
            allowed.append(threads["facilitator"])
        assert_allowed(client_for, url, allowed)
        assert_refused(client_for, url, others(cast, MODERATORS[where]), thread)
    url = reverse("spaces:thread_summary", args=[thread.pk])
    refused = others(cast, MODERATORS[where])
    assert_refused(client_for, url, refused, thread, "post", {"body": "x"})
    assert not ThreadSummary.objects.exists()


@pytest.mark.parametrize("where", ["space", "forum"])
def test_the_author_and_moderators_choose_the_answer(cast, threads, client_for, where):
    thread, reply = threads[where], threads[f"{where}_reply"]
    url = reverse("spaces:thread_answer", args=[thread.pk])
    refused = others(cast, ANSWERERS[where])
    assert_refused(client_for, url, refused, thread, "post", {"comment": reply.pk})
    thread.refresh_from_db()
    assert thread.answer_id is None
    assert_allowed(
        client_for, url, people(cast, ANSWERERS[where]), "post", {"comment": reply.pk}, 302
    )
    thread.refresh_from_db()
    assert thread.answer_id == reply.pk


def test_guests_and_outsiders_are_told_nothing_about_forum_threads(cast, threads, client_for):
    url = reverse("spaces:post", args=[threads["forum"].pk])
    for who in (cast.guest, cast.outsider):
        assert client_for(who).get(url).status_code == 404
        response = client_for(who).post(
            reverse("spaces:thread_moderate", args=[threads["forum"].pk]), {"action": "pin"}
        )
        assert response.status_code == 404


def test_moderation_buttons_show_only_to_moderators(cast, threads, client_for):
    url = reverse("spaces:post", args=[threads["space"].pk])
    lead_page = client_for(cast.space_lead).get(url).content.decode()
    assert "Pin to the top" in lead_page and "Invite an outside voice" in lead_page
    member_page = client_for(cast.space_member).get(url).content.decode()
    assert "Pin to the top" not in member_page and "Invite an outside voice" not in member_page
    assert "Mark as the answer" in member_page  # the author of the question


# The forum ----------------------------------------------------------------------


def test_the_forum_lists_alliance_wide_threads_pinned_first(cast, client_for):
    old = PostFactory(space=None, author=cast.member, visibility="alliance", title="Old but key")
    PostFactory(space=None, author=cast.member, visibility="alliance", title="Newer thread")
    PostFactory(space=cast.space, visibility="alliance", title="A space thread")
    PostFactory(space=None, author=cast.member, visibility="public", title="Open to all")
    services.thread_set_pinned(actor=cast.steward, thread=old, pinned=True)
    body = client_for(cast.space_member).get(reverse("spaces:forum")).content.decode()
    assert body.index("Old but key") < body.index("Newer thread")
    assert "A space thread" not in body and "Pinned" in body
    anon = client_for(None).get(reverse("spaces:forum")).content.decode()
    assert "Open to all" in anon and "Newer thread" not in anon


def test_the_main_menu_links_to_the_forum(client_for):
    body = client_for(None).get("/").content.decode()
    assert f'href="{reverse("spaces:forum")}"' in body


def test_members_start_forum_threads_and_guests_cannot(cast, client_for):
    url = reverse("spaces:forum_create")
    assert_allowed(client_for, url, people(cast, ["member", "space_member", "steward"]))
    assert_forbidden(client_for, url, people(cast, ["anon", "guest", "outsider"]))
    response = client_for(cast.member).post(
        url,
        {"title": "Who funds the forum meetings?", "body": "Asking.", "visibility": "alliance"},
    )
    thread = Post.objects.get(title="Who funds the forum meetings?")
    assert response.status_code == 302 and thread.space is None


def test_a_forum_thread_cannot_be_space_only(cast, client_for):
    response = client_for(cast.member).post(
        reverse("spaces:forum_create"),
        {"title": "Space only?", "body": "Hmm.", "visibility": "space"},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Post.objects.filter(title="Space only?").exists()


def test_space_threads_list_pinned_first(cast, client_for):
    first = PostFactory(space=cast.space, title="Meeting rules", visibility="space")
    PostFactory(space=cast.space, title="Yesterday's meeting", visibility="space")
    services.thread_set_pinned(actor=cast.space_lead, thread=first, pinned=True)
    body = client_for(cast.space_member).get(cast.space.get_absolute_url()).content.decode()
    assert body.index("Meeting rules") < body.index("Yesterday&#x27;s meeting")


# Locked threads -------------------------------------------------------------------


def test_a_locked_thread_takes_no_replies_and_says_so(cast, threads, client_for):
    thread = threads["space"]
    services.thread_set_locked(actor=cast.space_lead, thread=thread, locked=True)
    for who in (cast.space_member, cast.space_lead):
        client = client_for(who)
        response = client.post(reverse("core:comment", args=[thread.pk]), {"body": "One more"})
        assert response.status_code == 403
        page = client.get(thread.get_absolute_url()).content.decode()
        assert "This thread is locked" in page and 'name="body"' not in page
    assert not Comment.objects.filter(body="One more").exists()
    with pytest.raises(PermissionDenied):
        comment_create(author=cast.space_lead, content=thread, body="Via the service")
    # The lead may still unlock it; then replies are welcome again.
    client_for(cast.space_lead).post(
        reverse("spaces:thread_moderate", args=[thread.pk]), {"action": "unlock"}
    )
    response = client_for(cast.space_member).post(
        reverse("core:comment", args=[thread.pk]), {"body": "One more"}
    )
    assert response.status_code == 302 and Comment.objects.filter(body="One more").exists()
    actions = set(AuditEntry.objects.filter(content=thread).values_list("action", flat=True))
    assert actions == {SpaceAction.THREAD_LOCKED, SpaceAction.THREAD_UNLOCKED}


def test_an_unknown_moderation_action_gets_a_clear_message(cast, threads, client_for):
    url = reverse("spaces:thread_moderate", args=[threads["space"].pk])
    response = client_for(cast.space_lead).post(url, {"action": "explode"}, follow=True)
    assert "Choose pin, unpin, lock or unlock." in response.content.decode()


# Questions and answers --------------------------------------------------------------


def test_the_accepted_answer_is_highlighted_and_linked_at_the_top(cast, threads, client_for):
    thread = threads["space"]
    answer = CommentFactory(content=thread, author=cast.guest, body="Use the **radio** slot.")
    services.thread_mark_answer(actor=cast.space_member, thread=thread, comment=answer)
    page = client_for(cast.space_member).get(thread.get_absolute_url()).content.decode()
    top = page.index('id="answer-heading"')
    assert top < page.index('id="comments-heading"')
    assert f'href="{thread.get_absolute_url()}?from={answer.pk}#comment-{answer.pk}"' in page[top:]
    assert "<strong>radio</strong>" in page[top : page.index('id="comments-heading"')]
    assert re.search(rf'class="comment accepted" id="comment-{answer.pk}"', page)
    assert (
        "Answered"
        in client_for(cast.space_member).get(cast.space.get_absolute_url()).content.decode()
    )


def test_answers_must_be_replies_of_the_question(cast, threads, client_for):
    url = reverse("spaces:thread_answer", args=[threads["space"].pk])
    client = client_for(cast.space_member)
    for bad in ("abc", str(threads["forum_reply"].pk), "999999"):
        response = client.post(url, {"comment": bad}, follow=True)
        assert (
            "Choose one of this thread&#x27;s replies as its answer." in response.content.decode()
        )
    threads["space"].refresh_from_db()
    assert threads["space"].answer_id is None


def test_only_questions_have_answers(cast, client_for):
    thread = PostFactory(space=cast.space, author=cast.space_member, visibility="space")
    reply = CommentFactory(content=thread)
    response = client_for(cast.space_lead).post(
        reverse("spaces:thread_answer", args=[thread.pk]), {"comment": reply.pk}
    )
    assert response.status_code == 403
    with pytest.raises(services.ThreadRefused):
        services.thread_mark_answer(actor=cast.space_lead, thread=thread, comment=reply)


def test_an_answer_can_be_taken_back(cast, threads, client_for):
    thread, reply = threads["space"], threads["space_reply"]
    services.thread_mark_answer(actor=cast.space_member, thread=thread, comment=reply)
    response = client_for(cast.space_member).post(
        reverse("spaces:thread_answer", args=[thread.pk]), {"comment": ""}, follow=True
    )
    assert "no longer marked answered" in response.content.decode()
    thread.refresh_from_db()
    assert thread.answer_id is None


# Summaries ---------------------------------------------------------------------------


def test_a_summary_sits_at_the_top_with_its_author_and_history(cast, threads, client_for):
    thread, facilitator = threads["space"], threads["facilitator"]
    url = reverse("spaces:thread_summary", args=[thread.pk])
    client_for(facilitator).post(url, {"body": "Two views: *burn* early, or not at all."})
    response = client_for(cast.space_lead).post(url, {"body": "Agreed: early burning, trial."})
    assert response.status_code == 302
    page = client_for(cast.guest).get(thread.get_absolute_url()).content.decode()
    top = page[page.index("Where this discussion stands") : page.index('id="comments-heading"')]
    assert "Agreed: early burning, trial." in top and "Updated by Lea Lead" in top
    assert "1 earlier summary" in top and "<em>burn</em>" in top and "Fatima Facilitator" in top
    assert ThreadSummary.objects.filter(thread=thread).count() == 2
    assert AuditEntry.objects.filter(action=SpaceAction.THREAD_SUMMARISED).count() == 2


def test_an_empty_summary_is_refused_with_a_message(cast, threads, client_for):
    url = reverse("spaces:thread_summary", args=[threads["space"].pk])
    response = client_for(cast.space_lead).post(url, {"body": "   "})
    assert response.status_code == 422
    body = response.content.decode()
    assert "This field is required" in body or "Write a few lines" in body
    assert not ThreadSummary.objects.exists()


# Quoting -----------------------------------------------------------------------------


def test_quote_prefills_the_reply_form_without_javascript(cast, threads, client_for):
    thread = threads["space"]
    quoted = CommentFactory(
        content=thread, author=cast.guest, body="Fire lines first.\n\nThen the rest."
    )
    client = client_for(cast.space_member)
    page = client.get(thread.get_absolute_url()).content.decode()
    link = f"{thread.get_absolute_url()}?quote={quoted.pk}#comment-form"
    assert f'href="{link}"' in page
    page = client.get(thread.get_absolute_url(), {"quote": quoted.pk}).content.decode()
    form = page[page.index('id="comment-form"') :]
    assert "&gt; [Gina Guest wrote](" in form and "&gt; Fire lines first." in form
    assert f"#comment-{quoted.pk})" in form
    body = f"> [Gina Guest wrote]({quoted.get_absolute_url()}):\n>\n> Fire lines first.\n\nI agree."
    client.post(reverse("core:comment", args=[thread.pk]), {"body": body})
    reply = Comment.objects.get(body__endswith="I agree.")
    assert "<blockquote>" in reply.body_html
    link = f"{thread.get_absolute_url()}?from={quoted.pk}#comment-{quoted.pk}"
    assert f'href="{link}"' in reply.body_html


def test_quote_with_htmx_returns_only_the_filled_form(cast, threads, client_for):
    thread, quoted = threads["space"], threads["space_reply"]
    response = client_for(cast.space_member).get(
        thread.get_absolute_url(), {"quote": quoted.pk}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert body.startswith('<div id="reply-area">') and "wrote](" in body


def test_only_replies_of_this_thread_can_be_quoted(cast, threads, client_for):
    secret = PostFactory(space=cast.other_space, visibility="space")
    hidden = CommentFactory(content=secret, body="HIDDEN-QUOTE words")
    client = client_for(cast.space_member)
    url = threads["space"].get_absolute_url()
    for bad in (hidden.pk, "not-a-number"):
        response = client.get(url, {"quote": bad})
        body = response.content.decode()
        assert response.status_code == 200
        assert "That reply cannot be quoted" in body and "HIDDEN-QUOTE" not in body


# Outside voices ----------------------------------------------------------------------


def _invite(client, thread, email="voice@example.org", days=7):
    until = (timezone.localdate() + timedelta(days=days)).isoformat()
    return client.post(
        reverse("spaces:thread_invite", args=[thread.pk]),
        {"email": email, "access_until": until, "message": "We need your view."},
    )


def test_an_outside_voice_sees_only_their_thread_until_access_ends(
    cast, client_for, mailoutbox, run_on_commit_now
):
    thread = PostFactory(
        space=cast.space, author=cast.space_lead, visibility="space", title="Burning debate"
    )
    CommentFactory(content=thread, author=cast.space_member, body="Burning is risky.")
    sibling = PostFactory(space=cast.space, visibility="space", title="SIBLING thread")
    forum = PostFactory(space=None, visibility="alliance", title="FORUMONLY thread")
    response = _invite(client_for(cast.space_lead), thread)
    assert response.status_code == 302
    invitation = Invitation.objects.get(thread=thread)
    # (The thread's author was also told of the reply above: notifications.)
    invited = [m for m in mailoutbox if m.to == ["voice@example.org"]]
    assert invitation.as_guest and len(invited) == 1
    assert "Burning debate" in invited[0].subject
    token = invitation.token
    voice_client = client_for(None)
    response = voice_client.post(
        reverse("spaces:invitation", args=[token]),
        {"display_name": "Victor Voice", "password": "a long enough passphrase"},
    )
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    grant = ThreadGuest.objects.get(thread=thread)
    voice = grant.user
    assert voice.role == AllianceRole.GUEST and grant.expires == invitation.access_until
    page = voice_client.get(thread.get_absolute_url()).content.decode()
    assert "Burning debate" in page and "Burning is risky." in page
    assert "outside voice" in page and cast.space.name not in page
    response = voice_client.post(reverse("core:comment", args=[thread.pk]), {"body": "Not so."})
    assert response.status_code == 302 and Comment.objects.filter(author=voice).exists()
    # Nothing else of the space, not even the space itself: hidden, 404.
    for url in (
        sibling.get_absolute_url(),
        forum.get_absolute_url(),
        cast.space.get_absolute_url(),
    ):
        assert voice_client.get(url).status_code == 404, url
    # The thread they may read, but not summarise: forbidden, 403.
    summary = reverse("spaces:thread_summary", args=[thread.pk])
    assert voice_client.get(summary).status_code == 403
    for url in ("/", reverse("spaces:forum"), reverse("spaces:list")):
        body = voice_client.get(url).content.decode()
        assert "SIBLING" not in body and "FORUMONLY" not in body and cast.space.name not in body
    # The invitation page lists the guest and their end of access to the facilitators.
    invite_page = client_for(cast.space_lead).get(reverse("spaces:thread_invite", args=[thread.pk]))
    assert "Victor Voice" in invite_page.content.decode()
    # Time passes: the grant ends, and with it every door.
    ThreadGuest.objects.filter(pk=grant.pk).update(expires=timezone.now() - timedelta(seconds=1))
    assert voice_client.get(thread.get_absolute_url()).status_code == 404
    response = voice_client.post(reverse("core:comment", args=[thread.pk]), {"body": "Late"})
    assert response.status_code == 404
    assert not can_view(voice, Post.objects.get(pk=thread.pk))


def test_a_facilitator_ends_an_outside_voice_early(cast, threads, client_for):
    voice = UserFactory(role=AllianceRole.GUEST)
    grant = ThreadGuest.objects.create(
        thread=threads["space"], user=voice, expires=timezone.now() + timedelta(days=3)
    )
    assert client_for(voice).get(threads["space"].get_absolute_url()).status_code == 200
    url = reverse("spaces:thread_guest_end", args=[threads["space"].pk, grant.pk])
    # The member may not read the space's thread; its members may, and may not end a grant.
    assert_hidden(client_for, url, [cast.member], "post")
    assert_forbidden(client_for, url, people(cast, ["space_member", "guest"]), "post")
    assert client_for(threads["facilitator"]).post(url).status_code == 302
    assert client_for(voice).get(threads["space"].get_absolute_url()).status_code == 404


def test_thread_invitations_refuse_bad_input_with_clear_messages(cast, threads, client_for):
    client = client_for(cast.space_lead)
    thread = threads["space"]
    response = _invite(client, thread, days=-1)
    assert (
        response.status_code == 422 and "Choose today or a later day." in response.content.decode()
    )
    response = _invite(client, thread, days=200)
    assert "at most 90 days" in response.content.decode()
    response = _invite(client, thread, email="not an email")
    assert "Enter a valid email address." in response.content.decode()
    assert "not an email" in response.content.decode()
    draft = PostFactory(space=cast.space, author=cast.space_lead, visibility="private")
    response = client.get(reverse("spaces:thread_invite", args=[draft.pk]))
    assert "A private draft cannot take guests" in response.content.decode()
    assert _invite(client, draft).status_code == 422
    assert not Invitation.objects.filter(thread__isnull=False).exists()


def test_a_used_or_expired_thread_invitation_explains_itself(cast, threads, client_for):
    invitation = services.thread_invite(
        actor=cast.space_lead,
        thread=threads["space"],
        email="late@example.org",
        access_until=timezone.now() + timedelta(days=5),
    )
    Invitation.objects.filter(pk=invitation.pk).update(expires=timezone.now() - timedelta(days=1))
    response = client_for(None).get(reverse("spaces:invitation", args=[invitation.token]))
    assert response.status_code == 410 and "expired" in response.content.decode()


def test_a_member_accepting_a_thread_invitation_gets_a_grant_not_a_membership(cast, client_for):
    thread = PostFactory(space=cast.other_space, visibility="space")
    MembershipFactory(space=cast.other_space, user=cast.space_lead, role=SpaceRole.LEAD)
    invitation = services.thread_invite(
        actor=cast.space_lead,
        thread=thread,
        email=cast.member.email,
        access_until=timezone.now() + timedelta(days=5),
    )
    client = client_for(cast.member)
    assert client.get(thread.get_absolute_url()).status_code == 404
    client.post(reverse("spaces:invitation", args=[invitation.token]))
    assert client.get(thread.get_absolute_url()).status_code == 200
    assert not cast.other_space.memberships.filter(user=cast.member).exists()


# Query counts --------------------------------------------------------------------------


def test_forum_list_queries_stay_constant(cast, client_for):
    def add(n):
        for i in range(n):
            thread = PostFactory(space=None, visibility="alliance", pinned=i % 7 == 0)
            CommentFactory(content=thread)

    assert_constant_queries(client_for(cast.space_member), reverse("spaces:forum"), add)


@pytest.mark.parametrize("who", ["space_lead", "guest", "voice"])
def test_thread_page_queries_stay_constant(cast, threads, client_for, who):
    thread = threads["space"]
    services.thread_summarise(actor=cast.space_lead, thread=thread, body="First")
    services.thread_summarise(actor=cast.space_lead, thread=thread, body="Second")
    services.thread_mark_answer(
        actor=cast.space_lead, thread=thread, comment=threads["space_reply"]
    )
    if who == "voice":
        user = UserFactory(role=AllianceRole.GUEST)
        ThreadGuest.objects.create(
            thread=thread, user=user, expires=timezone.now() + timedelta(days=1)
        )
    else:
        user = getattr(cast, who)

    def add(n):
        for _ in range(n):
            top = CommentFactory(content=thread, author=UserFactory())
            CommentFactory(content=thread, parent=top, author=UserFactory())

    assert_constant_queries(client_for(user), thread.get_absolute_url(), add)


def test_an_outside_voice_replies_in_an_alliance_forum_thread(cast, threads, client_for):
    thread = threads["forum"]
    ThreadGuest.objects.create(
        thread=thread, user=cast.guest, expires=timezone.now() + timedelta(days=2)
    )
    client = client_for(cast.guest)
    assert client.get(thread.get_absolute_url()).status_code == 200
    response = client.post(reverse("core:comment", args=[thread.pk]), {"body": "From outside"})
    assert response.status_code == 302
    assert Comment.objects.filter(author=cast.guest, content=thread).exists()
    other = PostFactory(space=None, visibility="alliance", title="Another forum thread")
    assert client.get(other.get_absolute_url()).status_code == 404
    assert "Another forum thread" not in client.get(reverse("spaces:forum")).content.decode()


def test_a_thread_invitation_lapses_when_its_thread_becomes_a_draft(cast, threads, client_for):
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    invitation = services.thread_invite(
        actor=cast.space_lead,
        thread=thread,
        email="critic@example.org",
        access_until=timezone.now() + timedelta(days=5),
    )
    url = reverse("spaces:invitation", args=[invitation.token])
    assert thread.title in client_for(None).get(url).content.decode()
    Post.objects.filter(pk=thread.pk).update(visibility="private")
    response = client_for(None).get(url)
    assert response.status_code == 410
    body = response.content.decode()
    assert "no longer open to guests" in body and thread.title not in body


def test_a_guest_invited_into_a_space_for_a_limited_time_loses_access_after(cast, client_for):
    from harambee.spaces.models import Membership

    lead = client_for(cast.space_lead)
    url = reverse("spaces:invite", args=[cast.space.slug])
    form = {"email": "visitor@example.org", "role": "member", "as_guest": "on"}
    response = lead.post(url, {**form, "access_until": "2001-01-01"})
    assert (
        response.status_code == 200 and "Choose today or a later day." in response.content.decode()
    )
    until = (timezone.localdate() + timedelta(days=10)).isoformat()
    assert lead.post(url, {**form, "access_until": until}).status_code == 302
    invitation = Invitation.objects.get(email="visitor@example.org")
    assert invitation.access_until is not None and invitation.thread is None
    visitor = client_for(None)
    visitor.post(
        reverse("spaces:invitation", args=[invitation.token]),
        {"display_name": "Vera Visitor", "password": "a long enough passphrase"},
    )
    membership = Membership.objects.get(space=cast.space, user__email="visitor@example.org")
    assert membership.expires == invitation.access_until
    assert membership.user.role == AllianceRole.GUEST
    post = PostFactory(space=cast.space, visibility="space")
    assert visitor.get(post.get_absolute_url()).status_code == 200
    Membership.objects.filter(pk=membership.pk).update(expires=timezone.now())
    assert visitor.get(post.get_absolute_url()).status_code == 404
