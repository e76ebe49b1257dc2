"""A writer per kind of item: each fills in the item's title and text and adds the rows
of its own tables (the child row, phase notes, revisions, themes, links, entries...).

The writers draw from the shared random generator in a fixed order, so a scale and a
seed always give the same alliance."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from harambee.core.models import Attachment, Visibility
from harambee.initiatives.models import InquiryCycle, PhaseNote
from harambee.sampledata.generate.plan import (
    CALL_EVERY,
    KIND_CYCLE,
    PHASE_ORDER,
    SECTION_NAMES,
    STRENGTHS,
    WIDTH,
)
from harambee.sampledata.generate.words import (
    AUDIENCE_CYCLE,
    CALL_BODY,
    CALL_QUESTIONS,
    COLLECTION_BODY,
    COLLECTION_INTRO,
    COLLECTION_TITLES,
    COUNTRIES,
    CYCLE_BODIES,
    CYCLE_QUESTIONS,
    EVIDENCE_LINKS,
    LANGUAGES,
    LESSON_BODIES,
    LESSON_TITLES,
    LICENCES,
    NOTE_TITLES,
    PHASE_TEXTS,
    RESOURCE_AUTHORS,
    RESOURCE_BODIES,
    RESOURCE_TITLES,
    RESOURCE_TYPES,
    STORY_BODIES,
    STORY_TITLES,
    STREAM_TAGS,
    STREAM_TEXTS,
    TITLES,
    TOPICS,
    WIKI_BODIES,
    WIKI_CATEGORIES,
    WIKI_LINKS,
    WIKI_TITLES,
)
from harambee.sampledata.generate.world import Item, Rows, World, note_body
from harambee.sampledata.kinds import Kind
from harambee.stories.models import Story, StoryCall
from harambee.wiki.markup import make_slug, render_page, title_key

WIKI_LINK_KEYS = [title_key(t) for t in WIKI_LINKS]


def post(w: World, rows: Rows, item: Item) -> None:
    i = item.i
    item.body, item.html = w.bodies[w.rng.randrange(len(w.bodies))]
    item.title = TITLES[i % len(TITLES)].format(t=TOPICS[(i // 8) % len(TOPICS)]) + item.number
    # The last activity and reply count are set by ``content._discussion`` when it
    # writes the thread's replies.
    rows.child[Kind.POST].append(
        (item.pk, i % 97 == 5, i % 89 == 7, i % 9 == 4, None, item.stamp, 0, item.space_id or 0)
    )


def wiki_page(w: World, rows: Rows, item: Item) -> None:
    i, pk, topic = item.i, item.pk, item.topic
    title = WIKI_TITLES[(i // 20) % len(WIKI_TITLES)].format(t=topic) + item.number
    body = WIKI_BODIES[i % len(WIKI_BODIES)].format(t=topic)
    if body not in w.wiki_html:
        w.wiki_html[body] = render_page(body)
    item.title, item.body, item.html = title, body, w.wiki_html[body]
    category = WIKI_CATEGORIES[(i // 20) % len(WIKI_CATEGORIES)]
    wiki_key = item.space_id or 0
    rows.child[Kind.WIKI_PAGE].append(
        (pk, category, make_slug(title), wiki_key, title_key(title), 1)
    )
    rows.wiki_revision.append(
        (
            pk,
            1,
            title,
            body,
            category,
            item.visibility,
            w.adapt_json([], None),
            item.author,
            w.first_version,
            item.stamp,
        )
    )
    rows.wiki_link += [
        (pk, wiki_key, key)
        for key, name in zip(WIKI_LINK_KEYS, WIKI_LINKS, strict=True)
        if f"[[{name}]]" in body
    ]
    if not item.removed:
        w.collectable.append(pk)


def resource(w: World, rows: Rows, item: Item) -> None:
    i, pk, topic = item.i, item.pk, item.topic
    item.title = RESOURCE_TITLES[(i // 20) % len(RESOURCE_TITLES)].format(t=topic) + item.number
    item.body = RESOURCE_BODIES[i % len(RESOURCE_BODIES)].format(t=topic)
    item.html = w.md[item.body]
    languages = ["en"] if i % 10 else [LANGUAGES[(i // 10) % len(LANGUAGES)]]
    if i % 7 == 0:
        languages.append("fr")
    rows.child[Kind.RESOURCE].append(
        (
            pk,
            RESOURCE_TYPES[(i // 20) % len(RESOURCE_TYPES)],
            f"https://example.org/library/{pk}",
            RESOURCE_AUTHORS[i % len(RESOURCE_AUTHORS)],
            w.adapt_json(languages, None),
            LICENCES[i % len(LICENCES)],
            2000 + i % 27,
            None,
            i % 53,
        )
    )
    own = w.themes_of.get(item.space_id, ()) if item.space_id is not None else ()
    if own:
        rows.resource_theme.append((pk, own[i % len(own)]))
    if not item.removed:
        w.collectable.append(pk)


def collection(w: World, rows: Rows, item: Item) -> None:
    i, pk, topic = item.i, item.pk, item.topic
    item.title = COLLECTION_TITLES[(i // 20) % len(COLLECTION_TITLES)].format(t=topic)
    item.title += item.number
    item.body = COLLECTION_BODY.format(t=topic)
    item.html = w.md[item.body]
    rows.child[Kind.COLLECTION].append((pk,))
    del w.collectable[:-40]
    chosen = w.rng.sample(w.collectable, min(len(w.collectable), 3 + i % 5))
    rows.entry += [
        (pk, entry, position, "", item.author, item.stamp)
        for position, entry in enumerate(chosen, start=1)
    ]


def stream_post(w: World, rows: Rows, item: Item) -> None:
    i, pk = item.i, item.pk
    a = STREAM_TAGS[i % len(STREAM_TAGS)]
    b = STREAM_TAGS[(i // 20 + 1) % len(STREAM_TAGS)]
    item.body = STREAM_TEXTS[(i // 20) % len(STREAM_TEXTS)].format(t=item.topic, a=a, b=b)
    item.title = item.body[:60].rsplit(" ", 1)[0] + "…"
    item.html = w.md[item.body]
    rows.child[Kind.STREAM_POST].append((pk,))
    rows.tag += [(pk, w.tag_ids[name]) for name in {a, b} if f"#{name}" in item.body]


def cycle(w: World, rows: Rows, item: Item) -> None:
    i, pk, topic, created, now = item.i, item.pk, item.topic, item.created, w.now
    space_id = item.space_id
    assert space_id is not None  # an initiative space
    item.title = CYCLE_QUESTIONS[(i // 20) % len(CYCLE_QUESTIONS)].format(t=topic) + item.number
    item.body = CYCLE_BODIES[i % len(CYCLE_BODIES)].format(t=topic)
    item.html = w.md[item.body]
    day = created.date()
    ended: date | None = None
    if (now - created).days > 240:
        status, started = InquiryCycle.Status.COMPLETE, day
        ended = day + timedelta(days=90 + (i * 7) % 120)
        phases = [PHASE_ORDER[j * 4 // (4 + i % 3)] for j in range(4 + i % 3)]
        step = (ended - started).days // len(phases)
    elif i % 6 == 0:
        status, started = InquiryCycle.Status.PLANNED, day + timedelta(days=21)
        phases, step = [PhaseNote.Phase.PLAN], 0
    else:
        status, started = InquiryCycle.Status.ACTIVE, day
        phases, step = list(PHASE_ORDER[: 2 + i % 2]), 10
    rows.child[Kind.CYCLE].append(
        (pk, space_id, status, w.adapt_date(started), w.adapt_date(ended))
    )
    for j, phase in enumerate(phases):
        at = min(created + timedelta(days=j * step, hours=2 + j), now)
        text = PHASE_TEXTS[phase][(i + j) % len(PHASE_TEXTS[phase])]
        author = item.authors[w.rng.randrange(len(item.authors))]
        rows.phase.append(
            (
                w.take_id("phase"),
                pk,
                phase,
                w.adapt_date(at.date()),
                text,
                w.md[text],
                author,
                w.adapt(at),
            )
        )
    if not item.removed:
        w.cycles_of[space_id].append(pk)


def note(w: World, rows: Rows, item: Item) -> None:
    i, pk, space_id = item.i, item.pk, item.space_id
    assert space_id is not None  # an initiative space
    item.title = NOTE_TITLES[(i // 20) % len(NOTE_TITLES)].format(t=item.topic) + item.number
    sections, item.body, item.html = w.note_texts[item.topic][w.rng.randrange(4)]
    language = "en" if i % 10 else LANGUAGES[(i // 10) % len(LANGUAGES)]
    if language != "en":
        # Headed in the note's own language, as LearningNote.save() heads it (the same
        # language content.py writes for the item).
        item.body = note_body(sections, language)
        item.html = w.md[item.body]
    cycles = w.cycles_of[space_id]
    cycle = cycles[-1 - w.rng.randrange(min(len(cycles), 3))] if cycles and i % 3 else None
    rows.child[Kind.NOTE].append((pk, space_id, cycle, *sections))
    own = w.themes_of[space_id]
    themes = tuple(sorted({own[(i + j) % len(own)] for j in range(1 + i % 2)})) if own else ()
    rows.note_theme += [(pk, t) for t in themes]
    data = {
        "title": item.title,
        "visibility": item.visibility,
        **dict(zip(SECTION_NAMES, sections, strict=True)),
        "themes": sorted(w.theme_names[t] for t in themes),
    }
    rows.revision.append(
        (
            w.take_id("revision"),
            pk,
            1,
            item.author,
            item.stamp,
            w.first_version,
            w.adapt_json(data, None),
        )
    )
    if i % 4 == 1:
        link = f"https://example.org/evidence/{pk}"
        caption = EVIDENCE_LINKS[(i // 4) % len(EVIDENCE_LINKS)]
        rows.attachment.append(
            (
                w.take_id("attachment"),
                pk,
                Attachment.Type.LINK,
                "",
                "",
                link,
                caption,
                "",
                "",
                0,
                "",
                item.author,
                item.stamp,
            )
        )
    if not item.removed:
        w.note_meta[pk] = (space_id, item.author, themes)
        for width in range(WIDTH[item.visibility] + 1):
            w.notes_in[space_id][width].append(pk)
            w.notes_anywhere[width].append(pk)


def story_call(w: World, rows: Rows, item: Item) -> None:
    i, pk, topic, visibility = item.i, item.pk, item.topic, item.visibility
    n = i // (len(KIND_CYCLE) * CALL_EVERY)
    item.title = CALL_QUESTIONS[n % len(CALL_QUESTIONS)].format(t=topic) + item.number
    item.body = CALL_BODY.format(t=topic)
    item.html = w.md[item.body]
    deadline = item.created.date() + timedelta(days=30 + n % 4 * 10)
    if deadline >= w.now.date():
        status = StoryCall.Status.OPEN
    elif n % 3 and visibility != Visibility.PRIVATE:
        status = StoryCall.Status.PUBLISHED
    else:
        status = StoryCall.Status.CLOSED
    intro = COLLECTION_INTRO.format(t=topic) if status == StoryCall.Status.PUBLISHED else ""
    rows.child[Kind.STORY_CALL].append((pk, w.adapt_date(deadline), status, intro, w.md[intro]))
    if not item.removed and visibility != Visibility.PRIVATE:
        collected = status == StoryCall.Status.PUBLISHED
        w.open_calls.append((pk, item.space_id, deadline, collected))


def story(w: World, rows: Rows, item: Item) -> None:
    i, pk, space_id, visibility, answer = (
        item.i,
        item.pk,
        item.space_id,
        item.visibility,
        item.answer,
    )
    item.title = STORY_TITLES[(i // 20) % len(STORY_TITLES)].format(t=item.topic) + item.number
    item.body = STORY_BODIES[i % len(STORY_BODIES)].format(t=item.topic)
    item.html = w.md[item.body]
    # Its visibility follows where it stands: a draft is private, a story in review is
    # read by the space (or the alliance, on the alliance blog), a published one by its
    # audience.
    audience = AUDIENCE_CYCLE[(i // 20) % len(AUDIENCE_CYCLE)]
    if space_id is None and audience == "space":
        audience = Visibility.ALLIANCE
    in_review = i % 2 == 1 and (
        visibility == Visibility.SPACE or (visibility == Visibility.ALLIANCE and space_id is None)
    )
    if visibility == Visibility.PRIVATE:
        status = Story.Status.DRAFT
    elif in_review:
        status = Story.Status.REVIEW
    else:
        status, audience = Story.Status.PUBLISHED, visibility
    published = None
    if status == Story.Status.PUBLISHED:
        published = w.adapt(min(item.created + timedelta(days=2, hours=3), w.now))
    rows.child[Kind.STORY].append(
        (
            pk,
            status,
            audience,
            published,
            answer[0] if answer is not None else None,
            answer is not None and answer[3] and published is not None,
        )
    )
    own = w.themes_of.get(space_id, ()) if space_id is not None else ()
    if own:
        rows.story_theme.append((pk, own[i % len(own)]))
    elif w.all_themes and i % 2 == 0:
        rows.story_theme.append((pk, w.all_themes[(i // 20) % len(w.all_themes)]))


def lesson(w: World, rows: Rows, item: Item) -> None:
    """A lesson, by the cited note's author, in the note's space."""
    i, cite = item.i, item.cite
    cited = cite[-1 - w.rng.randrange(min(len(cite), 12))]
    item.space_id, item.author, note_themes = w.note_meta[cited]
    item.authors = w.posters[item.space_id]
    item.topic = w.topic_of[item.space_id]
    item.title = LESSON_TITLES[(i + i // 20) % len(LESSON_TITLES)] + item.number
    item.body = LESSON_BODIES[i % len(LESSON_BODIES)].format(t=item.topic)
    item.html = w.md[item.body]
    rows.child[Kind.LESSON].append((item.pk, cited, STRENGTHS[i % len(STRENGTHS)]))
    rows.lesson_theme += [(item.pk, t) for t in (note_themes if i % 4 else note_themes[:1])]


EVENT_KINDS = ("regional_workshop", "webinar", "coaching", "teleconference", "field_visit")
EVENT_ZONES = ("Africa/Accra", "Africa/Nairobi", "Europe/Amsterdam", "America/Sao_Paulo")


def event(w: World, rows: Rows, item: Item) -> None:
    """An event around the item's date: half already past, half to come."""
    i, pk, topic = item.i, item.pk, item.topic
    kind = EVENT_KINDS[(i // 20) % len(EVENT_KINDS)]
    item.title = f"{kind.replace('_', ' ').capitalize()} on {topic}{item.number}"
    item.body = f"A {kind.replace('_', ' ')} to compare what the initiatives learned on {topic}."
    item.html = w.md[item.body]
    starts = item.created + timedelta(days=7 + i % 30)
    in_person = kind in ("regional_workshop", "field_visit")
    rows.child[Kind.EVENT].append(
        (
            pk,
            kind,
            w.adapt(starts),
            w.adapt(starts + timedelta(hours=2)),
            EVENT_ZONES[i % len(EVENT_ZONES)],
            "in_person" if in_person else "online",
            COUNTRIES[i % len(COUNTRIES)] if in_person else "",
            f"Community hall, {topic}" if in_person else "",
            "",
            None,
            None,
            ",en,fr," if i % 3 else ",en,",
            "",
            "open",
            30 if in_person else None,
            0,
            in_person,
            False,
            False,
            "none" if in_person else "jitsi",
            "registered",
            None,
        )
    )


WRITERS: dict[str, Callable[[World, Rows, Item], None]] = {
    Kind.POST: post,
    Kind.WIKI_PAGE: wiki_page,
    Kind.RESOURCE: resource,
    Kind.COLLECTION: collection,
    Kind.STREAM_POST: stream_post,
    Kind.CYCLE: cycle,
    Kind.NOTE: note,
    Kind.STORY_CALL: story_call,
    Kind.STORY: story,
    Kind.LESSON: lesson,
    Kind.EVENT: event,
}
