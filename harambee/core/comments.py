"""What an item's kind adds to each of its comments.

``core/_comment.html`` shows any comment on any item. A kind whose page offers more
with each comment (a thread: quote it, mark it as the answer) gives that page's
context for ``core/_comment.html`` a ``comment_tools`` template and what it needs,
and registers a function giving the same context in its ``AppConfig.ready()``::

    comments.register_context("post", replies.reply_context_for)

so that a comment added with htmx comes back with the tools the page shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

from harambee.core.models import Content

CommentContext = Callable[[HttpRequest, Content], dict[str, Any]]

_contexts: dict[str, CommentContext] = {}


def register_context(kind: str, function: CommentContext) -> None:
    """``function(request, content)`` gives the context the page of an item of
    ``kind`` gives each of its comments (``request.user`` may read ``content``)."""
    _contexts[kind] = function


def comment_context(request: HttpRequest, content: Content) -> dict[str, Any]:
    """The context a comment on ``content`` is shown with on the item's page, beyond
    ``comment``, ``content`` and ``may_comment``: nothing for most kinds."""
    function = _contexts.get(content.kind)
    return function(request, content) if function is not None else {}
