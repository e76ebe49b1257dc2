"""Flags, the moderation queue, hiding and restoring, locking from the queue, and the
audit trail of each."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from harambee.core.models import AuditEntry, Comment, Content
from harambee.core.tests.factories import CommentFactory, PostFactory
from harambee.core.tests.matrix import assert_allowed, assert_forbidden, assert_hidden
from harambee.core.tests.querycount import assert_constant_queries
from harambee.core.visibility import can_view
from harambee.moderation import services
from harambee.moderation.models import Flag, Hiding, ModerationAction
from harambee.spaces.models import Post, SpaceAction

pytestmark = pytest.mark.django_db

EVERYONE = ["anon", "outsider", "guest", "member", "space_member", "space_lead", "steward"]


def people(cast, names):
    return [getattr(cast, n) for n in names]


def others(cast, names):
    return [getattr(cast, n) for n in EVERYONE if n not in names]


@pytest.fixture
def items(cast):
    """A space-only thread, an alliance-wide forum thread, and a comment on each."""
    space_thread = PostFactory(
        space=cast.space, author=cast.space_member, visibility="space", title="Space thread"
    )
    forum_thread = PostFactory(
        space=None, author=cast.member, visibility="alliance", title="Forum thread"
    )
    return {
        "space": space_thread,
        "forum": forum_thread,
        "space_comment": CommentFactory(
            content=space_thread, author=cast.guest, body="A rude space comment"
        ),
        "forum_comment": CommentFactory(
            content=forum_thread, author=cast.space_member, body="A rude forum comment"
        ),
    }


def flag(client, content, reason="spam", note="", comment=None):
    data = {"reason": reason, "note": note}
    if comment is not None:
        data["comment"] = comment.pk
    return client.post(reverse("moderation:flag", args=[content.pk]), data)


# Flagging --------------------------------------------------------------------------


def test_flag_form_matrix_follows_the_gate(cast, items, client_for):
    url = reverse("moderation:flag", args=[items["space"].pk])
    assert_allowed(client_for, url, people(cast, ["guest", "space_member", "space_lead"]))
    assert_hidden(client_for, url, people(cast, ["anon", "outsider", "member", "steward"]))
    url = reverse("moderation:flag", args=[items["forum"].pk])
    assert_allowed(client_for, url, people(cast, ["member", "space_member", "steward"]))
    assert_hidden(client_for, url, people(cast, ["anon", "outsider", "guest"]))


def test_flagging_needs_sign_in_and_reading_rights(cast, items, client_for):
    assert flag(client_for(cast.anon), items["space"]).status_code == 302
    assert flag(client_for(cast.member), items["space"]).status_code == 404
    assert (
        flag(client_for(cast.outsider), items["space"], comment=items["space_comment"]).status_code
        == 404
    )
    assert not Flag.objects.exists()


def test_a_member_flags_an_item_and_is_told_so(cast, items, client_for):
    client = client_for(cast.space_member)
    response = flag(client, items["space"], reason="abusive", note="Name-calling")
    assert response.status_code == 302
    assert response["Location"] == items["space"].get_absolute_url()
    page = client.get(response["Location"]).content.decode()
    assert "The moderators will look at what you flagged." in page
    only = Flag.objects.get()
    assert (only.flagger, only.content_id, only.reason, only.note) == (
        cast.space_member,
        items["space"].pk,
        "abusive",
        "Name-calling",
    )
    entry = AuditEntry.objects.get(action=ModerationAction.FLAG_RAISED)
    assert entry.actor == cast.space_member and entry.content_id == items["space"].pk


def test_flagging_twice_is_idempotent(cast, items, client_for):
    client = client_for(cast.space_member)
    flag(client, items["space"])
    response = flag(client, items["space"], reason="off_topic")
    assert "already flagged" in client.get(response["Location"]).content.decode()
    assert Flag.objects.count() == 1
    assert AuditEntry.objects.filter(action=ModerationAction.FLAG_RAISED).count() == 1


def test_a_comment_is_flagged_on_its_own(cast, items, client_for):
    client = client_for(cast.space_member)
    response = flag(client, items["space"], comment=items["space_comment"])
    assert response["Location"].endswith(f"#comment-{items['space_comment'].pk}")
    flag(client, items["space"])
    assert {f.comment_id for f in Flag.objects.all()} == {items["space_comment"].pk, None}


def test_other_needs_a_few_words_and_keeps_the_choice(cast, items, client_for):
    response = flag(client_for(cast.space_member), items["space"], reason="other")
    assert response.status_code == 422
    assert "Say in a few words what is wrong." in response.content.decode()
    assert re.search(r'value="other"[^>]*checked', response.content.decode())
    assert not Flag.objects.exists()


def test_flag_links_show_on_items_and_comments_to_signed_in_readers(cast, items, client_for):
    page = client_for(cast.space_lead).get(items["space"].get_absolute_url()).content.decode()
    assert reverse("moderation:flag", args=[items["space"].pk]) in page
    assert f"?comment={items['space_comment'].pk}" in page
    anon_page = client_for(cast.anon).get(items["forum"].get_absolute_url())
    assert b"moderation/flag" not in anon_page.content


# The queue --------------------------------------------------------------------------


def test_queue_matrix(cast, client_for):
    url = reverse("moderation:queue")
    assert_allowed(client_for, url, people(cast, ["space_lead", "steward"]))
    assert_forbidden(client_for, url, others(cast, ["space_lead", "steward"]))
    for name in ("moderation:hidden",):
        assert_allowed(client_for, reverse(name), people(cast, ["space_lead", "steward"]))
        assert_forbidden(client_for, reverse(name), others(cast, ["space_lead", "steward"]))


def test_the_moderation_link_shows_only_to_moderators(cast, client_for):
    url = reverse("moderation:queue")
    for who in EVERYONE:
        page = client_for(getattr(cast, who)).get("/").content.decode()
        assert (f'href="{url}"' in page) == (who in ("space_lead", "steward")), who


def test_the_queue_groups_flags_and_shows_reasons_and_flaggers(cast, items, client_for):
    flag(client_for(cast.space_member), items["space"], reason="spam")
    flag(client_for(cast.guest), items["space"], reason="abusive", note="Insults")
    flag(client_for(cast.space_member), items["space"], comment=items["space_comment"])
    page = client_for(cast.space_lead).get(reverse("moderation:queue")).content.decode()
    assert page.count('class="queue-entry"') == 2
    assert "Space thread" in page and "A rude space comment" in page
    assert "2 flags" in page
    assert "Spam or advertising" in page and "Abusive or hateful" in page and "Insults" in page
    assert "Sam Spacemember" in page and "Gina Guest" in page


def test_leads_see_their_spaces_flags_and_stewards_see_alliance_wide_ones(cast, items, client_for):
    flag(client_for(cast.space_member), items["space"], note="SPACEFLAGNOTE")
    flag(client_for(cast.space_member), items["forum"])
    lead = client_for(cast.space_lead).get(reverse("moderation:queue")).content.decode()
    assert "Space thread" in lead and "Forum thread" not in lead
    steward = client_for(cast.steward).get(reverse("moderation:queue")).content.decode()
    assert "Forum thread" in steward
    # The steward learns a flag exists in the space, not what the item says.
    assert "Space thread" not in steward and "SPACEFLAGNOTE" not in steward
    assert "An item you may not read" in steward


def test_the_queue_keeps_a_constant_number_of_queries(cast, client_for):
    def add(n):
        for _ in range(n):
            post = PostFactory(space=cast.space, author=cast.space_member, visibility="space")
            comment = CommentFactory(content=post, author=cast.space_member)
            services.flag_create(flagger=cast.guest, content=post, reason="spam")
            services.flag_create(flagger=cast.guest, content=post, comment=comment, reason="spam")

    assert_constant_queries(client_for(cast.space_lead), reverse("moderation:queue"), add)


def test_the_steward_queue_keeps_a_constant_number_of_queries(cast, client_for):
    def add(n):
        for _ in range(n):
            post = PostFactory(space=None, author=cast.member, visibility="alliance")
            services.flag_create(flagger=cast.space_member, content=post, reason="spam")

    assert_constant_queries(client_for(cast.steward), reverse("moderation:queue"), add)


# Hiding and restoring ------------------------------------------------------------------


def act(client, content, action, **data):
    return client.post(reverse("moderation:act", args=[content.pk]), {"action": action, **data})


def test_act_matrix(cast, items, client_for):
    """An item someone may not moderate is absent from moderation (``_content_to_moderate``),
    even to those who may read it: 404, like one that does not exist."""
    space_item = items["space"]
    url = reverse("moderation:item", args=[space_item.pk])
    assert_allowed(client_for, url, people(cast, ["space_lead"]))
    assert_hidden(client_for, url, others(cast, ["space_lead"]))
    act_url = reverse("moderation:act", args=[space_item.pk])
    assert_hidden(
        client_for,
        act_url,
        others(cast, ["space_lead"]),
        method="post",
        data={"action": "hide", "reason": "x"},
    )
    assert not Content.objects.get(pk=space_item.pk).removed
    forum_url = reverse("moderation:item", args=[items["forum"].pk])
    assert_allowed(client_for, forum_url, people(cast, ["steward"]))
    assert_hidden(client_for, forum_url, others(cast, ["steward"]))


def test_a_hidden_item_is_absent_for_everyone_and_restore_undoes_it(cast, items, client_for):
    thread = items["space"]
    flag(client_for(cast.guest), thread)
    lead = client_for(cast.space_lead)
    response = act(lead, thread, "hide", reason="Advertising")
    assert response.status_code == 302
    assert Content.objects.get(pk=thread.pk).removed
    for who in EVERYONE:
        user = getattr(cast, who)
        page = client_for(user).get(thread.get_absolute_url())
        if who == "space_member":  # the author is sent to what was hidden, and why
            assert page.status_code == 302, who
            assert page["Location"] == reverse("moderation:yours", args=[thread.pk])
        else:
            assert page.status_code == 404, who
        space_page = client_for(user).get(cast.space.get_absolute_url()).content.decode()
        assert "Space thread" not in space_page, who
    # The gate hides it from its author too: only the author's own page shows it.
    assert not can_view(cast.space_member, Content.objects.get(pk=thread.pk))
    # Flags are closed; the queue is empty; the hidden list names no title.
    assert Flag.objects.get().status == Flag.Status.ACTIONED
    queue = lead.get(reverse("moderation:queue")).content.decode()
    assert "Space thread" not in queue
    hidden = lead.get(reverse("moderation:hidden")).content.decode()
    assert "Advertising" in hidden and "Space thread" not in hidden
    review = lead.get(reverse("moderation:item", args=[thread.pk])).content.decode()
    assert "Space thread" not in review and "Restore the item" in review
    # Restore.
    assert act(lead, thread, "restore").status_code == 302
    assert not Content.objects.get(pk=thread.pk).removed
    assert client_for(cast.space_member).get(thread.get_absolute_url()).status_code == 200
    hiding = Hiding.objects.get()
    assert hiding.restored_by == cast.space_lead and hiding.reason == "Advertising"
    actions = list(AuditEntry.objects.filter(content_id=thread.pk).values_list("action", flat=True))
    assert ModerationAction.CONTENT_HIDDEN in actions
    assert ModerationAction.CONTENT_RESTORED in actions


def test_an_author_is_told_and_shown_what_was_hidden_and_why(
    cast, items, client_for, run_on_commit_now
):
    from django.core import mail

    thread = items["space"]
    flag(client_for(cast.guest), thread)
    assert (
        act(client_for(cast.space_lead), thread, "hide", reason="Names a minor").status_code == 302
    )
    author = client_for(cast.space_member)
    centre = author.get(reverse("notifications:centre")).content.decode()
    yours = reverse("moderation:yours", args=[thread.pk])
    assert "A moderator hid “Space thread”" in centre and 'href="/notifications/' in centre
    (message,) = [m for m in mail.outbox if cast.space_member.email in m.to]
    assert "A moderator hid" in message.subject and yours in message.body
    page = author.get(yours).content.decode()
    assert "Space thread" in page and "Names a minor" in page
    assert "Lea Lead" not in page  # the moderator is not named to the author
    # Nobody else reaches that page, nor hears of it.
    assert_hidden(client_for, yours, others(cast, ["space_member"]))
    for who in others(cast, ["space_member"]):
        assert (
            "Space thread"
            not in client_for(who).get(reverse("notifications:centre")).content.decode()
        )
    # A hidden comment: its author is told too, and shown the comment.
    comment = items["forum_comment"]
    flag(client_for(cast.member), items["forum"], comment=comment)
    assert (
        act(
            client_for(cast.steward), items["forum"], "hide", comment=comment.pk, reason="Rude"
        ).status_code
        == 302
    )
    centre = author.get(reverse("notifications:centre")).content.decode()
    assert "A moderator hid your comment on “Forum thread”" in centre
    page = author.get(
        f"{reverse('moderation:yours', args=[items['forum'].pk])}?comment={comment.pk}"
    )
    assert page.status_code == 200 and "A rude forum comment" in page.content.decode()
    other = client_for(cast.member).get(
        f"{reverse('moderation:yours', args=[items['forum'].pk])}?comment={comment.pk}"
    )
    assert other.status_code == 404


def test_an_unreadable_item_reaches_a_lead_only_through_a_flag(cast, client_for):
    """A private draft in the lead's space, flagged by nobody: absent from moderation
    for the lead (its kind, its space and "Hide" included). Once flagged (when it was
    readable, before its author narrowed it), the flag brings it to them."""
    draft = PostFactory(
        space=cast.space, author=cast.space_member, visibility="private", title="Draft"
    )
    lead = client_for(cast.space_lead)
    url = reverse("moderation:item", args=[draft.pk])
    assert lead.get(url).status_code == 404
    assert act(lead, draft, "hide", reason="x").status_code == 404
    assert not Content.objects.get(pk=draft.pk).removed
    shared = PostFactory(
        space=cast.space, author=cast.space_member, visibility="space", title="Shared"
    )
    flag(client_for(cast.guest), shared)
    Post.objects.filter(pk=shared.pk).update(visibility="private")
    page = lead.get(reverse("moderation:item", args=[shared.pk]))
    assert page.status_code == 200 and "An item you may not read" in page.content.decode()
    assert "Shared" not in page.content.decode()


def test_hiding_needs_a_reason(cast, items, client_for):
    lead = client_for(cast.space_lead)
    act(lead, items["space"], "hide", reason="  ")
    assert not Content.objects.get(pk=items["space"].pk).removed
    with pytest.raises(Exception):
        services.content_hide(actor=cast.space_lead, content=items["space"], reason="")


def test_an_authors_own_removal_is_not_restored_by_moderators(cast, items):
    Content.objects.filter(pk=items["space"].pk).update(removed=True)
    with pytest.raises(services.ModerationRefused):
        services.content_restore(
            actor=cast.space_lead, content=Content.objects.get(pk=items["space"].pk)
        )
    assert Content.objects.get(pk=items["space"].pk).removed


def test_a_hidden_comment_vanishes_and_comes_back(cast, items, client_for):
    comment = items["space_comment"]
    flag(client_for(cast.space_member), items["space"], comment=comment)
    lead = client_for(cast.space_lead)
    act(lead, items["space"], "hide", comment=comment.pk, reason="Insults")
    assert Comment.objects.get(pk=comment.pk).removed
    for who in ["guest", "space_member", "space_lead"]:
        page = client_for(getattr(cast, who)).get(items["space"].get_absolute_url())
        assert "A rude space comment" not in page.content.decode()
    assert Flag.objects.get().status == Flag.Status.ACTIONED
    assert AuditEntry.objects.filter(
        action=ModerationAction.COMMENT_HIDDEN, subject=cast.guest
    ).exists()
    review = lead.get(reverse("moderation:item", args=[items["space"].pk])).content.decode()
    assert "A rude space comment" not in review and "Restore the comment" in review
    act(lead, items["space"], "restore", comment=comment.pk)
    page = client_for(cast.guest).get(items["space"].get_absolute_url()).content.decode()
    assert "A rude space comment" in page
    assert AuditEntry.objects.filter(action=ModerationAction.COMMENT_RESTORED).exists()


def test_dismissing_closes_flags_and_is_audited(cast, items, client_for):
    flag(client_for(cast.space_member), items["forum"])
    act(client_for(cast.steward), items["forum"], "dismiss", next=reverse("moderation:queue"))
    assert Flag.objects.get().status == Flag.Status.DISMISSED
    assert Flag.objects.get().resolved_by == cast.steward
    entry = AuditEntry.objects.get(action=ModerationAction.FLAGS_DISMISSED)
    assert entry.detail == {"flags": 1}
    # A dismissed flag may be raised again later.
    flag(client_for(cast.space_member), items["forum"])
    assert Flag.objects.filter(status=Flag.Status.OPEN).count() == 1


def test_stewards_moderate_space_items_they_may_read_but_not_space_only_ones(
    cast, items, client_for
):
    public = PostFactory(space=cast.space, author=cast.space_member, visibility="public")
    steward = client_for(cast.steward)
    assert act(steward, items["space"], "hide", reason="x").status_code == 404
    assert act(steward, public, "hide", reason="x").status_code == 302
    assert Content.objects.get(pk=public.pk).removed
    assert not Content.objects.get(pk=items["space"].pk).removed


def test_a_lead_cannot_moderate_another_space_or_the_forum(cast, items, client_for):
    other = PostFactory(space=cast.other_space, author=cast.outsider, visibility="public")
    lead = client_for(cast.space_lead)
    assert act(lead, other, "hide", reason="x").status_code == 404
    assert act(lead, items["forum"], "hide", reason="x").status_code == 404
    with pytest.raises(PermissionDenied):
        services.content_hide(actor=cast.space_lead, content=items["forum"], reason="x")


def test_locking_a_flagged_thread_from_the_queue(cast, items, client_for):
    lead = client_for(cast.space_lead)
    review = lead.get(reverse("moderation:item", args=[items["space"].pk])).content.decode()
    assert "Lock the thread" in review
    act(lead, items["space"], "lock")
    assert Post.objects.get(pk=items["space"].pk).locked
    assert AuditEntry.objects.filter(action=SpaceAction.THREAD_LOCKED).exists()
    act(lead, items["space"], "unlock")
    assert not Post.objects.get(pk=items["space"].pk).locked
    assert act(client_for(cast.space_member), items["space"], "lock").status_code == 404


def test_hidden_items_of_every_kind_drop_from_lists_and_search(cast, client_for, run_on_commit_now):
    from harambee.stream.models import StreamPost

    post = StreamPost.objects.create(
        space=None, author=cast.member, visibility="public", title="MARKHIDE", body="xyzzy MARKHIDE"
    )
    urls = ("/", reverse("stream:stream"), reverse("search:search") + "?q=xyzzy")
    member = client_for(cast.member)
    assert all("MARKHIDE" in member.get(url).content.decode() for url in urls)
    services.content_hide(actor=cast.steward, content=post, reason="Spam")
    for url in urls:
        for who in EVERYONE:
            body = client_for(getattr(cast, who)).get(url).content.decode()
            assert "MARKHIDE" not in body, (who, url)


@pytest.mark.parametrize("action", ["dismiss", "restore", "lock", "unlock"])
def test_every_action_is_refused_to_all_but_the_items_moderators(cast, items, client_for, action):
    thread = items["space"]
    services.flag_create(flagger=cast.guest, content=thread, reason="spam")
    if action == "restore":
        services.content_hide(actor=cast.space_lead, content=thread, reason="Spam")
    url = reverse("moderation:act", args=[thread.pk])
    assert_hidden(
        client_for, url, others(cast, ["space_lead"]), method="post", data={"action": action}
    )
    assert Flag.objects.get().status != Flag.Status.DISMISSED
    assert Content.objects.get(pk=thread.pk).removed == (action == "restore")
    assert not Post.objects.get(pk=thread.pk).locked
    response = client_for(cast.space_lead).post(url, {"action": action})
    assert response.status_code == 302


def test_queue_and_review_link_to_a_reply_on_a_later_page_of_its_thread(cast, client_for):
    """A thread's replies come in pages: a flagged reply is linked where it is shown."""
    thread = PostFactory(space=cast.space, author=cast.space_member, visibility="space")
    top = CommentFactory(content=thread, author=cast.guest, body="Top-level")
    reply = CommentFactory(content=thread, author=cast.guest, body="Nested", parent=top)
    services.flag_create(flagger=cast.space_member, content=thread, comment=reply, reason="spam")
    expected = f"{thread.get_absolute_url()}?from={top.pk}#comment-{reply.pk}"
    lead = client_for(cast.space_lead)
    queue = lead.get(reverse("moderation:queue")).content.decode()
    assert f'href="{expected}"' in queue.replace("&amp;", "&")
    review = lead.get(reverse("moderation:item", args=[thread.pk])).content.decode()
    assert f'href="{expected}"' in review.replace("&amp;", "&")
