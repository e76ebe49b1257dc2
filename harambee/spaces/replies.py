"""What a thread's page gives each reply in ``core/_comment.html``: its tools (quote,
mark as the answer) and what they need; the same for a reply just added with htmx, so
that it comes back with the tools the page shows (``ContentKind.comment_context``)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from django.http import HttpRequest

from harambee.core.models import Comment, Content
from harambee.spaces import rules, selectors
from harambee.spaces.models import Post


def page_start(value: str | None) -> int | None:
    """``?from=``: a top-level reply's id, or nothing (the first page)."""
    if value is None or not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if 0 < number < 2**63 else None


def reply_context(
    request: HttpRequest, post: Post, *, answer: Comment | None, start: int | None
) -> dict[str, Any]:
    """The context of each reply on the page of ``post`` that starts at the top-level
    reply ``start`` (``None``: the first page)."""
    may_mark_answer = rules.may_mark_answer(request.user, post)
    return {
        "comment_tools": "spaces/_reply_tools.html",
        "post": post,
        "answer": answer,
        "page_start": start,
        "may_mark_answer": may_mark_answer,
        # What the tools show beyond the comment and the reader's rights: the fragment
        # cache's key names it (core/comment_html.py).
        "comment_variant": f"thread:{start or ''}:{int(may_mark_answer)}",
    }


def reply_context_for(request: HttpRequest, content: Content) -> dict[str, Any]:
    """The same for a reply added with htmx to the page the reader is on (htmx names
    it in ``HX-Current-URL``)."""
    post = selectors.post_get(user=request.user, pk=content.pk)
    query = parse_qs(urlsplit(request.headers.get("HX-Current-URL", "")).query)
    return reply_context(
        request,
        post,
        answer=selectors.shown_answer(thread=post),
        start=page_start(query.get("from", [None])[0]),
    )
