"""The conditions that raise a prompt for facilitators, checked by the task worker.

Each condition has a key (``Prompt.key``, unique): a condition raised once is never
raised again, dismissed or not. Where a condition may end and come back (a member
quiet again after posting), the key names the last contribution, so it is new.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from harambee.core.models import Comment, Content, Visibility
from harambee.insights.models import Prompt, PromptKind
from harambee.people.models import User
from harambee.spaces.models import Membership, Post

UNANSWERED_AFTER = timedelta(hours=48)
LOOK_BACK = timedelta(days=30)
QUIET_AFTER = timedelta(days=30)
QUIET_LOOK_BACK = timedelta(days=90)
MIN_THREAD_POSTS = 6
MIN_ONE_SECTOR = 3
MIN_SPACE_POSTS = 5


def _shown() -> Q:
    return Q(removed=False) & ~Q(visibility=Visibility.PRIVATE)


def _unanswered(now: datetime) -> list[Prompt]:
    others = Comment.objects.filter(content_id=OuterRef("pk"), removed=False).exclude(
        author_id=OuterRef("author_id")
    )
    threads = Post.objects.filter(
        _shown(),
        locked=False,
        created__lt=now - UNANSWERED_AFTER,
        created__gte=now - LOOK_BACK,
    ).filter(~Exists(others))
    return [
        Prompt(kind=PromptKind.UNANSWERED, key=f"unanswered:{pk}", space_id=space, thread_id=pk)
        for pk, space in threads.values_list("pk", "space_id")
    ]


def _thread_prompts(now: datetime) -> list[Prompt]:
    threads = dict(
        Post.objects.filter(_shown(), last_activity__gte=now - LOOK_BACK).values_list(
            "pk", "space_id"
        )
    )
    authors = dict(Post.objects.filter(pk__in=list(threads)).values_list("pk", "author_id"))
    posts: dict[int, Counter[int]] = defaultdict(Counter)
    for thread_id, author in authors.items():
        if author is not None:
            posts[thread_id][author] += 1
    for thread_id, author in Comment.objects.filter(
        content_id__in=list(threads), removed=False
    ).values_list("content_id", "author_id"):
        posts[thread_id][author] += 1
    people = {p for counts in posts.values() for p in counts}
    sector_of = dict(User.objects.filter(pk__in=people).values_list("pk", "sector"))
    found = []
    for thread_id, counts in posts.items():
        space = threads[thread_id]
        sectors = {sector_of.get(p) or "" for p in counts}
        if len(counts) >= MIN_ONE_SECTOR and len(sectors) == 1 and "" not in sectors:
            found.append(
                Prompt(
                    kind=PromptKind.ONE_SECTOR,
                    key=f"one_sector:{thread_id}",
                    space_id=space,
                    thread_id=thread_id,
                    sector=sectors.pop(),
                )
            )
        total = sum(counts.values())
        person, most = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
        if total >= MIN_THREAD_POSTS and most * 2 > total:
            found.append(
                Prompt(
                    kind=PromptKind.DOMINANT,
                    key=f"dominant:{thread_id}:{person}",
                    space_id=space,
                    thread_id=thread_id,
                    person_id=person,
                    share=most / total,
                )
            )
    return found


def _last_contributions(space_id: int) -> dict[int, datetime]:
    last: dict[int, datetime] = {}
    shown = Content.objects.filter(_shown(), space_id=space_id)
    for query in (
        shown.values("author_id"),
        Comment.objects.filter(content__in=shown.values("pk"), removed=False).values("author_id"),
    ):
        for person, when in query.annotate(last=Max("created")).values_list("author_id", "last"):
            if person is not None and (person not in last or when > last[person]):
                last[person] = when
    return last


def _space_prompts(now: datetime) -> list[Prompt]:
    found = []
    members: dict[int, set[int]] = defaultdict(set)
    for space, person in Membership.objects.active().values_list("space_id", "user_id"):
        members[space].add(person)
    sector_of = dict(
        User.objects.filter(pk__in={p for ps in members.values() for p in ps}).values_list(
            "pk", "sector"
        )
    )
    for space, people in members.items():
        last = _last_contributions(space)
        recent = {p for p, when in last.items() if when >= now - QUIET_AFTER}
        for person in people:
            when = last.get(person)
            if when is not None and now - QUIET_LOOK_BACK <= when < now - QUIET_AFTER:
                found.append(
                    Prompt(
                        kind=PromptKind.QUIET,
                        key=f"quiet:{space}:{person}:{when:%Y%m%d%H%M}",
                        space_id=space,
                        person_id=person,
                    )
                )
        if len(recent) < 2 and not _busy(space, now):
            continue
        spoken = {sector_of.get(p) or "" for p in recent}
        for sector in sorted({sector_of.get(p) or "" for p in people} - spoken - {""}):
            ever = [when for p, when in last.items() if (sector_of.get(p) or "") == sector]
            since = max(ever).strftime("%Y%m%d") if ever else "never"
            found.append(
                Prompt(
                    kind=PromptKind.ABSENT_SECTOR,
                    key=f"absent:{space}:{sector}:{since}",
                    space_id=space,
                    sector=sector,
                )
            )
    return found


def _busy(space: int, now: datetime) -> bool:
    return (
        Comment.objects.filter(
            content__space_id=space, removed=False, created__gte=now - QUIET_AFTER
        ).count()
        >= MIN_SPACE_POSTS
    )


def prompts_raise(*, now: datetime | None = None) -> int:
    """Raise every prompt whose condition holds now and was never raised. Returns how
    many are new."""
    now = now or timezone.now()
    found: list[Any] = [*_unanswered(now), *_thread_prompts(now), *_space_prompts(now)]
    known = set(Prompt.objects.filter(key__in=[p.key for p in found]).values_list("key", flat=True))
    fresh = {p.key: p for p in found if p.key not in known}
    Prompt.objects.bulk_create(fresh.values(), ignore_conflicts=True)
    return len(fresh)
