"""The check every service that creates an item or a comment asks first.

Core does not know why someone may not write; the apps that do (moderation: suspended
accounts, new accounts' hourly limit) register a check with
``core.registry.register_posting_check``. A check raises ``PermissionDenied`` or
``ValidationError`` with a message for the writer. It is given ``content``, the item a
reply is written to, when there is one (insights: a thread's slow mode), else None.

Limits about people posting apply only to writes made while ``person_writing()`` is on:
the moderation middleware turns it on for every request that may change something.
Commands, imports, the demo and tests that call services directly are not limited.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from harambee.core.registry import posting_checks

_PERSON_WRITING: ContextVar[bool] = ContextVar("harambee_person_writing", default=False)


@contextmanager
def person_writing() -> Iterator[None]:
    """Writes made inside come from a person's request and count against limits."""
    token = _PERSON_WRITING.set(True)
    try:
        yield
    finally:
        _PERSON_WRITING.reset(token)


def is_person_writing() -> bool:
    return _PERSON_WRITING.get()


def check_posting(*, user: Any, content: Any = None) -> None:
    """Ask every registered check whether ``user`` may write now (a reply to
    ``content``, when given)."""
    if not (user is not None and user.is_authenticated):
        return
    for check in posting_checks():
        check(user=user, content=content)
