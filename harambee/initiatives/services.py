"""Writes for initiatives, cycles, learning notes and lessons. Atomic, checked
against the role table, audited where visibility changes."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.core.models import Content, Visibility
from harambee.core.services import audit_visibility_change
from harambee.core.visibility import can_view
from harambee.initiatives import rules
from harambee.initiatives.models import (
    NOTE_SECTIONS,
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
from harambee.people.models import Organisation, User
from harambee.people.roles import Perm
from harambee.spaces.models import Space
from harambee.spaces.services import require_space_perm

# Narrowest first: a lesson may not be seen more widely than its note.
WIDTH: dict[str, int] = {
    Visibility.PRIVATE: 0,
    Visibility.SPACE: 1,
    Visibility.ALLIANCE: 2,
    Visibility.PUBLIC: 3,
}
SECTION_NAMES = [name for name, _label in NOTE_SECTIONS]


@transaction.atomic
def initiative_update(
    *, actor: User, initiative: Initiative, themes: list[Theme] | None = None, **fields: Any
) -> Initiative:
    require_space_perm(actor, initiative.space, Perm.EDIT_SPACE)
    for name, value in fields.items():
        setattr(initiative, name, value)
    initiative.full_clean()
    initiative.save()
    if themes is not None:
        initiative.themes.set(themes)
    return initiative


@transaction.atomic
def stakeholder_set(
    *, actor: User, initiative: Initiative, organisation: Organisation, role: str
) -> InitiativeOrganisation:
    require_space_perm(actor, initiative.space, Perm.EDIT_SPACE)
    link, _created = InitiativeOrganisation.objects.update_or_create(
        initiative=initiative, organisation=organisation, defaults={"role": role.strip()}
    )
    return link


@transaction.atomic
def stakeholder_remove(*, actor: User, link: InitiativeOrganisation) -> None:
    require_space_perm(actor, link.initiative.space, Perm.EDIT_SPACE)
    link.delete()


@transaction.atomic
def cycle_create(
    *, author: User, initiative: Initiative, title: str, visibility: str, **fields: Any
) -> InquiryCycle:
    require_space_perm(author, initiative.space, Perm.POST)
    return InquiryCycle.objects.create(
        initiative=initiative,
        space=initiative.space,
        author=author,
        title=title.strip(),
        visibility=visibility,
        **fields,
    )


@transaction.atomic
def phase_note_add(*, author: User, cycle: InquiryCycle, **fields: Any) -> PhaseNote:
    if not can_view(author, cycle):
        raise PermissionDenied
    require_space_perm(author, cycle.initiative.space, Perm.POST)
    return PhaseNote.objects.create(cycle=cycle, author=author, **fields)


def _snapshot(note: LearningNote) -> dict[str, Any]:
    return {
        "title": note.title,
        "visibility": note.visibility,
        **{name: getattr(note, name) for name in SECTION_NAMES},
        "themes": sorted(note.themes.values_list("name", flat=True)),
    }


def _revise(note: LearningNote, author: User, summary: str) -> NoteRevision:
    last = note.revisions.aggregate(n=Max("number"))["n"] or 0
    return NoteRevision.objects.create(
        note=note, number=last + 1, author=author, summary=summary.strip(), data=_snapshot(note)
    )


@transaction.atomic
def note_create(
    *,
    author: User,
    initiative: Initiative,
    title: str,
    visibility: str,
    themes: list[Theme] | None = None,
    coauthors: list[User] | None = None,
    cycle: InquiryCycle | None = None,
    **sections: str,
) -> LearningNote:
    require_space_perm(author, initiative.space, Perm.POST)
    unknown = set(sections) - set(SECTION_NAMES)
    if unknown:
        raise TypeError(f"note_create() got unexpected fields: {sorted(unknown)}")
    if cycle is not None and cycle.initiative_id != initiative.pk:
        raise ValidationError(_("That cycle belongs to another initiative."))
    note = LearningNote(
        initiative=initiative,
        space=initiative.space,
        author=author,
        title=title.strip(),
        visibility=visibility,
        cycle=cycle,
        **{name: sections.get(name, "") for name in SECTION_NAMES},
    )
    note.save()
    if themes:
        note.themes.set(themes)
    if coauthors:
        note.coauthors.set([c for c in coauthors if c.pk != author.pk])
    _revise(note, author, _("First version"))
    return note


@transaction.atomic
def note_update(
    *,
    actor: User,
    note: LearningNote,
    summary: str = "",
    themes: list[Theme] | None = None,
    coauthors: list[User] | None = None,
    **fields: Any,
) -> LearningNote:
    if not rules.may_edit(actor, note):
        raise PermissionDenied
    changes_visibility = fields.get("visibility", note.visibility) != note.visibility
    if changes_visibility and rules.visibility_locked(note):
        raise ValidationError(
            {"visibility": _("A shareable version is published by review, not by hand.")}
        )
    before = note.visibility
    for name, value in fields.items():
        setattr(note, name, value)
    note.save()
    if themes is not None:
        note.themes.set(themes)
    if coauthors is not None and actor.pk == note.author_id:
        note.coauthors.set([c for c in coauthors if c.pk != note.author_id])
    audit_visibility_change(actor=actor, content=note, before=before)
    # Narrowing a note narrows its lessons with it.
    for lesson in note.lessons.filter(adaptation__isnull=True):
        if WIDTH[lesson.visibility] > WIDTH[note.visibility]:
            lesson_before = lesson.visibility
            lesson.visibility = note.visibility
            lesson.save(update_fields=["visibility", "updated"])
            audit_visibility_change(actor=actor, content=lesson, before=lesson_before)
    _revise(note, actor, summary)
    return note


@transaction.atomic
def note_revert(*, actor: User, note: LearningNote, revision: NoteRevision) -> LearningNote:
    if revision.note_id != note.pk:
        raise PermissionDenied
    data = revision.data
    theme_names = data.get("themes", [])
    return note_update(
        actor=actor,
        note=note,
        summary=_("Reverted to version %(n)s") % {"n": revision.number},
        themes=list(Theme.objects.filter(name__in=theme_names)),
        title=data.get("title", note.title),
        # Reverting never widens who may read the note.
        visibility=min(
            note.visibility, data.get("visibility", note.visibility), key=lambda v: WIDTH[v]
        ),
        **{name: data.get(name, "") for name in SECTION_NAMES},
    )


def _check_width(note: LearningNote, visibility: str) -> None:
    if WIDTH[visibility] > WIDTH[note.visibility]:
        raise ValidationError(
            {"visibility": _("A lesson cannot be shared more widely than its note.")}
        )


@transaction.atomic
def lesson_create(
    *,
    author: User,
    note: LearningNote,
    title: str,
    body: str,
    strength: str,
    visibility: str,
    themes: list[Theme] | None = None,
) -> Lesson:
    if not rules.may_edit(author, note):
        raise PermissionDenied
    _check_width(note, visibility)
    lesson = Lesson.objects.create(
        note=note,
        space=note.space,
        author=author,
        title=title.strip(),
        body=body,
        strength=strength,
        visibility=visibility,
    )
    # No themes given: the note's. Given, even none: exactly those (the form shows the
    # note's ticked, so what the writer sees is what is saved).
    lesson.themes.set(note.themes.all() if themes is None else themes)
    return lesson


@transaction.atomic
def lesson_update(
    *, actor: User, lesson: Lesson, themes: list[Theme] | None = None, **fields: Any
) -> Lesson:
    if not rules.may_edit(actor, lesson):
        raise PermissionDenied
    if "visibility" in fields and fields["visibility"] != lesson.visibility:
        if rules.visibility_locked(lesson):
            raise ValidationError(
                {"visibility": _("A shareable version is published by review, not by hand.")}
            )
        if not hasattr(lesson, "adaptation"):
            _check_width(lesson.note, fields["visibility"])
    before = lesson.visibility
    for name, value in fields.items():
        setattr(lesson, name, value)
    lesson.save()
    if themes is not None:
        lesson.themes.set(themes)
    audit_visibility_change(actor=actor, content=lesson, before=before)
    return lesson


def _require_adapter(user: User, content: Any) -> None:
    if not rules.may_adapt(user, content):
        raise PermissionDenied


@transaction.atomic
def adaptation_start(*, actor: User, original: Any, target_visibility: str) -> Adaptation:
    """Copy a restricted note or lesson into a private draft its adapter then edits."""
    _require_adapter(actor, original)
    if original.visibility not in rules.RESTRICTED:
        raise ValidationError(_("Only restricted items need a shareable version."))
    if target_visibility not in (Visibility.PUBLIC, Visibility.ALLIANCE):
        raise ValidationError(_("A shareable version is for the alliance or the public."))
    if isinstance(original, LearningNote):
        copy: Any = LearningNote(
            initiative=original.initiative,
            **{name: getattr(original, name) for name in SECTION_NAMES},
        )
    elif isinstance(original, Lesson):
        copy = Lesson(note=original.note, strength=original.strength, body=original.body)
    else:
        raise ValidationError(_("Only learning notes and lessons can be adapted."))
    copy.space = original.space
    copy.author = actor
    copy.title = original.title
    copy.visibility = Visibility.PRIVATE
    copy.save()
    copy.themes.set(original.themes.all())
    return Adaptation.objects.create(
        original=original, adapted=copy, target_visibility=target_visibility, created_by=actor
    )


@transaction.atomic
def adaptation_submit(*, actor: User, adaptation: Adaptation) -> Adaptation:
    if not rules.may_submit(actor, adaptation):
        raise PermissionDenied
    adaptation.status = Adaptation.Status.REVIEW
    adaptation.save(update_fields=["status"])
    # Reviewers in the space read the draft; nobody outside it does yet.
    adapted = Content.objects.get(pk=adaptation.adapted_id)
    adapted.visibility = Visibility.SPACE
    adapted.save(update_fields=["visibility", "updated"])
    adaptation.adapted = adapted
    return adaptation


@transaction.atomic
def adaptation_decide(
    *, actor: User, adaptation: Adaptation, approve: bool, comment: str = ""
) -> Adaptation:
    adapted = Content.objects.get(pk=adaptation.adapted_id)
    _require_adapter(actor, adapted)
    if adaptation.created_by_id == actor.pk:
        raise ValidationError(_("Someone other than the adapter must review it."))
    if adaptation.status != Adaptation.Status.REVIEW:
        raise ValidationError(_("This version is not waiting for review."))
    before = adapted.visibility
    adapted.visibility = adaptation.target_visibility if approve else Visibility.PRIVATE
    adapted.save(update_fields=["visibility", "updated"])
    audit_visibility_change(actor=actor, content=adapted, before=before)
    adaptation.status = Adaptation.Status.PUBLISHED if approve else Adaptation.Status.DRAFT
    adaptation.reviewed_by = actor
    adaptation.reviewed = timezone.now()
    adaptation.review_comment = comment.strip()
    adaptation.save()
    if approve and adapted.kind == "note":
        # The published text is the first version readers without the original see.
        _revise(
            LearningNote.objects.get(pk=adapted.pk), actor, _("Published as a shareable version")
        )
    return adaptation


def initiative_profile_for_new_space(*, space: Space, **kwargs: Any) -> None:
    """An initiative space gets its initiative profile as it is created
    (``spaces.signals.space_created``, in the same transaction)."""
    if space.kind == Space.Type.INITIATIVE:
        Initiative.objects.get_or_create(space=space)
