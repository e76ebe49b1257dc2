"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

Every signed-in member of the cast is sent a notice of every kind about every item
of the world, and a reply notice about every comment, through the services (which
drop what the gate hides), and then, for the items each may not see, notices are
written straight to the table as if the item had been narrowed after it was told:
the centre, the count and the links must not show any of them. Join requests,
decisions and invitations about the secret space are added for people who may not
know it, and notices of answers to every call for participation for people who may not
read the call. Everything is left unread.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.urls import reverse

from harambee.core.models import Comment
from harambee.notifications import services
from harambee.notifications.models import Kind, Notification
from harambee.spaces.models import Invitation, JoinRequest

SHOWN = datetime(2026, 1, 1, tzinfo=UTC)


def build(cast, world) -> None:
    readers = [getattr(cast, name) for name in cast.names if name != "anon"]
    items = world["items"]
    comments = {c.content_id: c for c in Comment.objects.filter(content__in=items)}
    for item in items:
        for kind in (Kind.MENTION, Kind.FOLLOWED, Kind.WIKI):
            services.notification_create_many(
                recipients=readers, kind=kind, actor=item.author, content=item
            )
        comment = comments.get(item.pk)
        if comment is not None:
            services.notification_create_many(
                recipients=readers,
                kind=Kind.REPLY,
                actor=comment.author,
                content=item,
                comment=comment,
            )
    # As if each hidden item had been visible when its notice was made.
    from harambee.core.visibility import can_view

    stale = [
        Notification(
            recipient=reader, kind=Kind.THREAD, actor=item.author, content=item, shown=SHOWN
        )
        for reader in readers
        for item in items
        if not can_view(reader, item)
    ]
    Notification.objects.bulk_create(stale, ignore_conflicts=True)
    # Answers to calls for participation and their decisions: told through the
    # services (the gate keeps out whoever may not read the call), and, about every
    # call of the world, written as if it had been readable when told.
    for submission in world.get("research_submissions", []):
        for kind in (Kind.CALL_ANSWERED, Kind.CALL_DECISION):
            services.notification_create_many(
                recipients=readers,
                kind=kind,
                actor=submission.author,
                content=submission.call,
                submission=submission,
            )
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=reader,
                kind=Kind.CALL_ANSWERED,
                actor=call.author,
                content=call,
                shown=SHOWN,
            )
            for call in world.get("research_calls", [])
            for reader in readers
            if not can_view(reader, call)
        ],
        ignore_conflicts=True,
    )
    secret = world["secret"]
    request = JoinRequest.objects.create(space=secret, user=cast.member, status="declined")
    invitation = Invitation.objects.create(
        space=secret,
        email=cast.outsider.email,
        invited_by=cast.space_member,
        expires="2099-01-01T00:00:00Z",
    )
    for reader in readers:
        Notification.objects.bulk_create(
            [
                Notification(
                    recipient=reader,
                    kind=Kind.JOIN_DECISION,
                    space=secret,
                    join_request=request,
                    shown=SHOWN,
                ),
                Notification(
                    recipient=reader,
                    kind=Kind.INVITATION,
                    actor=cast.space_member,
                    space=secret,
                    invitation=invitation,
                    shown=SHOWN,
                ),
            ],
            ignore_conflicts=True,
        )
    world["notifications"] = list(Notification.objects.order_by("pk"))


def urls_for(name: str, cast, world) -> list[str] | None:
    """URLs for this app's routes that take parameters; None for other routes."""
    if not name.startswith("notifications:"):
        return None
    notices = world["notifications"]
    if name in {"notifications:go", "notifications:read"}:
        # Every notice of everybody: each reader may open only their own visible ones.
        return [reverse(name, args=[n.pk]) for n in notices[:: max(1, len(notices) // 150)]]
    if name == "notifications:unsubscribe":
        return [
            reverse(name, args=[services.unsubscribe_token(user=cast.member, kind="all")]),
            reverse(name, args=["tampered"]),
        ]
    if name == "notifications:watch":
        # A form's target (POST only; ``test_watch_and_widening`` posts to hidden items).
        return [reverse(name, args=[item.pk]) for item in world["items"][:20]]
    if name == "notifications:centre":
        url = reverse(name)
        return [url, f"{url}?before={notices[-1].pk + 1}" if notices else url]
    return [reverse(name)]
