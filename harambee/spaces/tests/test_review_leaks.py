"""Leaks found in review of the thread features: replies that a removed (or hidden)
comment took off the page must not come back through a quote or as the accepted
answer."""

from __future__ import annotations

import pytest

from harambee.core.models import Visibility
from harambee.core.tests.factories import CommentFactory, PostFactory
from harambee.spaces import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_reply(cast):
    """A question in the space whose top-level reply was hidden by a moderator; a
    reply to that reply (quoting it) is off the page with it."""
    thread = PostFactory(
        space=cast.space, author=cast.space_member, visibility=Visibility.SPACE, is_question=True
    )
    parent = CommentFactory(content=thread, author=cast.guest, body="REMOVED-PARENT words")
    reply = CommentFactory(
        content=thread,
        parent=parent,
        author=cast.space_lead,
        body="> REMOVED-PARENT words\n\nREPLY-UNDER-REMOVED words",
    )
    return thread, parent, reply


def _hide(comment):
    comment.removed = True
    comment.save(update_fields=["removed"])


def test_a_reply_to_a_removed_comment_is_not_on_the_page(cast, hidden_reply, client_for):
    thread, parent, _reply = hidden_reply
    _hide(parent)
    page = client_for(cast.space_member).get(thread.get_absolute_url()).content.decode()
    assert "REPLY-UNDER-REMOVED" not in page and "REMOVED-PARENT" not in page


@pytest.mark.parametrize("htmx", [False, True])
def test_a_reply_to_a_removed_comment_cannot_be_quoted(cast, hidden_reply, client_for, htmx):
    thread, parent, reply = hidden_reply
    _hide(parent)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client_for(cast.space_member).get(
        thread.get_absolute_url(), {"quote": reply.pk}, **headers
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "REPLY-UNDER-REMOVED" not in body and "REMOVED-PARENT" not in body
    assert "That reply cannot be quoted" in body


def test_an_answer_under_a_removed_comment_is_not_shown(cast, hidden_reply, client_for):
    thread, parent, reply = hidden_reply
    services.thread_mark_answer(actor=cast.space_member, thread=thread, comment=reply)
    _hide(parent)
    page = client_for(cast.space_member).get(thread.get_absolute_url()).content.decode()
    assert "REPLY-UNDER-REMOVED" not in page and "REMOVED-PARENT" not in page
    assert 'id="answer-heading"' not in page
