"""The tables every insights page shows, each with its chart: the page, its chart
and its CSV export read the same rows, so the CSV equals the table. Counts of people
below ``measures.MIN_CELL`` are suppressed here, once, for all three."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee.insights import measures as m
from harambee.insights.models import SurveyChannel
from harambee.people.languages import language_name
from harambee.people.models import Sector

SUPPRESSED = gettext_lazy("fewer than 5")
# A cell that would let a suppressed one be worked out (a difference, the rest of a
# total): not shown either.
HIDDEN = gettext_lazy("not shown")
NO_DATA = gettext_lazy("no data")


@dataclass
class Table:
    key: str
    title: str
    description: str
    columns: list[str]
    rows: list[list[Any]]
    # Which columns the chart draws as bars (by index), labelled by column 0.
    chart: tuple[int, ...] = ()
    per_person: bool = False
    notes: list[str] = field(default_factory=list)


def fmt(value: Any, digits: int = 2) -> Any:
    if value is None:
        return str(NO_DATA)
    if isinstance(value, float):
        return round(value, digits)
    return value


def people(count: int | None) -> Any:
    shown = m.suppress(count)
    return str(SUPPRESSED) if shown is None and count else (shown if shown is not None else 0)


def _sector(key: str) -> str:
    if key == m.UNKNOWN:
        return _("Unknown")
    return str(dict(Sector.choices).get(key, key))


def _small(count: int | None) -> bool:
    return count is not None and 0 < count < m.MIN_CELL


def _row(label: str, now: Any, before: Any, is_people: bool = False) -> list[Any]:
    if not is_people:
        return [label, fmt(now), fmt(before), fmt(m.change(now, before))]
    # The change between a suppressed count and another would give the count away.
    hidden = _small(now) or _small(before)
    return [
        label,
        people(now),
        people(before),
        str(HIDDEN) if hidden else fmt(m.change(now, before)),
    ]


def _pair(label_a: str, label_b: str, a: tuple[Any, Any], b: tuple[Any, Any]) -> list[list[Any]]:
    """Two rows of people counts that add up to a shown total (new and returning
    contributors): when one is suppressed in a period, the other is hidden too."""
    rows = [_row(label_a, *a, True), _row(label_b, *b, True)]
    for column, (x, y) in ((1, (a[0], b[0])), (2, (a[1], b[1]))):
        if _small(x) or _small(y):
            for row, value in zip(rows, (x, y), strict=True):
                if not _small(value):
                    row[column] = str(HIDDEN)
                row[3] = str(HIDDEN)
    return rows


def _readers(cur: dict[str, Any], prev: dict[str, Any]) -> list[list[Any]]:
    """Readers where known; snapshots from before reads were recorded have none."""
    if cur.get("readers") is None or prev.get("readers") is None:
        return [
            [_("Readers (signed in)"), str(NO_DATA), str(NO_DATA), str(NO_DATA)],
        ]
    return [
        _row(_("Readers (signed in)"), cur["readers"], prev["readers"], True),
        _row(_("Readers who wrote nothing"), cur["silent_readers"], prev["silent_readers"], True),
    ]


def build(data: dict[str, Any], *, facilitator: bool, titles=None, names=None) -> list[Table]:
    """The tables of one snapshot's ``data``; per-person and per-thread ones only for
    a ``facilitator`` (``titles``/``names``: threads and people they may see)."""
    if not data:
        return []
    cur, prev = data["current"], data["previous"]
    period_cols = [_("Measure"), _("This period"), _("Previous period"), _("Change")]
    tables = [
        Table(
            "activity",
            _("Activity"),
            _(
                "Items and replies written, the people who wrote them, and the readers "
                "where known: signed-in people who opened an item's page. Visitors who "
                "are not signed in are not known, so they are not counted."
            ),
            period_cols,
            [
                _row(_("Items"), cur["items"], prev["items"]),
                _row(_("Replies"), cur["comments"], prev["comments"]),
                _row(_("Threads started"), cur["threads"], prev["threads"]),
                _row(_("Active contributors"), cur["contributors"], prev["contributors"], True),
                *_pair(
                    _("New contributors"),
                    _("Returning contributors"),
                    (cur["new"], prev["new"]),
                    (cur["returning"], prev["returning"]),
                ),
                *_readers(cur, prev),
            ],
            chart=(1, 2),
        ),
        Table(
            "response",
            _("Response"),
            _(
                "Hours from a thread's start to its first reply by someone else (the "
                "author's own replies and removed replies do not count), and threads "
                "nobody else answered."
            ),
            period_cols,
            [
                _row(
                    _("Median hours to first reply"),
                    cur["median_reply_hours"],
                    prev["median_reply_hours"],
                ),
                _row(
                    _("Mean hours to first reply"),
                    cur["mean_reply_hours"],
                    prev["mean_reply_hours"],
                ),
                _row(_("Unanswered threads"), cur["unanswered"], prev["unanswered"]),
                _row(
                    _("Unanswered questions"),
                    cur["unanswered_questions"],
                    prev["unanswered_questions"],
                ),
            ],
        ),
        Table(
            "inequality",
            _("Participation inequality"),
            _(
                "The Gini coefficient of contributions per person (0: everyone wrote as "
                "much; near 1: one person wrote nearly everything) and the share written "
                "by the most active tenth of contributors."
            ),
            period_cols,
            [
                _row(_("Gini coefficient"), cur["gini"], prev["gini"]),
                # xgettext:no-python-format
                _row(_("Top 10 % share"), cur["top10"], prev["top10"]),
            ],
            chart=(1, 2),
        ),
        Table(
            "diversity",
            _("Stakeholder diversity"),
            _(
                "Blau's index (1 − Σp²) and Shannon's entropy (bits) of the sectors of "
                "contributors, against the same among members. People with no sector "
                "count as unknown."
            ),
            [
                _("Measure"),
                _("Contributors, this period"),
                _("Contributors, previous"),
                _("Members"),
            ],
            [
                [_("Blau index"), fmt(cur["blau"]), fmt(prev["blau"]), fmt(data["member_blau"])],
                [
                    _("Shannon entropy"),
                    fmt(cur["shannon"]),
                    fmt(prev["shannon"]),
                    fmt(data["member_shannon"]),
                ],
            ],
            chart=(1, 3),
        ),
        _sectors(data),
        Table(
            "exchange",
            _("Cross-sector exchange"),
            _(
                "Replies between people of known sectors: the share that crosses sectors, "
                "and the E-I index (E − I) / (E + I), from −1 (every reply stays within a "
                "sector) to +1 (every reply crosses one)."
            ),
            period_cols,
            [
                _row(_("Share of replies across sectors"), cur["cross_share"], prev["cross_share"]),
                _row(_("E-I index"), cur["ei"], prev["ei"]),
            ],
        ),
        _matrix(cur),
        _channels(data),
        _survey(data),
        _languages(data),
    ]
    if data.get("reach"):
        reach = data["reach"]
        tables.append(
            Table(
                "reach",
                _("SMS and field reports"),
                _("SMS contacts who have not opted out, and field reports sent in the period."),
                [_("Measure"), _("Count")],
                [
                    [_("SMS contacts"), people(reach["sms_contacts"])],
                    [_("Field reports"), reach["field_reports"]],
                ],
            )
        )
    if facilitator:
        tables.append(_people(cur, names or {}))
        if data.get("thread_rows"):
            tables.append(_threads(data["thread_rows"], titles or {}, names or {}))
    return tables


def _sectors(data) -> Table:
    cur, prev, members = (
        data["current"]["sectors"],
        data["previous"]["sectors"],
        data["member_sectors"],
    )
    keys = sorted(set(cur) | set(prev) | set(members), key=lambda k: (k == m.UNKNOWN, k))
    return Table(
        "sectors",
        _("Sectors"),
        _("How many members and contributors each stakeholder sector has."),
        [_("Sector"), _("Members"), _("Contributors, this period"), _("Contributors, previous")],
        [
            [_sector(k), people(members.get(k, 0)), people(cur.get(k, 0)), people(prev.get(k, 0))]
            for k in keys
        ],
        chart=(1, 2),
    )


def _matrix(cur) -> Table:
    cells = {(a, b): (n, who) for a, b, n, who in cur["matrix"]}
    sectors = sorted({k for pair in cells for k in pair}, key=lambda k: (k == m.UNKNOWN, k))
    rows = []
    for a in sectors:
        row: list[Any] = [_sector(a)]
        for b in sectors:
            n, who = cells.get((a, b), (0, 0))
            row.append(n if n == 0 or who >= m.MIN_CELL else str(SUPPRESSED))
        rows.append(row)
    return Table(
        "matrix",
        _("Replies from sector to sector"),
        _(
            "How many replies people of each sector (rows) wrote to people of each sector "
            "(columns) in this period. A cell written by fewer than 5 people is not shown."
        ),
        [_("From \\ to"), *(_sector(s) for s in sectors)],
        rows,
    )


def _channels(data) -> Table:
    counts = data["channels"]
    rows = [[str(label), people(counts.get(value, 0))] for value, label in SurveyChannel.choices]
    return Table(
        "channels",
        _("Where people are"),
        _(
            "The channels members say they actually use (the survey). %(answered)s of "
            "%(members)s members answered."
        )
        % {"answered": people(data["survey_answers"]), "members": data["members"]},
        [_("Channel"), _("Members who use it")],
        rows,
        chart=(1,),
    )


def _survey(data) -> Table:
    """How many members answered "where people are", said no, or have not yet. When
    one of the three is a small cell, the other two and the rate are hidden too
    (with the members' total shown they would give it away)."""
    members = data["members"]
    answered = data["survey_answers"]
    declined = data.get("survey_declined", 0)
    waiting = max(0, members - answered - declined)
    counts = [answered, declined, waiting]
    hidden = any(_small(n) for n in counts)
    shown = [(people(n) if _small(n) else str(HIDDEN)) if hidden else n for n in counts]
    rate = str(HIDDEN) if hidden else fmt(answered / members if members else None)
    return Table(
        "survey",
        _("Answers to “where people are”"),
        _(
            "How many members answered the channel survey, said they would rather not, "
            "or have not answered yet, and the share who answered."
        ),
        [_("Measure"), _("Count")],
        [
            [_("Members"), members],
            [_("Answered"), shown[0]],
            [_("Would rather not"), shown[1]],
            [_("Not yet"), shown[2]],
            [_("Response rate"), rate],
        ],
    )


def _languages(data) -> Table:
    members, items = data["member_languages"], data["current"]["content_languages"]
    keys = sorted(set(members) | set(items))
    return Table(
        "languages",
        _("Languages"),
        _("Languages members speak, and the languages of items written in this period."),
        [_("Language"), _("Members"), _("Items, this period")],
        [
            [
                str(language_name(k)) if k else _("Unknown"),
                people(members.get(k, 0)),
                items.get(k, 0),
            ]
            for k in keys
        ],
        chart=(1,),
    )


def _name(names, pk) -> str:
    person = names.get(pk)
    return str(person) if person is not None else _("A member")


def _people(cur, names) -> Table:
    return Table(
        "people",
        _("Most active contributors"),
        _("Items and replies per person in this period: for facilitators and stewards only."),
        [_("Person"), _("Contributions")],
        [[_name(names, pk), n] for pk, n in cur["top_people"]],
        chart=(1,),
        per_person=True,
    )


def _threads(rows, titles, names) -> Table:
    shown = []
    for row in rows:
        title = titles.get(row["thread"])
        if title is None:
            continue
        shown.append(
            [
                title,
                row["posts"],
                row["contributors"],
                row["sectors"],
                fmt(row["blau"]),
                _name(names, row["dominant"]) if row["dominant"] else str(NO_DATA),
                fmt(row["dominant_share"]),
                people(row["readers"]) if "readers" in row else str(NO_DATA),
            ]
        )
    return Table(
        "threads",
        _("Threads"),
        _(
            "Threads active in this period: posts, contributors, sectors, who wrote most, "
            "and how many signed-in people opened them."
        ),
        [
            _("Thread"),
            _("Posts"),
            _("Contributors"),
            _("Known sectors"),
            _("Blau index"),
            _("Wrote most"),
            _("Their share"),
            _("Readers (signed in)"),
        ],
        shown,
        per_person=True,
    )


def thread_ids(data: dict[str, Any]) -> list[int]:
    return [row["thread"] for row in data.get("thread_rows", [])]


def person_ids(data: dict[str, Any]) -> list[int]:
    ids = [pk for pk, _n in data.get("current", {}).get("top_people", [])]
    ids += [row["dominant"] for row in data.get("thread_rows", []) if row["dominant"]]
    return ids
