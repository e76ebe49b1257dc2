"""The content of the synthetic alliance, ``BATCH`` items per transaction: where each
item goes and who writes it, its kind's own rows (``kinds``), then its co-authors,
comments and reactions."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import TextIO

from django.db import connection, transaction

from harambee.core.models import Attachment, Comment, Content, Reaction, Visibility
from harambee.core.progress import Progress
from harambee.initiatives.models import LearningNote, Lesson, NoteRevision, PhaseNote
from harambee.library.models import CollectionEntry, Resource
from harambee.people.models import User
from harambee.sampledata.generate import kinds
from harambee.sampledata.generate.plan import (
    BATCH,
    CHILD_COLUMNS,
    CHILD_TABLES,
    INITIATIVE_KINDS,
    VISIBILITY_CYCLE,
    WIDTH,
    Plan,
    kind_at,
)
from harambee.sampledata.generate.sql import fix_sequences, insert_sql, m2m_sql
from harambee.sampledata.generate.words import LANGUAGES, STREAM_TAGS, TOPICS
from harambee.sampledata.generate.world import Item, Rows, World, make_world
from harambee.sampledata.kinds import Kind
from harambee.spaces.models import Space
from harambee.stories.models import Story
from harambee.stream.models import ContentHashtag
from harambee.wiki.models import WikiLink, WikiRevision

CONTENT_COLUMNS = (
    "id",
    "kind",
    "space",
    "author",
    "visibility",
    "title",
    "body",
    "body_html",
    "language",
    "created",
    "updated",
    "removed",
)


def write_content(
    plan: Plan,
    rng: random.Random,
    users: list[User],
    spaces: list[Space],
    posters: dict[int, list[int]],
    themes_of: dict[int, tuple[int, ...]],
    now: datetime,
    stream: TextIO | None,
) -> None:
    """Write ``plan.content`` items over the thousand days before ``now``."""
    w = make_world(rng, users, spaces, posters, themes_of, now, STREAM_TAGS)
    statements = _statements()
    content_id = w.next_ids["content"]
    span = timedelta(days=1000).total_seconds()
    start = now - timedelta(days=1000, hours=1)
    bar = Progress(stream, plan.content, "content")
    done = 0
    while done < plan.content:
        size = min(BATCH, plan.content - done)
        rows = Rows()
        for i in range(done, done + size):
            created = start + timedelta(seconds=span * (i + rng.random()) / plan.content)
            item = Item(
                i=i,
                pk=content_id + i,
                kind=kind_at(i),
                visibility=VISIBILITY_CYCLE[i % len(VISIBILITY_CYCLE)],
                created=created,
                stamp=w.adapt(created),
                removed=i % 211 == 0,
            )
            _place(w, item)
            kinds.WRITERS[item.kind](w, rows, item)
            rows.content.append(_content_row(item))
            if item.visibility == Visibility.PRIVATE:
                _coauthors(w, rows, item)
            else:
                _discussion(w, rows, item)
        _insert(statements, rows)
        done += size
        bar.update(done)
    bar.close()
    fix_sequences([Content, Comment, Reaction, PhaseNote, NoteRevision, Attachment])


def _place(w: World, item: Item) -> None:
    """Choose the item's space (none: alliance-wide), its author and its topic. A lesson
    with no note to cite, or an initiative kind without initiatives, becomes a post."""
    i, rng, visibility = item.i, w.rng, item.visibility
    if item.kind in INITIATIVE_KINDS and not w.initiatives:
        item.kind = Kind.POST
    space: Space | None = None
    if item.kind == Kind.LESSON:
        # A recent note of the space, at least as widely shared as the lesson; in a quiet
        # space with none yet, a recent one elsewhere (and the lesson goes there).
        space = w.initiatives.pick(rng)
        width = WIDTH[visibility]
        item.cite = w.notes_in[space.pk][width] or w.notes_anywhere[width]
        if not item.cite:
            item.kind = Kind.POST
    kind = item.kind
    if kind == Kind.POST:
        space = w.anywhere.pick(rng)
    elif kind in (Kind.CYCLE, Kind.NOTE):
        space = w.initiatives.pick(rng)
    elif kind in (Kind.WIKI_PAGE, Kind.RESOURCE, Kind.COLLECTION, Kind.STREAM_POST, Kind.EVENT):
        # One in three alliance-wide (never one only a space may read).
        if visibility == Visibility.SPACE or i % 3:
            space = w.anywhere.pick(rng)
    elif kind == Kind.STORY_CALL:
        # One in three on the alliance blog (never one only a space may read).
        if visibility == Visibility.SPACE or i % 3:
            space = w.anywhere.pick(rng)
    elif kind == Kind.STORY:
        space = _story_place(w, item)
    space_id = item.space_id = space.pk if space is not None else None
    item.authors = w.posters[space_id] if space_id is not None else w.member_ids
    if kind == Kind.STORY_CALL:
        # Leads and facilitators run calls in a space, stewards on the alliance blog.
        editors = w.editors_of[space_id] if space_id is not None else w.stewards
        item.author = editors[rng.randrange(len(editors))]
    else:
        item.author = item.authors[rng.randrange(len(item.authors))]
    item.topic = w.topic_of[space_id] if space_id is not None else TOPICS[(i // 8) % len(TOPICS)]
    item.number = f" ({i + 1})"


def _story_place(w: World, item: Item) -> Space | None:
    """One story in three answers a call still open, in the call's space; of the others,
    one in four is for the alliance blog."""
    i, visibility = item.i, item.visibility
    if i % 3 == 0:
        day = item.created.date()
        w.open_calls[:] = [c for c in w.open_calls if c[2] >= day]
        answerable = [c for c in w.open_calls if c[1] is not None or visibility != Visibility.SPACE]
        if answerable:
            item.answer = answerable[w.rng.randrange(len(answerable))]
    if item.answer is not None:
        call_space = item.answer[1]
        return w.space_by_pk.get(call_space) if call_space is not None else None
    if visibility == Visibility.SPACE or i % 4 != 3:
        return w.anywhere.pick(w.rng)
    return None


def _content_row(item: Item) -> tuple[object, ...]:
    i = item.i
    return (
        item.pk,
        item.kind,
        item.space_id,
        item.author,
        item.visibility,
        item.title,
        item.body,
        item.html,
        "en" if i % 10 else LANGUAGES[(i // 10) % len(LANGUAGES)],
        item.stamp,
        item.stamp,
        item.removed,
    )


def _coauthors(w: World, rows: Rows, item: Item) -> None:
    """Drafts: some written with co-authors from the same space."""
    authors = item.authors
    if item.i % 3 == 0 and len(authors) > 1:
        for other in w.rng.sample(authors, min(len(authors), 3)):
            if other != item.author:
                rows.coauthor.append((item.pk, other))


def _discussion(w: World, rows: Rows, item: Item) -> None:
    """Comments on one item in five (one in a thousand is a busy thread), and reactions
    from distinct people on one in five."""
    i, rng, authors = item.i, w.rng, item.authors
    n_comments = 0
    if i % 1000 == 100:
        n_comments = 25
    elif i % 5 == 0:
        n_comments = (i // 5) % 7
    first = len(rows.comment)
    if n_comments:
        people = authors if len(authors) > 1 else w.member_ids
        at = item.created
        for c in range(n_comments):
            top = w.take_id("comment")
            at = min(at + timedelta(minutes=37 + c * 11), w.now)
            body, html = w.comment_bodies[rng.randrange(len(w.comment_bodies))]
            who = people[rng.randrange(len(people))]
            when = w.adapt(at)
            rows.comment.append((top, item.pk, None, who, body, html, when, when, c % 97 == 96))
            if c % 3 == 1 or n_comments == 25:
                at = min(at + timedelta(minutes=13), w.now)
                body, html = w.comment_bodies[rng.randrange(len(w.comment_bodies))]
                when = w.adapt(at)
                who = people[rng.randrange(len(people))]
                reply = (w.take_id("comment"), item.pk, top, who, body, html, when, when, False)
                rows.comment.append(reply)
    if item.kind == Kind.POST and n_comments:
        _thread_activity(rows, item, first)
    if i % 5 == 2:
        people = authors if len(authors) > 3 else w.member_ids
        for j, who in enumerate(rng.sample(people, min(len(people), 1 + i % 4))):
            kind = w.reaction_types[(i + j) % len(w.reaction_types)]
            rows.reaction.append((item.pk, who, kind, item.stamp))


def _thread_activity(rows: Rows, item: Item, first: int) -> None:
    """Set the thread's last activity and reply count from its replies, just written
    from ``first`` on (the thread's child row is the last one written)."""
    live = [row[6] for row in rows.comment[first:] if not row[8]]
    threads = rows.child[Kind.POST]
    if live and threads and threads[-1][0] == item.pk:
        threads[-1] = (*threads[-1][:5], max(live), len(live), *threads[-1][7:])


def _statements() -> dict[str, str]:
    """The insert statement of every table a batch writes, by its name in ``Rows``."""
    statements = {
        "content": insert_sql(Content, CONTENT_COLUMNS),
        "phase": insert_sql(
            PhaseNote, ("id", "cycle", "phase", "date", "body", "body_html", "author", "created")
        ),
        "revision": insert_sql(
            NoteRevision, ("id", "note", "number", "author", "created", "summary", "data")
        ),
        "note_theme": m2m_sql(LearningNote.themes),
        "lesson_theme": m2m_sql(Lesson.themes),
        "story_theme": m2m_sql(Story.themes),
        "resource_theme": m2m_sql(Resource.themes),
        "wiki_revision": insert_sql(
            WikiRevision,
            (
                "page",
                "number",
                "title",
                "body",
                "category",
                "visibility",
                "examples",
                "author",
                "summary",
                "created",
            ),
        ),
        "wiki_link": insert_sql(WikiLink, ("source", "wiki_key", "target_key")),
        "entry": insert_sql(
            CollectionEntry, ("collection", "item", "position", "note", "added_by", "created")
        ),
        "tag": insert_sql(ContentHashtag, ("content", "hashtag")),
        "attachment": insert_sql(
            Attachment,
            (
                "id",
                "content",
                "type",
                "file",
                "thumbnail",
                "url",
                "caption",
                "original_name",
                "mime",
                "size",
                "sha256",
                "uploaded_by",
                "created",
            ),
        ),
        "coauthor": m2m_sql(Content.coauthors),
        "comment": insert_sql(
            Comment,
            (
                "id",
                "content",
                "parent",
                "author",
                "body",
                "body_html",
                "created",
                "updated",
                "removed",
            ),
        ),
        "reaction": insert_sql(Reaction, ("content", "user", "type", "created")),
    }
    for kind, model in CHILD_TABLES.items():
        statements[f"child:{kind}"] = insert_sql(model, ("content_ptr", *CHILD_COLUMNS[kind]))
    return statements


# After the content rows and their child rows, in this order.
TABLES = (
    "phase",
    "revision",
    "note_theme",
    "lesson_theme",
    "story_theme",
    "resource_theme",
    "wiki_revision",
    "wiki_link",
    "entry",
    "tag",
    "attachment",
    "coauthor",
    "comment",
    "reaction",
)


def _insert(statements: dict[str, str], rows: Rows) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(statements["content"], rows.content)
        for kind, child_rows in rows.child.items():
            if child_rows:
                cursor.executemany(statements[f"child:{kind}"], child_rows)
        for table in TABLES:
            table_rows = getattr(rows, table)
            if table_rows:
                cursor.executemany(statements[table], table_rows)
