"""Who may do what in a space and in its threads. Each question asks the role table
(``people/roles.py``) through ``user.may`` or ``membership.may``; none compares role
names. What a person may *see* is the gate's business (``core/visibility.py``)."""

from __future__ import annotations

from typing import Any

from harambee.core.models import Content, Visibility
from harambee.core.visibility import can_see_space, can_view, granted_ids
from harambee.people.roles import Perm
from harambee.spaces.models import Post, Space
from harambee.spaces.selectors import membership_for


def space_role_may(user: Any, space_id: int | None, perm: str) -> bool:
    """Whether ``user``'s active role in the space grants ``perm``."""
    membership = membership_for(user, space_id)
    return membership is not None and membership.may(perm)


def may_in(user: Any, space: Space | None, perm: str) -> bool:
    """``perm`` where an item lives: in a space by the space role, outside any space
    (the alliance's blog, wiki, library, forum and stream) by the alliance role."""
    if not (user.is_authenticated and user.is_active):
        return False
    if space is None:
        return bool(user.may(perm))
    return space_role_may(user, space.pk, perm)


def may_write_in(user: Any, space: Space | None) -> bool:
    """Write items (stories, wiki pages, resources, stream posts) in a space, with a
    role there that may post, or alliance-wide, with an alliance role that may post
    (members and stewards, not guests)."""
    return may_in(user, space, Perm.POST)


def may_join(user: Any, space: Space) -> bool:
    """Join a space, or ask to, by oneself: a space one may know of, with an alliance
    role that may join spaces (guests are invited, never join by themselves)."""
    if not (user.is_authenticated and user.is_active):
        return False
    if not can_see_space(user, space):
        return False
    return bool(user.may(Perm.TAKE_PART))


def thread_may(user: Any, thread: Post, perm: str) -> bool:
    """Whether ``user`` may do ``perm`` on a thread they can read: by their space role
    in a space, by their alliance role in the alliance forum."""
    if not (user.is_authenticated and user.is_active) or not can_view(user, thread):
        return False
    if thread.space_id is None:
        return bool(user.may(perm))
    return space_role_may(user, thread.space_id, perm)


def may_mark_answer(user: Any, thread: Post) -> bool:
    """A question's author chooses its answer; so do the thread's moderators."""
    if not thread.is_question or not user.is_authenticated:
        return False
    if thread.author_id == user.pk and can_view(user, thread):
        return True
    return thread_may(user, thread, Perm.MODERATE_THREADS)


def thread_grant_ids(user: Any) -> frozenset[int]:
    """The threads ``user`` holds a running guest invitation to (cached per request
    by the gate)."""
    return granted_ids(user, "threads")


def thread_reply_rule(user: Any, content: Content) -> bool | None:
    """What threads add to the comment rule: a locked thread takes no replies (False);
    an outside voice with a running grant may reply (True); otherwise None, and the
    usual rule decides. ``user`` may already read ``content``."""
    if isinstance(content, Post):
        locked = content.locked
    else:
        locked = Post.objects.filter(pk=content.pk, locked=True).exists()
    if locked:
        return False
    if content.visibility in (
        Visibility.ALLIANCE,
        Visibility.SPACE,
    ) and content.pk in thread_grant_ids(user):
        return True
    return None
