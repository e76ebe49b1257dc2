"""Threads' part of the leak test's world (see ``core/tests/test_leaks.py``).

Threads in every space of the world and in the alliance forum, at every visibility,
pinned, locked and answered ones among them, each with a summary and a reply that
carry its marker; plus outside voices: a running grant for the guest on an
alliance-wide thread, one for the outsider on a thread of the secret space (whose
name must still not show), and an expired one for a member.
"""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from harambee.core.models import Comment, Visibility
from harambee.core.visibility import can_see_space
from harambee.spaces.models import Post, ThreadGuest, ThreadSummary


def build(cast, world) -> None:
    """Add threads and thread grants to ``world`` (and to ``world["items"]``)."""
    authors = {**world["authors"], None: cast.member}
    threads: list[Post] = []
    replies: list[Comment] = []
    for space, author in authors.items():
        for vis in Visibility.values:
            if space is None and vis == Visibility.SPACE:
                continue
            marker = f"LEAK{len(world['items'])}T"
            thread = Post.objects.create(
                space=space,
                author=author,
                visibility=vis,
                title=f"{marker}-TITLE",
                body=f"{marker}-BODY",
                pinned=vis == Visibility.PUBLIC,
                locked=vis == Visibility.ALLIANCE,
                is_question=vis in (Visibility.SPACE, Visibility.PRIVATE),
            )
            reply = Comment.objects.create(content=thread, author=author, body=f"{marker}-REPLY")
            ThreadSummary.objects.create(thread=thread, author=author, body=f"{marker}-OLDSUM")
            ThreadSummary.objects.create(thread=thread, author=author, body=f"{marker}-SUMMARY")
            if thread.is_question:
                Post.objects.filter(pk=thread.pk).update(answer=reply)
            thread = Post.objects.get(pk=thread.pk)
            world["items"].append(thread)
            threads.append(thread)
            replies.append(reply)
    now = timezone.now()

    def pick(space, vis):
        return next(t for t in threads if t.space_id == space and t.visibility == vis)

    grants = [
        # The guest, a member of cast.space only, hears one alliance-wide thread.
        ThreadGuest.objects.create(
            thread=pick(None, Visibility.ALLIANCE),
            user=cast.guest,
            expires=now + timedelta(days=7),
            invited_by=cast.steward,
        ),
        # The outsider is let into one thread of a secret space: not its name.
        ThreadGuest.objects.create(
            thread=pick(world["secret"].pk, Visibility.SPACE),
            user=cast.outsider,
            expires=now + timedelta(days=7),
            invited_by=cast.space_member,
        ),
        # An ended grant gives nothing.
        ThreadGuest.objects.create(
            thread=pick(cast.space.pk, Visibility.SPACE),
            user=cast.member,
            expires=now - timedelta(minutes=1),
            invited_by=cast.space_lead,
        ),
    ]
    world["threads"] = threads
    world["thread_replies"] = replies
    world["thread_grants"] = grants


THREAD_ROUTES = {
    "spaces:thread_moderate",
    "spaces:thread_answer",
    "spaces:thread_summary",
    "spaces:thread_invite",
}


def urls_for(name: str, cast, world) -> list[str] | None:
    """URLs for the routes threads added, and thread pages with quotes; None otherwise."""
    threads, replies = world["threads"], world["thread_replies"]
    if name == "spaces:post":
        pages = [reverse(name, args=[p.pk]) for p in [*world["posts"], *threads]]
        # Quoting its own reply, and trying to quote the next thread's (maybe hidden) one.
        quotes = [
            f"{reverse(name, args=[t.pk])}?quote={r.pk}"
            for t, r in zip(threads, [*replies[1:], replies[0]], strict=True)
        ] + [
            f"{reverse(name, args=[t.pk])}?quote={r.pk}"
            for t, r in zip(threads, replies, strict=True)
        ]
        return pages + quotes
    if name == "spaces:threads":
        return [
            f"{reverse(name, args=[s.slug])}?sort={sort}"
            for s in world["spaces"]
            for sort in ("activity", "new", "replies")
        ]
    if name == "spaces:forum":
        return [f"{reverse(name)}?sort={sort}" for sort in ("activity", "new", "replies")]
    if name in THREAD_ROUTES:
        return [reverse(name, args=[t.pk]) for t in threads]
    if name == "spaces:thread_guest_end":
        return [reverse(name, args=[g.thread_id, g.pk]) for g in world["thread_grants"]]
    return None


def listed_on(user, item, world) -> list[str] | None:
    """A thread (the world's posts are threads too) is listed on its space's page, or
    in the forum; None for other kinds."""
    if not isinstance(item, Post):
        return None
    if item.space_id is None:
        return [reverse("spaces:forum"), f"{reverse('spaces:forum')}?sort=new"]
    if not can_see_space(user, item.space):
        return []
    slug = item.space.slug
    return [reverse("spaces:detail", args=[slug]), reverse("spaces:threads", args=[slug])]
