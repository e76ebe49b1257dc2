"""A small, hand-countable world for the insights tests."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from harambee.core.models import Comment, Content
from harambee.core.tests.factories import CommentFactory, PostFactory
from harambee.spaces.models import Post


def backdate(obj, when) -> None:
    """Move an item or a comment to ``when`` (``created`` is set on save)."""
    model = Comment if isinstance(obj, Comment) else Content
    model.objects.filter(pk=obj.pk).update(created=when)
    obj.created = when


def thread(space, author, *, hours_ago: float, **kwargs):
    post = PostFactory(space=space, author=author, **kwargs)
    when = timezone.now() - timedelta(hours=hours_ago)
    backdate(post, when)
    Post.objects.filter(pk=post.pk).update(last_activity=when)
    return post


def reply(post, author, *, hours_ago: float, parent=None, removed: bool = False):
    comment = CommentFactory(content=post, author=author, parent=parent, removed=removed)
    backdate(comment, timezone.now() - timedelta(hours=hours_ago))
    return comment
