"""A synthetic alliance for load and latency benchmarks: ``harambee generate --scale N``.

``N`` is the number of content items. Around them: one person per 200 items (at least
50), one organisation per 20 people, one space per 10 people (at least 60, so every
combination of kind, listing and join policy exists), memberships of every role with
a few guests and expired memberships, and content of every kind at every visibility
(some private items with co-authors, a few removed), comments with replies (a few busy
threads of 50), and reactions.

The mix (``KIND_CYCLE``, ``kind_at``): 40% threads (posts), 10% stream posts, 10%
inquiry cycles, 15% learning notes, 10% lessons, 4.55% stories, 0.45% story calls, 5%
wiki pages, 4.3% resources (links) and 0.7% collections of recent resources and pages.
Posts go to spaces of every kind; cycles, notes and lessons only to initiative spaces,
each of which gets an initiative profile (countries, place, stage, themes from the
seeded vocabulary,
stakeholder organisations). Cycles carry phase notes across plan, act, observe and
reflect; notes fill their sections, belong to their space's initiative (two in three
to one of its recent cycles), carry themes, sometimes a link as evidence, and a first
revision; lessons cite an earlier note of the same space, with its themes, and are never
shared more widely than that note. Story calls are run by a space's leads and
facilitators or, on the alliance blog, by stewards; stories are drafts, in review or
published (their visibility follows), in a space or on the alliance blog, one in three
answering a call still open, and published answers join a published collection.
Wiki pages start with one revision and [[links]]; stream posts carry hashtags (their
tag rows are written with them); some threads are questions, pinned or locked. The
search index is rebuilt at the end, as ``harambee search rebuild`` would, and the related
experiences of the newest notes, lessons and stories (``RELATED_NEWEST``, the pages read
most) are computed, as ``harambee related --newest`` would (``harambee related`` does
them all: hours at a million items).

Everything is written with bulk inserts in batches, one transaction per batch. The
high-volume tables (content, its child rows, phase notes, revisions, themes, evidence,
co-authors, comments, reactions) are written with ``executemany`` and explicit ids:
``bulk_create`` would stamp every row's ``auto_now_add`` date with the present, and the
benchmarks need a history spread over years, in the order of the ids. Markdown is
rendered once per distinct text.

The data is deterministic for a given scale and seed. Writes bypass the services on
purpose (no audit rows, no notifications): this is load, not a demo.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import TextIO

from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from harambee.core.models import Comment, Content, Reaction
from harambee.initiatives.models import Initiative
from harambee.people.models import Organisation, User
from harambee.sampledata.generate import alliance
from harambee.sampledata.generate.content import write_content
from harambee.sampledata.generate.plan import (
    CHILD_TABLES,
    KIND_CYCLE,
    RELATED_NEWEST,
    VISIBILITY_CYCLE,
    Plan,
    kind_at,
)
from harambee.sampledata.kinds import Kind
from harambee.search.services import index_rebuild
from harambee.spaces.models import Membership, Space
from harambee.synthesis.services import related_compute_all

__all__ = [
    "CHILD_TABLES",
    "KIND_CYCLE",
    "VISIBILITY_CYCLE",
    "Plan",
    "Result",
    "generate",
    "kind_at",
]


@dataclass
class Result:
    plan: Plan
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)


def generate(
    scale: int,
    *,
    seed: int = 3,
    progress: TextIO | None = sys.stderr,
    now: datetime | None = None,
    index: bool = True,
    related: int | None = None,
) -> Result:
    """Write a synthetic alliance with ``scale`` content items. Returns what was written."""
    started = time.perf_counter()
    plan = Plan.for_scale(scale)
    rng = random.Random(seed)
    now = (now or timezone.now()).replace(microsecond=0)

    def say(message: str) -> None:
        if progress is not None:
            progress.write(message + "\n")
            progress.flush()

    say(
        f"Generating {plan.content:,} content items, {plan.people:,} people, "
        f"{plan.organisations:,} organisations, {plan.spaces:,} spaces…"
    )
    with transaction.atomic():
        orgs = alliance.organisations(plan, rng)
        users = alliance.people(plan, rng, orgs, now)
        spaces = alliance.spaces(plan, rng, users, now)
        members = alliance.memberships(plan, rng, users, spaces, now)
        themes = alliance.initiatives(spaces, orgs, now)
    write_content(plan, rng, users, spaces, members, themes, now, progress)
    if index:
        index_rebuild(progress=progress)
        related_compute_all(
            newest=RELATED_NEWEST if related is None else related, progress=progress
        )
    result = Result(plan=plan, seconds=time.perf_counter() - started)
    result.counts = _counts()
    # Statistics for the planner: on PostgreSQL, autovacuum would take them in its own
    # time (and not at all where it is turned off), and until then the planner takes a
    # bulk-loaded table for the empty one it last saw.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return result


def _counts() -> dict[str, int]:
    per_kind = dict(Content.objects.values_list("kind").annotate(n=Count("pk")).order_by())
    return {
        "organisations": Organisation.objects.count(),
        "people": User.objects.count(),
        "spaces": Space.objects.count(),
        "initiatives": Initiative.objects.count(),
        "memberships": Membership.objects.count(),
        "content": Content.objects.count(),
        **{kind: per_kind.get(kind, 0) for kind in Kind.values},
        "comments": Comment.objects.count(),
        "reactions": Reaction.objects.count(),
    }
