"""The demo's notifications for the four demo sign-ins.

``load_notifications(people, now)`` is called by ``demo.load_demo`` after
everything else exists. Many more notices are written by this app's receivers when
the demo's transaction commits (replies, mentions, follows, join requests). Here each
sign-in gets a handful of pending notices about recent items they may read (the
services drop anything the gate hides), a reply to something they wrote, and one
notice already read, so the centre shows both states. Each also watches the newest
forum thread they may read and did not start, so its page shows "Stop watching".
"""

from __future__ import annotations

from datetime import datetime, timedelta

from harambee.core.models import Comment, Content
from harambee.core.visibility import visible
from harambee.notifications import services
from harambee.notifications.models import Kind, Notification
from harambee.people.models import User
from harambee.spaces.models import Post

SIGN_INS = ("amara", "kwame", "lucia", "pieter")  # steward@, lead@, member@, guest@


def load_notifications(people: dict[str, User], now: datetime) -> None:
    for n, key in enumerate(SIGN_INS):
        person = people.get(key)
        if person is None:
            continue
        recent = list(
            visible(person, Content.objects.exclude(author=person))
            .select_related("author")
            .order_by("-created")[:5]
        )
        for item in recent:
            services.notification_create_many(
                recipients=[person], kind=Kind.FOLLOWED, actor=item.author, content=item
            )
        reply = (
            Comment.objects.filter(content__author=person, removed=False)
            .exclude(author=person)
            .select_related("content", "author")
            .order_by("-created")
            .first()
        )
        if reply is not None:
            services.notification_create_many(
                recipients=[person],
                kind=Kind.REPLY,
                actor=reply.author,
                content=reply.content,
                comment=reply,
            )
        mine = Notification.objects.filter(recipient=person).order_by("pk")
        oldest = mine.first()
        if oldest is not None and mine.count() > 1:
            Notification.objects.filter(pk=oldest.pk).update(read=now - timedelta(hours=n + 1))
        thread = (
            visible(person, Post.objects.filter(space__isnull=True).exclude(author=person))
            .order_by("-created")
            .first()
        )
        if thread is not None:
            services.watch_set(user=person, content=thread, watching=True)
