"""Helpers every part of the demo uses: text from the data files, backdating, comments."""

from __future__ import annotations

import textwrap
from datetime import datetime, timedelta
from typing import Any, Protocol

from harambee.core.models import Comment, Content
from harambee.core.services import comment_create
from harambee.people.models import User
from harambee.sampledata.specs import CommentSpec


class Writer(Protocol):
    def write(self, msg: str, /) -> Any: ...


def text(body: str) -> str:
    """A block of text from a data file, without its surrounding blank lines."""
    return textwrap.dedent(body).strip()


def backdate(model: Any, pk: int, when: datetime, *fields: str) -> None:
    """Set ``fields`` of one row to ``when``, bypassing ``auto_now``."""
    model.objects.filter(pk=pk).update(**dict.fromkeys(fields, when))


def say(stdout: Writer | None, message: str) -> None:
    if stdout is not None:
        stdout.write(f"{message}\n")


def comment_threads(
    people: dict[str, User],
    content: Content,
    comments: tuple[CommentSpec, ...],
    start: datetime,
    latest: datetime,
) -> None:
    """Write ``comments`` (and their replies) on ``content``, ``hours`` after ``start``
    but never after ``latest``."""
    for top in comments:
        when = min(start + timedelta(hours=top.hours), latest)
        comment = _comment(people, content, top, None, when)
        for reply in top.replies:
            when = min(start + timedelta(hours=reply.hours), latest)
            _comment(people, content, reply, comment, when)


def _comment(
    people: dict[str, User],
    content: Content,
    spec: CommentSpec,
    parent: Comment | None,
    when: datetime,
) -> Comment:
    comment = comment_create(
        author=people[spec.author], content=content, body=spec.body, parent=parent
    )
    backdate(Comment, comment.pk, when, "created", "updated")
    return comment
