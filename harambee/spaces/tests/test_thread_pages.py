"""A thread's replies come in pages of top-level replies (each with its replies), oldest
first, by keyset (``?from=<top-level reply>``); links to a reply land on its page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from harambee.core.models import Comment
from harambee.core.selectors import comment_page
from harambee.core.tests.checkers import VNU_JAR, java, require_file, vnu
from harambee.core.tests.factories import CommentFactory, PostFactory, UserFactory
from harambee.core.tests.querycount import assert_constant_queries
from harambee.spaces import selectors, services
from harambee.spaces.views import THREAD_PAGE_SIZE

pytestmark = pytest.mark.django_db

NEXT = re.compile(r'href="/posts/\d+/\?from=(\d+)#comments-heading" rel="next"')


@pytest.fixture
def thread(cast):
    return PostFactory(space=cast.space, author=cast.space_member, visibility="space")


def add_replies(thread, n, author):
    return [CommentFactory(content=thread, author=author, body=f"Reply {i}") for i in range(n)]


def top_level_ids(page: str) -> list[int]:
    """The top-level replies on a thread page: each has its list of replies."""
    return [int(pk) for pk in re.findall(r'id="replies-(\d+)"', page)]


def replies_nav(page: str) -> str:
    match = re.search(r'<nav class="pagination" aria-label="[^"]*">.*?</nav>', page, re.S)
    return match.group(0) if match else ""


def test_the_first_page_shows_fifty_and_later_links_reach_every_reply_once(
    cast, thread, client_for
):
    assert THREAD_PAGE_SIZE == 50
    tops = add_replies(thread, 120, cast.space_lead)
    # Replies under the tops come with them; a removed top-level reply and what is
    # under it are not shown.
    inner = CommentFactory(content=thread, parent=tops[70], author=cast.guest)
    gone = CommentFactory(content=thread, author=cast.guest, removed=True)
    CommentFactory(content=thread, parent=gone, author=cast.guest, body="Under removed")
    client = client_for(cast.space_member)
    url = thread.get_absolute_url()
    page = client.get(url).content.decode()
    assert top_level_ids(page) == [c.pk for c in tops[:50]]
    nav = replies_nav(page)
    assert "Later replies" in nav and "Earlier replies" not in nav
    assert '<nav class="pagination" aria-label="Pages of replies">' in page
    seen, pages = top_level_ids(page), 1
    while match := NEXT.search(page):
        page = client.get(url, {"from": match.group(1)}).content.decode()
        pages += 1
        nav = replies_nav(page)
        assert f'href="{url}#comments-heading">Earlier replies</a>' in nav
        seen += top_level_ids(page)
        assert pages <= 3
    assert pages == 3 and "Later replies" not in replies_nav(page)
    assert seen == [c.pk for c in tops]
    assert len(set(seen)) == 120
    assert f'id="comment-{inner.pk}"' in client.get(inner.get_absolute_url()).content.decode()
    for from_ in (None, *[c.pk for c in tops]):
        comments, _next, _earlier = comment_page(content=thread, start=from_, limit=50)
        assert gone.pk not in [c.pk for c in comments]
        assert all(r.parent_id != gone.pk for c in comments for r in c.live_replies)


def test_a_short_thread_has_no_page_links(cast, thread, client_for):
    add_replies(thread, 3, cast.space_lead)
    page = client_for(cast.space_member).get(thread.get_absolute_url()).content.decode()
    assert len(top_level_ids(page)) == 3 and replies_nav(page) == ""


def test_the_selector_pages_by_keyset(cast, thread):
    tops = add_replies(thread, 7, cast.space_lead)
    comments, next_start, earlier = comment_page(content=thread, limit=3)
    assert [c.pk for c in comments] == [c.pk for c in tops[:3]]
    assert (next_start, earlier) == (tops[3].pk, False)
    comments, next_start, earlier = comment_page(content=thread, start=tops[3].pk, limit=3)
    assert [c.pk for c in comments] == [c.pk for c in tops[3:6]]
    assert (next_start, earlier) == (tops[6].pk, True)
    comments, next_start, earlier = comment_page(content=thread, start=tops[6].pk, limit=3)
    assert [c.pk for c in comments] == [tops[6].pk] and (next_start, earlier) == (None, True)
    # Starting at the first reply is the first page.
    assert comment_page(content=thread, start=tops[0].pk, limit=3)[1:] == (tops[3].pk, False)


@pytest.mark.parametrize("bad", ["other", "removed", "reply", "garbage", "huge", "negative"])
def test_a_from_that_is_not_this_threads_live_top_level_reply_gives_the_first_page(
    cast, thread, client_for, bad
):
    tops = add_replies(thread, 60, cast.space_lead)
    other = PostFactory(space=None, author=cast.member, visibility="public")
    foreign = CommentFactory(content=other, author=cast.member, body="Elsewhere entirely")
    removed = CommentFactory(content=thread, author=cast.guest, removed=True)
    reply = CommentFactory(content=thread, parent=tops[55], author=cast.guest)
    value = {
        "other": foreign.pk,
        "removed": removed.pk,
        "reply": reply.pk,
        "garbage": "12abc",
        "huge": "9" * 40,
        "negative": "-3",
    }[bad]
    response = client_for(cast.space_member).get(thread.get_absolute_url(), {"from": value})
    assert response.status_code == 200
    page = response.content.decode()
    assert top_level_ids(page) == [c.pk for c in tops[:50]]
    assert "Earlier replies" not in page and "Later replies" in page
    assert "Elsewhere entirely" not in page


def test_links_to_a_reply_land_on_its_page(cast, thread, client_for):
    tops = add_replies(thread, 110, cast.space_lead)
    reply = CommentFactory(content=thread, parent=tops[99], author=cast.guest)
    url = thread.get_absolute_url()
    assert reply.get_absolute_url() == f"{url}?from={tops[99].pk}#comment-{reply.pk}"
    assert tops[80].get_absolute_url() == f"{url}?from={tops[80].pk}#comment-{tops[80].pk}"
    client = client_for(cast.space_member)
    for comment in (reply, tops[80], tops[0]):
        page = client.get(comment.get_absolute_url()).content.decode()
        assert f'id="comment-{comment.pk}"' in page
    # Replying without JavaScript comes back to the new reply, on its page.
    response = client.post(
        reverse("core:comment", args=[thread.pk]), {"body": "Late to this", "parent": tops[105].pk}
    )
    new = Comment.objects.get(body="Late to this")
    assert response.status_code == 302 and response["Location"] == new.get_absolute_url()
    assert f'id="comment-{new.pk}"' in client.get(response["Location"]).content.decode()


def test_the_accepted_answer_links_to_its_page(cast, thread, client_for):
    thread.is_question = True
    thread.save(update_fields=["is_question"])
    tops = add_replies(thread, 80, cast.space_lead)
    answer = tops[75]
    services.thread_mark_answer(actor=cast.space_member, thread=thread, comment=answer)
    client = client_for(cast.space_member)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert f'href="{answer.get_absolute_url()}">Go to the reply' in page
    assert f'id="comment-{answer.pk}"' not in page
    assert f'id="comment-{answer.pk}"' in client.get(answer.get_absolute_url()).content.decode()


def test_quoting_keeps_the_page(cast, thread, client_for):
    tops = add_replies(thread, 60, cast.space_lead)
    url = thread.get_absolute_url()
    client = client_for(cast.space_member)
    page = client.get(url, {"from": tops[55].pk}).content.decode()
    assert f'href="{url}?from={tops[55].pk}&amp;quote={tops[57].pk}#comment-form"' in page
    page = client.get(url, {"from": tops[55].pk, "quote": tops[57].pk}).content.decode()
    assert top_level_ids(page) == [c.pk for c in tops[55:]]
    form = page[page.index('id="comment-form"') :]
    assert f"?from={tops[57].pk}#comment-{tops[57].pk})" in form
    # The first page's quote links stay as they were.
    page = client.get(url).content.decode()
    assert f'href="{url}?quote={tops[0].pk}#comment-form"' in page
    assert selectors.quote_for(thread=thread, comment_id=str(tops[0].pk)).startswith(
        f"> [{cast.space_lead.display_name} wrote]({url}?from={tops[0].pk}#comment-{tops[0].pk})"
    )


@pytest.mark.parametrize("start", ["first", "from"])
def test_thread_page_queries_stay_constant_with_pages(cast, thread, client_for, start):
    first = CommentFactory(content=thread, author=cast.space_lead)
    url = thread.get_absolute_url()
    if start == "from":
        url = f"{url}?from={first.pk}"

    def add(n):
        for _ in range(n):
            top = CommentFactory(content=thread, author=UserFactory())
            CommentFactory(content=thread, parent=top, author=UserFactory())

    assert_constant_queries(client_for(cast.space_member), url, add)


def test_paged_thread_pages_are_valid_html(cast, thread, client_for, tmp_path):
    require_file(VNU_JAR)
    java()
    tops = add_replies(thread, 120, cast.space_lead)
    CommentFactory(content=thread, parent=tops[60], author=cast.guest)
    client, url = client_for(cast.space_lead), thread.get_absolute_url()
    pages = {
        "first": f"{url}",
        "middle": f"{url}?from={tops[50].pk}",
        "last": f"{url}?from={tops[100].pk}",
        "quote": f"{url}?from={tops[50].pk}&quote={tops[51].pk}",
    }
    for label, path in pages.items():
        response = client.get(path)
        assert response.status_code == 200, label
        (tmp_path / f"{label}.html").write_text(response.content.decode(), encoding="utf-8")
    messages = vnu(tmp_path)
    problems = [m for m in messages if m.get("type") == "error" or m.get("subType") == "warning"]
    assert problems == [], "\n".join(
        f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in problems
    )
