"""Reads for training, always through the gate: a programme is read by whoever may
know its space exists; the items it points at, the evidence and the reflections by
whoever may read them (``core.visibility``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils.text import Truncator

from harambee.core.models import Content
from harambee.core.registry import SearchMatch
from harambee.core.visibility import can_see_person, is_reader, visible, visible_spaces
from harambee.people.models import Organisation, User
from harambee.people.roles import SpaceRole, space_may
from harambee.spaces.models import Membership, Space
from harambee.training import rules
from harambee.training.models import (
    Certificate,
    Cohort,
    Competency,
    Completion,
    Evidence,
    Framework,
    Item,
    Module,
    Placement,
    Programme,
    Recognition,
    Reflection,
)
from harambee.training.progress import percent

CONTENT_KINDS: dict[str, str] = {
    Item.Kind.RESOURCE: "resource",
    Item.Kind.WIKI: "wiki_page",
    Item.Kind.EVENT: "event",
}


def _programmes(user: Any) -> QuerySet[Programme]:
    spaces = visible_spaces(user, Space.objects.all())
    return Programme.objects.filter(space__in=spaces.values("pk")).select_related(
        "space", "partner"
    )


def programme_list(*, user: Any) -> QuerySet[Programme]:
    return _programmes(user).order_by("title", "pk")


def programme_get(*, user: Any, pk: int) -> Programme:
    found = _programmes(user).select_related("framework").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def module_get(*, user: Any, pk: int) -> Module:
    spaces = visible_spaces(user, Space.objects.all())
    found = (
        Module.objects.filter(pk=pk, programme__space__in=spaces.values("pk"))
        .select_related("programme__space", "programme__partner")
        .first()
    )
    if found is None:
        raise Http404
    return found


def item_get(*, user: Any, pk: int) -> Item:
    spaces = visible_spaces(user, Space.objects.all())
    found = (
        Item.objects.filter(pk=pk, module__programme__space__in=spaces.values("pk"))
        .select_related("module__programme__space")
        .first()
    )
    if found is None:
        raise Http404
    return found


@dataclass
class Step:
    item: Item
    # The linked item, only when the reader may read it; ``restricted`` otherwise.
    shown: Content | None = None
    restricted: bool = False
    done: bool = False
    note_id: int | None = None


@dataclass
class ModuleView:
    module: Module
    steps: list[Step] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(1 for s in self.steps if s.done)

    @property
    def percent(self) -> int:
        return percent(self.done, len(self.steps))


def modules_for(*, user: Any, programme: Programme, only: Module | None = None) -> list[ModuleView]:
    """The programme's modules (or one of them) with their steps, each linked item
    read through the gate and each step marked done for ``user``; four queries."""
    modules = list(programme.modules.all()) if only is None else [only]
    items = list(
        Item.objects.filter(module__in=[m.pk for m in modules]).order_by("module", "position", "pk")
    )
    linked = {i.content_id for i in items if i.content_id}
    shown = {
        c.pk: c
        for c in visible(user, Content.objects.filter(pk__in=linked)).select_related("space")
    }
    done: set[int] = set()
    notes: dict[int, int] = {}
    if is_reader(user) and items:
        ids = [i.pk for i in items]
        done = set(
            Completion.objects.filter(learner_id=user.pk, item_id__in=ids).values_list(
                "item_id", flat=True
            )
        )
        notes = dict(
            Reflection.objects.filter(learner_id=user.pk, item_id__in=ids).values_list(
                "item_id", "note_id"
            )
        )
    views = {m.pk: ModuleView(m) for m in modules}
    for item in items:
        step = Step(item, done=item.pk in done, note_id=notes.get(item.pk))
        if item.content_id:
            step.shown = shown.get(item.content_id)
            step.restricted = step.shown is None
        views[item.module_id].steps.append(step)
    return [views[m.pk] for m in modules]


def progress_of(*, learner: Any, programme: Programme) -> int:
    total = Item.objects.filter(module__programme=programme).count()
    done = Completion.objects.filter(
        learner_id=learner.pk, item__module__programme=programme
    ).count()
    return percent(done, total)


def cohorts(*, programme: Programme, user: Any = None) -> list[Cohort]:
    """The programme's cohorts by start date, each with ``mine``: whether ``user`` (if
    given) is placed in it; one query."""
    if not is_reader(user):
        return list(programme.cohorts.all())
    found: list[Cohort] = list(
        programme.cohorts.annotate(
            reader_in=Exists(Placement.objects.filter(cohort=OuterRef("pk"), learner_id=user.pk))
        )
    )
    for cohort in found:
        cohort.mine = getattr(cohort, "reader_in", False)
    return found


def cohort_choices(*, programme: Programme) -> QuerySet[Cohort]:
    return programme.cohorts.all()


def cohort_get(*, user: Any, pk: int) -> Cohort:
    """A cohort, for whoever may know its programme's space exists."""
    spaces = visible_spaces(user, Space.objects.all())
    found = (
        Cohort.objects.filter(pk=pk, programme__space__in=spaces.values("pk"))
        .select_related("programme__space")
        .first()
    )
    if found is None:
        raise Http404
    return found


def _enrolled(programme: Programme) -> QuerySet[Membership]:
    return Membership.objects.active().filter(space_id=programme.space_id)


def cohort_learners(*, cohort: Cohort) -> list[User]:
    """The learners placed in ``cohort`` who are enrolled now (one query); the caller
    has checked ``rules.may_see_learners``."""
    return list(
        User.objects.filter(
            pk__in=Placement.objects.filter(cohort=cohort).values("learner_id"),
            memberships__in=_enrolled(cohort.programme),
        ).order_by("display_name", "pk")
    )


def programmes_placing(*, space: Space) -> QuerySet[Programme]:
    """The programmes of ``space`` that place new learners in a cohort themselves."""
    return Programme.objects.filter(space=space, placement=Programme.Placement.AUTO).select_related(
        "space"
    )


def cohort_for_newcomers(*, programme: Programme, today: date) -> Cohort | None:
    """The cohort a learner enrolling ``today`` joins: among those that take new
    learners and have not ended, the one running today, else the next to start."""
    open_ = programme.cohorts.filter(open=True, ends__gte=today)
    return (
        open_.filter(starts__lte=today).order_by("-starts", "pk").first()
        or open_.order_by("starts", "pk").first()
    )


def partner_choices() -> QuerySet[Organisation]:
    return Organisation.objects.order_by("name")


def framework_choices() -> QuerySet[Framework]:
    return Framework.objects.order_by("name")


def space_programmes(*, space: Space) -> list[Programme]:
    """The programmes of a space the page already shows (so its reader may know it)."""
    if space.kind != Space.Type.PROGRAMME:
        return []
    return list(Programme.objects.filter(space=space).order_by("title", "pk")[:10])


def programme_search(
    user: Any, groups: list[list[str]], excluded: list[str], limit: int
) -> list[SearchMatch]:
    """The search box's programmes (``core.registry.SearchSource``): those the reader
    may know (``visible_spaces``) whose title, summary or partner holds, for each group,
    one of its phrases, and none of ``excluded``; by title, in one query."""
    if not groups:
        return []

    def holds(phrase: str) -> Q:
        return (
            Q(title__icontains=phrase)
            | Q(summary__icontains=phrase)
            | Q(partner__name__icontains=phrase)
        )

    qs = _programmes(user)
    for group in groups:
        either = Q()
        for phrase in group:
            either |= holds(phrase)
        qs = qs.filter(either)
    for phrase in excluded:
        qs = qs.exclude(holds(phrase))
    return [
        SearchMatch(
            title=p.title,
            url=p.get_absolute_url(),
            text=Truncator(p.summary).chars(200),
            place=p.space.name,
        )
        for p in qs.order_by("title", "pk")[:limit]
    ]


def facilitators(*, programme: Programme) -> list[User]:
    keep = [r for r in SpaceRole.values if space_may(r, rules.FACILITATE)]
    return [
        m.user
        for m in Membership.objects.active()
        .filter(space_id=programme.space_id, role__in=keep)
        .select_related("user")
        .order_by("user__display_name")
    ]


@dataclass
class LearnerRow:
    learner: User
    percent: int
    recognised: list[Competency]
    certificate: Certificate | None
    cohort: Cohort | None = None


def learners(*, programme: Programme, cohorts: list[Cohort]) -> list[LearnerRow]:
    """Every enrolled member with their progress, recognitions, certificate and cohort
    (one of ``cohorts``, the programme's), for the programme's facilitators; a fixed
    number of queries."""
    total = Item.objects.filter(module__programme=programme).count()
    people = list(
        User.objects.filter(
            memberships__in=Membership.objects.active().filter(space_id=programme.space_id)
        )
        .annotate(
            done=Count(
                "training_completions",
                filter=Q(training_completions__item__module__programme=programme),
                distinct=True,
            ),
            cohort_id=Subquery(
                Placement.objects.filter(programme=programme, learner=OuterRef("pk")).values(
                    "cohort_id"
                )[:1]
            ),
        )
        .order_by("display_name", "pk")
    )
    recognised: dict[int, list[Competency]] = {}
    for r in programme.recognitions.select_related("competency"):
        recognised.setdefault(r.learner_id, []).append(r.competency)
    certificates = {c.holder_id: c for c in programme.certificates.filter(revoked__isnull=True)}
    by_id = {c.pk: c for c in cohorts}
    return [
        LearnerRow(
            p,
            percent(p.done, total),
            recognised.get(p.pk, []),
            certificates.get(p.pk),
            by_id.get(p.cohort_id),
        )
        for p in people
    ]


def learner_get(*, programme: Programme, pk: int) -> User:
    found = User.objects.filter(
        pk=pk, memberships__in=Membership.objects.active().filter(space_id=programme.space_id)
    ).first()
    if found is None:
        raise Http404
    return found


def competencies(*, programme: Programme) -> QuerySet[Competency]:
    if programme.framework_id is None:
        return Competency.objects.none()
    return Competency.objects.filter(framework_id=programme.framework_id)


def evidence_of(*, user: Any, learner: Any, programme: Programme) -> list[Evidence]:
    """The learner's evidence in the programme that ``user`` may read."""
    rows = list(
        Evidence.objects.filter(programme=programme, learner_id=learner.pk).select_related(
            "competency"
        )
    )
    shown = {
        c.pk: c
        for c in visible(
            user, Content.objects.filter(pk__in={e.content_id for e in rows})
        ).select_related("space")
    }
    kept = []
    for row in rows:
        if row.content_id in shown:
            row.shown = shown[row.content_id]
            kept.append(row)
    return kept


def evidence_choices(*, learner: Any) -> QuerySet[Content]:
    """What a learner may offer as evidence: items they wrote and may read."""
    return visible(learner, Content.objects.filter(author_id=learner.pk)).order_by("-created")


def linkable_content(*, user: Any) -> QuerySet[Content]:
    return visible(user, Content.objects.filter(kind__in=list(CONTENT_KINDS.values()))).order_by(
        "kind", "title"
    )


def certificate_by_token(*, token: str) -> Certificate:
    found = Certificate.objects.filter(token=token).first() if len(token) <= 64 else None
    if found is None:
        raise Http404
    return found


def certificate_for_facilitator(*, user: Any, token: str) -> Certificate:
    certificate = certificate_by_token(token=token)
    programme = programme_get(user=user, pk=certificate.programme_id)
    if not rules.may_facilitate(user, programme):
        raise Http404
    certificate.programme = programme
    return certificate


@dataclass
class PathwayEntry:
    programme: Programme
    percent: int | None
    recognised: list[Recognition]
    evidence: list[Evidence]
    certificate: Certificate | None


def person_get(*, user: Any, pk: int) -> User:
    person = User.objects.filter(pk=pk, is_active=True).first()
    if person is None or not can_see_person(user, person):
        raise Http404
    return person


def pathway(*, user: Any, person: User) -> list[PathwayEntry]:
    """The programmes ``person`` is enrolled in that ``user`` may know of, with what
    ``user`` may see of each: progress only to the learner and the programme's
    facilitators, evidence only what ``user`` may read. A fixed number of queries,
    whatever the number of programmes and evidence; one when there is none (the
    person page asks for every person)."""
    enrolled = Membership.objects.active().filter(user=person).values("space_id")
    programmes = list(_programmes(user).filter(space_id__in=enrolled).order_by("title", "pk"))
    if not programmes:
        return []
    ids = [p.pk for p in programmes]
    recognitions: dict[int, list[Recognition]] = {}
    for r in Recognition.objects.filter(programme_id__in=ids, learner=person).select_related(
        "competency"
    ):
        recognitions.setdefault(r.programme_id, []).append(r)
    rows = list(
        Evidence.objects.filter(programme_id__in=ids, learner=person).select_related("competency")
    )
    shown = (
        {
            c.pk: c
            for c in visible(
                user, Content.objects.filter(pk__in={e.content_id for e in rows})
            ).select_related("space")
        }
        if rows
        else {}
    )
    evidence: dict[int, list[Evidence]] = {}
    for row in rows:
        if row.content_id in shown:
            row.shown = shown[row.content_id]
            evidence.setdefault(row.programme_id, []).append(row)
    certificates = {
        c.programme_id: c
        for c in Certificate.objects.filter(
            programme_id__in=ids, holder=person, revoked__isnull=True
        )
    }
    own = is_reader(user) and user.pk == person.pk
    progress_of_ = {p.pk for p in programmes if own or rules.may_facilitate(user, p)}
    totals: dict[int, int] = {}
    dones: dict[int, int] = {}
    if progress_of_:
        totals = dict(
            Item.objects.filter(module__programme_id__in=progress_of_)
            .values_list("module__programme_id")
            .annotate(n=Count("pk"))
        )
        dones = dict(
            Completion.objects.filter(learner=person, item__module__programme_id__in=progress_of_)
            .values_list("item__module__programme_id")
            .annotate(n=Count("pk"))
        )
    return [
        PathwayEntry(
            p,
            percent(dones.get(p.pk, 0), totals.get(p.pk, 0)) if p.pk in progress_of_ else None,
            recognitions.get(p.pk, []),
            evidence.get(p.pk, []),
            certificates.get(p.pk),
        )
        for p in programmes
    ]


def reflection_initiatives(*, user: Any) -> QuerySet[Any]:
    """The initiatives a learner may write a learning note in (their reflections)."""
    from harambee.initiatives.models import Initiative

    mine = Membership.objects.active().filter(user_id=user.pk).values("space_id")
    return (
        Initiative.objects.filter(space_id__in=mine).select_related("space").order_by("space__name")
    )
