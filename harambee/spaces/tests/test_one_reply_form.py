"""A thread page has one comment form, whatever its number of replies: each top-level
reply links to it ("Reply"), with and without JavaScript. Its replies are rendered once
and kept as fragments (core/comment_html.py), keyed by what they show: the tests here
prove each reader still gets their own tools, dates, names and language."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from harambee.core.models import Comment, Visibility
from harambee.core.tests.factories import (
    CommentFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)
from harambee.core.tests.pagechecks import without_csrf_tokens
from harambee.core.tests.querycount import MAX_QUERIES, count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(cast):
    post = PostFactory(
        space=cast.space, author=cast.space_member, visibility=Visibility.SPACE, is_question=True
    )
    for _ in range(30):
        top = CommentFactory(content=post, author=UserFactory())
        CommentFactory(content=post, parent=top, author=UserFactory())
    return post


def forms_of(page: str) -> list[str]:
    return re.findall(r'<form[^>]*class="comment-form"', page)


def li_of(page: str, comment: Comment) -> str:
    start = page.index(f'id="comment-{comment.pk}"')
    return without_csrf_tokens(page[start : page.index("</li>", start)])


def test_a_thread_page_has_one_comment_form_and_a_reply_link_per_conversation(
    cast, client_for, thread
):
    page = client_for(cast.space_lead).get(thread.get_absolute_url()).content.decode()
    tops = Comment.objects.filter(content=thread, parent__isnull=True)
    assert len(forms_of(page)) == 1 and page.count("<textarea") == 1
    for top in tops:
        assert f"?reply_to={top.pk}#comment-form" in page
    # Replies to replies are not offered: one level, as before.
    reply = Comment.objects.filter(content=thread, parent__isnull=False).first()
    assert f"?reply_to={reply.pk}#" not in page


def test_the_thread_page_stays_within_its_query_budget_cold_and_warm(cast, client_for, thread):
    client = client_for(cast.space_member)
    url = thread.get_absolute_url()
    cold = count_queries(client, url)
    warm = count_queries(client, url)
    assert cold <= MAX_QUERIES and warm <= cold


def test_reply_without_javascript_opens_the_form_as_a_reply(cast, client_for, thread):
    client = client_for(cast.space_lead)
    top = Comment.objects.filter(content=thread, parent__isnull=True).last()
    page = client.get(f"{thread.get_absolute_url()}?reply_to={top.pk}").content.decode()
    assert len(forms_of(page)) == 1
    assert f'<input type="hidden" name="parent" value="{top.pk}">' in page
    assert f"Replying to {top.author.display_name}" in page
    response = client.post(
        reverse("core:comment", args=[thread.pk]), {"body": "Agreed.", "parent": str(top.pk)}
    )
    assert response.status_code == 302
    assert Comment.objects.get(body="Agreed.").parent_id == top.pk


@pytest.mark.parametrize("value", ["", "abc", "99999999999999999999", "-1"])
def test_a_reply_to_anything_but_a_shown_conversation_is_a_new_comment(
    cast, client_for, thread, value
):
    page = client_for(cast.space_lead).get(f"{thread.get_absolute_url()}?reply_to={value}")
    html = page.content.decode()
    assert page.status_code == 200 and len(forms_of(html)) == 1
    assert 'name="parent"' not in html


def test_a_reply_to_another_items_comment_is_no_reply(cast, client_for, thread):
    elsewhere = CommentFactory(content=PostFactory(space=cast.space))
    client = client_for(cast.space_lead)
    html = client.get(f"{thread.get_absolute_url()}?reply_to={elsewhere.pk}").content.decode()
    assert 'name="parent"' not in html
    fragment = client.get(
        reverse("core:comment_form", args=[thread.pk]) + f"?parent={elsewhere.pk}"
    ).content.decode()
    assert 'name="parent"' not in fragment


def test_reply_with_htmx_fetches_the_one_form_as_a_reply(cast, client_for, thread):
    top = Comment.objects.filter(content=thread, parent__isnull=True).first()
    client = client_for(cast.space_lead)
    response = client.get(
        reverse("core:comment_form", args=[thread.pk]) + f"?parent={top.pk}",
        HTTP_HX_REQUEST="true",
    )
    fragment = response.content.decode()
    assert response.status_code == 200 and "<html" not in fragment
    assert fragment.lstrip().startswith("<form")
    assert 'id="comment-form"' in fragment and f'value="{top.pk}"' in fragment
    assert "autofocus" in fragment and f'data-hx-target="#replies-{top.pk}"' in fragment


def test_the_form_endpoint_is_behind_the_gate(cast, client_for, thread):
    url = reverse("core:comment_form", args=[thread.pk])
    assert client_for(cast.outsider).get(url).status_code == 404
    anonymous = client_for(None).get(url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    assert client_for(cast.space_lead).get(url).status_code == 200


def test_each_reader_gets_their_own_tools_from_the_same_fragments(cast, client_for, thread):
    url = thread.get_absolute_url()
    mine = CommentFactory(content=thread, author=cast.space_lead)
    theirs = Comment.objects.filter(content=thread, parent__isnull=True).first()
    reader = MembershipFactory(space=cast.space).user
    lead = client_for(cast.space_lead).get(url).content.decode()
    asker = client_for(cast.space_member).get(url).content.decode()  # wrote the question
    member = client_for(reader).get(url).content.decode()
    outsider_view = client_for(None).get(url)
    # The lead flags others' replies but not their own.
    assert "Flag" in li_of(lead, theirs) and "Flag" not in li_of(lead, mine)
    # Another member may reply and flag, but not mark the answer.
    assert "Mark as the answer" not in member and "Flag" in li_of(member, mine)
    assert f"reply_to={theirs.pk}" in member
    # The asker may mark the answer, with a real CSRF token in each form.
    assert "Mark as the answer" in li_of(asker, theirs)
    assert "@@harambee-csrf-token@@" not in asker
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', asker)
    assert tokens and all(token and "@" not in token for token in tokens)
    # A space-only thread answers 404 to the public: nothing of it is shown.
    assert outsider_view.status_code == 404


def test_the_public_sees_no_tools_and_members_see_theirs_on_the_same_thread(cast, client_for):
    post = PostFactory(space=cast.space, visibility=Visibility.PUBLIC)
    comment = CommentFactory(content=post, body="Plant along the river.")
    public = client_for(None).get(post.get_absolute_url()).content.decode()
    member = client_for(cast.space_lead).get(post.get_absolute_url()).content.decode()
    assert "Plant along the river." in li_of(public, comment)
    assert "reply_to=" not in public and "Flag" not in li_of(public, comment)
    assert f"reply_to={comment.pk}" in member and "Flag" in li_of(member, comment)


def test_an_edit_a_new_name_a_language_and_a_time_zone_each_show_at_once(cast, client_for, thread):
    client = client_for(cast.space_lead)
    url = thread.get_absolute_url()
    top = Comment.objects.filter(content=thread, parent__isnull=True).first()
    client.get(url)  # every fragment cached
    top.body = "Changed after the first visit."
    top.save()
    top.author.display_name = "Akosua Renamed"
    top.author.save()
    page = client.get(url).content.decode()
    assert "Changed after the first visit." in li_of(page, top)
    assert "Akosua Renamed" in li_of(page, top)
    # The date in the reader's zone: a reader in Nairobi sees it three hours on.
    cast.space_lead.time_zone = "Africa/Nairobi"
    cast.space_lead.save()
    nairobi = client.get(url).content.decode()
    shown = timezone.localtime(top.created, timezone=ZoneInfo("Africa/Nairobi"))
    assert shown.strftime("%H:%M") in li_of(nairobi, top)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    french = client.get(url).content.decode()
    assert "Signaler" in li_of(french, top) and "Flag" not in li_of(french, top)
