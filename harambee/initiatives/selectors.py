"""Reads for initiatives. Every content read goes through the gate; the profile
goes through the space gate."""

from __future__ import annotations

from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404

from harambee.core.models import Attachment, Content
from harambee.core.queries import fresh_copy, one
from harambee.core.registry import content_kind
from harambee.core.selectors import with_comment_counts
from harambee.core.visibility import can_see_space, can_view, visible, visible_spaces
from harambee.initiatives.models import (
    Adaptation,
    Initiative,
    InitiativeOrganisation,
    InquiryCycle,
    LearningNote,
    Lesson,
    NoteRevision,
    PhaseNote,
    Theme,
)
from harambee.people.models import Organisation
from harambee.people.regions import COUNTRY_REGION
from harambee.spaces.models import Space


def initiative_list(
    *,
    user: Any,
    country: str = "",
    region: str = "",
    theme: str = "",
    sector: str = "",
    stage: str = "",
) -> QuerySet[Initiative]:
    spaces = visible_spaces(user, Space.objects.filter(kind=Space.Type.INITIATIVE))
    qs = Initiative.objects.filter(space__in=spaces).select_related("space")
    if country:
        # Countries are a JSON list of codes; matching the quoted code works on both
        # SQLite and PostgreSQL.
        qs = qs.filter(countries__icontains=f'"{country}"')
    if region:
        codes = [code for code, r in COUNTRY_REGION.items() if r == region]
        condition = Q()
        for code in codes:
            condition |= Q(countries__icontains=f'"{code}"')
        qs = qs.filter(condition) if codes else qs.none()
    if theme:
        qs = qs.filter(themes__slug=theme)
    if sector:
        qs = qs.filter(stakeholders__organisation__sector=sector)
    if stage:
        qs = qs.filter(stage=stage)
    return qs.distinct().prefetch_related("themes").order_by("space__name")


def known_initiatives(*, user: Any) -> QuerySet[Initiative]:
    """Initiatives whose space ``user`` may know exists (to choose or filter by)."""
    return Initiative.objects.filter(
        space__in=visible_spaces(user, Space.objects.all())
    ).select_related("space")


def initiative_get(*, user: Any, slug: str) -> Initiative:
    """The initiative of a space the user may see, read with its space in one query;
    404 alike for a missing space, one kept from the user and one with no initiative
    (the gate of spaces, as ``space_get``)."""
    initiative = one(Initiative.objects.select_related("space").filter(space__slug=slug))
    if initiative is None or not can_see_space(user, initiative.space):
        raise Http404
    prefetch_related_objects([initiative], "themes")
    return initiative


def stakeholders(*, initiative: Initiative) -> QuerySet[Any]:
    return initiative.stakeholders.select_related("organisation").order_by("organisation__name")


TIMELINE_PAGE = 30
STORY_KIND = "story"
EVENT_KIND = "event"


def timeline(
    *, user: Any, initiative: Initiative, before: Any = None, size: int = TIMELINE_PAGE
) -> tuple[list[Any], Any]:
    """One page of cycles, notes, lessons, stories and events the user may see, newest
    first, one bounded query per kind (keyset on ``when``: the day an item was posted,
    or the day an event takes place, as its kind says in ``ContentKind.dated_by``).
    Returns the page and the ``when`` value to ask for the next one, or None at the
    end. Stories and events are read as their ``Content`` envelope: the timeline shows
    only what every kind has, and those apps are not imported here (stories build on
    initiatives' themes; events sit in the same layer)."""
    try:
        event_date = content_kind(EVENT_KIND).dated_by
    except LookupError:
        event_date = "created"
    by_kind = [
        (visible(user, InquiryCycle.objects.filter(initiative=initiative)), "created"),
        (
            with_comment_counts(visible(user, LearningNote.objects.filter(initiative=initiative))),
            "created",
        ),
        (visible(user, Lesson.objects.filter(note__initiative=initiative)), "created"),
        (
            visible(user, Content.objects.filter(space=initiative.space, kind=STORY_KIND)),
            "created",
        ),
        (
            visible(user, Content.objects.filter(space=initiative.space, kind=EVENT_KIND)),
            event_date,
        ),
    ]
    items: list[Any] = []
    for qs, dated_by in by_kind:
        qs = qs.annotate(when=F(dated_by))
        if before is not None:
            qs = qs.filter(when__lt=before)
        items.extend(qs.select_related("author").order_by("-when", "-pk")[: size + 1])
    items.sort(key=lambda item: item.when, reverse=True)
    page, more = items[:size], len(items) > size
    for item in page:
        item.shown_space = None
    return page, (page[-1].when if more else None)


def _get(user: Any, queryset: QuerySet[Any], pk: int) -> Any:
    item = one(queryset.filter(pk=pk))
    if item is None or not can_view(user, item):
        raise Http404
    return item


def cycle_get(*, user: Any, pk: int) -> InquiryCycle:
    return _get(user, InquiryCycle.objects.select_related("author", "initiative__space"), pk)


def phase_notes(*, cycle: InquiryCycle) -> dict[str, list[PhaseNote]]:
    grouped: dict[str, list[PhaseNote]] = {p: [] for p in PhaseNote.Phase.values}
    for note in cycle.phase_notes.select_related("author"):
        grouped[note.phase].append(note)
    return grouped


def note_get(*, user: Any, pk: int) -> LearningNote:
    note = one(
        LearningNote.objects.select_related("author", "initiative__space", "cycle")
        .prefetch_related("themes")
        .filter(pk=pk)
    )
    if note is None:
        raise Http404
    # The co-authors of the note and of its cycle, in one query: the gate asks them of
    # both (``can_view``), the page shows the note's.
    prefetch_related_objects([note, note.cycle] if note.cycle else [note], "coauthors")
    if not can_view(user, note):
        raise Http404
    return note


def note_lessons(*, user: Any, note: LearningNote) -> QuerySet[Lesson]:
    return visible(user, note.lessons.all()).order_by("created")


def note_revisions(*, user: Any, note: LearningNote) -> QuerySet[NoteRevision]:
    """The history of a note the caller has already been allowed to read: old
    versions obey the note's gate as it is now. The drafts of a shareable version,
    made from restricted text, are shown only to those who may read its original;
    everyone else sees its history from publication on."""
    revisions = note.revisions.select_related("author")
    adaptation = Adaptation.objects.filter(adapted_id=note.pk).select_related("original").first()
    if adaptation is not None and not can_view(user, adaptation.original):
        if adaptation.reviewed is None or adaptation.status != Adaptation.Status.PUBLISHED:
            return revisions.none()
        revisions = revisions.filter(created__gte=adaptation.reviewed)
    return revisions


def lesson_list(*, user: Any) -> QuerySet[Lesson]:
    """Every lesson the reader may see, for the alliance-wide list (paged by key)."""
    return visible(user, Lesson.objects.all()).select_related("author", "space")


def lesson_get(*, user: Any, pk: int) -> Lesson:
    return _get(
        user,
        Lesson.objects.select_related("author", "note__initiative__space").prefetch_related(
            "themes"
        ),
        pk,
    )


def cycles_for_choice(*, user: Any, initiative: Initiative) -> QuerySet[InquiryCycle]:
    return visible(user, InquiryCycle.objects.filter(initiative=initiative)).order_by("-created")


def prefetch_lessons(user: Any) -> Prefetch:
    return Prefetch(
        "lessons", queryset=visible(user, Lesson.objects.all()), to_attr="shown_lessons"
    )


def dossier(*, user: Any, initiative: Initiative) -> dict[str, Any]:
    """Everything of an initiative the user may see, in a fixed number of queries."""
    lessons = Prefetch(
        "lessons",
        queryset=visible(user, Lesson.objects.all()).order_by("created"),
        to_attr="shown_lessons",
    )
    notes = list(
        visible(user, LearningNote.objects.filter(initiative=initiative))
        .select_related("author")
        .prefetch_related("themes", "coauthors", lessons)
        .order_by("created")
    )
    cycles = list(
        visible(user, InquiryCycle.objects.filter(initiative=initiative))
        .select_related("author")
        .prefetch_related(Prefetch("phase_notes", queryset=PhaseNote.objects.order_by("date")))
        .order_by("created")
    )
    by_cycle: dict[int | None, list[LearningNote]] = {}
    shown_cycles = {c.pk for c in cycles}
    for note in notes:
        by_cycle.setdefault(note.cycle_id if note.cycle_id in shown_cycles else None, []).append(
            note
        )
    for cycle in cycles:
        cycle.shown_notes = by_cycle.get(cycle.pk, [])  # type: ignore[attr-defined]
    return {
        "cycles": cycles,
        "loose_notes": by_cycle.get(None, []),
        "notes": notes,
        "stakeholders": list(stakeholders(initiative=initiative)),
    }


# For forms and the adaptation workflow -------------------------------------------


def initiative_for_form(*, initiative: Initiative) -> Initiative:
    """A fresh copy of a profile the caller may edit, for a form to change while the
    service still sees the profile as it was."""
    return Initiative.objects.get(pk=initiative.pk)


def stakeholder_get(*, initiative: Initiative, pk: int) -> InitiativeOrganisation:
    link = InitiativeOrganisation.objects.filter(pk=pk, initiative=initiative).first()
    if link is None:
        raise Http404
    return link


def note_for_form(*, note: LearningNote) -> LearningNote:
    """A fresh copy of a note the caller may edit (see ``initiative_for_form``), with its
    themes and co-authors as ``note_get`` read them."""
    return fresh_copy(note)


def note_attachment_get(*, note: LearningNote, pk: int) -> Attachment:
    """Evidence of a note the caller may read; any other answers 404."""
    attachment = note.attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    return attachment


def note_revision_get(*, user: Any, note: LearningNote, number: int) -> NoteRevision:
    revision = note_revisions(user=user, note=note).filter(number=number).first()
    if revision is None:
        raise Http404
    return revision


def adaptations_around(*, item: Any) -> list[Adaptation]:
    """In one query, the adaptation ``item`` is the shareable version of (if any) and
    those made from it. The caller reads each end through the gate."""
    return list(
        Adaptation.objects.filter(Q(adapted_id=item.pk) | Q(original_id=item.pk)).select_related(
            "adapted", "original"
        )
    )


def adaptable_get(*, user: Any, pk: int) -> LearningNote | Lesson:
    """A note or lesson the user may read, as its own kind; 404 otherwise."""
    content = Content.objects.filter(pk=pk, kind__in=["note", "lesson"]).first()
    if content is None or not can_view(user, content):
        raise Http404
    if content.kind == "note":
        return LearningNote.objects.get(pk=pk)
    return Lesson.objects.get(pk=pk)


def adaptation_get(*, pk: int) -> Adaptation:
    """An adaptation by id; its items still go through the gate (``adaptable_get``)."""
    adaptation = Adaptation.objects.select_related("adapted").filter(pk=pk).first()
    if adaptation is None:
        raise Http404
    return adaptation


# Choices for forms ---------------------------------------------------------------


def theme_list() -> QuerySet[Theme]:
    """The shared theme vocabulary, in its own order."""
    return Theme.objects.all()


def theme_choices() -> list[tuple[str, str]]:
    return list(Theme.objects.values_list("slug", "name"))


def stakeholder_choices() -> QuerySet[Organisation]:
    """Organisations an initiative may list as stakeholders: any in the directory."""
    return Organisation.objects.all()
