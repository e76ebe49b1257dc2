"""What a scale means: how many of each thing, and which kind and visibility the
``i``-th item has."""

from __future__ import annotations

from dataclasses import dataclass

from harambee.core.models import Content, Visibility
from harambee.events.models import Event
from harambee.initiatives.models import NOTE_SECTIONS, InquiryCycle, LearningNote, Lesson, PhaseNote
from harambee.library.models import Collection, Resource
from harambee.sampledata.kinds import Kind
from harambee.spaces.models import Post
from harambee.stories.models import Story, StoryCall
from harambee.stream.models import StreamPost
from harambee.wiki.models import WikiPage

BATCH = 5000  # content items per transaction
EMAIL_DOMAIN = "generated.harambee.test"
# Related experiences are computed for this many of the newest notes, lessons and stories.
RELATED_NEWEST = 2000

# The concrete kinds written, the models of their child rows and the columns of those
# rows besides the pointer to the content row.
CHILD_TABLES: dict[str, type[Content]] = {
    Kind.POST: Post,
    Kind.CYCLE: InquiryCycle,
    Kind.NOTE: LearningNote,
    Kind.LESSON: Lesson,
    Kind.STORY: Story,
    Kind.STORY_CALL: StoryCall,
    Kind.WIKI_PAGE: WikiPage,
    Kind.RESOURCE: Resource,
    Kind.COLLECTION: Collection,
    Kind.STREAM_POST: StreamPost,
    Kind.EVENT: Event,
}
SECTION_NAMES = tuple(name for name, _label in NOTE_SECTIONS)
CHILD_COLUMNS: dict[str, tuple[str, ...]] = {
    Kind.POST: (
        "pinned",
        "locked",
        "is_question",
        "answer",
        "last_activity",
        "reply_count",
        "space_key",
    ),
    Kind.CYCLE: ("initiative", "status", "started", "ended"),
    Kind.NOTE: ("initiative", "cycle", *SECTION_NAMES),
    Kind.LESSON: ("note", "strength"),
    Kind.STORY: ("status", "audience", "published", "call", "in_collection"),
    Kind.STORY_CALL: ("deadline", "status", "collection_intro", "collection_intro_html"),
    Kind.WIKI_PAGE: ("category", "slug", "wiki_key", "title_key", "revision"),
    Kind.RESOURCE: (
        "resource_type",
        "link",
        "author_names",
        "languages",
        "licence",
        "year",
        "current",
        "download_count",
    ),
    Kind.COLLECTION: (),
    Kind.STREAM_POST: (),
    Kind.EVENT: (
        "event_kind",
        "starts",
        "ends",
        "time_zone",
        "mode",
        "country",
        "place",
        "address",
        "latitude",
        "longitude",
        "language_codes",
        "interpretation",
        "registration",
        "capacity",
        "taken",
        "ask_dietary",
        "ask_accessibility",
        "ask_sector",
        "room",
        "join_for",
        "cancelled",
    ),
}

# Out of every 20 items: 12 posts, 2 cycles, 3 notes, 2 lessons and a story; the story
# of every eleventh block of 20 is a story call instead. So: 60% posts, 10% cycles, 15%
# notes, 10% lessons, 4.55% stories, 0.45% story calls. A cycle and a note come first, so
# the first lessons have a note to cite, and a call comes early, so stories can answer.
# ``kind_at`` turns the cycle by one slot every 20 items, so over 400 items every kind
# meets every visibility.
KIND_CYCLE: tuple[str, ...] = (
    Kind.CYCLE,
    Kind.NOTE,
    Kind.POST,
    Kind.STREAM_POST,
    Kind.LESSON,
    Kind.POST,
    Kind.POST,
    Kind.NOTE,
    Kind.POST,
    Kind.STORY,
    Kind.POST,
    Kind.STREAM_POST,
    Kind.CYCLE,
    Kind.POST,
    Kind.NOTE,
    Kind.WIKI_PAGE,
    Kind.POST,
    Kind.LESSON,
    Kind.RESOURCE,
    Kind.POST,
)
CALL_EVERY = 11  # blocks of 20 items: one story call in 220 items, at every visibility
COLLECTION_EVERY = 7  # blocks of 20 items: one collection instead of a resource in 140
EVENT_EVERY = 13  # blocks of 20 items: one event instead of a thread in 260
INITIATIVE_KINDS = frozenset({Kind.CYCLE, Kind.NOTE, Kind.LESSON})

# Out of every 20 items: 6 public, 5 alliance, 7 space, 2 private.
VISIBILITY_CYCLE: tuple[str, ...] = (
    (Visibility.PUBLIC,) * 6
    + (Visibility.ALLIANCE,) * 5
    + (Visibility.SPACE,) * 7
    + (Visibility.PRIVATE,) * 2
)
# Narrowest first, as in initiatives.services: a lesson is never wider than its note.
WIDTH: dict[str, int] = {
    Visibility.PRIVATE: 0,
    Visibility.SPACE: 1,
    Visibility.ALLIANCE: 2,
    Visibility.PUBLIC: 3,
}


def kind_at(i: int) -> str:
    """The kind of the ``i``-th generated item (from 0)."""
    block = i // len(KIND_CYCLE)
    kind = KIND_CYCLE[(i + block) % len(KIND_CYCLE)]
    if kind == Kind.STORY and block % CALL_EVERY == 0:
        return Kind.STORY_CALL
    if kind == Kind.RESOURCE and block % COLLECTION_EVERY == 3:
        return Kind.COLLECTION
    if kind == Kind.POST and block % EVENT_EVERY == 1 and (i + block) % len(KIND_CYCLE) == 2:
        return Kind.EVENT
    return kind


PHASE_ORDER = tuple(PhaseNote.Phase.values)
STRENGTHS = (
    Lesson.Strength.SINGLE,
    Lesson.Strength.REPEATED,
    Lesson.Strength.SINGLE,
    Lesson.Strength.EVALUATED,
    Lesson.Strength.REPEATED,
    Lesson.Strength.SINGLE,
)


@dataclass
class Plan:
    """How many of each thing a scale means."""

    content: int
    people: int
    organisations: int
    spaces: int

    @classmethod
    def for_scale(cls, scale: int) -> Plan:
        people = max(50, scale // 200)
        return cls(
            content=scale,
            people=people,
            organisations=max(10, people // 20),
            spaces=max(60, people // 10),
        )
