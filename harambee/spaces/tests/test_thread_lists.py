"""The forum and a space's threads: last activity, reply counts, unread marks for
signed-in readers, three sorts, keyset pages; and the tabs inside a space."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from harambee.core.models import Comment, Visibility
from harambee.core.tests.factories import CommentFactory, PostFactory
from harambee.core.tests.querycount import assert_constant_queries
from harambee.spaces.models import Post, ThreadRead
from harambee.spaces.tabs import registered

pytestmark = pytest.mark.django_db

TITLES = re.compile(r'<h3><a href="/posts/\d+/">([^<]+)</a>')


def link(html: str, rel: str) -> str:
    """The query of the page link ``rel`` ("next" or "prev"), or "" if there is none."""
    found = re.search(rf'href="(\?[^"]+)" rel="{rel}"', html)
    return found.group(1).replace("&amp;", "&") if found else ""


def titles(response) -> list[str]:
    return TITLES.findall(response.content.decode())


def forum_thread(cast, title, *, age_hours=0, replies=0):
    thread = PostFactory(space=None, author=cast.member, title=title, visibility="alliance")
    created = timezone.now() - timedelta(hours=age_hours)
    Post.objects.filter(pk=thread.pk).update(created=created, last_activity=created)
    for _ in range(replies):
        CommentFactory(content=thread, author=cast.steward)
    return Post.objects.get(pk=thread.pk)


def test_a_reply_moves_its_thread_up_and_counts(cast):
    thread = forum_thread(cast, "Quiet", age_hours=10)
    assert thread.reply_count == 0
    comment = CommentFactory(content=thread, author=cast.steward)
    thread.refresh_from_db()
    assert thread.reply_count == 1
    assert thread.last_activity == comment.created
    # A reply removed by a moderator no longer counts.
    comment.removed = True
    comment.save()
    thread.refresh_from_db()
    assert thread.reply_count == 0
    assert thread.last_activity == Post.objects.get(pk=thread.pk).created


def test_the_forum_sorts_by_activity_newest_and_replies(cast, client_for):
    old_busy = forum_thread(cast, "Old but busy", age_hours=50, replies=3)
    forum_thread(cast, "Newest, silent", age_hours=1)
    forum_thread(cast, "Middle", age_hours=20, replies=1)
    client = client_for(cast.member)
    # Replies are the latest activity: the thread replied to last comes first.
    assert titles(client.get("/forum/")) == ["Middle", "Old but busy", "Newest, silent"]
    assert titles(client.get("/forum/?sort=new")) == ["Newest, silent", "Middle", "Old but busy"]
    assert titles(client.get("/forum/?sort=replies")) == [
        "Old but busy",
        "Middle",
        "Newest, silent",
    ]
    # An unknown sort is the default one.
    assert titles(client.get("/forum/?sort=<b>")) == titles(client.get("/forum/"))
    html = client.get("/forum/").content.decode()
    assert "3 replies" in html and "Last activity" in html
    assert old_busy.get_absolute_url() in html


def test_pinned_threads_come_first_on_the_first_page_only(cast, client_for):
    for n in range(3):
        forum_thread(cast, f"Thread {n}", age_hours=n)
    pinned = forum_thread(cast, "Read me first", age_hours=100)
    Post.objects.filter(pk=pinned.pk).update(pinned=True)
    client = client_for(cast.member)
    assert titles(client.get("/forum/"))[0] == "Read me first"
    with override_settings(PAGE_SIZE=2):
        first = client.get("/forum/").content.decode()
        second = client.get("/forum/" + link(first, "next"))
    assert "Read me first" not in titles(second)


def test_keyset_pages_walk_forward_and_back_without_gaps(cast, client_for):
    for n in range(7):
        forum_thread(cast, f"T{n}", age_hours=n)
    client = client_for(cast.member)
    seen = []
    url = "/forum/?sort=new"
    with override_settings(PAGE_SIZE=3):
        pages = []
        while url:
            html = client.get(url).content.decode()
            pages.append(url)
            seen += TITLES.findall(html)
            found = link(html, "next")
            assert not found or "sort=new" in found
            url = f"/forum/{found}" if found else ""
        assert seen == [f"T{n}" for n in range(7)]
        # Back from the last page.
        last = client.get(pages[-1]).content.decode()
        assert TITLES.findall(client.get("/forum/" + link(last, "prev")).content.decode()) == [
            "T3",
            "T4",
            "T5",
        ]
    # Cursors that are not numbers, too large, or another reader's hidden thread: page one.
    hidden = PostFactory(space=cast.other_space, author=cast.outsider, visibility="space")
    for bad in ("abc", "99999999999999999999", str(hidden.pk)):
        response = client.get(f"/forum/?after={bad}")
        assert response.status_code == 200 and titles(response)[0] == "T0"


def test_threads_show_unread_marks_until_read(cast, client_for):
    cast.member.date_joined = timezone.now() - timedelta(days=30)
    cast.member.save()
    thread = forum_thread(cast, "Fresh talk", age_hours=1)
    before_joining = forum_thread(cast, "Ancient", age_hours=24 * 60)
    client = client_for(cast.member)
    html = client.get("/forum/").content.decode()
    assert re.search(r"Fresh talk</a> <span class=\"badge unread-mark\">New</span>", html)
    assert "Ancient</a> <span" not in html  # older than the reader's account
    client.get(thread.get_absolute_url())
    assert ThreadRead.objects.filter(user=cast.member, thread=thread).exists()
    assert "Fresh talk</a> <span" not in client.get("/forum/").content.decode()
    # A new reply after reading: "New replies".
    Comment.objects.create(content=thread, author=cast.steward, body="More")
    html = client.get("/forum/").content.decode()
    assert re.search(r"Fresh talk</a> <span class=\"badge unread-mark\">New replies</span>", html)
    # Visitors see no marks.
    assert "unread-mark" not in client_for(cast.anon).get("/forum/").content.decode()
    assert before_joining.pk


def test_reading_a_thread_writes_only_when_something_is_new(cast, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    thread = forum_thread(cast, "Once", age_hours=1)
    client = client_for(cast.member)
    client.get(thread.get_absolute_url())
    with CaptureQueriesContext(connection) as ctx:
        client.get(thread.get_absolute_url())
    writes = [q for q in ctx.captured_queries if "spaces_threadread" in q["sql"].lower()]
    assert writes == [] or all(q["sql"].lstrip().upper().startswith("SELECT") for q in writes)


def test_the_forum_and_a_spaces_threads_keep_their_queries_fixed(cast, client_for):
    cast.space.listing = "members"
    cast.space.save()

    def add_forum(n):
        for _ in range(n):
            CommentFactory(content=forum_thread(cast, "x"), author=cast.steward)

    assert_constant_queries(client_for(cast.member), "/forum/?sort=replies", add_forum)

    def add_space(n):
        for _ in range(n):
            CommentFactory(
                content=PostFactory(space=cast.space, author=cast.space_lead),
                author=cast.space_member,
            )

    url = f"/spaces/{cast.space.slug}/threads/"
    assert_constant_queries(client_for(cast.space_member), url, add_space)


def test_a_spaces_threads_are_shown_to_members_and_hidden_from_others(cast, client_for):
    PostFactory(space=cast.space, author=cast.space_lead, title="Inside", visibility="space")
    url = f"/spaces/{cast.space.slug}/threads/"
    assert "Inside" in titles(client_for(cast.space_member).get(url))
    assert client_for(cast.outsider).get(url).status_code == 404  # a members-only space
    cast.space.listing = "members"
    cast.space.save()
    assert "Inside" not in titles(client_for(cast.member).get(url))


# Tabs inside a space --------------------------------------------------------------

TAB = re.compile(r'<a href="([^"]+)"(?: aria-current="(page|true)")?>([^<]+)</a>')


def tabs(html: str) -> list[tuple[str, str, str]]:
    nav = re.search(r'<nav class="tabs"[^>]*>(.*?)</nav>', html, re.S)
    assert nav is not None, "no tabs"
    return TAB.findall(nav.group(1))


def test_the_apps_register_the_space_tabs():
    keys = [t.key for t in registered()]
    assert keys[:2] == ["overview", "threads"]
    assert {"notes", "wiki", "library", "stories", "stream", "members"} <= set(keys)


@pytest.mark.parametrize(
    ("suffix", "label"),
    [
        ("", "Overview"),
        ("threads/", "Threads"),
        ("wiki/", "Wiki"),
        ("library/", "Library"),
        ("stories/", "Stories"),
        ("stream/", "Stream"),
        ("members/", "Members"),
    ],
)
def test_the_current_tab_is_marked(cast, client_for, suffix, label):
    html = client_for(cast.space_lead).get(f"/spaces/{cast.space.slug}/{suffix}").content.decode()
    current = [(text, state) for _url, state, text in tabs(html) if state]
    assert current == [(label, "page")]


def test_members_tab_is_offered_only_to_who_may_open_it(cast, client_for):
    cast.space.listing = "members"
    cast.space.save()
    url = cast.space.get_absolute_url()
    member_tabs = [t[2] for t in tabs(client_for(cast.member).get(url).content.decode())]
    assert "Members" not in member_tabs and "Threads" in member_tabs
    lead_tabs = [t[2] for t in tabs(client_for(cast.space_lead).get(url).content.decode())]
    assert "Members" in lead_tabs


def test_a_leads_join_requests_are_prominent_on_the_space(cast, client_for):
    from harambee.conftest import make_user
    from harambee.spaces import services

    for _ in range(3):
        services.join_request_create(user=make_user(), space=cast.space)
    html = client_for(cast.space_lead).get(cast.space.get_absolute_url()).content.decode()
    assert (
        '<p class="attention"><a href="/spaces/ghana-forest/requests/">3 people ask to join' in html
    )
    assert (
        "ask to join"
        not in client_for(cast.space_member).get(cast.space.get_absolute_url()).content.decode()
    )
    assert Visibility.SPACE


def test_a_threads_card_follows_what_it_shows(cast, client_for):
    """Cards come from the fragment cache (spaces/_thread_item.html): a reply, a pin
    (which leaves ``updated`` alone), a new title, another language and the reader's
    unread state each show at once."""
    thread = forum_thread(cast, "Seed bank", age_hours=5)
    client = client_for(cast.member)
    card = re.compile(r'<li class="card[^"]*">.*?</li>', re.S)

    def shown():
        html = client.get("/forum/").content.decode()
        return next(c for c in card.findall(html) if "Seed bank" in c or "Grain" in c)

    assert "Pinned" not in shown()
    Post.objects.filter(pk=thread.pk).update(pinned=True)
    assert "Pinned" in shown()
    CommentFactory(content=thread, author=cast.steward)
    assert "1 reply" in shown()
    assert "unread" in shown().split(">", 1)[0]
    client.get(thread.get_absolute_url())
    assert "unread" not in shown().split(">", 1)[0]
    Post.objects.filter(pk=thread.pk).update(title="Grain store")
    assert "Grain store" in shown()
    french = client.get("/forum/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    client.cookies.pop("django_language", None)
    assert "Dernière activité" in french


def test_space_cards_are_kept_but_follow_their_space_and_their_reader(cast, client_for):
    """The spaces directory keeps each card's markup as a fragment: a renamed space or
    a new member shows at once, and a reader who may not see people never gets the
    profile links another reader's card had."""
    from django.urls import reverse

    from harambee.core.tests.factories import MembershipFactory
    from harambee.spaces.models import Space

    mention = f'<p>Ask <a href="/people/{cast.space_lead.pk}/">Lead Person</a> first.</p>'
    Space.objects.filter(pk=cast.space.pk).update(
        listing=Space.Listing.PUBLIC, description_html=mention
    )
    url = reverse("spaces:list")
    member = client_for(cast.member)
    first = member.get(url).content.decode()
    assert f'href="/people/{cast.space_lead.pk}/"' in first
    anonymous = client_for(None).get(url).content.decode()
    assert "Lead Person" in anonymous and f'href="/people/{cast.space_lead.pk}/"' not in anonymous
    Space.objects.filter(pk=cast.space.pk).update(name="Renamed water group")
    MembershipFactory(space=cast.space)
    members = cast.space.memberships.active().count()
    again = member.get(url).content.decode()
    card = again.split("Renamed water group", 1)[1].split("</li>", 1)[0]
    assert f"{members} members" in card
