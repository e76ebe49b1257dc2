"""Gathering rows for the measures: run by the task worker (``tasks.py``), never by a
page. Private items do not count (nor do replies to them), nor do removed items or
replies. Each scope's result is a plain dict stored in a ``Snapshot``.

Scopes: ``space:<id>`` (an initiative is a space too), ``thread:<id>``, ``alliance``
(everything outside private drafts, the forum included).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from typing import Any

from django.db.models import Count, Min, Q
from django.utils import timezone

from harambee.core.models import Comment, Content, Visibility
from harambee.insights import measures as m
from harambee.insights.models import ChannelSurvey, ItemRead, Snapshot
from harambee.people.models import User
from harambee.people.roles import Perm, alliance_roles_with
from harambee.spaces.models import Membership, Post

TOP_PEOPLE = 10
THREAD_ROWS = 50


def _content_filter(scope: str) -> Q:
    shown = Q(removed=False) & ~Q(visibility=Visibility.PRIVATE)
    kind, _, pk = scope.partition(":")
    if kind == "space":
        return shown & Q(space_id=int(pk))
    if kind == "thread":
        return shown & Q(pk=int(pk))
    return shown


def _read_filter(scope: str) -> Q:
    """Reads (``ItemRead``) of the items of ``scope``: the same items as
    ``_content_filter``, through the read's item."""
    shown = Q(content__removed=False) & ~Q(content__visibility=Visibility.PRIVATE)
    kind, _, pk = scope.partition(":")
    if kind == "space":
        return shown & Q(content__space_id=int(pk))
    if kind == "thread":
        return shown & Q(content_id=int(pk))
    return shown


def _days(start: datetime, end: datetime) -> Q:
    """Reads are dated by day: those of the period's days (in its own time zone)."""
    return Q(**_day_range(start, end))


def reader_ids(scope: str, start: datetime, end: datetime) -> set[int]:
    """Signed-in people who opened a page of an item of ``scope`` in the period."""
    return set(
        ItemRead.objects.filter(_read_filter(scope), _days(start, end))
        .values_list("user_id", flat=True)
        .distinct()
    )


def member_ids(scope: str) -> list[int]:
    kind, _, pk = scope.partition(":")
    if kind == "thread":
        space_id = Post.objects.filter(pk=int(pk)).values_list("space_id", flat=True).first()
        if space_id is None:
            kind = "alliance"
        else:
            kind, pk = "space", str(space_id)
    if kind == "space":
        return list(
            Membership.objects.active()
            .filter(space_id=int(pk), user__is_active=True)
            .values_list("user_id", flat=True)
            .distinct()
        )
    return list(
        User.objects.filter(
            is_active=True, role__in=alliance_roles_with(Perm.TAKE_PART)
        ).values_list("pk", flat=True)
    )


def _ts(value: datetime) -> float:
    return value.timestamp()


def period_measures(scope: str, start: datetime, end: datetime) -> dict[str, Any]:
    where = _content_filter(scope)
    in_scope = Content.objects.filter(where)
    items = list(
        in_scope.filter(created__gte=start, created__lt=end).values_list(
            "pk", "kind", "author_id", "language"
        )
    )
    comments = list(
        Comment.objects.filter(
            content__in=in_scope.values("pk"), removed=False, created__gte=start, created__lt=end
        ).values_list("content_id", "author_id", "parent__author_id", "content__author_id")
    )
    per_person: Counter[int] = Counter()
    for _pk, _kind, author, _lang in items:
        if author is not None:
            per_person[author] += 1
    for _content, author, _parent_author, _content_author in comments:
        per_person[author] += 1
    people = list(per_person)
    first_seen: dict[int, float] = {}
    if people:
        for query in (
            in_scope.filter(author_id__in=people).values("author_id"),
            Comment.objects.filter(
                content__in=in_scope.values("pk"), removed=False, author_id__in=people
            ).values("author_id"),
        ):
            for row in query.annotate(first=Min("created")).values_list("author_id", "first"):
                first_seen[row[0]] = min(first_seen.get(row[0], _ts(row[1])), _ts(row[1]))
    new, returning = m.new_and_returning(people, first_seen, _ts(start))
    sector_of = dict(User.objects.filter(pk__in=people).values_list("pk", "sector"))
    contributor_sectors = m.sector_counts(sector_of.get(p, "") for p in people)

    # Replies between sectors: to the comment answered, else to the item's author.
    pairs, cell_people = [], defaultdict(set)
    repliers = {a for _c, a, _p, _ca in comments}
    targets = {t for _c, _a, p, ca in comments for t in (p, ca) if t is not None}
    missing = (repliers | targets) - set(sector_of)
    if missing:
        sector_of.update(User.objects.filter(pk__in=missing).values_list("pk", "sector"))
    for _content, author, parent_author, content_author in comments:
        target = parent_author if parent_author is not None else content_author
        if target is None or target == author:
            continue
        pair = (sector_of.get(author) or m.UNKNOWN, sector_of.get(target) or m.UNKNOWN)
        pairs.append(pair)
        cell_people[pair].add(author)
    matrix = m.reply_matrix(pairs)

    # Response to threads started in the period (Discourse's rules).
    threads = {pk: author for pk, kind, author, _lang in items if kind == Post.KIND}
    questions = set(
        Post.objects.filter(pk__in=list(threads), is_question=True).values_list("pk", flat=True)
    )
    replies = defaultdict(list)
    for content_id, author, created, removed in Comment.objects.filter(
        content_id__in=list(threads)
    ).values_list("content_id", "author_id", "created", "removed"):
        replies[content_id].append((author, _ts(created), removed))
    created_at = dict(Content.objects.filter(pk__in=list(threads)).values_list("pk", "created"))
    waits, unanswered, unanswered_questions = [], 0, 0
    for pk, author in threads.items():
        wait = m.first_reply_seconds(author, _ts(created_at[pk]), replies.get(pk, []))
        if wait is None:
            unanswered += 1
            unanswered_questions += pk in questions
        else:
            waits.append(wait / 3600)
    values = list(per_person.values())
    readers = reader_ids(scope, start, end)
    return {
        "items": len(items),
        "comments": len(comments),
        "contributors": len(people),
        "readers": len(readers),
        "silent_readers": len(readers - set(people)),
        "new": new,
        "returning": returning,
        "gini": m.gini(values),
        "top10": m.top_share(values),
        "threads": len(threads),
        "median_reply_hours": m.median(waits),
        "mean_reply_hours": m.mean(waits),
        "unanswered": unanswered,
        "unanswered_questions": unanswered_questions,
        "sectors": contributor_sectors,
        "blau": m.blau(contributor_sectors),
        "shannon": m.shannon(contributor_sectors),
        "cross_share": m.cross_share(matrix),
        "ei": m.ei_index(matrix),
        "matrix": [[a, b, n, len(cell_people[(a, b)])] for (a, b), n in sorted(matrix.items())],
        "content_languages": dict(Counter(lang or "" for *_rest, lang in items)),
        "top_people": [[p, n] for p, n in per_person.most_common(TOP_PEOPLE)],
    }


def thread_rows(scope: str, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Per thread of a space, the threads with replies in the period: for its
    facilitators (titles are read through the gate when shown)."""
    kind, _, pk = scope.partition(":")
    if kind != "space":
        return []
    threads = Post.objects.filter(
        _content_filter(scope), last_activity__gte=start, created__lt=end
    ).order_by("-last_activity")[:THREAD_ROWS]
    found = list(threads.values_list("pk", "author_id"))
    readers = dict(
        ItemRead.objects.filter(content_id__in=[pk for pk, _a in found], **_day_range(start, end))
        .values("content_id")
        .annotate(n=Count("user_id", distinct=True))
        .values_list("content_id", "n")
    )
    rows = []
    for thread_id, author in found:
        figures = thread_figures(thread_id, author, start, end)
        rows.append({"thread": thread_id, **figures, "readers": readers.get(thread_id, 0)})
    return rows


def _day_range(start: datetime, end: datetime) -> dict[str, Any]:
    return {"day__gte": start.date(), "day__lt": end.date()}


def thread_figures(thread_id: int, author: int | None, start: datetime, end: datetime) -> dict:
    posts = Counter(
        Comment.objects.filter(
            content_id=thread_id, removed=False, created__gte=start, created__lt=end
        ).values_list("author_id", flat=True)
    )
    if author is not None:
        posts[author] += 1
    person, share = m.dominant_share(posts)
    sectors = m.sector_counts(
        User.objects.filter(pk__in=list(posts)).values_list("sector", flat=True)
    )
    return {
        "posts": sum(posts.values()),
        "contributors": len(posts),
        "dominant": person,
        "dominant_share": share,
        "sectors": len([s for s in sectors if s != m.UNKNOWN]),
        "blau": m.blau(sectors),
    }


def scope_measures(scope: str, start: datetime, end: datetime) -> dict[str, Any]:
    previous_start = start - (end - start)
    members = member_ids(scope)
    member_rows = list(User.objects.filter(pk__in=members).values_list("sector", "languages"))
    member_sectors = m.sector_counts(s for s, _l in member_rows)
    languages = Counter(lang for _s, langs in member_rows for lang in (langs or []))
    rows = list(
        ChannelSurvey.objects.filter(user_id__in=members).values_list(
            "channels", "answered", "dismissed"
        )
    )
    answers = [chosen for chosen, answered, _d in rows if answered is not None]
    declined = sum(1 for _c, answered, dismissed in rows if answered is None and dismissed)
    channels = Counter(c for chosen in answers for c in (chosen or []))
    data = {
        "scope": scope,
        "current": period_measures(scope, start, end),
        "previous": period_measures(scope, previous_start, start),
        "members": len(members),
        "member_sectors": member_sectors,
        "member_blau": m.blau(member_sectors),
        "member_shannon": m.shannon(member_sectors),
        "member_languages": dict(languages),
        "survey_answers": len(answers),
        "survey_declined": declined,
        "channels": dict(channels),
        "reach": reach_figures(scope, start, end),
        "thread_rows": thread_rows(scope, start, end),
    }
    return data


def reach_figures(scope: str, start: datetime, end: datetime) -> dict[str, int]:
    """SMS contacts and field reports (``harambee.reach``) of a space or the alliance."""
    from harambee.reach.models import Contact, FieldReport

    kind, _, pk = scope.partition(":")
    contacts = Contact.objects.filter(opted_out__isnull=True)
    reports = FieldReport.objects.filter(
        _content_filter(scope), created__gte=start, created__lt=end
    )
    if kind == "space":
        contacts = contacts.filter(spaces__id=int(pk))
    elif kind == "thread":
        return {}
    return {"sms_contacts": contacts.distinct().count(), "field_reports": reports.count()}


def snapshot_compute(*, scope: str, start: datetime, end: datetime) -> Snapshot:
    from harambee.insights.reads import flush

    flush()  # the reads still queued in the shared cache count too
    data = scope_measures(scope, start, end)
    snapshot, _ = Snapshot.objects.update_or_create(
        scope=scope,
        start=start,
        end=end,
        defaults={"data": data, "computed": timezone.now()},
    )
    return snapshot
