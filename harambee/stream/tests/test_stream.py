from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from harambee.core.markdown import extract_hashtags, render_markdown
from harambee.core.models import Content, Visibility
from harambee.core.tests.factories import MembershipFactory, PostFactory, SpaceFactory
from harambee.core.tests.matrix import assert_allowed, assert_hidden, assert_refused
from harambee.core.tests.querycount import assert_constant_queries
from harambee.core.visibility import can_see_space, can_view
from harambee.people.roles import AllianceRole
from harambee.spaces.models import Space
from harambee.stream import services
from harambee.stream.models import Bookmark, ContentHashtag, Follow, Handle, Hashtag, StreamPost
from harambee.stream.selectors import Cursor

pytestmark = pytest.mark.django_db


def tags_of(item: Content) -> set[str]:
    return set(ContentHashtag.objects.filter(content=item).values_list("hashtag__name", flat=True))


def stream_post(author, text="Hello #radio", space=None, visibility=Visibility.PUBLIC, **kw):
    return StreamPost.objects.create(
        author=author,
        space=space,
        visibility=visibility,
        title=services.title_from_text(text),
        body=text,
        **kw,
    )


# Hashtags


def test_tags_are_letters_of_any_script_lower_case_and_counted_once():
    text = "#WASH and #wash, #Água #Ça_va #खेती #radio2 #_x and #WaSh again"
    assert extract_hashtags(text) == {"wash", "água", "ça_va", "खेती", "radio2", "_x"}


def test_numbers_urls_code_and_emails_are_not_tags():
    text = (
        "Issue #6, see https://example.org/page#section and a.b#c\n\n"
        "`#inline` and\n\n```\n#fenced\n```\n\n    #indented\n\n"
        "[a #linked tag](https://example.org) #real"
    )
    assert extract_hashtags(text) == {"real"}


def test_every_kind_of_content_keeps_its_tags_in_step_with_its_text(cast):
    post = PostFactory(space=cast.space, title="On #Radio", body="We use #wash and #WASH.")
    assert tags_of(post) == {"radio", "wash"}
    post.body = "Only #mapping now, `#notatag`."
    post.save()
    assert tags_of(post) == {"radio", "mapping"}
    assert Hashtag.objects.filter(name="wash").exists()  # tags outlive their last use


def test_a_tag_too_long_is_not_a_tag():
    assert extract_hashtags("#" + "a" * 65) == set()
    assert extract_hashtags("#" + "a" * 64) == {"a" * 64}


def test_tags_become_links_to_their_page_but_not_in_code():
    html = render_markdown("Meet on #Radio today, `#code` too")
    assert '<a href="/tags/radio/" rel="nofollow ugc noopener">#Radio</a>' in html
    assert "<code>#code</code>" in html


def test_unicode_tags_link_to_an_encoded_url():
    html = render_markdown("#Água")
    assert 'href="/tags/%C3%A1gua/"' in html


# Mentions


def test_a_mention_of_a_known_person_links_to_their_profile(cast):
    handle = Handle.objects.get(user=cast.space_member)
    assert handle.name == "sam_spacemember"
    html = render_markdown(f"Thanks @{handle.name} and @Sam_Spacemember!")
    link = reverse("people:person", args=[cast.space_member.pk])
    assert html.count(f'href="{link}"') == 2


def test_unknown_names_emails_and_guests_stay_text(cast):
    guest = Handle.objects.get(user=cast.guest).name
    html = render_markdown(f"@nobody_here, mail me at mo@example.org, hi @{guest}")
    assert "<a" not in html
    assert "@nobody_here" in html and f"@{guest}" in html


def test_handles_are_unique(cast):
    from harambee.conftest import make_user

    twin = make_user(display_name="Sam Spacemember")
    assert Handle.objects.get(user=twin).name == "sam_spacemember_2"


@pytest.mark.parametrize(
    ("display_name", "handle"),
    [
        ("Lucía Ramírez", "lucia_ramirez"),
        ("Kwabena Ɔwusu-Ansah", "kwabena_owusu_ansah"),
        ("Søren Ødegård", "soren_odegard"),
        ("Łukasz Straße", "lukasz_strasse"),
        ("अमित कुमार", "अमित_कुमार"),
    ],
)
def test_handles_are_made_without_accents(cast, display_name, handle):
    from harambee.conftest import make_user

    person = make_user(display_name=display_name)
    name = Handle.objects.get(user=person).name
    assert name == handle
    assert name.isascii() or not any(c.isascii() and c.isalpha() for c in name)


def test_mentions_link_and_notify_with_or_without_accents(cast, run_on_commit_now):
    from harambee.conftest import make_user
    from harambee.notifications.models import Notification

    lucia = make_user(display_name="Lucía Ramírez")
    link = reverse("people:person", args=[lucia.pk])
    html = render_markdown("Ask @lucia_ramirez, @Lucía_Ramírez or @LUCIA_RAMÍREZ")
    assert html.count(f'href="{link}"') == 3
    services.stream_post_create(
        author=cast.member, text="Thanks @lucía_ramírez", visibility="alliance", space=None
    )
    assert Notification.objects.filter(recipient=lucia, kind="mention").count() == 1


def test_old_handles_with_accents_are_folded_once(cast):
    from importlib import import_module

    from django.apps import apps

    from harambee.conftest import make_user

    first, second = make_user(display_name="A"), make_user(display_name="B")
    Handle.objects.filter(user=first).update(name="lucía_ramírez")
    Handle.objects.filter(user=second).update(name="lucia_ramírez")
    import_module("harambee.stream.migrations.0004_handles_without_accents").fold_handles(
        apps, None
    )
    names = {Handle.objects.get(user=first).name, Handle.objects.get(user=second).name}
    assert names == {"lucia_ramirez", "lucia_ramirez_2"}


def test_mentions_in_comments_link_too(cast, client_for):
    post = stream_post(cast.member, "Comment here")
    client_for(cast.space_member).post(
        reverse("core:comment", args=[post.pk]), {"body": "Agree with @mo_member"}
    )
    page = client_for(cast.member).get(post.get_absolute_url()).content.decode()
    assert f'href="{reverse("people:person", args=[cast.member.pk])}"' in page


# Writing stream posts


def test_a_member_posts_to_the_alliance_stream(cast, client_for):
    response = client_for(cast.member).post(
        reverse("stream:stream"), {"text": "Who maps #stakeholders?", "visibility": "alliance"}
    )
    assert response.status_code == 302
    post = StreamPost.objects.get()
    assert post.space is None and post.title == "Who maps #stakeholders?"
    assert tags_of(post) == {"stakeholders"}


def test_five_hundred_characters_are_fine_and_line_ends_count_once(cast, client_for):
    text = "a\r\n" * 250  # 750 characters as sent, 499 as written
    response = client_for(cast.member).post(
        reverse("stream:stream"), {"text": text, "visibility": "alliance"}
    )
    assert response.status_code == 302
    assert len(StreamPost.objects.get().body) == 499


def test_a_post_too_long_gets_a_clear_message_and_keeps_every_character(cast, client_for):
    text = "Long story. " * 41 + "END-OF-TEXT"  # 503 characters
    response = client_for(cast.member).post(
        reverse("stream:stream"), {"text": text, "visibility": "alliance"}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "at most 500 characters; this one has 503" in page
    assert text.strip() in page  # nothing lost: the whole text is back in the box
    assert 'maxlength="500"' not in page  # the browser does not cut a paste short
    assert not StreamPost.objects.exists()


def test_the_service_refuses_a_long_text_too(cast):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.stream_post_create(author=cast.member, text="x" * 501, visibility="alliance")


def test_titles_are_the_first_words_of_the_text():
    assert services.title_from_text("Short\nand sweet") == "Short and sweet"
    long = services.title_from_text("word " * 40)
    assert len(long) <= services.TITLE_LENGTH and long.endswith("…")


def test_guests_may_not_post_alliance_wide_and_only_posters_in_a_space(cast, client_for):
    data = {"text": "Hi", "visibility": "public"}
    assert client_for(cast.guest).post(reverse("stream:stream"), data).status_code == 403
    space_url = reverse("stream:space", args=[cast.space.slug])
    assert client_for(cast.member).post(space_url, data).status_code == 403
    assert client_for(cast.guest).post(space_url, data).status_code == 302
    assert StreamPost.objects.get().space == cast.space


def test_a_space_only_post_needs_a_space(cast, client_for):
    response = client_for(cast.member).post(
        reverse("stream:stream"), {"text": "Hi", "visibility": "space"}
    )
    assert response.status_code == 422
    assert not StreamPost.objects.exists()


def test_the_author_removes_a_post_and_it_is_gone(cast, client_for):
    post = stream_post(cast.member)
    url = reverse("stream:post_remove", args=[post.pk])
    assert client_for(cast.space_member).post(url).status_code == 403
    assert client_for(cast.member).post(url).status_code == 302
    assert client_for(cast.member).get(post.get_absolute_url()).status_code == 404


# The gate on stream posts


@pytest.mark.parametrize("visibility", Visibility.values)
def test_stream_posts_obey_the_gate_for_the_whole_cast(cast, client_for, visibility):
    post = stream_post(cast.space_lead, f"Gate {visibility} check", cast.space, visibility)
    url = post.get_absolute_url()
    people = [getattr(cast, name) for name in cast.names]
    allowed = [p for p in people if can_view(p, post)]
    assert_allowed(client_for, url, allowed)
    assert_hidden(client_for, url, [p for p in people if p not in allowed])
    for who in people:
        page = client_for(who).get(reverse("stream:stream")).content.decode()
        assert (post.title in page) == (who in allowed), (str(who), visibility)


def test_the_stream_names_a_secret_space_only_to_those_who_may_know_it(cast, client_for):
    secret = SpaceFactory(name="Hidden council", listing=Space.Listing.SECRET)
    MembershipFactory(space=secret, user=cast.space_member)
    stream_post(cast.space_member, "From the council", space=secret, visibility="public")
    for name in cast.names:
        who = getattr(cast, name)
        page = client_for(who).get(reverse("stream:stream")).content.decode()
        assert "From the council" in page
        assert ("Hidden council" in page) == can_see_space(who, secret), name


def test_reactions_and_comment_errors_work_on_stream_posts(cast, client_for):
    post = stream_post(cast.member)
    client = client_for(cast.space_member)
    client.post(reverse("core:react", args=[post.pk]), {"type": "like"})
    assert post.reactions.count() == 1
    response = client.post(reverse("core:comment", args=[post.pk]), {"body": ""})
    assert response.status_code == 422
    assert "stream-post" in response.content.decode()  # the post's own page, re-rendered


# Hashtag pages


def test_a_tag_page_gathers_every_kind_through_the_gate(cast, client_for):
    items = []
    for vis in Visibility.values:
        items.append(PostFactory(space=cast.space, visibility=vis, title=f"Thread {vis} #wash"))
        items.append(stream_post(cast.space_lead, f"Stream {vis} #WASH", cast.space, vis))
    url = reverse("stream:tag", args=["wash"])
    for name in cast.names:
        who = getattr(cast, name)
        page = client_for(who).get(url).content.decode()
        for item in items:
            assert (item.title in page) == can_view(who, item), (name, item.title)
        if any(can_view(who, item) for item in items):
            assert "Stream post" in page and "Post" in page


def test_a_tag_nobody_may_see_looks_like_an_unused_one(cast, client_for):
    stream_post(cast.space_lead, "Secret #plan", cast.space, "space")
    hidden = client_for(cast.member).get(reverse("stream:tag", args=["plan"]))
    unused = client_for(cast.member).get(reverse("stream:tag", args=["neverused"]))
    assert hidden.status_code == unused.status_code == 200
    assert "Secret" not in hidden.content.decode()


def test_tag_urls_are_normalised_and_nonsense_is_404(cast, client_for):
    client = client_for(cast.member)
    response = client.get("/tags/WASH/")
    assert response.status_code == 302 and response["Location"] == "/tags/wash/"
    assert client.get("/tags/123/").status_code == 404
    assert client.get("/tags/a-b/").status_code == 404


def test_tag_pages_page_by_keyset_newest_first(cast, client_for):
    start = timezone.now() - timedelta(days=1)
    for n in range(45):
        post = stream_post(cast.member, f"Item {n:02d} #paged")
        StreamPost.objects.filter(pk=post.pk).update(created=start + timedelta(minutes=n // 2))
    client = client_for(None)
    seen: list[str] = []
    url = reverse("stream:tag", args=["paged"])
    pages = 0
    while url:
        page = client.get(url).content.decode()
        seen += re.findall(r"Item (\d\d) #paged</a>", page)
        found = re.search(r'href="([^"]+)" rel="next"', page)
        url = found.group(1).replace("&amp;", "&") if found else None
        pages += 1
    assert pages == 3
    assert sorted(seen, reverse=True) == seen and len(set(seen)) == 45


def test_a_broken_cursor_starts_from_the_top(cast, client_for):
    stream_post(cast.member, "Top #cursor")
    page = client_for(None).get("/tags/cursor/?before=nonsense").content.decode()
    assert "Top #cursor" in page
    assert Cursor.parse("12.x") is None and Cursor.parse("") is None


# Follows and the timeline


def test_follow_and_unfollow_with_forms(cast, client_for):
    client = client_for(cast.member)
    assert client.post(reverse("stream:follow_tag", args=["Radio"])).status_code == 302
    assert client.post(reverse("stream:follow_person", args=[cast.space_lead.pk])).status_code
    assert client.post(reverse("stream:follow_space", args=[cast.other_space.slug])).status_code
    assert Follow.objects.filter(follower=cast.member).count() == 3
    client.post(reverse("stream:follow_tag", args=["radio"]), {"on": "0"})
    assert not Follow.objects.filter(follower=cast.member, hashtag__name="radio").exists()
    htmx = client.post(
        reverse("stream:follow_tag", args=["wash"]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Following" in htmx and "<html" not in htmx


def test_nobody_follows_what_they_may_not_see(cast, client_for):
    secret = SpaceFactory(listing=Space.Listing.SECRET)
    url = reverse("stream:follow_space", args=[secret.slug])
    assert client_for(cast.member).post(url).status_code == 404
    guest_follows_person = reverse("stream:follow_person", args=[cast.member.pk])
    assert client_for(cast.guest).post(guest_follows_person).status_code == 404
    assert (
        client_for(cast.member)
        .post(reverse("stream:follow_person", args=[cast.guest.pk]))
        .status_code
        == 404
    )
    assert client_for(None).post(reverse("stream:follow_tag", args=["x"])).status_code == 302
    assert not Follow.objects.exists()


def test_the_timeline_shows_followed_tags_people_and_spaces_through_the_gate(cast, client_for):
    writer = cast.space_lead
    items = []
    for vis in Visibility.values:
        items.append(stream_post(cast.outsider, f"Tagged {vis} #mapping", cast.other_space, vis))
        items.append(stream_post(writer, f"ByPerson {vis}", cast.space, vis))
        items.append(PostFactory(space=cast.space, visibility=vis, title=f"InSpace {vis}"))
    unrelated = stream_post(cast.steward, "Unrelated public", None, "public")
    for name in cast.names[1:]:
        who = getattr(cast, name)
        Follow.objects.create(follower=who, hashtag=Hashtag.objects.get(name="mapping"))
        if who != writer:
            Follow.objects.create(follower=who, person=writer)
        Follow.objects.create(follower=who, space=cast.space)
        page = client_for(who).get(reverse("stream:timeline")).content.decode()
        for item in items:
            assert (item.title in page) == can_view(who, item), (name, item.title)
        assert unrelated.title not in page
    assert client_for(None).get(reverse("stream:timeline")).status_code == 302


def test_the_timeline_polls_for_new_items_and_works_without_javascript(cast, client_for):
    Follow.objects.create(follower=cast.member, person=cast.steward)
    first = stream_post(cast.steward, "First", visibility="alliance")
    client = client_for(cast.member)
    page = client.get(reverse("stream:timeline")).content.decode()
    since = str(Cursor.of(first))
    assert f'data-hx-get="/timeline/new/?since={since}"' in page
    assert 'data-hx-trigger="every 30s"' in page
    assert '<a href="/timeline/">' in page  # the reload link, for pages without JavaScript
    assert "<script" not in page.split("</head>")[1]
    stream_post(cast.steward, "Second", visibility="alliance")
    stream_post(cast.steward, "Hidden", visibility="private")
    url = reverse("stream:timeline_new") + f"?since={since}"
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "1 new item" in fragment and "<html" not in fragment
    assert f"since={since}" in fragment  # keeps polling from the same place
    nothing = client.get(
        url.replace(since, str(Cursor.of(StreamPost.objects.latest("pk")))), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "new item" not in nothing
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == "/timeline/"


def test_the_new_items_count_stops_at_its_cap(cast, client_for):
    Follow.objects.create(follower=cast.member, person=cast.steward)
    since = str(Cursor(timezone.now() - timedelta(hours=1), 0))
    for n in range(22):
        stream_post(cast.steward, f"Post {n}")
    fragment = client_for(cast.member).get(
        reverse("stream:timeline_new") + f"?since={since}", HTTP_HX_REQUEST="true"
    )
    assert "More than 20 new items" in fragment.content.decode()


def test_what_one_follows_lists_no_space_one_may_no_longer_see(cast, client_for):
    secret = SpaceFactory(name="Quiet room", listing=Space.Listing.SECRET)
    Follow.objects.create(follower=cast.member, space=secret)
    Follow.objects.create(follower=cast.member, space=cast.other_space)
    page = client_for(cast.member).get(reverse("stream:timeline")).content.decode()
    assert "Quiet room" not in page and cast.other_space.name in page


# Bookmarks


def test_bookmarks_for_the_whole_cast_list_only_what_each_may_see(cast, client_for):
    items = [
        stream_post(cast.space_lead, f"Kept {vis}", cast.space, vis) for vis in Visibility.values
    ]
    for name in cast.names[1:]:
        who = getattr(cast, name)
        for item in items:
            Bookmark.objects.create(user=who, content=item)
        page = client_for(who).get(reverse("stream:bookmarks")).content.decode()
        for item in items:
            assert (item.title in page) == can_view(who, item), (name, item.title)
    assert client_for(None).get(reverse("stream:bookmarks")).status_code == 302


def test_a_bookmark_disappears_when_its_item_is_hidden_and_returns_after(cast, client_for):
    post = PostFactory(space=cast.space, visibility="alliance", title="Worth keeping")
    client = client_for(cast.member)
    assert client.post(reverse("stream:bookmark", args=[post.pk])).status_code == 302
    assert "Worth keeping" in client.get(reverse("stream:bookmarks")).content.decode()
    Content.objects.filter(pk=post.pk).update(visibility="space")
    assert "Worth keeping" not in client.get(reverse("stream:bookmarks")).content.decode()
    Content.objects.filter(pk=post.pk).update(visibility="public")
    assert "Worth keeping" in client.get(reverse("stream:bookmarks")).content.decode()


def test_nobody_bookmarks_what_they_may_not_see(cast, client_for):
    post = PostFactory(space=cast.space, visibility="space")
    assert (
        client_for(cast.member).post(reverse("stream:bookmark", args=[post.pk])).status_code == 404
    )
    response = client_for(cast.space_member).post(
        reverse("stream:bookmark", args=[post.pk]), HTTP_HX_REQUEST="true"
    )
    assert "Bookmarked" in response.content.decode()
    client_for(cast.space_member).post(reverse("stream:bookmark", args=[post.pk]), {"on": "0"})
    assert not Bookmark.objects.exists()


def test_bookmarks_page_by_keyset(cast, client_for):
    for n in range(25):
        Bookmark.objects.create(user=cast.member, content=stream_post(cast.steward, f"B{n:02d}x"))
    client = client_for(cast.member)
    first = client.get(reverse("stream:bookmarks")).content.decode()
    assert "B24x" in first and "B05x" in first and "B04x" not in first
    cursor = re.search(r'href="[^"]*\?before=(\d+)" rel="next"', first).group(1)
    second = client.get(reverse("stream:bookmarks") + f"?before={cursor}").content.decode()
    assert "B04x" in second and "B00x" in second and "B05x" not in second


# People's pages


def test_a_persons_items_page_follows_the_directory_rules(cast, client_for):
    stream_post(cast.space_member, "By Sam", visibility="alliance")
    url = reverse("stream:person", args=[cast.space_member.pk])
    assert_allowed(client_for, url, [cast.member, cast.steward, cast.space_member])
    assert_hidden(client_for, url, [cast.anon, cast.guest, cast.outsider])
    assert_hidden(client_for, reverse("stream:person", args=[cast.guest.pk]), [cast.member])


# Query counts


def test_query_counts_on_the_tag_page_do_not_grow(cast, client_for):
    def add(n):
        for i in range(n):
            space = cast.space if i % 2 else None
            vis = Visibility.SPACE if space else Visibility.ALLIANCE
            stream_post(cast.space_lead, f"Count {i} #counted", space, vis)
            PostFactory(space=cast.other_space, visibility="public", title=f"P{i} #counted")

    client = client_for(cast.space_member)
    Bookmark.objects.create(user=cast.space_member, content=stream_post(cast.member, "#counted"))
    assert_constant_queries(client, reverse("stream:tag", args=["counted"]), add)


def test_query_counts_on_the_timeline_do_not_grow(cast, client_for):
    Follow.objects.create(follower=cast.space_member, hashtag=Hashtag.objects.create(name="t"))
    Follow.objects.create(follower=cast.space_member, person=cast.steward)
    Follow.objects.create(follower=cast.space_member, space=cast.space)

    def add(n):
        for i in range(n):
            stream_post(cast.steward, f"Steward {i}", None, "alliance")
            stream_post(cast.member, f"Tagged {i} #t", cast.other_space, "public")
            PostFactory(space=cast.space, visibility="space")

    assert_constant_queries(client_for(cast.space_member), reverse("stream:timeline"), add)


def test_query_counts_on_the_stream_and_bookmarks_do_not_grow(cast, client_for):
    def add(n):
        for i in range(n):
            post = stream_post(cast.space_lead, f"S{i}", cast.space, "space")
            Bookmark.objects.create(user=cast.space_member, content=post)

    client = client_for(cast.space_member)
    assert_constant_queries(client, reverse("stream:stream"), add)
    assert_constant_queries(client, reverse("stream:bookmarks"), add)


def test_no_steward_reading_rights_in_the_stream(cast, client_for):
    assert cast.steward.role == AllianceRole.STEWARD
    post = stream_post(cast.space_lead, "Space only", cast.space, "space")
    assert client_for(cast.steward).get(post.get_absolute_url()).status_code == 404


def test_an_item_others_bookmarked_too_shows_once_and_pages_by_my_bookmarks(cast, client_for):
    from harambee.stream.selectors import bookmarks_page

    items = [stream_post(cast.steward, f"Shared {n}") for n in range(3)]
    for n, item in enumerate(items):
        Bookmark.objects.create(user=cast.member, content=item)
        for other in (cast.space_member, cast.space_lead):
            Bookmark.objects.create(user=other, content=items[-1 - n])
    page = bookmarks_page(user=cast.member, before=None, size=2)
    assert [i.pk for i in page.items] == [items[2].pk, items[1].pk]
    rest = bookmarks_page(user=cast.member, before=page.next_cursor, size=2)
    assert [i.pk for i in rest.items] == [items[0].pk] and rest.next_cursor is None
    mine = Bookmark.objects.filter(user=cast.member)
    assert {i.bookmark_id for i in page.items + rest.items} == set(
        mine.values_list("pk", flat=True)
    )


def test_tags_in_use_name_only_tags_on_items_the_reader_may_see(cast, client_for):
    stream_post(cast.space_lead, "Open #sharedtag", cast.space, "public")
    stream_post(cast.space_lead, "Closed #innercircle", cast.space, "space")
    for name in cast.names:
        who = getattr(cast, name)
        page = client_for(who).get(reverse("stream:stream")).content.decode()
        assert "#sharedtag</a></li>" in page
        assert ("#innercircle</a></li>" in page) == (
            name in {"guest", "space_member", "space_lead"}
        )


def test_the_stream_links_to_the_streams_of_ones_spaces(cast, client_for):
    page = client_for(cast.space_member).get(reverse("stream:stream")).content.decode()
    assert reverse("stream:space", args=[cast.space.slug]) in page


def test_query_counts_on_space_streams_and_persons_pages_do_not_grow(cast, client_for):
    def add(n):
        for i in range(n):
            stream_post(cast.space_lead, f"Space {i} #x{i}", cast.space, "space")

    client = client_for(cast.space_member)
    assert_constant_queries(client, reverse("stream:space", args=[cast.space.slug]), add)
    assert_constant_queries(client, reverse("stream:person", args=[cast.space_lead.pk]), add)


def test_who_may_open_each_stream_page(cast, client_for):
    people = {name: getattr(cast, name) for name in cast.names}
    everyone = set(people)
    signed_in = everyone - {"anon"}
    sees_space = {n for n, p in people.items() if can_see_space(p, cast.space)}
    # (page, who may open it, what it is about: hidden from those who may not see that)
    rows = [
        (reverse("stream:stream"), everyone, None),
        (reverse("stream:tag", args=["wash"]), everyone, None),
        (reverse("stream:space", args=[cast.space.slug]), sees_space, cast.space),
        (reverse("stream:timeline"), signed_in, None),
        (reverse("stream:bookmarks"), signed_in, None),
    ]
    for url, allowed, about in rows:
        assert_allowed(client_for, url, [people[n] for n in sorted(allowed)])
        assert_refused(client_for, url, [people[n] for n in sorted(everyone - allowed)], about)


def test_stream_actions_refuse_get(cast, client_for):
    post = stream_post(cast.member)
    for url in (
        reverse("stream:post_remove", args=[post.pk]),
        reverse("stream:bookmark", args=[post.pk]),
        reverse("stream:follow_tag", args=["wash"]),
        reverse("stream:follow_person", args=[cast.space_lead.pk]),
        reverse("stream:follow_space", args=[cast.space.slug]),
    ):
        assert client_for(cast.member).get(url).status_code == 405, url


def test_retag_tags_content_written_without_signals(cast):
    from io import StringIO

    from django.core.management import call_command

    post = PostFactory(space=cast.space, title="Plain")
    Content.objects.filter(pk=post.pk).update(body="Now with #bulk and `#not`", title="T #Too")
    assert tags_of(post) == set()
    out = StringIO()
    call_command("retag", stdout=out)
    assert tags_of(post) == {"bulk", "too"}
    call_command("retag", stdout=out)  # again: nothing doubles
    assert ContentHashtag.objects.filter(content=post).count() == 2
    assert "Looked at 1 items." in out.getvalue()


def test_mentions_and_authors_are_linked_only_for_readers_who_may_see_people(cast, client_for):
    """A guest may not see people's profiles: the post names them without links (a
    link would answer 404); a member follows the same names to their pages."""
    handle = Handle.objects.get(user=cast.member).name
    post = services.stream_post_create(
        author=cast.space_member,
        text=f"Thanks @{handle} for the seedlings",
        visibility="space",
        space=cast.space,
    )
    profile = reverse("people:person", args=[cast.member.pk])
    author = reverse("stream:person", args=[cast.space_member.pk])
    for url in (post.get_absolute_url(), reverse("stream:space", args=[cast.space.slug])):
        as_guest = client_for(cast.guest).get(url).content.decode()
        assert f"@{handle}" in as_guest and f'href="{profile}"' not in as_guest, url
        assert "Sam Spacemember" in as_guest and f'href="{author}"' not in as_guest, url
        as_member = client_for(cast.space_lead).get(url).content.decode()
        assert f'href="{profile}"' in as_member and f'href="{author}"' in as_member, url
