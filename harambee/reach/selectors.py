"""Every read of the SMS app. Field reports are Content and are read only through
the gate; contacts, messages, broadcasts and polls belong to a space's facilitators,
and the views ask ``rules.may_manage_sms`` before calling what reads them."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import timezone

from harambee.core.models import Visibility
from harambee.core.visibility import is_reader, visible
from harambee.reach import rules
from harambee.reach.gateways import UnknownChannel, channel
from harambee.reach.models import (
    Broadcast,
    Contact,
    FieldReport,
    Message,
    Poll,
    PollAnswer,
    SpaceSms,
)
from harambee.reach.segments import Segments
from harambee.reach.segments import count as segment_count
from harambee.spaces.models import Space

LIST_MAX = 200


def report_get(*, user: Any, pk: int) -> FieldReport:
    report = (
        visible(user, FieldReport.objects.filter(removed=False))
        .select_related("space", "contact", "reviewed_by")
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise Http404
    return report


def report_in_space(*, space: Space, pk: int) -> FieldReport | None:
    """A report of ``space`` by its number (a duplicate named by a facilitator)."""
    return FieldReport.objects.filter(pk=pk, space=space).first()


def item_to_share(*, user: Any, pk: int) -> Any:
    """An item ``user`` may read, by its number, to link in a broadcast; else None."""
    from harambee.core.models import Content
    from harambee.core.visibility import can_view

    item = Content.objects.filter(pk=pk, removed=False).first()
    return item if item is not None and can_view(user, item) else None


def space_reports(*, user: Any, space: Space, status: str = "") -> QuerySet[FieldReport]:
    """The space's reports ``user`` may read, newest first."""
    qs = visible(user, FieldReport.objects.filter(space=space, removed=False))
    if status:
        qs = qs.filter(status=status)
    return qs.select_related("contact").order_by("-reported", "-pk")


def public_reports(*, user: Any) -> QuerySet[FieldReport]:
    """Verified reports across the alliance that ``user`` may read."""
    return (
        visible(user, FieldReport.objects.filter(removed=False, status="verified"))
        .select_related("space", "contact")
        .order_by("-reported", "-pk")
    )


def managed_spaces(*, user: Any) -> list[Space]:
    """Spaces whose SMS ``user`` manages."""
    if not is_reader(user):
        return []
    from harambee.core.visibility import active_memberships

    ids = [
        sid for sid, m in active_memberships(user).items() if rules.may_manage_sms(user, m.space)
    ]
    return list(Space.objects.filter(pk__in=ids).order_by("name"))


def space_sms(*, space: Space) -> SpaceSms | None:
    return SpaceSms.objects.filter(space=space).first()


def contacts(*, space: Space, query: str = "") -> QuerySet[Contact]:
    qs = Contact.objects.filter(spaces=space)
    if query:
        qs = qs.filter(
            Q(name__icontains=query) | Q(place__icontains=query) | Q(phone__contains=query)
        )
    return qs.order_by("name", "pk")


def contact_get(*, space: Space, pk: int) -> Contact:
    contact = Contact.objects.filter(spaces=space, pk=pk).first()
    if contact is None:
        raise Http404
    return contact


def inbox(*, space: Space) -> QuerySet[Message]:
    return (
        Message.objects.filter(space=space, in_inbox=True)
        .select_related("contact")
        .order_by("-created", "-pk")
    )


def inbox_message(*, space: Space, pk: int) -> Message:
    message = Message.objects.filter(space=space, pk=pk, in_inbox=True).first()
    if message is None:
        raise Http404
    return message


def broadcasts(*, space: Space) -> QuerySet[Broadcast]:
    return (
        Broadcast.objects.filter(space=space)
        .select_related("author")
        .annotate(copies_count=Count("copies"))
    )


def broadcast_get(*, space: Space, pk: int) -> Broadcast:
    found = Broadcast.objects.filter(space=space, pk=pk).select_related("item").first()
    if found is None:
        raise Http404
    return found


@dataclass
class LanguagePart:
    language: str
    recipients: int
    text: str
    segments: Segments


@dataclass
class Preview:
    recipients: int
    parts: list[LanguagePart]
    segments_total: int
    cost: Decimal
    currency: str
    item_shown_to: int = 0
    item_hidden_from: int = 0


def broadcast_preview(*, broadcast: Broadcast) -> Preview:
    """What sending would do: recipients per language, the text each gets with its
    segments, and the estimated cost."""
    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser

    from harambee.core.visibility import can_view
    from harambee.reach.services import broadcast_recipients, broadcast_text

    by_language: Counter[str] = Counter()
    shown = hidden = 0
    for contact in broadcast_recipients(broadcast).select_related("user"):
        by_language[contact.language] += 1
        if broadcast.item_id:
            reader = contact.user if contact.user is not None else AnonymousUser()
            if can_view(reader, broadcast.item):
                shown += 1
            else:
                hidden += 1
    parts = []
    total = 0
    for language, n in sorted(by_language.items()):
        text = broadcast_text(broadcast, language, with_item=bool(broadcast.item_id))
        seg = segment_count(text)
        parts.append(LanguagePart(language, n, text, seg))
        total += seg.count * n
    row = SpaceSms.objects.filter(space=broadcast.space).first()
    try:
        gateway = channel(row.channel if row else settings.SMS_DEFAULT_CHANNEL)
        cost, currency = gateway.cost_per_segment * total, gateway.currency
    except UnknownChannel:
        cost, currency = Decimal(0), ""
    return Preview(sum(by_language.values()), parts, total, cost, currency, shown, hidden)


def copies_summary(*, broadcast: Broadcast) -> dict[str, int]:
    rows = Message.objects.filter(broadcast=broadcast).values("status").annotate(n=Count("pk"))
    return {r["status"]: r["n"] for r in rows}


def polls(*, space: Space) -> QuerySet[Poll]:
    return Poll.objects.filter(space=space).annotate(answer_count=Count("answers"))


def poll_get(*, space: Space, pk: int) -> Poll:
    found = Poll.objects.filter(space=space, pk=pk).first()
    if found is None:
        raise Http404
    return found


@dataclass
class PollResult:
    number: int
    option: str
    count: int
    percent: int


def poll_results(*, poll: Poll) -> tuple[list[PollResult], int]:
    counts = dict(
        PollAnswer.objects.filter(poll=poll).values_list("option").annotate(n=Count("pk"))
    )
    total = sum(counts.values())
    rows = [
        PollResult(n, text, counts.get(n, 0), round(100 * counts.get(n, 0) / total) if total else 0)
        for n, text in enumerate(poll.options, start=1)
    ]
    return rows, total


# Aggregation ------------------------------------------------------------------------


@dataclass
class Summary:
    weeks: list[date]
    keywords: list[str]
    places: list[str]
    # (keyword, place, week) → count
    cells: dict[tuple[str, str, date], int] = field(default_factory=dict)
    by_keyword: Counter[str] = field(default_factory=Counter)
    by_place: Counter[str] = field(default_factory=Counter)
    by_week: Counter[date] = field(default_factory=Counter)
    total: int = 0

    @property
    def keyword_rows(self) -> list[tuple[str, int]]:
        return self.by_keyword.most_common()

    @property
    def place_rows(self) -> list[tuple[str, int]]:
        return self.by_place.most_common()

    @property
    def week_bars(self) -> list[tuple[date, int, int]]:
        """(week, count, percent of the busiest week) for the chart."""
        top = max(self.by_week.values(), default=0)
        return [
            (w, self.by_week[w], round(100 * self.by_week[w] / top) if top else 0)
            for w in self.weeks
        ]


def _week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def summary(*, user: Any, space: Space, weeks: int = 12, status: str = "") -> Summary:
    """Counts of the reports ``user`` may read, by keyword, place and week (weeks
    begin on Monday, in the reader's time zone), over the last ``weeks`` weeks: one
    grouped query through the gate."""
    since = timezone.now() - timedelta(weeks=weeks)
    qs = space_reports(user=user, space=space, status=status).filter(reported__gte=since)
    rows = (
        qs.order_by()
        .annotate(day=TruncDate("reported", tzinfo=timezone.get_current_timezone()))
        .values_list("keyword", "place", "day")
        .annotate(n=Count("pk"))
    )
    result = Summary([], [], [])
    for keyword, place, day, n in rows:
        week = _week_of(day)
        place = place or "—"
        key = (keyword, place, week)
        result.cells[key] = result.cells.get(key, 0) + n
        result.by_keyword[keyword] += n
        result.by_place[place] += n
        result.by_week[week] += n
        result.total += n
    today = timezone.localdate()
    result.weeks = [_week_of(today) - timedelta(weeks=i) for i in range(weeks - 1, -1, -1)]
    result.keywords = sorted(result.by_keyword)
    result.places = sorted(result.by_place)
    return result


def summary_csv(*, user: Any, space: Space) -> str:
    data = summary(user=user, space=space, weeks=52)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["week", "keyword", "place", "reports"])
    for (keyword, place, week), n in sorted(
        data.cells.items(), key=lambda kv: (kv[0][2], kv[0][0], kv[0][1])
    ):
        # A cell starting with = + - @ is read as a formula by spreadsheets.
        safe = [v if str(v)[:1] not in "=+-@" else f"'{v}" for v in (keyword, place)]
        writer.writerow([week.isoformat(), *safe, n])
    return out.getvalue()


# The evidence brief -------------------------------------------------------------------


@dataclass
class BriefSpec:
    theme: Any = None
    question: str = ""
    public: bool = False
    countries: list[str] = field(default_factory=list)
    since: Any = None
    until: Any = None


@dataclass
class BriefGroup:
    label: str
    items: list[Any]

    @property
    def count(self) -> int:
        return len(self.items)


@dataclass
class Brief:
    """The shape of the synthesis report (``synthesis/_report_body.html``), so the
    brief is printed, shared and marked "not for sharing" the same way."""

    spec: BriefSpec
    groups: list[BriefGroup]
    total: int
    restricted: int
    capped: bool = False
    left_out: int = 0


def evidence_brief(*, user: Any, space: Space, public: bool = False) -> Brief:
    """Verified reports of the space that ``user`` may read (public ones only when
    ``public``), grouped by keyword, each cited with its place and date."""
    qs = space_reports(user=user, space=space, status=FieldReport.Status.VERIFIED)
    everything = list(qs[: LIST_MAX + 1])
    capped = len(everything) > LIST_MAX
    everything = everything[:LIST_MAX]
    items = [r for r in everything if r.visibility == Visibility.PUBLIC] if public else everything
    groups: dict[str, list[Any]] = {}
    for report in items:
        report.initiative_name = space.name
        groups.setdefault(report.keyword, []).append(report)
    restricted = sum(1 for r in items if r.visibility != Visibility.PUBLIC)
    spec = BriefSpec(question=str(space.name), public=public)
    return Brief(
        spec,
        [BriefGroup(k, v) for k, v in sorted(groups.items())],
        len(items),
        restricted,
        capped,
        len(everything) - len(items),
    )
