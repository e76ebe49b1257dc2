"""Reads for the insights pages. Measures come from snapshots (one query); titles of
threads and names of people are read through the gates (``core.visibility``)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone

from harambee.core.models import Content
from harambee.core.visibility import visible, visible_people
from harambee.insights import rules
from harambee.insights.models import ChannelSurvey, ItemRead, Prompt, SlowMode, Snapshot
from harambee.insights.periods import Period
from harambee.spaces.models import Post, Space

# A snapshot of a period that is not over yet is refreshed after this long.
FRESH_FOR = timedelta(hours=1)


def space_for(user: Any, slug: str) -> Space:
    """The space whose measures ``user`` may see, or 404 like a missing one."""
    space = Space.objects.filter(slug=slug).first()
    if space is None or not rules.may_see_space(user, space):
        raise Http404
    return space


def thread_for(user: Any, pk: int) -> Post:
    """A thread ``user`` may read and facilitate, or 404."""
    thread = visible(user, Post.objects.filter(pk=pk)).first()
    if thread is None or not rules.may_facilitate(user, thread.space_id):
        raise Http404
    return thread


def _stale(snapshot: Snapshot | None, period: Period) -> bool:
    if snapshot is None:
        return True
    return snapshot.computed < period.end and snapshot.computed < timezone.now() - FRESH_FOR


def snapshot_for(scope: str, period: Period) -> Snapshot | None:
    """The stored measures, asking the task worker to (re)compute them when missing
    or stale. With the immediate task backend they are there at once."""
    from harambee.insights.tasks import snapshot_refresh

    # The measures (``data``, tens of KB of JSON at a busy space) are read only when
    # the page's tables are made, not on every view (``views.tables_html``).
    found = Snapshot.objects.filter(scope=scope, start=period.start, end=period.end)
    snapshot = found.defer("data").first()
    if _stale(snapshot, period):
        lock = f"insights:{scope}:{period.start.isoformat()}:{period.end.isoformat()}"
        if cache.add(lock, 1, timeout=300):
            snapshot_refresh.enqueue(scope, period.start.isoformat(), period.end.isoformat())
            cache.delete(lock)
            snapshot = found.defer("data").first() or snapshot
    return snapshot


# Prompts shown on a space's (or the steward's) page; the rest on the prompts' own pages.
PROMPTS_SHOWN = 10


def open_prompts_query(space_id: int | None) -> Any:
    """The prompts of a space (or the forum) not yet dismissed, newest first."""
    where = Q(space__isnull=True) if space_id is None else Q(space_id=space_id)
    return (
        Prompt.objects.filter(where, dismissed__isnull=True)
        .select_related("thread", "person")
        # What a prompt shows of its thread and person: not their bodies and profiles.
        .only(*PROMPT_FIELDS)
        .order_by("-created", "-pk")
    )


PROMPT_FIELDS = (
    "kind",
    "space_id",
    "thread_id",
    "person_id",
    "sector",
    "share",
    "created",
    "dismissed",
    "thread__kind",
    "thread__title",
    "thread__space_id",
    "thread__visibility",
    "person__display_name",
    "person__email",
)


def open_prompts(space_id: int | None) -> tuple[list[Prompt], bool]:
    """The newest ``PROMPTS_SHOWN`` open prompts, and whether there are more (read one
    more than shown: no count). Not yet gated: keep those whose thread the reader may
    read (``thread_titles``)."""
    found = list(open_prompts_query(space_id)[: PROMPTS_SHOWN + 1])
    return found[:PROMPTS_SHOWN], len(found) > PROMPTS_SHOWN


def thread_titles(user: Any, ids: Any) -> dict[int, str]:
    """The titles of the threads among ``ids`` that ``user`` may read."""
    ids = set(ids)
    if not ids:
        return {}
    # Asked of the items' table: the same rows as ``Post``'s, without joining its own.
    rows = visible(user, Content.objects.filter(pk__in=ids, kind=Post.KIND))
    return dict(rows.values_list("pk", "title"))


def people_names(user: Any, ids: list[int]) -> dict[int, str]:
    """The names of the people among ``ids`` whom ``user`` may see."""
    from harambee.people.models import User

    if not ids:
        return {}
    found = visible_people(user, User.objects.filter(pk__in=ids))
    # As ``User.__str__`` names them, without loading whole rows.
    return {
        pk: name or email for pk, name, email in found.values_list("pk", "display_name", "email")
    }


def my_spaces(user: Any) -> list[Space]:
    from harambee.core.visibility import active_memberships

    ids = list(active_memberships(user))
    return list(Space.objects.filter(pk__in=ids).order_by("name")) if ids else []


def all_spaces() -> Any:
    """Every space, by name (a steward's insights index reads it a page at a time)."""
    return Space.objects.order_by("name")


def survey_for(user: Any) -> ChannelSurvey | None:
    return ChannelSurvey.objects.filter(user_id=user.pk).first()


def survey_due(survey: ChannelSurvey | None) -> bool:
    """Whether to ask the reader to answer "where people are": not once they have
    answered or said no (the prompt is raised once, never nags)."""
    return survey is None or (survey.answered is None and survey.dismissed is None)


# How long home trusts what it last found (answering or declining forgets it at once).
SURVEY_DUE_SECONDS = 24 * 3600


def survey_due_key(user_id: int) -> str:
    return f"insights:survey-due:{user_id}"


def survey_prompt_for(user: Any) -> bool:
    """For pages outside insights (home): whether to show the survey's prompt. Read
    from the shared cache, so that home stays within its query budget; the services
    forget it when the person answers or declines."""
    if not user.is_authenticated:
        return False
    key = survey_due_key(user.pk)
    due = cache.get(key)
    if due is None:
        due = survey_due(survey_for(user))
        cache.set(key, due, SURVEY_DUE_SECONDS)
    return bool(due)


# The reader state (``core.registry.ReaderState``) saying whether the reader's visit
# to an item today is recorded: read in the item page's own query.
READ_TODAY = "insights_read_today"


def read_today_annotations(user: Any) -> dict[str, Any]:
    today = timezone.now().date()
    reads = ItemRead.objects.filter(content_id=OuterRef("pk"), day=today, user_id=user.pk)
    return {READ_TODAY: Exists(reads)}


def read_today_of(user: Any, item: Any, row: dict[str, Any] | None) -> bool | None:
    return None if row is None else bool(row.get(READ_TODAY))


def slow_mode_for(thread: Post) -> SlowMode | None:
    return SlowMode.objects.filter(thread_id=thread.pk, ends__gt=timezone.now()).first()
