"""A reply added with htmx comes back as the thread page shows it: the same partial
(``core/_comment.html``) with the same tools (quote, mark as the answer)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from harambee.core.models import Comment, Visibility
from harambee.core.tests.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db


def tools_of(html: str, reply: Comment) -> str:
    """The thread's tools under ``reply`` in ``html`` (CSRF tokens differ per page)."""
    after = html.split(f'id="comment-{reply.pk}"', 1)[1]
    match = re.search(r'<div class="reply-actions">.*?</div>', after, re.DOTALL)
    assert match, f"no thread tools under reply {reply.pk}"
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", match.group())


@pytest.fixture
def question(cast):
    return PostFactory(
        space=cast.space, author=cast.space_member, visibility=Visibility.SPACE, is_question=True
    )


def test_a_reply_added_with_htmx_has_the_tools_the_page_shows(cast, client_for, question):
    client = client_for(cast.space_member)  # the asker: may quote and choose the answer
    response = client.post(
        reverse("core:comment", args=[question.pk]),
        {"body": "Ask the forest office."},
        HTTP_HX_REQUEST="true",
    )
    reply = Comment.objects.get(content=question)
    fragment = response.content.decode()
    assert response.status_code == 200 and "<html" not in fragment
    page = client.get(question.get_absolute_url()).content.decode()
    tools = tools_of(page, reply)
    assert "Mark as the answer" in tools and f"quote={reply.pk}" in tools
    assert tools_of(fragment, reply) == tools
    # Under it, a link to the page's one comment form, as on the page; the form comes
    # back fresh, out of band.
    assert f"reply_to={reply.pk}#comment-form" in fragment
    assert fragment.count("<textarea") == 1 and 'data-hx-swap-oob="true"' in fragment


def test_a_reply_added_with_htmx_on_a_later_page_quotes_from_that_page(
    cast, client_for, question, monkeypatch
):
    monkeypatch.setattr("harambee.spaces.views.THREAD_PAGE_SIZE", 2)
    earlier = [CommentFactory(content=question, author=cast.space_lead) for _ in range(3)]
    later_page = f"{question.get_absolute_url()}?from={earlier[2].pk}"
    client = client_for(cast.space_lead)
    response = client.post(
        reverse("core:comment", args=[question.pk]),
        {"body": "On the second page."},
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL=f"http://testserver{later_page}",
    )
    reply = Comment.objects.get(body="On the second page.")
    tools = tools_of(client.get(later_page).content.decode(), reply)
    assert f"from={earlier[2].pk}&amp;quote={reply.pk}" in tools
    assert tools_of(response.content.decode(), reply) == tools


def test_a_reply_without_javascript_still_goes_back_to_the_thread(cast, client_for, question):
    response = client_for(cast.space_member).post(
        reverse("core:comment", args=[question.pk]), {"body": "Plain form."}
    )
    reply = Comment.objects.get(content=question)
    assert response.status_code == 302
    assert (
        response["Location"] == f"{question.get_absolute_url()}?from={reply.pk}#comment-{reply.pk}"
    )
