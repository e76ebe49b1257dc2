"""What the content writers share: the texts made once, the spaces to pick from, what
later items refer to (cycles, citable notes, open story calls), the next ids, and the
rows of the batch being written."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from django.db import connection
from django.utils import translation
from django.utils.translation import gettext

from harambee.core.models import Attachment, Comment, Content, Reaction
from harambee.initiatives.models import NOTE_SECTIONS, NoteRevision, PhaseNote, Theme
from harambee.people.models import User
from harambee.people.roles import AllianceRole, SpaceRole
from harambee.sampledata.generate.alliance import space_topic
from harambee.sampledata.generate.plan import CHILD_TABLES, SECTION_NAMES, WIDTH
from harambee.sampledata.generate.sql import Markdown, datetime_adapter, next_id
from harambee.sampledata.generate.words import COMMENTS, NOTE_TEXTS, PARAGRAPHS, TOPICS
from harambee.spaces.models import Membership, Space
from harambee.stream.models import Hashtag

Row = tuple[Any, ...]
# A story call still taking answers: (id, space id, deadline, collection published).
OpenCall = tuple[int, int | None, date, bool]


class Picker:
    """Picks spaces at random, some busier than others: weights 1, 1/2, … 1/25, repeating."""

    def __init__(self, spaces: list[Space]) -> None:
        self.spaces = spaces
        self.cum: list[float] = []
        total = 0.0
        for i in range(len(spaces)):
            total += 1.0 / (1 + (i % 25))
            self.cum.append(total)
        self.total = total

    def __bool__(self) -> bool:
        return bool(self.spaces)

    def pick(self, rng: random.Random) -> Space:
        return self.spaces[min(bisect(self.cum, rng.random() * self.total), len(self.cum) - 1)]


@dataclass
class Rows:
    """The rows of one batch, by table, in the order they are inserted."""

    content: list[Row] = field(default_factory=list)
    child: dict[str, list[Row]] = field(default_factory=lambda: {k: [] for k in CHILD_TABLES})
    phase: list[Row] = field(default_factory=list)
    revision: list[Row] = field(default_factory=list)
    note_theme: list[Row] = field(default_factory=list)
    lesson_theme: list[Row] = field(default_factory=list)
    story_theme: list[Row] = field(default_factory=list)
    resource_theme: list[Row] = field(default_factory=list)
    wiki_revision: list[Row] = field(default_factory=list)
    wiki_link: list[Row] = field(default_factory=list)
    entry: list[Row] = field(default_factory=list)
    tag: list[Row] = field(default_factory=list)
    attachment: list[Row] = field(default_factory=list)
    coauthor: list[Row] = field(default_factory=list)
    comment: list[Row] = field(default_factory=list)
    reaction: list[Row] = field(default_factory=list)


@dataclass
class Item:
    """The ``i``-th item while it is written: where it goes, who writes it, what it says."""

    i: int
    pk: int
    kind: str
    visibility: str
    created: datetime
    stamp: Any
    removed: bool
    space_id: int | None = None
    author: int = 0
    authors: list[int] = field(default_factory=list)
    topic: str = ""
    number: str = ""
    cite: list[int] = field(default_factory=list)
    answer: OpenCall | None = None
    title: str = ""
    body: str = ""
    html: str = ""


@dataclass
class World:
    rng: random.Random
    now: datetime
    posters: dict[int, list[int]]
    themes_of: dict[int, tuple[int, ...]]
    adapt: Callable[[datetime], Any]
    adapt_date: Callable[[date | None], Any]
    adapt_json: Callable[..., Any]
    md: Markdown
    bodies: list[tuple[str, str]]
    comment_bodies: list[tuple[str, str]]
    # Four versions of a learning note per topic: (sections, body, HTML).
    note_texts: dict[str, list[tuple[tuple[str, ...], str, str]]]
    reaction_types: list[str]
    member_ids: list[int]
    topic_of: dict[int, str]
    theme_names: dict[int, str]
    all_themes: list[int]
    first_version: str
    tag_ids: dict[str, int]
    anywhere: Picker
    initiatives: Picker
    space_by_pk: dict[int, Space]
    editors_of: dict[int, list[int]]
    stewards: list[int]
    # Each initiative space's cycles; the notes a lesson of width w may cite (those at
    # least as wide), in each space and anywhere; and each citable note's space, author
    # and themes.
    cycles_of: dict[int, list[int]]
    notes_in: dict[int, list[list[int]]]
    notes_anywhere: list[list[int]]
    note_meta: dict[int, tuple[int, int, tuple[int, ...]]] = field(default_factory=dict)
    open_calls: list[OpenCall] = field(default_factory=list)
    collectable: list[int] = field(default_factory=list)  # for collections
    wiki_html: dict[str, str] = field(default_factory=dict)
    next_ids: dict[str, int] = field(default_factory=dict)

    def take_id(self, table: str) -> int:
        """The next explicit id for ``table`` (phase, revision, attachment, comment)."""
        pk = self.next_ids[table]
        self.next_ids[table] = pk + 1
        return pk


def make_world(
    rng: random.Random,
    users: list[User],
    spaces: list[Space],
    posters: dict[int, list[int]],
    themes_of: dict[int, tuple[int, ...]],
    now: datetime,
    stream_tags: tuple[str, ...],
) -> World:
    md = Markdown()
    bodies = []
    for i in range(40):
        paras = [PARAGRAPHS[(i + k * 3) % len(PARAGRAPHS)] for k in range(1 + i % 4)]
        text = "\n\n".join(paras)
        bodies.append((text, md[text]))
    theme_names = dict(Theme.objects.values_list("pk", "name"))
    Hashtag.objects.bulk_create([Hashtag(name=n) for n in stream_tags], ignore_conflicts=True)
    with_posters = [s for s in spaces if posters[s.pk]]
    initiatives = Picker(
        [s for s in with_posters if s.kind == Space.Type.INITIATIVE and s.pk in themes_of]
    )
    widths = range(len(WIDTH))
    return World(
        rng=rng,
        now=now,
        posters=posters,
        themes_of=themes_of,
        adapt=datetime_adapter(),
        adapt_date=connection.ops.adapt_datefield_value,
        adapt_json=connection.ops.adapt_json_value,
        md=md,
        bodies=bodies,
        comment_bodies=[(text, md[text]) for text in COMMENTS],
        note_texts=_note_texts(md),
        reaction_types=list(Reaction.Type.values),
        member_ids=[u.pk for u in users if u.role != AllianceRole.GUEST],
        topic_of={space.pk: space_topic(i) for i, space in enumerate(spaces)},
        theme_names=theme_names,
        all_themes=list(theme_names),
        first_version=gettext("First version"),
        tag_ids=dict(Hashtag.objects.filter(name__in=stream_tags).values_list("name", "pk")),
        anywhere=Picker(with_posters),
        initiatives=initiatives,
        space_by_pk={s.pk: s for s in with_posters},
        editors_of=_editors(spaces),
        stewards=[u.pk for u in users if u.role == AllianceRole.STEWARD],
        cycles_of={s.pk: [] for s in initiatives.spaces},
        notes_in={s.pk: [[] for _w in widths] for s in initiatives.spaces},
        notes_anywhere=[[] for _w in widths],
        next_ids={
            "content": next_id(Content),
            "comment": next_id(Comment),
            "phase": next_id(PhaseNote),
            "revision": next_id(NoteRevision),
            "attachment": next_id(Attachment),
        },
    )


@lru_cache(maxsize=64)
def _labels(language: str) -> tuple[str, ...]:
    with translation.override(language):
        return tuple(str(label) for _name, label in NOTE_SECTIONS)


def note_body(sections: tuple[str, ...], language: str) -> str:
    """A note's body as LearningNote.save() makes it: the filled sections under their
    labels, in the note's own language."""
    return "\n\n".join(
        f"## {label}\n\n{text}"
        for label, text in zip(_labels(language), sections, strict=True)
        if text.strip()
    )


def _note_texts(md: Markdown) -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """Four versions of a learning note per topic; ``body`` joins the filled sections
    under their labels exactly as LearningNote.save() does."""
    labels = [(name, str(label)) for name, label in NOTE_SECTIONS]
    note_texts: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for t, topic in enumerate(TOPICS):
        versions = []
        for v in range(4):
            sections = tuple(
                NOTE_TEXTS.get(name, ("",))[(v + t + s) % len(NOTE_TEXTS.get(name, ("",)))].format(
                    t=topic
                )
                for s, name in enumerate(SECTION_NAMES)
            )
            body = "\n\n".join(
                f"## {label}\n\n{text}"
                for (_name, label), text in zip(labels, sections, strict=True)
                if text.strip()
            )
            versions.append((sections, body, md[body]))
        note_texts[topic] = versions
    return note_texts


def _editors(spaces: list[Space]) -> dict[int, list[int]]:
    """Space id -> the leads and facilitators who may run its story calls."""
    editors_of: dict[int, list[int]] = {s.pk: [] for s in spaces}
    for editing_space, editor in Membership.objects.filter(
        space__in=spaces,
        role__in=[SpaceRole.LEAD, SpaceRole.FACILITATOR],
        expires__isnull=True,
        user__role__in=[AllianceRole.STEWARD, AllianceRole.MEMBER],
    ).values_list("space_id", "user_id"):
        editors_of[editing_space].append(editor)
    return editors_of
