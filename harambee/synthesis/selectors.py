"""Reads of the synthesis app. Every item goes through the gate (``visible``) in the
query that fetches or counts it; an initiative's facts (countries, stage, sectors)
are used only when the reader may know its space exists."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django_countries import countries as all_countries

from harambee.core.models import Content, Visibility
from harambee.core.visibility import visible, visible_spaces
from harambee.initiatives.models import (
    Initiative,
    InitiativeOrganisation,
    LearningNote,
    Lesson,
    Theme,
)
from harambee.library.models import Resource
from harambee.people.models import Sector
from harambee.people.regions import REGIONS, region_of
from harambee.spaces.models import Post, Space
from harambee.stories.models import Story
from harambee.synthesis.models import RelatedItem, ThemeSynthesis
from harambee.synthesis.services import CITATION
from harambee.wiki.models import WikiPage

# The theme page's sections, in order: lessons first.
SECTIONS: list[tuple[str, Any]] = [
    (Lesson.KIND, _lazy("Lessons")),
    (LearningNote.KIND, _lazy("Learning notes")),
    (Story.KIND, _lazy("Stories")),
    (Resource.KIND, _lazy("Resources")),
    (WikiPage.KIND, _lazy("Wiki pages")),
    (Post.KIND, _lazy("Threads")),
]
GROUPINGS = ["region", "country", "sector", "stage"]
PER_GROUP = 5
RELATED_SHOWN = 5
REPORT_LIMIT = 200
COMPARE_LESSONS = 10
_TOP_HEADINGS = re.compile(r"<(/?)h[12]>")


def _space_shown(user: Any) -> Exists:
    """True when the reader may know the row's space exists."""
    return Exists(visible_spaces(user, Space.objects.filter(pk=OuterRef("space_id"))))


# Themes -----------------------------------------------------------------------------


def theme_list(*, user: Any) -> list[Theme]:
    """Every theme with the number of lessons on it the reader may see (two queries)."""
    counts = dict(
        visible(user, Lesson.objects.filter(themes__isnull=False))
        .values("themes")
        .annotate(n=Count("pk", distinct=True))
        .values_list("themes", "n")
    )
    themes = list(Theme.objects.all())
    for theme in themes:
        theme.lesson_count = counts.get(theme.pk, 0)  # type: ignore[attr-defined]
    return themes


def theme_get(*, slug: str) -> Theme:
    theme = Theme.objects.filter(slug=slug).first()
    if theme is None:
        raise Http404
    return theme


def on_theme(theme: Theme) -> Q:
    """Items on a theme: notes, lessons, stories and resources that carry it; wiki
    pages and threads in the space of an initiative that works on it."""
    return (
        Q(pk__in=Lesson.themes.through.objects.filter(theme=theme).values("lesson_id"))
        | Q(
            pk__in=LearningNote.themes.through.objects.filter(theme=theme).values("learningnote_id")
        )
        | Q(pk__in=Story.themes.through.objects.filter(theme=theme).values("story_id"))
        | Q(pk__in=Resource.themes.through.objects.filter(theme=theme).values("resource_id"))
        | Q(
            kind__in=[WikiPage.KIND, Post.KIND],
            space_id__in=Initiative.objects.filter(themes=theme).values("space_id"),
        )
    )


@dataclass
class Group:
    key: str
    label: str
    count: int = 0
    ids: list[int] = field(default_factory=list)
    items: list[Any] = field(default_factory=list)


@dataclass
class Section:
    kind: str
    label: str
    total: int = 0
    groups: list[Group] = field(default_factory=list)


def _facts(user: Any, space_ids: set[int]) -> dict[int, dict[str, Any]]:
    """Countries, stage and sectors of the initiatives in ``space_ids`` whose space the
    reader may know exists (two queries)."""
    spaces = visible_spaces(user, Space.objects.filter(pk__in=space_ids))
    facts: dict[int, dict[str, Any]] = {}
    for space_id, countries, stage in Initiative.objects.filter(space__in=spaces).values_list(
        "space_id", "countries", "stage"
    ):
        facts[space_id] = {"countries": countries or [], "stage": stage, "sectors": set()}
    rows = InitiativeOrganisation.objects.filter(initiative_id__in=list(facts)).values_list(
        "initiative_id", "organisation__sector"
    )
    for initiative_id, sector in rows:
        if sector:
            facts[initiative_id]["sectors"].add(sector)
    return facts


def _group_keys(by: str, fact: dict[str, Any] | None) -> list[tuple[str, str]]:
    if fact is None:
        return []
    if by == "country":
        names = dict(all_countries)
        return [(code, str(names.get(code, code))) for code in fact["countries"]]
    if by == "region":
        found = {region_of(code) for code in fact["countries"]} - {""}
        return [(r, str(REGIONS.get(r, r))) for r in sorted(found)]
    if by == "sector":
        labels = dict(Sector.choices)
        return [(s, str(labels.get(s, s))) for s in sorted(fact["sectors"])]
    if by == "stage":
        return [(fact["stage"], str(dict(Initiative.Stage.choices).get(fact["stage"], "")))]
    return []


def _keys(user: Any, theme: Theme) -> list[tuple[int, str, int | None]]:
    """(id, kind, space id) of every item on the theme the reader may see, newest
    first: the one query every count comes from."""
    return list(
        visible(user, Content.objects.filter(on_theme(theme), kind__in=[k for k, _ in SECTIONS]))
        .order_by("-created", "-pk")
        .values_list("pk", "kind", "space_id")
    )


def _details(user: Any, ids: list[int]) -> dict[int, Any]:
    """The rows to show, through the gate once more, with a lesson's strength."""
    if not ids:
        return {}
    rows = (
        visible(user, Content.objects.filter(pk__in=ids))
        .select_related("space")
        .annotate(strength=F("lesson__strength"))
    )
    labels = dict(Lesson.Strength.choices)
    found = {}
    for row in rows:
        row.strength_label = labels.get(row.strength, "") if row.strength else ""  # type: ignore[attr-defined]
        found[row.pk] = row
    return found


def _grouped(
    rows: list[tuple[int, str, int | None]], facts: dict[int, dict[str, Any]], by: str
) -> dict[str, list[Group]]:
    per_kind: dict[str, dict[str, Group]] = defaultdict(dict)
    for pk, kind, space_id in rows:
        keys = _group_keys(by, facts.get(space_id) if space_id else None) or [("", _("Not stated"))]
        for key, label in keys:
            group = per_kind[kind].setdefault(key, Group(key=key, label=label))
            group.count += 1
            group.ids.append(pk)
    return {
        kind: sorted(groups.values(), key=lambda g: (g.key == "", -g.count, g.label))
        for kind, groups in per_kind.items()
    }


def theme_overview(*, user: Any, theme: Theme, by: str = "region") -> dict[str, Any]:
    """Everything on a theme the reader may see, per kind (lessons first), grouped by
    region, country, stakeholder sector or stage of its initiative, with counts and
    the newest few items of each group. A constant number of queries."""
    if by not in GROUPINGS:
        by = "region"
    rows = _keys(user, theme)
    facts = _facts(user, {space_id for _, _, space_id in rows if space_id})
    grouped = _grouped(rows, facts, by)
    totals: dict[str, int] = defaultdict(int)
    for _pk, kind, _space in rows:
        totals[kind] += 1
    shown = {pk for groups in grouped.values() for g in groups for pk in g.ids[:PER_GROUP]}
    details = _details(user, sorted(shown))
    sections = []
    for kind, label in SECTIONS:
        groups = grouped.get(kind, [])
        for group in groups:
            group.items = [details[pk] for pk in group.ids[:PER_GROUP] if pk in details]
        sections.append(Section(kind=kind, label=str(label), total=totals[kind], groups=groups))
    return {"sections": sections, "by": by, "total": len(rows)}


def theme_group_items(
    *, user: Any, theme: Theme, kind: str, by: str, key: str
) -> tuple[Group, list[int]]:
    """One group of one kind on a theme, every id in it (newest first)."""
    if by not in GROUPINGS or kind not in dict(SECTIONS):
        raise Http404
    rows = [row for row in _keys(user, theme) if row[1] == kind]
    facts = _facts(user, {space_id for _, _, space_id in rows if space_id})
    for group in _grouped(rows, facts, by).get(kind, []):
        if group.key == key:
            return group, group.ids
    raise Http404


def items_by_id(*, user: Any, ids: list[int]) -> list[Any]:
    details = _details(user, ids)
    return [details[pk] for pk in ids if pk in details]


def readable_lesson_ids(*, user: Any, ids: list[int]) -> set[int]:
    """Which of these lessons ``user`` may read, in one query."""
    return set(visible(user, Lesson.objects.filter(pk__in=ids)).values_list("pk", flat=True))


def synthesis_for(*, theme: Theme) -> ThemeSynthesis | None:
    return ThemeSynthesis.objects.filter(theme=theme).select_related("updated_by").first()


def render_citations(*, user: Any, html: str) -> SafeString:
    """``html`` (sanitised at save) with each ``[[lesson:N]]`` replaced: a lesson the
    reader may see becomes a link with its strength of evidence and initiative; any
    other (restricted, removed or missing alike) becomes "a restricted lesson", with
    nothing of its text. One query."""
    ids = {int(m.group(1)) for m in CITATION.finditer(html)}
    lessons: dict[int, Any] = {}
    if ids:
        lessons = {
            lesson.pk: lesson
            for lesson in visible(user, Lesson.objects.filter(pk__in=ids))
            .select_related("space")
            .annotate(space_shown=_space_shown(user))
        }

    def cite(match: Any) -> str:
        lesson = lessons.get(int(match.group(1)))
        if lesson is None:
            return format_html(
                '<span class="restricted-citation">{}</span>', _("a restricted lesson")
            )
        where = lesson.space.name if lesson.space_id and lesson.space_shown else ""
        facts = lesson.get_strength_display() + (f"; {where}" if where else "")
        return format_html(
            '<a href="{}" class="citation">{}</a> <span class="meta">({})</span>',
            lesson.get_absolute_url(),
            lesson.title,
            facts,
        )

    # The synthesis sits under the page's own headings: its headings start at h3.
    html = _TOP_HEADINGS.sub(lambda m: f"<{m.group(1)}h3>", html)
    return mark_safe(CITATION.sub(cite, html))  # noqa: S308 -- parts escaped above


# Related experiences ------------------------------------------------------------------


def related_for(*, user: Any, item: Content) -> list[RelatedItem]:
    """The stored related items of ``item`` whose target the reader may see: the gate
    is part of the one query."""
    targets = visible(user, Content.objects.all())
    rows = list(
        RelatedItem.objects.filter(source_id=item.pk, target__in=targets)
        .select_related("target")
        .order_by("-score", "target_id")[:RELATED_SHOWN]
    )
    names = {name for row in rows for name in row.shared_themes}
    if names:
        # Stored as the vocabulary's names when computed: shown in the reader's language.
        # The item's own themes, when its page read them with it, name them all (shared
        # themes are the item's); any other name, or none read, is asked of the table.
        own = getattr(item, "_prefetched_objects_cache", {}).get("themes")
        labels = {theme.name: theme.label for theme in own} if own is not None else {}
        missing = names - labels.keys()
        if missing:
            labels |= {
                name: Theme.translated(translations, "name", name)
                for name, translations in Theme.objects.filter(name__in=missing).values_list(
                    "name", "translations"
                )
            }
        for row in rows:
            row.shared_themes = [labels.get(name, name) for name in row.shared_themes]
    return rows


# Reports -----------------------------------------------------------------------------


@dataclass
class ReportSpec:
    theme: Theme | None = None
    question: str = ""
    countries: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    since: date | None = None
    until: date | None = None
    group: str = "theme"
    public: bool = False


@dataclass
class Report:
    spec: ReportSpec
    groups: list[Group]
    total: int
    capped: bool
    left_out: int
    # Lessons in it that are not public: a report holding any is not for sharing.
    restricted: int = 0


def _report_lessons(user: Any, spec: ReportSpec) -> QuerySet[Lesson]:
    qs = visible(user, Lesson.objects.all())
    if spec.theme is not None:
        qs = qs.filter(themes=spec.theme)
    for word in spec.question.split()[:12]:
        qs = qs.filter(Q(title__icontains=word) | Q(body__icontains=word))
    if spec.countries:
        condition = Q()
        for code in spec.countries:
            condition |= Q(note__initiative__countries__icontains=f'"{code}"')
        qs = qs.filter(condition)
    if spec.sectors:
        qs = qs.filter(
            note__initiative__in=InitiativeOrganisation.objects.filter(
                organisation__sector__in=spec.sectors
            ).values("initiative_id")
        )
    if spec.since:
        qs = qs.filter(created__date__gte=spec.since)
    if spec.until:
        qs = qs.filter(created__date__lte=spec.until)
    return qs


def report_build(*, user: Any, spec: ReportSpec) -> Report:
    """Lessons for a theme or question, with the filters, grouped by theme or country,
    each with its strength of evidence and initiative. For the public, only public
    lessons (read as an anonymous visitor would) and the number of lessons the viewer
    may see that were left out; for the viewer, what the viewer may see."""
    reader = AnonymousUser() if spec.public else user
    lessons = list(
        _report_lessons(reader, spec)
        .select_related("space", "note__initiative")
        .annotate(space_shown=_space_shown(reader))
        .prefetch_related("themes")
        .distinct()
        .order_by("-created", "-pk")[: REPORT_LIMIT + 1]
    )
    capped = len(lessons) > REPORT_LIMIT
    lessons = lessons[:REPORT_LIMIT]
    left_out = 0
    if spec.public:
        left_out = (
            _report_lessons(user, spec).exclude(visibility=Visibility.PUBLIC).distinct().count()
        )
    groups: dict[str, Group] = {}
    names = dict(all_countries)
    for lesson in lessons:
        shown = lesson.space if lesson.space_shown else None
        lesson.initiative_name = shown.name if shown is not None else ""  # type: ignore[attr-defined]
        initiative = lesson.note.initiative if lesson.space_shown else None
        lesson.shown_initiative = initiative  # type: ignore[attr-defined]
        if spec.group == "country":
            codes = initiative.countries if initiative is not None else []
            keys = [(c, str(names.get(c, c))) for c in codes]
        else:
            keys = [(str(t.slug), t.label) for t in lesson.themes.all()]
        for key, label in keys or [("", _("Not stated"))]:
            group = groups.setdefault(key, Group(key=key, label=label))
            group.count += 1
            group.items.append(lesson)
    ordered = sorted(groups.values(), key=lambda g: (g.key == "", g.label))
    restricted = sum(1 for lesson in lessons if lesson.visibility != Visibility.PUBLIC)
    return Report(
        spec=spec,
        groups=ordered,
        total=len(lessons),
        capped=capped,
        left_out=left_out,
        restricted=restricted,
    )


# Compare -----------------------------------------------------------------------------


def compare_choices(*, user: Any) -> QuerySet[Initiative]:
    spaces = visible_spaces(user, Space.objects.filter(kind=Space.Type.INITIATIVE))
    return (
        Initiative.objects.filter(space__in=spaces).select_related("space").order_by("space__name")
    )


def compare(*, user: Any, slugs: list[str]) -> list[Initiative]:
    """2 to 4 initiatives side by side; any the reader may not know exists is a 404,
    as if it did not exist. Lessons are the ones the reader may see."""
    wanted = list(dict.fromkeys(slugs))
    spaces = visible_spaces(user, Space.objects.filter(kind=Space.Type.INITIATIVE, slug__in=wanted))
    initiatives = list(
        Initiative.objects.filter(space__in=spaces)
        .select_related("space")
        .prefetch_related("themes", "stakeholders__organisation")
    )
    if len(initiatives) != len(wanted):
        raise Http404
    order = {slug: i for i, slug in enumerate(wanted)}
    initiatives.sort(key=lambda i: order[i.space.slug])
    ids = [i.pk for i in initiatives]
    lessons: dict[int, list[Lesson]] = defaultdict(list)
    counts: dict[int, int] = defaultdict(int)
    rows = visible(user, Lesson.objects.filter(note__initiative_id__in=ids)).order_by(
        "-created", "-pk"
    )
    for lesson in rows.annotate(initiative_id=F("note__initiative_id")):
        counts[lesson.initiative_id] += 1
        if len(lessons[lesson.initiative_id]) < COMPARE_LESSONS:
            lessons[lesson.initiative_id].append(lesson)
    labels = dict(Sector.choices)
    for initiative in initiatives:
        by_sector: dict[str, list[str]] = defaultdict(list)
        for stakeholder in initiative.stakeholders.all():
            sector = stakeholder.organisation.sector
            by_sector[str(labels.get(sector, _("Not stated")))].append(
                stakeholder.organisation.name
            )
        initiative.by_sector = sorted(by_sector.items())  # type: ignore[attr-defined]
        initiative.shown_lessons = lessons[initiative.pk]  # type: ignore[attr-defined]
        initiative.lesson_count = counts[initiative.pk]  # type: ignore[attr-defined]
    return initiatives
