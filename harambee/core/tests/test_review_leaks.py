"""A second reader's review of recent changes for side doors: "did you mean"
suggestions (#7), search links to thread replies, and watching conversations with the
fan-out of items opened to more people later (#6).

Tests named ``test_leak_...`` demonstrate a leak and fail until it is fixed; the others
pin behaviour that was checked and found safe.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from harambee.core.models import Comment, Content, Visibility
from harambee.core.services import comment_create
from harambee.core.tests.factories import (
    CommentFactory,
    MembershipFactory,
    PostFactory,
    SpaceFactory,
)
from harambee.notifications import selectors as notices
from harambee.notifications.models import Kind, Notification, Watch
from harambee.search import services as index
from harambee.search import suggest
from harambee.search.selectors import search
from harambee.spaces.models import Space, ThreadGuest
from harambee.stream.models import Follow

pytestmark = pytest.mark.django_db


def suggested(user, text, filters=None):
    """What the results page offers (only for a search that finds little)."""
    results = search(user=user, text=text, filters=filters, facets=False)
    if results.total >= suggest.SUGGEST_BELOW or results.capped:
        return None
    found = suggest.suggest(user=user, text=text, filters=filters, found=results.total)
    return found.text if found else None


def draft(author, body):
    """A private draft: only its author reads it."""
    return PostFactory(
        space=None, author=author, visibility=Visibility.PRIVATE, title="Draft", body=body
    )


def hide_a_word(cast, word):
    """``word`` in a private draft of someone else's, which the prober may not read."""
    PostFactory(
        space=cast.space,
        author=cast.space_lead,
        visibility=Visibility.PRIVATE,
        title="Codenames",
        body=f"The codename is {word}.",
    )
    index.index_rebuild()


# 1. "Did you mean" ------------------------------------------------------------------


def test_leak_hidden_words_crowding_out_candidates_reveal_that_they_exist(cast):
    """The 3 candidates per word are chosen from the whole index's vocabulary before
    the gate (``suggest._candidates``). A reader who plants, in their own private
    drafts, two near words that can never win (found no more than twice as often as
    the typed word) and one that always wins, gets the winner as a suggestion exactly
    when no hidden word is nearer: the presence of "Did you mean" answers "does the
    word kestrel occur anywhere I may not look?".

    Reproduce: as any member, write a draft "kestrex kestrey kestrez" and three drafts
    "kestrix"; search ``kestrex``. "Did you mean: kestrix" shows, unless someone's
    hidden item holds ``kestrel`` (or another word as near), in which case it does not.
    """
    prober = cast.member
    draft(prober, "kestrex kestrey kestrez")
    for _ in range(3):
        draft(prober, "kestrix")
    index.index_rebuild()
    without_secret = suggested(prober, "kestrex")
    assert without_secret == "kestrix"  # the probe works

    hide_a_word(cast, "kestrel")
    with_secret = suggested(prober, "kestrex")
    # Must not depend on a word the prober may not read.
    assert with_secret == without_secret


def test_leak_a_typed_word_only_hidden_items_hold_takes_a_counted_place(cast):
    """Step 2 counts at most ``MAX_CHECKS`` (12) words; a typed word that is in the
    vocabulary is counted too, even when only hidden items hold it. With four typed
    words of three candidates each (12 counts), typing the exact hidden word pushes the
    last word's third candidate out of the counts, and the suggestion changes. So the
    page tells whether the exact word ``kestrel`` occurs in anything hidden.

    Reproduce: as any member, write a draft "kestral manga pilat rovur", a draft
    "kestril kestrul mangi mangy pilet pilut rovar rovir" and two drafts "rovur";
    search ``kestrel mango pilot rover``. "Did you mean: kestral manga pilat rovur"
    shows only while no hidden item holds ``kestrel``.
    """
    prober = cast.member
    draft(prober, "kestral manga pilat rovur")
    draft(prober, "kestril kestrul mangi mangy pilet pilut rovar rovir")
    draft(prober, "rovur")
    draft(prober, "rovur")
    index.index_rebuild()
    without_secret = suggested(prober, "kestrel mango pilot rover")
    assert without_secret == "kestral manga pilat rovur"  # the probe works

    hide_a_word(cast, "kestrel")
    assert suggested(prober, "kestrel mango pilot rover") == without_secret


@pytest.fixture
def orphaned_reply(cast):
    """A public thread whose top-level comment was removed: its reply left the page
    with it (``core.selectors.comment_page``), but not the index."""
    thread = PostFactory(
        space=cast.space, author=cast.space_lead, visibility=Visibility.PUBLIC, title="Open"
    )
    top = CommentFactory(content=thread, author=cast.space_member, body="A first word")
    reply = CommentFactory(
        content=thread, author=cast.member, parent=top, body="Quillfeather figures inside"
    )
    Comment.objects.filter(pk=top.pk).update(removed=True)
    index.index_rebuild()
    return thread, top, reply


def test_leak_a_word_only_in_a_reply_under_a_removed_comment_is_suggested(
    cast, orphaned_reply, client_for
):
    """The gated count checks that a comment hit is not removed, not that its parent
    is not: a reply under a removed comment, which no page shows any more, still
    counts, so its words are offered.

    Reproduce: reply under a comment, remove the comment, and (signed out) search
    ``quillfeathr``: "Did you mean: quillfeather"."""
    thread, _top, _reply = orphaned_reply
    page = client_for(cast.anon).get(thread.get_absolute_url())
    assert page.status_code == 200
    assert "Quillfeather" not in page.content.decode()  # the thread page hides it
    assert suggested(cast.anon, "quillfeathr") is None


def test_a_word_only_hidden_things_hold_is_not_suggested_under_any_filter(cast, client_for):
    """Pinned safe: the gated count carries the page's filters, and hidden words
    (secret space, private draft, removed comment, expired membership, expired thread
    grant) are never offered, whatever the filter."""
    secret = SpaceFactory(name="Vault", slug="vault", listing=Space.Listing.SECRET)
    MembershipFactory(space=secret, user=cast.member, expires=timezone.now() - timedelta(days=1))
    PostFactory(space=secret, visibility=Visibility.SPACE, title="Plans", body="Brontolux plan")
    PostFactory(space=cast.space, visibility=Visibility.PRIVATE, title="Mine", body="Cindrelax")
    CommentFactory(
        content=PostFactory(space=cast.space, visibility=Visibility.PUBLIC, title="Open"),
        body="Dravimont gone",
        removed=True,
    )
    guarded = PostFactory(
        space=cast.other_space, visibility=Visibility.SPACE, title="Talk", body="Elvorquin"
    )
    ThreadGuest.objects.create(
        thread=guarded, user=cast.member, expires=timezone.now() - timedelta(days=1)
    )
    # One visible item per word's neighbour, so that filters have something to pass.
    PostFactory(space=cast.space, visibility=Visibility.PUBLIC, title="Public", body="radio")
    index.index_rebuild()
    from harambee.search.selectors import Filters

    filters = [
        None,
        Filters(kind="post"),
        Filters(space_ids=[secret.pk]),
        Filters(space_ids=[cast.other_space.pk]),
        Filters(author_id=cast.space_lead.pk),
    ]
    for typo in ["brontolax", "cindrelux", "dravimond", "elvorquim"]:
        for f in filters:
            assert suggested(cast.member, typo, f) is None, (typo, f)
    # A secret space's slug given as a filter is answered like a missing one, and no
    # suggestion is offered there.
    page = client_for(cast.member).get(
        reverse("search:search"), {"q": "brontolax", "space": "vault"}
    )
    body = page.content.decode()
    assert "Did you mean" not in body and "rontolux" not in body.lower()
    assert "There is no such space." in body


def test_the_suggested_link_is_escaped(cast, client_for):
    """Pinned safe: what was typed travels into the link and its text escaped."""
    PostFactory(space=cast.space, visibility=Visibility.PUBLIC, title="Radio", body="radio")
    index.index_rebuild()
    typed = 'radoi OR x"><img/src=x/onerror=alert(1)>'
    body = client_for(cast.anon).get(reverse("search:search"), {"q": typed}).content.decode()
    match = re.search(r'<p class="search-suggestion">(.*?)</p>', body, re.S)
    assert match, body
    assert "<img" not in match.group(1) and "<img" not in body.split("<main", 1)[-1]
    assert "<em>radio</em>" in match.group(1)


# 3. Search links to thread replies ---------------------------------------------------


def test_leak_a_reply_under_a_removed_comment_is_a_search_hit(cast, orphaned_reply, client_for):
    """Search keeps finding a reply whose top-level comment was removed (the thread page
    dropped it with its parent), shows its text as the snippet, and links it with
    ``?from=<the removed comment's id>``.

    Reproduce: reply under a comment, remove the comment, search (signed out)
    ``quillfeather``: one hit "in a comment", with "Quillfeather figures inside" and a
    link ``/.../?from=<removed id>#comment-<reply id>``."""
    _thread, top, _reply = orphaned_reply
    assert search(user=cast.anon, text="quillfeather").hits == []
    body = client_for(cast.anon).get(reverse("search:search"), {"q": "quillfeather"})
    text = body.content.decode()
    assert "Quillfeather" not in text.split('id="results-heading"', 1)[-1]
    assert f"from={top.pk}" not in text


def test_a_live_reply_links_to_its_live_parent_page(cast, client_for):
    """Pinned safe: a reply under a live comment links to the page that starts at it,
    and a removed reply is never a hit."""
    thread = PostFactory(space=cast.space, visibility=Visibility.PUBLIC, title="Open")
    top = CommentFactory(content=thread, body="First")
    reply = CommentFactory(content=thread, parent=top, body="Zorbafy this")
    CommentFactory(content=thread, parent=top, body="Zorbafy removed", removed=True)
    index.index_rebuild()
    body = client_for(cast.anon).get(reverse("search:search"), {"q": "zorbafy"}).content.decode()
    assert f"?from={top.pk}#comment-{reply.pk}" in body
    assert "Zorbafy removed" not in body


# 2. Watching and fan-out on widening --------------------------------------------------


def test_the_watch_endpoint_answers_hidden_removed_and_missing_items_alike(cast, client_for):
    """Pinned safe: 404 for an item the reader may not see, a removed one and a missing
    one, with or without htmx, watching or not; nothing is recorded."""
    hidden = PostFactory(space=cast.space, visibility=Visibility.SPACE, title="Inside")
    removed = PostFactory(space=cast.space, visibility=Visibility.PUBLIC, removed=True)
    missing = Content.objects.order_by("-pk").first().pk + 1000
    client = client_for(cast.outsider)
    for pk in [hidden.pk, removed.pk, missing]:
        for data in [{"watching": "1"}, {"watching": "0"}, {}]:
            for headers in [{}, {"HTTP_HX_REQUEST": "true"}]:
                response = client.post(
                    reverse("notifications:watch", args=[pk]),
                    {**data, "next": "/"},
                    **headers,
                )
                assert response.status_code == 404, (pk, data, headers)
    assert not Watch.objects.exists()


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "http:evil"]
)
def test_the_watch_endpoint_redirects_only_within_the_site(cast, client_for, target):
    thread = PostFactory(space=cast.space, visibility=Visibility.SPACE, title="Inside")
    response = client_for(cast.space_member).post(
        reverse("notifications:watch", args=[thread.pk]), {"watching": "1", "next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == thread.get_absolute_url()


def test_a_watcher_of_an_item_later_hidden_or_moved_away_hears_nothing(
    cast, client_for, run_on_commit_now
):
    """Pinned safe: watching grants nothing. Moved to a space the watcher is not in,
    made private, or hidden by moderation: no reply notice, no "posted" notice, and
    earlier notices leave the centre."""
    moved = PostFactory(space=cast.space, author=cast.space_lead, visibility=Visibility.SPACE)
    private = PostFactory(space=cast.space, author=cast.space_lead, visibility=Visibility.SPACE)
    hidden = PostFactory(space=cast.space, author=cast.space_lead, visibility=Visibility.SPACE)
    for item in [moved, private, hidden]:
        Watch.objects.create(user=cast.space_member, content=item, watching=True)
        comment_create(author=cast.space_lead, content=item, body="Before")
    assert Notification.objects.filter(recipient=cast.space_member).count() == 3
    moved = Content.objects.get(pk=moved.pk)
    moved.space = cast.other_space
    moved.save()
    private = Content.objects.get(pk=private.pk)
    private.visibility = Visibility.PRIVATE
    private.save()
    Content.objects.filter(pk=hidden.pk).update(removed=True)
    # A member of the space it moved to replies there; the author replies to the draft.
    comment_create(author=cast.outsider, content=moved, body="After, inside only")
    comment_create(author=cast.space_lead, content=private, body="After, inside only")
    Comment.objects.create(content_id=hidden.pk, author=cast.space_lead, body="After hiding")
    # Only the three notices of before remain, and none of them is shown any more.
    assert Notification.objects.filter(recipient=cast.space_member).count() == 3
    assert notices.unread_count(cast.space_member) == 0
    page = client_for(cast.space_member).get(reverse("notifications:centre")).content.decode()
    assert "Water working group" not in page and "After" not in page


def test_a_thread_moved_into_a_secret_space_does_not_name_it(cast, client_for, run_on_commit_now):
    """Pinned safe: an alliance-wide thread moved into a secret space tells a follower of
    that space who is no longer its member (they may read the thread), without naming
    the space, in the centre and in the email."""
    from django.core import mail

    secret = SpaceFactory(name="Zircon cabal", slug="zircon", listing=Space.Listing.SECRET)
    MembershipFactory(space=secret, user=cast.member, expires=timezone.now() - timedelta(days=1))
    Follow.objects.create(follower=cast.member, space=secret)
    thread = PostFactory(
        space=cast.space, author=cast.space_lead, visibility=Visibility.ALLIANCE, title="Wide"
    )
    assert not Notification.objects.filter(recipient=cast.member).exists()
    mail.outbox.clear()
    thread = Content.objects.get(pk=thread.pk)
    thread.space = secret
    thread.save()
    assert list(
        Notification.objects.filter(recipient=cast.member).values_list("kind", flat=True)
    ) == [Kind.FOLLOWED]
    page = client_for(cast.member).get(reverse("notifications:centre")).content.decode()
    assert "Wide" in page and "Zircon" not in page
    for message in mail.outbox:
        everything = message.subject + message.body + "".join(a[0] for a in message.alternatives)
        assert "Zircon" not in everything


def test_leak_a_notice_of_a_reply_under_a_removed_comment_keeps_showing_it(
    cast, client_for, run_on_commit_now
):
    """Not new in #6, but the same door as search's (3.): notices are gated on the reply
    not being removed, not on its parent. After the comment a reply answered is removed,
    the thread page no longer shows the reply, yet a watcher's centre (and any email or
    digest sent later, which use the same ``gated``) still quotes it.

    Reproduce: watch a thread; A comments, B replies to A with "Quillfeather figures";
    A's comment is removed; the watcher's notification centre still shows "Quillfeather
    figures"."""
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility=Visibility.SPACE)
    Watch.objects.create(user=cast.space_member, content=thread, watching=True)
    top = comment_create(author=cast.guest, content=thread, body="A first word")
    comment_create(author=cast.space_lead, content=thread, parent=top, body="Quillfeather figures")
    Comment.objects.filter(pk=top.pk).update(removed=True)
    client = client_for(cast.space_member)
    assert "Quillfeather" not in client.get(thread.get_absolute_url()).content.decode()
    assert "Quillfeather" not in client.get(reverse("notifications:centre")).content.decode()
