"""Comments rendered once and kept as fragments.

A page of 50 replies used to render ``core/_comment.html`` 50 times on every request,
each with its includes, URL reversals and dates. Here each comment's ``<li>`` is
rendered once per *variant* and kept in the ``fragments`` cache; a request only looks
its comments up (one ``get_many``) and renders the ones it misses.

A fragment's key names everything its HTML depends on, so it is never invalidated,
only left to age out:

- the comment (pk and ``updated``: an edit gives a new key) and its author's
  display name;
- the reader's language and time zone (the date is shown in the reader's zone);
- the reader's *rights class* on the page: signed in or not, may see people (the
  body's mentions are links only then, ``for_reader``), may comment, whether the
  comment is the reader's own (no "flag" on one's own comment), and the page's own
  ``comment_variant`` (a thread: may mark the answer, the page of replies the tools
  link back to) and the accepted answer, if any;
- the item (the "Reply" link points at its page).

What differs per request stays out of the fragment: the CSRF token is written as a
placeholder and filled in on the way out; the item's reactions, watch state and the one
comment form are outside the list altogether.

Replies under a top-level comment are fragments of their own, put into their parent's
``<ul>`` where ``REPLIES`` marks it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.core.cache import caches
from django.template import Context, loader
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from harambee.core import slots
from harambee.core.models import Comment
from harambee.core.selectors import full_comments
from harambee.core.visibility import may_see_people

TEMPLATE = "core/_comment.html"
REPLIES = "<!--replies-->"
CSRF_PLACEHOLDER = "@@harambee-csrf-token@@"
# A week: fragments are keyed by what they show, so age only bounds memory.
TIMEOUT = 7 * 24 * 3600


def _key(comment: Comment, base: str, user_id: int | None) -> str:
    own = "1" if user_id is not None and comment.author_id == user_id else "0"
    raw = "|".join(
        (
            base,
            str(comment.pk),
            comment.updated.isoformat() if comment.updated else "",
            comment.author.display_name,
            own,
        )
    )
    return "comment:" + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def _base(context: Context) -> str:
    """What every fragment of this page shares in its key: the reader's rights class,
    language, time zone and the page."""
    user = context.get("user")
    content = context.get("content")
    answer = context.get("answer")
    return "|".join(
        (
            get_language() or "",
            timezone.get_current_timezone_name(),
            "1" if user is not None and user.is_authenticated else "0",
            # Mentions in a body are links only for those who may see people.
            "1" if may_see_people(user) else "0",
            "1" if context.get("may_comment") else "0",
            str(context.get("comment_tools") or ""),
            str(context.get("comment_variant") or ""),
            str(answer.pk) if answer is not None else "",
            str(content.pk) if content is not None else "",
        )
    )


def render_comments(context: Context, comments: Iterable[Comment]) -> SafeString:
    """The ``<li>`` of each comment in ``comments`` (top-level ones with their
    ``live_replies``, if loaded), with the tools the page's context asks for."""
    comments = list(comments)
    if not comments:
        return mark_safe("")
    cache = caches["fragments"]
    user = context.get("user")
    user_id = user.pk if user is not None and user.is_authenticated else None
    base = _base(context)
    every: list[Comment] = []
    for comment in comments:
        every.append(comment)
        every.extend(getattr(comment, "live_replies", ()))
    keys = {comment.pk: _key(comment, base, user_id) for comment in every}
    found: dict[str, str] = cache.get_many(list(keys.values()))
    missing = [comment for comment in every if keys[comment.pk] not in found]
    if missing:
        # A page of rows (``selectors.CommentRow``) reads the whole comments it misses.
        whole = full_comments(missing)
        rendered = _render(context, [whole[comment.pk] for comment in missing])
        cache.set_many({keys[pk]: html for pk, html in rendered.items()}, TIMEOUT)
        found.update({keys[pk]: html for pk, html in rendered.items()})
    parts = []
    for comment in comments:
        html = found[keys[comment.pk]]
        if REPLIES in html:
            children = "".join(
                found[keys[reply.pk]] for reply in getattr(comment, "live_replies", ())
            )
            html = html.replace(REPLIES, children, 1)
        parts.append(html)
    out = "".join(parts)
    if CSRF_PLACEHOLDER in out:
        out = out.replace(CSRF_PLACEHOLDER, str(context.get("csrf_token", "")))
    return mark_safe(out)  # noqa: S308 -- rendered (and escaped) by the template engine


def _render(context: Context, comments: list[Comment]) -> dict[int, str]:
    template = loader.get_template(TEMPLATE).template
    out = {}
    with context.push(
        csrf_token=CSRF_PLACEHOLDER, comment_slot_tools=slots.templates("comment-tools")
    ):
        for comment in comments:
            with context.push(comment=comment):
                out[comment.pk] = template.render(context)
    return out
