"""The shapes of the demo's records, as read from ``data/*.toml`` by ``datafiles``.

Keys (``key``, ``author``, ``space``, ``by``...) name people, organisations, spaces and
items by the keys the data files give them."""

from __future__ import annotations

from dataclasses import dataclass

from harambee.library.models import Resource
from harambee.people.roles import AllianceRole

# --- People, spaces and posts (people.toml, spaces.toml, posts.toml) -------------------


@dataclass(frozen=True)
class Org:
    key: str
    name: str
    sector: str
    country: str
    relationship: str
    description: str


@dataclass(frozen=True)
class Person:
    key: str
    email: str
    name: str
    org: str  # an Org key, or "" for people who take part on their own account
    sector: str
    country: str
    languages: tuple[str, ...]
    time_zone: str
    channels: tuple[str, ...]
    bio: str
    role: str = AllianceRole.MEMBER


@dataclass(frozen=True)
class SpaceSpec:
    key: str
    name: str
    kind: str
    listing: str
    join_policy: str
    lead: str
    days_ago: int
    description: str
    members: tuple[tuple[str, str], ...]  # (person key, space role)
    invite_code: str = ""


@dataclass(frozen=True)
class CommentSpec:
    """A comment, ``hours`` after its post, with replies one level deep."""

    author: str
    hours: int
    body: str
    replies: tuple[CommentSpec, ...] = ()


@dataclass(frozen=True)
class PostSpec:
    space: str
    author: str
    title: str
    visibility: str
    days_ago: int
    body: str
    comments: tuple[CommentSpec, ...] = ()
    reactions: tuple[tuple[str, str], ...] = ()  # (person key, reaction type)
    coauthors: tuple[str, ...] = ()
    language: str = "en"


# --- Initiatives and their action inquiry (initiatives, cycles, notes, evidence) ------


@dataclass(frozen=True)
class InitiativeSpec:
    space: str
    summary: str
    countries: tuple[str, ...]
    place: str
    latitude: str
    longitude: str
    issue_areas: str
    themes: tuple[str, ...]  # theme slugs, from the seeded vocabulary
    stage: str
    started_days_ago: int
    links: tuple[str, ...]
    stakeholders: tuple[tuple[str, str], ...]  # (organisation key, role)
    ended_days_ago: int | None = None
    location_precision: int = 2  # decimal places on the public map (harambee/maps)


@dataclass(frozen=True)
class PhaseSpec:
    phase: str
    days_ago: int
    author: str
    body: str


@dataclass(frozen=True)
class CycleSpec:
    key: str
    space: str
    author: str
    question: str
    visibility: str
    status: str
    days_ago: int  # when the cycle was written up on the platform
    body: str
    phases: tuple[PhaseSpec, ...]
    started_days_ago: int | None = None
    ended_days_ago: int | None = None
    coauthors: tuple[str, ...] = ()
    comments: tuple[CommentSpec, ...] = ()


@dataclass(frozen=True)
class LessonSpec:
    author: str
    title: str
    body: str
    strength: str
    visibility: str
    hours: int  # after its note
    themes: tuple[str, ...] = ()  # empty: the note's themes
    comments: tuple[CommentSpec, ...] = ()


@dataclass(frozen=True)
class EditSpec:
    """A second version of a note, by a co-author: paragraphs added to sections."""

    by: str
    days_later: int
    summary: str
    additions: tuple[tuple[str, str], ...]  # (section, paragraph)


@dataclass(frozen=True)
class NoteSpec:
    key: str
    space: str
    author: str
    title: str
    visibility: str
    days_ago: int
    themes: tuple[str, ...]
    context: str
    tried: str
    happened: str
    learned: str
    evidence: str
    methods: str
    questions: str
    cycle: str = ""
    coauthors: tuple[str, ...] = ()
    edit: EditSpec | None = None
    lessons: tuple[LessonSpec, ...] = ()
    comments: tuple[CommentSpec, ...] = ()
    reactions: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class EvidenceSpec:
    """A photo, a PDF or a link attached to a note by one of its authors."""

    note: str
    by: str
    caption: str
    hours: int  # after the note
    name: str = ""
    photo: str = ""  # a PALETTES key
    gps: tuple[float, float] | None = None  # written into the photo's EXIF, as a phone does
    keep_location: bool = False
    pdf: tuple[str, ...] = ()  # title, then lines of a one-page PDF
    url: str = ""


@dataclass(frozen=True)
class AdaptationSpec:
    """A shareable version of a restricted note: reworded, reviewed, published."""

    note: str
    by: str
    reviewer: str
    target: str
    days_ago: int
    summary: str
    changes: tuple[tuple[str, str], ...]  # (section, new text)
    comment: str


# --- Threads (threads.toml) ------------------------------------------------------------


@dataclass(frozen=True)
class ReplySpec:
    """A reply: who, after how many hours, what; ``quote`` names an earlier reply's
    key in the same thread to quote; ``key`` lets later replies refer to this one."""

    author: str
    hours: float
    body: str
    key: str = ""
    quote: str = ""
    to: str = ""  # reply under this earlier reply (by key)


@dataclass(frozen=True)
class SummarySpec:
    author: str
    hours: float
    body: str


@dataclass(frozen=True)
class ThreadSpec:
    key: str
    space: str | None
    author: str
    days_ago: float
    visibility: str
    title: str
    body: str
    replies: tuple[ReplySpec, ...]
    summaries: tuple[SummarySpec, ...] = ()
    is_question: bool = False
    answer: str = ""  # key of the reply the author accepts
    pinned_by: str = ""
    locked_by: str = ""
    reactions: tuple[tuple[str, str], ...] = ()


# --- Knowledge base (wiki.toml) ----------------------------------------------------------


@dataclass(frozen=True)
class Edit:
    author: str
    summary: str
    find: str  # text to replace; "" appends ``replace`` at the end
    replace: str


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    category: str
    author: str
    days_ago: int
    body: str
    visibility: str = "public"
    space: str = ""
    examples: tuple[str, ...] = ()
    edits: tuple[Edit, ...] = ()
    renamed_to: str = ""
    renamed_by: str = ""
    comments: tuple[tuple[str, str], ...] = ()


# --- Library (library.toml) -------------------------------------------------------------


@dataclass(frozen=True)
class ResourceSpec:
    key: str
    title: str
    type: str
    author: str
    body: str
    languages: tuple[str, ...]
    year: int
    visibility: str = "public"
    space: str | None = None
    licence: str = Resource.Licence.CC_BY
    pdf: tuple[str, ...] = ()
    photo: str = ""
    link: str = ""
    author_names: str = ""
    coauthors: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    initiatives: tuple[str, ...] = ()
    downloads: int = 0
    days_ago: int = 30


# --- Stream (stream.toml) ---------------------------------------------------------------


@dataclass(frozen=True)
class StreamSpec:
    author: str
    space: str | None  # None: alliance-wide
    visibility: str
    hours_ago: float
    text: str
    replies: tuple[tuple[str, str], ...] = ()
    reactions: tuple[tuple[str, str], ...] = ()


# --- Stories (stories.toml) -------------------------------------------------------------


@dataclass(frozen=True)
class StorySpec:
    author: str
    audience: str
    title: str
    body: str
    space: str = ""
    coauthors: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()  # theme slugs
    submitted: bool = False
    published_by: str = ""
    days_ago: int | None = None
    comments: tuple[tuple[str, str], ...] = ()  # (person key, text)


@dataclass(frozen=True)
class CallSpec:
    by: str
    title: str
    body: str
    deadline_days: int
    visibility: str
    space: str = ""
    collection_by: str = ""  # publishes the published answers as a collection
    collection_intro: str = ""


@dataclass(frozen=True)
class StoryGroup:
    """A call and the stories that answer it, or stories on their own."""

    stories: tuple[StorySpec, ...]
    call: CallSpec | None = None
