"""The demo's initiatives and their action inquiry: profiles and stakeholders, inquiry
cycles with dated phase notes, learning notes with their revisions and lessons,
evidence, and one restricted note published as a reviewed shareable version
(``data/initiatives.toml``, ``cycles.toml``, ``notes.toml``, ``evidence.toml``)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from harambee.core.models import Attachment, Content
from harambee.core.services import attachment_add, reaction_toggle
from harambee.initiatives import services as inquiry
from harambee.initiatives.models import (
    Adaptation,
    Initiative,
    InquiryCycle,
    LearningNote,
    NoteRevision,
    PhaseNote,
    Theme,
)
from harambee.people.models import Organisation, User
from harambee.sampledata.common import backdate, comment_threads, text
from harambee.sampledata.datafiles import read, record, records
from harambee.sampledata.files import demo_pdf, demo_photo
from harambee.sampledata.spaces import SPACES
from harambee.sampledata.specs import (
    AdaptationSpec,
    CycleSpec,
    EvidenceSpec,
    InitiativeSpec,
    NoteSpec,
)
from harambee.spaces.models import Space

INITIATIVES: tuple[InitiativeSpec, ...] = records(
    InitiativeSpec, read("initiatives")["initiatives"]
)
CYCLES: tuple[CycleSpec, ...] = records(CycleSpec, read("cycles")["cycles"])
NOTES: tuple[NoteSpec, ...] = records(NoteSpec, read("notes")["notes"])
EVIDENCE: tuple[EvidenceSpec, ...] = records(EvidenceSpec, read("evidence")["evidence"])
ADAPTATION: AdaptationSpec = record(AdaptationSpec, read("evidence")["adaptation"])


def load_initiatives(
    people: dict[str, User],
    orgs: dict[str, Organisation],
    spaces: dict[str, Space],
    now: datetime,
) -> dict[str, Initiative]:
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    leads = {spec.key: people[spec.lead] for spec in SPACES}
    initiatives: dict[str, Initiative] = {}
    for spec in INITIATIVES:
        space = spaces[spec.space]
        lead = leads[spec.space]
        today = now.date()
        initiative = inquiry.initiative_update(
            actor=lead,
            initiative=Initiative.objects.get(space=space),
            themes=[themes[slug] for slug in spec.themes],
            summary=spec.summary,
            countries=list(spec.countries),
            place=spec.place,
            latitude=Decimal(spec.latitude),
            longitude=Decimal(spec.longitude),
            location_precision=spec.location_precision,
            issue_areas=spec.issue_areas,
            stage=spec.stage,
            started=today - timedelta(days=spec.started_days_ago),
            ended=(
                today - timedelta(days=spec.ended_days_ago)
                if spec.ended_days_ago is not None
                else None
            ),
            links="\n".join(spec.links),
        )
        for org_key, role in spec.stakeholders:
            inquiry.stakeholder_set(
                actor=lead, initiative=initiative, organisation=orgs[org_key], role=role
            )
        initiatives[spec.space] = initiative
    return initiatives


def load_inquiry(
    people: dict[str, User], initiatives: dict[str, Initiative], now: datetime
) -> dict[str, LearningNote]:
    """Write the inquiry cycles, then the learning notes with their lessons. Returns the
    notes by key."""
    cycles = _load_cycles(people, initiatives, now)
    return _load_notes(people, initiatives, cycles, now)


def _load_cycles(
    people: dict[str, User], initiatives: dict[str, Initiative], now: datetime
) -> dict[str, InquiryCycle]:
    latest = now - timedelta(minutes=10)

    def day(days_ago: int | None) -> date | None:
        return None if days_ago is None else (now - timedelta(days=days_ago)).date()

    cycles: dict[str, InquiryCycle] = {}
    for n, spec in enumerate(CYCLES):
        recorded = now - timedelta(days=spec.days_ago, hours=(n * 5) % 9)
        cycle = inquiry.cycle_create(
            author=people[spec.author],
            initiative=initiatives[spec.space],
            title=spec.question,
            visibility=spec.visibility,
            body=text(spec.body),
            status=spec.status,
            started=day(spec.started_days_ago),
            ended=day(spec.ended_days_ago),
        )
        if spec.coauthors:
            cycle.coauthors.add(*(people[key] for key in spec.coauthors))
        backdate(Content, cycle.pk, recorded, "created", "updated")
        for m, phase in enumerate(spec.phases):
            phase_note = inquiry.phase_note_add(
                author=people[phase.author],
                cycle=cycle,
                phase=phase.phase,
                date=day(phase.days_ago),
                body=text(phase.body),
            )
            # Notes from before the cycle was written up were typed in when it was.
            written = now - timedelta(days=phase.days_ago) + timedelta(hours=7)
            written = min(max(written, recorded + timedelta(minutes=5 * (m + 1))), latest)
            backdate(PhaseNote, phase_note.pk, written, "created")
        comment_threads(people, cycle, spec.comments, recorded, latest)
        cycles[spec.key] = cycle
    return cycles


def _load_notes(
    people: dict[str, User],
    initiatives: dict[str, Initiative],
    cycles: dict[str, InquiryCycle],
    now: datetime,
) -> dict[str, LearningNote]:
    latest = now - timedelta(minutes=10)
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    notes: dict[str, LearningNote] = {}
    for n, spec in enumerate(NOTES):
        written = now - timedelta(days=spec.days_ago, hours=(n * 7) % 11)
        note = inquiry.note_create(
            author=people[spec.author],
            initiative=initiatives[spec.space],
            title=spec.title,
            visibility=spec.visibility,
            themes=[themes[slug] for slug in spec.themes],
            coauthors=[people[key] for key in spec.coauthors],
            cycle=cycles[spec.cycle] if spec.cycle else None,
            **{name: text(getattr(spec, name)) for name in inquiry.SECTION_NAMES},
        )
        backdate(Content, note.pk, written, "created", "updated")
        NoteRevision.objects.filter(note=note).update(created=written)
        for lesson_spec in spec.lessons:
            lesson_written = min(written + timedelta(hours=lesson_spec.hours), latest)
            lesson = inquiry.lesson_create(
                author=people[lesson_spec.author],
                note=note,
                title=lesson_spec.title,
                body=text(lesson_spec.body),
                strength=lesson_spec.strength,
                visibility=lesson_spec.visibility,
                themes=[themes[slug] for slug in lesson_spec.themes] or None,
            )
            backdate(Content, lesson.pk, lesson_written, "created", "updated")
            comment_threads(people, lesson, lesson_spec.comments, lesson_written, latest)
        comment_threads(people, note, spec.comments, written, latest)
        for key, kind in spec.reactions:
            reaction_toggle(user=people[key], content=note, type=kind)
        if spec.edit is not None:
            # A fresh copy, so the backdated timestamps are not written back.
            note = LearningNote.objects.get(pk=note.pk)
            edited = min(written + timedelta(days=spec.edit.days_later, hours=3), latest)
            inquiry.note_update(
                actor=people[spec.edit.by],
                note=note,
                summary=spec.edit.summary,
                **_sections(
                    {
                        section: _append(getattr(note, section), text(paragraph))
                        for section, paragraph in spec.edit.additions
                    }
                ),
            )
            backdate(Content, note.pk, edited, "updated")
            note.revisions.filter(number__gt=1).update(created=edited)
        notes[spec.key] = LearningNote.objects.get(pk=note.pk)
    return notes


def _sections(texts: dict[str, str]) -> dict[str, Any]:
    """Section texts as ``note_update`` keyword arguments (it takes the sections as
    ``**fields``, beside its typed ones)."""
    return texts


def _append(text: str, addition: str) -> str:
    """A paragraph after the text, or one more item when both end and start a list."""
    last_line = text.rstrip().splitlines()[-1] if text.strip() else ""
    joined = last_line.startswith("- ") or last_line.startswith("  ")
    separator = "\n" if joined and addition.startswith("- ") else "\n\n"
    return f"{text.rstrip()}{separator}{addition}"


def load_evidence(people: dict[str, User], notes: dict[str, LearningNote]) -> None:
    for spec in EVIDENCE:
        note = notes[spec.note]
        if spec.url:
            attachment = attachment_add(
                actor=people[spec.by], content=note, url=spec.url, caption=spec.caption
            )
        else:
            if spec.photo:
                data, mime = demo_photo(spec.photo, gps=spec.gps), "image/jpeg"
            else:
                data, mime = demo_pdf(spec.pdf), "application/pdf"
            attachment = attachment_add(
                actor=people[spec.by],
                content=note,
                upload=SimpleUploadedFile(spec.name, data, content_type=mime),
                caption=spec.caption,
                keep_location=spec.keep_location,
            )
        backdate(Attachment, attachment.pk, note.created + timedelta(hours=spec.hours), "created")


def load_adaptation(people: dict[str, User], notes: dict[str, LearningNote], now: datetime) -> None:
    """A restricted note made shareable: copied by a lead, reworded, sent for review and
    approved by the space's facilitator. The original stays as restricted as it was."""
    spec = ADAPTATION
    original = notes[spec.note]
    adapter, reviewer = people[spec.by], people[spec.reviewer]
    started = now - timedelta(days=spec.days_ago, hours=4)
    adaptation = inquiry.adaptation_start(
        actor=adapter, original=original, target_visibility=spec.target
    )
    copy = LearningNote.objects.get(pk=adaptation.adapted_id)
    inquiry.note_update(
        actor=adapter,
        note=copy,
        summary=spec.summary,
        cycle=original.cycle,
        **_sections({section: text(new) for section, new in spec.changes}),
    )
    adaptation = inquiry.adaptation_submit(actor=adapter, adaptation=adaptation)
    inquiry.adaptation_decide(
        actor=reviewer, adaptation=adaptation, approve=True, comment=spec.comment
    )
    edited, decided = started + timedelta(minutes=40), started + timedelta(days=1, hours=2)
    backdate(Content, copy.pk, started, "created")
    backdate(Content, copy.pk, decided, "updated")
    copy.revisions.filter(number=1).update(created=started)
    copy.revisions.filter(number__gt=1).update(created=edited)
    Adaptation.objects.filter(pk=adaptation.pk).update(created=started, reviewed=decided)
