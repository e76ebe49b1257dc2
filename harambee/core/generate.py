"""A synthetic alliance for load and latency benchmarks: ``harambee generate --scale N``.

``N`` is the number of content items. Around them: one person per 200 items (at least
50), one organisation per 20 people, one space per 10 people (at least 60, so every
combination of kind, listing and join policy exists), memberships of every role with
a few guests and expired memberships, and content of every kind at every visibility
(some private items with co-authors, a few removed), comments with replies (a few busy
threads of 50), and reactions.

The mix (``KIND_CYCLE``, ``kind_at``): 40% threads (posts), 10% stream posts, 10%
inquiry cycles, 15% learning notes, 10% lessons, 4.55% stories, 0.45% story calls, 5%
wiki pages, 4.3% resources (links) and 0.7% collections of recent resources and pages.
Posts go to spaces of every kind; cycles, notes and lessons only to initiative spaces,
each of which gets an initiative profile (countries, place, stage, themes from the
seeded vocabulary,
stakeholder organisations). Cycles carry phase notes across plan, act, observe and
reflect; notes fill their sections, belong to their space's initiative (two in three
to one of its recent cycles), carry themes, sometimes a link as evidence, and a first
revision; lessons cite an earlier note of the same space, with its themes, and are never
shared more widely than that note. Story calls are run by a space's leads and
facilitators or, on the alliance blog, by stewards; stories are drafts, in review or
published (their visibility follows), in a space or on the alliance blog, one in three
answering a call still open, and published answers join a published collection.
Wiki pages start with one revision and [[links]]; stream posts carry hashtags (their
tag rows are written with them); some threads are questions, pinned or locked. The
search index is rebuilt at the end, as ``harambee search rebuild`` would, and the related
experiences of the newest notes, lessons and stories (``RELATED_NEWEST``, the pages read
most) are computed, as ``harambee related --newest`` would (``harambee related`` does
them all: hours at a million items).

Everything is written with bulk inserts in batches, one transaction per batch. The
high-volume tables (content, its child rows, phase notes, revisions, themes, evidence,
co-authors, comments, reactions) are written with ``executemany`` and explicit ids:
``bulk_create`` would stamp every row's ``auto_now_add`` date with the present, and the
benchmarks need a history spread over years, in the order of the ids. Markdown is
rendered once per distinct text.

The data is deterministic for a given scale and seed. Writes bypass the services on
purpose (no audit rows, no notifications): this is load, not a demo.
"""

from __future__ import annotations

import random
import sys
import time
from bisect import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, TextIO

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext

from harambee.core.demo import DEMO_PASSWORD
from harambee.core.markdown import render_markdown
from harambee.core.models import Attachment, Comment, Content, Reaction, Visibility
from harambee.initiatives.models import (
    NOTE_SECTIONS,
    Initiative,
    InitiativeOrganisation,
    InquiryCycle,
    LearningNote,
    Lesson,
    NoteRevision,
    PhaseNote,
    Theme,
)
from harambee.library.models import Collection, CollectionEntry, Resource
from harambee.people.models import Channel, Organisation, Sector, User
from harambee.people.roles import AllianceRole, SpaceRole
from harambee.spaces.models import Membership, Post, Space
from harambee.stories.models import Story, StoryCall
from harambee.stream.models import ContentHashtag, Hashtag, StreamPost
from harambee.wiki.markup import make_slug, render_page, title_key
from harambee.wiki.models import WikiLink, WikiPage, WikiRevision


class Kind(models.TextChoices):
    POST = "post"
    CYCLE = "cycle"
    NOTE = "note"
    LESSON = "lesson"
    STORY = "story"
    STORY_CALL = "story_call"
    WIKI_PAGE = "wiki_page"
    RESOURCE = "resource"
    COLLECTION = "collection"
    STREAM_POST = "stream_post"


BATCH = 5000  # content items per transaction
EMAIL_DOMAIN = "generated.harambee.test"

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
}
SECTION_NAMES = tuple(name for name, _label in NOTE_SECTIONS)
CHILD_COLUMNS: dict[str, tuple[str, ...]] = {
    Kind.POST: ("pinned", "locked", "is_question", "answer"),
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
    return kind


FIRST = [
    "Amara",
    "Kwame",
    "Akosua",
    "Yaw",
    "Esi",
    "Wanjiru",
    "Peter",
    "Grace",
    "Faith",
    "Samuel",
    "Thandiwe",
    "Marius",
    "Lindiwe",
    "Sipho",
    "Priya",
    "Arjun",
    "Meera",
    "Rahul",
    "Maria",
    "José",
    "Ana",
    "Lucas",
    "Juliana",
    "Noor",
    "Daan",
    "Sanne",
    "Fatima",
    "Ibrahim",
    "Aisha",
    "Moses",
    "Chipo",
    "Tendai",
    "Rosa",
    "Carlos",
    "Luz",
    "Mateo",
    "Leila",
    "Omar",
    "Nadia",
    "Tomás",
]
LAST = [
    "Mensah",
    "Owusu",
    "Boateng",
    "Asante",
    "Quaye",
    "Kamau",
    "Otieno",
    "Njeri",
    "Muthoni",
    "Mwangi",
    "Nkosi",
    "Botha",
    "Dlamini",
    "Mahlangu",
    "Patil",
    "Deshmukh",
    "Kulkarni",
    "Iyer",
    "Silva",
    "Santos",
    "Oliveira",
    "Costa",
    "Hendriks",
    "Visser",
    "Jansen",
    "Bello",
    "Abubakar",
    "Mutasa",
    "Moyo",
    "Chavez",
    "Morales",
    "Lopez",
    "Haddad",
    "Nasser",
    "Ramos",
]
ORG_WORDS = [
    "Forest",
    "Water",
    "River",
    "Delta",
    "Coastal",
    "Upland",
    "Savannah",
    "Valley",
    "Highland",
    "Community",
    "Rural",
    "Urban",
    "Women's",
    "Youth",
    "Farmers'",
    "Fishers'",
    "Pastoralist",
    "Climate",
    "Land",
    "Seed",
    "Soil",
    "Market",
]
ORG_TYPES = [
    "Network",
    "Institute",
    "Trust",
    "Collective",
    "Foundation",
    "Cooperative",
    "Council",
    "Office",
    "Centre",
    "Alliance",
    "Association",
    "Initiative",
]
COUNTRIES = ("GH", "KE", "ZA", "IN", "PH", "NL", "GT", "BR", "TZ", "UG", "NG", "SN", "PE", "ID")
TIME_ZONES = {
    "GH": "Africa/Accra",
    "KE": "Africa/Nairobi",
    "ZA": "Africa/Johannesburg",
    "IN": "Asia/Kolkata",
    "PH": "Asia/Manila",
    "NL": "Europe/Amsterdam",
    "GT": "America/Guatemala",
    "BR": "America/Belem",
    "TZ": "Africa/Dar_es_Salaam",
    "UG": "Africa/Kampala",
    "NG": "Africa/Lagos",
    "SN": "Africa/Dakar",
    "PE": "America/Lima",
    "ID": "Asia/Jakarta",
}
LANGUAGES = ("en", "fr", "sw", "pt", "es", "hi", "tw", "nl", "zu", "id")
TOPICS = (
    "shade trees in cocoa farms",
    "joint forest patrols",
    "water kiosk accounts",
    "spring protection",
    "river gauging data",
    "land restitution talks",
    "watershed committees",
    "seed banks",
    "community radio call-ins",
    "SMS field reports",
    "women's savings groups",
    "market prices for smallholders",
    "fire breaks before the dry season",
    "tenure for tree planters",
    "mangrove restoration",
    "school water clubs",
)
SPACE_NOUNS = {
    Space.Type.INITIATIVE: "initiative",
    Space.Type.WORKING_GROUP: "working group",
    Space.Type.DISCUSSION_GROUP: "discussion",
    Space.Type.RESEARCH: "research collaboration",
    Space.Type.PROGRAMME: "training programme",
}
TITLES = (
    "What we learnt about {t}",
    "Field note: {t}",
    "Question for the alliance on {t}",
    "Reflection session on {t}",
    "Plan for the next cycle: {t}",
    "Evidence from the ground: {t}",
    "Draft lesson: {t}",
    "Minutes of the meeting on {t}",
)
PARAGRAPHS = (
    "We met the district officers again and went through the agreement line by line. "
    "Two points are still open: who pays for the fuel, and who signs the patrol log.",
    "The community session ran for three hours. Older women spoke first this time, "
    "which changed the conversation: they remembered how the stream ran before the farms.",
    "Numbers from the last quarter: 14 kiosks reporting, 11 with complete books, "
    "3 with missing weeks in the rainy season. We think the gap is about transport.",
    "**What worked:** meeting at the market on market day. **What did not:** asking "
    "people to fill in a form. Next time we will take notes and read them back.",
    "A farmer asked why the trees he planted belong to the state. Nobody had a good "
    "answer. We wrote down the question and will take it to the forum.",
    "The radio programme had 23 callers. Most asked about prices; four reported fires. "
    "See the [call-in notes](https://example.org/notes) for the full list.",
    "We tried the reflection questions from the methods wiki:\n\n"
    "- What did we plan?\n- What happened?\n- What surprised us?\n- What will we change?",
    "> The river is our bank: if we take everything out, there is nothing left for our "
    "children.\n\nSaid by a committee member at the close of the meeting.",
)
COMMENTS = (
    "Thank you for writing this up.",
    "We saw the same in our district. Transport was the problem there too.",
    "Could you share the form you used?",
    "This is useful for our next cycle. **Agreed** on meeting at the market.",
    "Who else should see this? I think the water group would learn from it.",
    "Interesting. How did the officers react?",
    "We tried something similar last year; happy to talk.",
    "Noted for the synthesis report.",
    "+1, and the numbers match what the radio callers said.",
    "Let us bring this to the next forum meeting.",
)
SPACE_DESCRIPTIONS = (
    "A place to plan, act, observe and reflect together on {t}.",
    "People from government, business, research and communities working on {t}.",
    "Open conversation about {t}: questions, stories and evidence welcome.",
)

# Initiatives: where they work (a town and its coordinates per country), and the
# countries a cross-border initiative adds, from the same region.
PLACES = {
    "GH": ("Kumasi, Ashanti", "6.68848", "-1.62443"),
    "KE": ("Kisumu", "-0.09170", "34.76800"),
    "ZA": ("Mbombela, Mpumalanga", "-25.47530", "30.96940"),
    "IN": ("Pune district, Maharashtra", "18.52040", "73.85670"),
    "PH": ("Cebu", "10.31570", "123.88540"),
    "NL": ("Utrecht", "52.09070", "5.12140"),
    "GT": ("Cobán, Alta Verapaz", "15.47080", "-90.37080"),
    "BR": ("Belém, Pará", "-1.45580", "-48.49020"),
    "TZ": ("Morogoro", "-6.82780", "37.65910"),
    "UG": ("Gulu", "2.77240", "32.28810"),
    "NG": ("Jos, Plateau", "9.89650", "8.85830"),
    "SN": ("Ziguinchor, Casamance", "12.56810", "-16.27190"),
    "PE": ("Cusco", "-13.53200", "-71.96750"),
    "ID": ("Pontianak, West Kalimantan", "-0.02630", "109.34250"),
}
NEIGHBOURS = {
    "GH": ("TG", "CI", "BF"),
    "KE": ("UG", "TZ", "ET"),
    "ZA": ("MZ", "SZ", "LS"),
    "IN": ("NP", "BD"),
    "PH": ("ID", "MY"),
    "NL": ("BE", "DE"),
    "GT": ("HN", "MX", "SV"),
    "BR": ("PE", "CO", "BO"),
    "TZ": ("KE", "MZ", "MW"),
    "UG": ("KE", "RW", "SS"),
    "NG": ("NE", "BJ", "CM"),
    "SN": ("GM", "GN", "ML"),
    "PE": ("BO", "EC", "BR"),
    "ID": ("MY", "TL", "PH"),
}
# Mostly running; a few closed.
STAGES = (
    Initiative.Stage.RUNNING,
    Initiative.Stage.STARTING,
    Initiative.Stage.RUNNING,
    Initiative.Stage.SCALING,
    Initiative.Stage.EXPLORING,
    Initiative.Stage.RUNNING,
    Initiative.Stage.CLOSED,
    Initiative.Stage.STARTING,
)
STAKEHOLDER_ROLES = (
    "convener",
    "funder",
    "technical partner",
    "community partner",
    "government counterpart",
    "research partner",
)
SUMMARIES = (
    "Communities, officials and businesses working together on {t} around {p}.",
    "A multi-stakeholder process on {t} in {p}, led by the people who live with it.",
    "Learning by doing on {t}: plan, act, observe and reflect with everyone involved in {p}.",
)
# Each topic's issue themes (slugs of the seeded vocabulary) and issue areas.
TOPIC_ISSUES: dict[str, tuple[tuple[str, ...], str]] = {
    "shade trees in cocoa farms": (("forests-land-use", "food-agriculture"), "cocoa, agroforestry"),
    "joint forest patrols": (
        ("forests-land-use", "governance-accountability"),
        "forests, policing",
    ),
    "water kiosk accounts": (("water-sanitation", "governance-accountability"), "water, finance"),
    "spring protection": (("water-sanitation", "climate-adaptation"), "water, catchments"),
    "river gauging data": (("water-sanitation", "climate-adaptation"), "water, data, floods"),
    "land restitution talks": (("land-rights", "governance-accountability"), "land, restitution"),
    "watershed committees": (
        ("water-sanitation", "governance-accountability"),
        "water, local government",
    ),
    "seed banks": (("food-agriculture", "climate-adaptation"), "seeds, agriculture"),
    "community radio call-ins": (
        ("governance-accountability", "education"),
        "media, participation",
    ),
    "SMS field reports": (("governance-accountability", "livelihoods-markets"), "data, monitoring"),
    "women's savings groups": (("gender-inclusion", "livelihoods-markets"), "savings, gender"),
    "market prices for smallholders": (
        ("livelihoods-markets", "food-agriculture"),
        "markets, prices",
    ),
    "fire breaks before the dry season": (
        ("forests-land-use", "climate-adaptation"),
        "fire, forests",
    ),
    "tenure for tree planters": (("land-rights", "forests-land-use"), "tenure, trees"),
    "mangrove restoration": (("climate-adaptation", "livelihoods-markets"), "mangroves, fisheries"),
    "school water clubs": (("education", "water-sanitation"), "schools, water, youth"),
}

# Inquiry cycles: the title holds the focus question.
CYCLE_QUESTIONS = (
    "How can {t} be run so that everyone who depends on it has a say?",
    "What would keep {t} going after the project money ends?",
    "Who is left out of {t}, and how do we bring them in?",
    "What do officials and communities each need from {t}?",
    "Which small change in {t} would people notice first?",
    "Can the records kept for {t} be trusted by all sides?",
)
CYCLE_BODIES = (
    "We will try one change in {t} for a season and meet every month to look at what happened.",
    "**Plan:** agree the question with the committee. **Act:** try it in two villages. "
    "**Observe:** keep a simple log. **Reflect:** a half-day session with everyone.",
    "This cycle follows up the questions left open by the last one on {t}.",
)
PHASE_TEXTS: dict[str, tuple[str, ...]] = {
    PhaseNote.Phase.PLAN: (
        "Agreed the focus question with the committee and chose two villages to start.",
        "Mapped who takes part: water users, the county office, two traders, the radio.",
        "We will keep a log in a notebook, not a form, and read it back at each meeting.",
    ),
    PhaseNote.Phase.ACT: (
        "First meeting held at the market on market day; 41 people came, 17 of them women.",
        "The patrols ran twice a week. Fuel ran out in the third week; the trust paid.",
        "Radio call-in on Thursday evening. Most questions were about prices.",
    ),
    PhaseNote.Phase.OBSERVE: (
        "Attendance dropped in the rainy season; the log shows who stayed and why.",
        "The kiosk books are complete in 11 of 14 places. The gaps match the bad roads.",
        "Officials came to two of the four meetings and signed the minutes both times.",
    ),
    PhaseNote.Phase.REFLECT: (
        "What surprised us: the older women knew the old boundaries better than the maps.",
        "We will keep meeting at the market and drop the written form for good.",
        "Next cycle: bring the district budget officer in from the start.",
    ),
}

# Learning notes: a few versions of each section, about the space's topic.
NOTE_TITLES = (
    "What we learnt from {t}",
    "Learning note: {t}",
    "Trying a new way with {t}",
    "After the season: {t}",
    "Notes from the reflection on {t}",
)
NOTE_TEXTS: dict[str, tuple[str, ...]] = {
    "context": (
        "Work on {t} started after the last drought, when the committees asked the "
        "county for help. Three groups use the same resource and rarely meet.",
        "Before this, decisions about {t} were taken in the district office. "
        "Communities heard about them on the radio.",
        "We are a network of farmer groups, a county office and a small business, "
        "working on {t} for two years now.",
        "Earlier attempts at {t} failed when the project funding stopped.",
    ),
    "tried": (
        "We met at the market on market day instead of the district office, and took "
        "notes that we read back before everyone left.",
        "- A monthly meeting of all three groups\n- A shared logbook\n"
        "- One person from each group to keep it",
        "We asked the older women to speak first, then the officials, then everyone else.",
        "A two-week trial: SMS reports every evening, checked on Fridays.",
    ),
    "happened": (
        "More people came than expected, 41 at the first meeting. Officials came to two "
        "of four meetings.",
        "The logbook was kept for eight weeks, then lapsed in the rainy season.",
        "The conversation changed: people remembered how the land was used before.",
        "Reports arrived on 61 of 70 evenings. Gaps matched the days without credit.",
    ),
    "learned": (
        "Meeting where people already gather matters more than the agenda.",
        "**Reading the notes back** builds trust faster than any written agreement.",
        "A record only lasts if the people who keep it use it themselves.",
        "Officials respond to numbers they can check, not to complaints.",
    ),
    "evidence": (
        "Attendance lists of all meetings; the logbook (photos); minutes signed by the "
        "district officer.",
        "Interviews with 12 participants, recorded with their consent.",
        "The SMS log: 61 reports, exported every Friday.",
        "",
    ),
    "methods": (
        "Plan, act, observe, reflect; a timeline exercise; a stakeholder map.",
        "Outcome harvesting with the committee.",
        "",
        "Most significant change stories, collected at the market.",
    ),
    "questions": (
        "Has anyone kept a shared logbook going through the rainy season? How?",
        "How do you get officials to come to the field, not the other way round?",
        "",
        "What did you do when one group stopped coming?",
    ),
}
EVIDENCE_LINKS = (
    "Photos of the logbook",
    "Minutes of the meeting",
    "Recording of the radio call-in",
    "Attendance lists",
)

# Stories for the blogs, and the calls that ask for them.
STORY_TITLES = (
    "How {t} changed our village",
    "A season of {t}",
    "The people behind {t}",
    "What nobody told us about {t}",
    "Voices from the field: {t}",
)
STORY_BODIES = (
    "When we started with {t}, nobody believed the officials would come. They came.\n\n"
    "This is the story of the first meeting, told by the people who were there.",
    "Grace has kept the ledger for three years. She knows every family that pays late, "
    "and why.\n\n> If you want to understand {t}, sit with the person who keeps the book."
    "\n\nWe sat with her for a week.",
    "Three villages, one river, and {t}. **What changed** was not the money but who "
    "spoke first at the meetings.\n\nThe older women remembered how the stream ran "
    "before the farms. The young men had the phones. Together they made the map.",
    "We expected {t} to be about rules. It turned out to be about trust: who signs, who "
    "keeps the key, who tells the radio.",
)
CALL_QUESTIONS = (
    "What changed for you when {t} started?",
    "Tell us about a moment when {t} surprised you",
    "Who made {t} work in your place?",
    "What would you tell someone starting with {t} tomorrow?",
)
CALL_BODY = (
    "We are collecting short stories (300 to 800 words) about {t}: told by the people "
    "who lived them, with a photo if you have one. The best will be published together."
)
COLLECTION_INTRO = "Stories about {t} from across the alliance, chosen with their authors."
WIKI_TITLES = (
    "Stakeholder mapping for {t}",
    "Running a learning review on {t}",
    "Outcome harvesting in {t}",
    "Glossary: {t}",
    "Appreciative inquiry with {t} groups",
)
WIKI_CATEGORIES = ("methodology", "methodology", "technique", "concept", "tool", "case")
WIKI_BODIES = (
    "## Purpose\n\nA shared way of working on {t} that partners can repeat.\n\n"
    "## When to use\n\nAt the start of a cycle, or when new partners join.\n\n"
    "## Steps\n\n1. List who is affected.\n2. Ask who decides.\n3. Map interest and "
    "influence together.\n\n## Facilitation tips\n\nLet the quietest group speak "
    "first. See also [[Stakeholder mapping]] and [[Appreciative inquiry]].",
    "Notes gathered from several initiatives working on {t}. What held: small, regular "
    "meetings; agreeing costs first; a named person who follows up. "
    "Related: [[Most significant change]].",
    "A short definition for {t}, with the words partners use for it in their own "
    "languages, and the places where the alliance has used it.",
)
WIKI_LINKS = ("Stakeholder mapping", "Appreciative inquiry", "Most significant change")
RESOURCE_TITLES = (
    "Toolkit: {t} in practice",
    "Annual report on {t}",
    "Training slides on {t}",
    "Position paper: the case for {t}",
    "Radio programme on {t}",
    "Survey data on {t}",
    "Recorded webinar about {t}",
)
RESOURCE_BODIES = (
    "A practical guide for partners working on {t}, with worksheets and examples from the field.",
    "What the alliance learned about {t} this year, with figures from every country.",
    "Material for a one-day workshop on {t}: slides, exercises and a facilitator's guide.",
)
RESOURCE_TYPES = (
    "toolkit",
    "report",
    "presentation",
    "position_paper",
    "audio",
    "dataset",
    "video",
    "training",
)
LICENCES = ("cc-by-4.0", "cc-by-sa-4.0", "cc-by-nc-4.0", "all-rights-reserved", "public-domain")
RESOURCE_AUTHORS = ("A. Mensah, K. Owusu", "L. Ramírez", "Forest Voices team", "")
COLLECTION_TITLES = ("Training pack on {t}", "Reading list: {t}", "Starter kit for {t}")
COLLECTION_BODY = "A curated set of resources and wiki pages for newcomers to {t}."
STREAM_TAGS = ("radio", "wash", "stakeholdermapping", "landrights", "youth", "learning")
STREAM_TEXTS = (
    "Just back from the field: {t} meeting went well, 40 people came. #{a} #{b}",
    "Does anyone have a simple template for {t}? Asking for a partner. #{a}",
    "Good session today on {t}. Notes coming soon. #{a} #{b}",
    "Reminder: the {t} call is on Thursday. #{a}",
)
# A story's audience when it is published, in turn (never the space on the alliance blog).
AUDIENCE_CYCLE = ("public", "alliance", "space")

# Lessons: a claim that stands on its own, and the reasons for it.
LESSON_TITLES = (
    "Meet people where they already gather",
    "Read the notes back before anyone leaves",
    "Agree who pays before the work starts",
    "Let the longest users of the land speak first",
    "Count what the community counts",
    "Small regular meetings beat one big workshop",
    "Put the agreement in the language people speak",
    "Ask officials to come to the field",
)
LESSON_BODIES = (
    "In our work on {t}, turnout doubled when we moved the meeting to the market.",
    "Seen again and again in {t}: a short, regular meeting keeps people coming; "
    "a workshop once a year does not.",
    "We compared two districts working on {t}. Where costs were agreed first, the "
    "work was still going a year later.",
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


@dataclass
class Result:
    plan: Plan
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)


class Progress:
    """A plain-text progress bar on a terminal stream, redrawn in place with ``\\r``."""

    def __init__(self, stream: TextIO | None, total: int, label: str) -> None:
        self.stream, self.total, self.label = stream, max(total, 1), label
        self.started = time.perf_counter()
        self.last = 0.0
        self.shown = -1

    def update(self, done: int, *, force: bool = False) -> None:
        if self.stream is None:
            return
        now = time.perf_counter()
        if not force and now - self.last < 0.25:
            return
        self.last, self.shown = now, done
        elapsed = now - self.started
        frac = min(done / self.total, 1.0)
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = (self.total - done) / rate if rate > 0 else 0.0
        bar = "#" * int(frac * 30)
        self.stream.write(
            f"\r{self.label} [{bar:<30}] {done:>10,}/{self.total:,} "
            f"{frac:6.1%} {rate:9,.0f}/s  eta {eta:5.0f} s "
        )
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            if self.shown != self.total:
                self.update(self.total, force=True)
            self.stream.write("\n")
            self.stream.flush()


def _insert_sql(model: type[models.Model], names: Sequence[str]) -> str:
    meta = model._meta
    columns = [meta.get_field(name).column for name in names]
    qn = connection.ops.quote_name
    return (
        f"INSERT INTO {qn(meta.db_table)} ({', '.join(qn(c) for c in columns)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )


def _next_id(model: type[models.Model]) -> int:
    return (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1


# Related experiences are computed for this many of the newest notes, lessons and stories.
RELATED_NEWEST = 2000


def generate(
    scale: int,
    *,
    seed: int = 3,
    progress: TextIO | None = sys.stderr,
    now: datetime | None = None,
    index: bool = True,
    related: int | None = None,
) -> Result:
    """Write a synthetic alliance with ``scale`` content items. Returns what was written."""
    started = time.perf_counter()
    plan = Plan.for_scale(scale)
    rng = random.Random(seed)
    now = (now or timezone.now()).replace(microsecond=0)

    def say(message: str) -> None:
        if progress is not None:
            progress.write(message + "\n")
            progress.flush()

    say(
        f"Generating {plan.content:,} content items, {plan.people:,} people, "
        f"{plan.organisations:,} organisations, {plan.spaces:,} spaces…"
    )
    with transaction.atomic():
        orgs = _organisations(plan, rng)
        users = _people(plan, rng, orgs, now)
        spaces = _spaces(plan, rng, users, now)
        members = _memberships(plan, rng, users, spaces, now)
        themes = _initiatives(spaces, orgs, now)
    _content(plan, rng, users, spaces, members, themes, now, progress)
    if index:
        from harambee.search.services import index_rebuild

        index_rebuild(progress=progress)
        from harambee.synthesis.services import related_compute_all

        related_compute_all(
            newest=RELATED_NEWEST if related is None else related, progress=progress
        )
    result = Result(plan=plan, seconds=time.perf_counter() - started)
    per_kind = dict(Content.objects.values_list("kind").annotate(n=Count("pk")).order_by())
    result.counts = {
        "organisations": Organisation.objects.count(),
        "people": User.objects.count(),
        "spaces": Space.objects.count(),
        "initiatives": Initiative.objects.count(),
        "memberships": Membership.objects.count(),
        "content": Content.objects.count(),
        **{kind: per_kind.get(kind, 0) for kind in Kind.values},
        "comments": Comment.objects.count(),
        "reactions": Reaction.objects.count(),
    }
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return result


def _organisations(plan: Plan, rng: random.Random) -> list[Organisation]:
    base = _next_id(Organisation)
    sectors = list(Sector.values)
    orgs = []
    for i in range(plan.organisations):
        n = base + i
        name = (
            f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_WORDS)} {rng.choice(ORG_TYPES)} {n}"
        ).replace("  ", " ")
        orgs.append(
            Organisation(
                name=name,
                slug=f"org-{n}",
                sector=sectors[i % len(sectors)],
                country=COUNTRIES[i % len(COUNTRIES)],
                relationship=(
                    Organisation.Relationship.PARTNER
                    if i % 4 == 0
                    else Organisation.Relationship.MEMBER
                ),
                description=f"Works on {TOPICS[i % len(TOPICS)]}.",
            )
        )
    return Organisation.objects.bulk_create(orgs, batch_size=500)


def _people(plan: Plan, rng: random.Random, orgs: list[Organisation], now: datetime) -> list[User]:
    base = _next_id(User)
    password = make_password(DEMO_PASSWORD)  # hashed once: argon2 is slow on purpose
    sectors = list(Sector.values)
    channels = list(Channel.values)
    users = []
    for i in range(plan.people):
        n = base + i
        # The first three run the alliance; about one in fifty is an outside guest.
        if i < 3:
            role = AllianceRole.STEWARD
        elif i % 50 == 7:
            role = AllianceRole.GUEST
        else:
            role = AllianceRole.MEMBER
        org = orgs[i % len(orgs)] if i % 6 else None
        country = org.country if org else COUNTRIES[i % len(COUNTRIES)]
        users.append(
            User(
                email=f"person{n}@{EMAIL_DOMAIN}",
                password=password,
                display_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                role=role,
                is_staff=role == AllianceRole.STEWARD,
                organisation=org,
                sector=org.sector if org else sectors[i % len(sectors)],
                country=country,
                languages=["en", LANGUAGES[i % len(LANGUAGES)]]
                if i % 3
                else [LANGUAGES[i % len(LANGUAGES)]],
                time_zone=TIME_ZONES[country],
                channels=rng.sample(channels, 1 + i % 3),
                bio=f"Works on {TOPICS[i % len(TOPICS)]}.",
                date_joined=now - timedelta(days=1200 - (i * 1100) // plan.people),
            )
        )
    users = User.objects.bulk_create(users, batch_size=500)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
        batch_size=500,
    )
    return users


def _spaces(plan: Plan, rng: random.Random, users: list[User], now: datetime) -> list[Space]:
    base = _next_id(Space)
    kinds, listings, policies = Space.Type.values, Space.Listing.values, Space.JoinPolicy.values
    descriptions: dict[str, str] = {}
    spaces = []
    for i in range(plan.spaces):
        n = base + i
        kind = kinds[i % len(kinds)]
        listing = listings[(i // len(kinds)) % len(listings)]
        policy = policies[(i // (len(kinds) * len(listings))) % len(policies)]
        topic = _space_topic(i)
        description = SPACE_DESCRIPTIONS[i % len(SPACE_DESCRIPTIONS)].format(t=topic)
        if description not in descriptions:
            descriptions[description] = render_markdown(description)
        spaces.append(
            Space(
                kind=kind,
                name=f"{topic.capitalize()} {SPACE_NOUNS[kind]} {n}",
                slug=f"{kind.replace('_', '-')}-{n}",
                description=description,
                description_html=descriptions[description],
                listing=listing,
                join_policy=policy,
                invite_code=f"code-{n}-{rng.randrange(10**8):08d}"
                if policy == Space.JoinPolicy.CODE
                else "",
                created_by=users[i % 3],
            )
        )
    spaces = Space.objects.bulk_create(spaces, batch_size=500)
    # bulk_create stamps auto_now_add with the present: spread creation over three years.
    for i, space in enumerate(spaces):
        space.created = now - timedelta(days=1100 - (i * 1000) // plan.spaces)
    Space.objects.bulk_update(spaces, ["created"], batch_size=500)
    return spaces


def _memberships(
    plan: Plan, rng: random.Random, users: list[User], spaces: list[Space], now: datetime
) -> dict[int, list[int]]:
    """Give every space a lead and members. Returns space id -> ids of its active members
    who may post (leads, facilitators, members), in joining order."""
    pairs: dict[tuple[int, int], tuple[str, datetime | None]] = {}
    n_spaces = len(spaces)
    for s, space in enumerate(spaces):
        # A lead and a facilitator for every space, from the non-guests.
        lead = users[3 + (s * 7) % (len(users) - 3)]
        if lead.role == AllianceRole.GUEST:
            lead = users[3 + (s * 7 + 1) % (len(users) - 3)]
        pairs[(space.pk, lead.pk)] = (SpaceRole.LEAD, None)
        fac = users[3 + (s * 11 + 5) % (len(users) - 3)]
        if fac.role != AllianceRole.GUEST:
            pairs.setdefault((space.pk, fac.pk), (SpaceRole.FACILITATOR, None))
    roles = [SpaceRole.MEMBER] * 6 + [SpaceRole.OBSERVER]
    for u, user in enumerate(users):
        if user.role == AllianceRole.GUEST:
            # A guest is in one space, by invitation, some with time-limited access.
            space = spaces[(u * 13) % n_spaces]
            expires = now + timedelta(days=30) if u % 2 else None
            pairs.setdefault((space.pk, user.pk), (SpaceRole.MEMBER, expires))
            continue
        for j in range(2 + u % 6):
            space = spaces[(u * 7 + j * 31 + rng.randrange(n_spaces)) % n_spaces]
            # About one in forty memberships ran out (a guest's access, a past cohort).
            expires = now - timedelta(days=10) if (u + j) % 40 == 0 else None
            pairs.setdefault((space.pk, user.pk), (roles[(u + j) % len(roles)], expires))
    rows = []
    for (space_id, user_id), (role, expires) in pairs.items():
        rows.append(
            Membership(
                space_id=space_id,
                user_id=user_id,
                role=role,
                expires=expires,
            )
        )
    Membership.objects.bulk_create(rows, batch_size=1000)
    posters: dict[int, list[int]] = {space.pk: [] for space in spaces}
    for (space_id, user_id), (role, expires) in pairs.items():
        active = expires is None or expires > now
        if active and role in (SpaceRole.LEAD, SpaceRole.FACILITATOR, SpaceRole.MEMBER):
            posters[space_id].append(user_id)
    return posters


def _space_topic(i: int) -> str:
    """The topic of the ``i``-th generated space (its name, description, content)."""
    return TOPICS[i % len(TOPICS)]


def _initiatives(
    spaces: list[Space], orgs: list[Organisation], now: datetime
) -> dict[int, tuple[int, ...]]:
    """Give every initiative space its profile: countries, place, stage, dates, themes
    from the seeded vocabulary and two or three stakeholder organisations. A profile that
    already exists (a migration or ``space_create`` makes them) is filled in, never
    doubled. Returns space id -> ids of the initiative's themes, in order."""
    ours = [(i, s) for i, s in enumerate(spaces) if s.kind == Space.Type.INITIATIVE]
    existing = set(
        Initiative.objects.filter(space__in=[s for _i, s in ours]).values_list("pk", flat=True)
    )
    vocabulary = list(Theme.objects.order_by("pk").values_list("pk", "group", "slug"))
    objectives = [pk for pk, group, _slug in vocabulary if group == Theme.Group.OBJECTIVE]
    issues = [pk for pk, group, _slug in vocabulary if group == Theme.Group.ISSUE]
    by_slug = {slug: pk for pk, _group, slug in vocabulary}
    profile_fields = [
        "summary",
        "countries",
        "place",
        "latitude",
        "longitude",
        "issue_areas",
        "stage",
        "started",
        "ended",
        "links",
    ]
    new: list[Initiative] = []
    old: list[Initiative] = []
    themes_of: dict[int, tuple[int, ...]] = {}
    through = Initiative.themes.through
    theme_rows = []
    stakeholder_rows = []
    for k, (i, space) in enumerate(ours):
        topic = _space_topic(i)
        home = COUNTRIES[(k * 5 + i) % len(COUNTRIES)]
        near = NEIGHBOURS[home]
        countries = [home]
        if k % 3 == 0:
            countries.append(near[k % len(near)])
        if k % 9 == 0:
            countries.append(near[(k + 1) % len(near)])
        place, latitude, longitude = PLACES[home]
        stage = STAGES[k % len(STAGES)]
        started = space.created.date()
        ended = None
        if stage == Initiative.Stage.CLOSED:
            ended = min(started + timedelta(days=600), now.date() - timedelta(days=30))
        links = f"https://example.org/initiatives/{space.slug}"
        if k % 2:
            links += f"\nhttps://radio.example.org/programmes/{space.pk}"
        initiative = Initiative(
            space=space,
            summary=SUMMARIES[k % len(SUMMARIES)].format(t=topic, p=place),
            countries=countries,
            place=place,
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
            issue_areas=TOPIC_ISSUES.get(topic, ((), ""))[1],
            stage=stage,
            started=started,
            ended=ended,
            links=links,
        )
        (old if space.pk in existing else new).append(initiative)
        themes: list[int] = []
        if objectives:
            themes.append(objectives[k % len(objectives)])
        # The topic's issue themes (one or both); stewards may have renamed the
        # vocabulary, so any issue theme stands in for a missing one.
        for j, slug in enumerate(TOPIC_ISSUES.get(topic, ((), ""))[0][: 1 + k % 2]):
            theme = by_slug.get(slug) or (issues[(k + j) % len(issues)] if issues else None)
            if theme is not None and theme not in themes:
                themes.append(theme)
        themes_of[space.pk] = tuple(themes)
        theme_rows += [through(initiative_id=space.pk, theme_id=t) for t in themes]
        picked: list[int] = []
        for j in range(2 + k % 2):
            org = orgs[(k * 7 + j * 3) % len(orgs)]
            if org.pk not in picked:
                picked.append(org.pk)
                stakeholder_rows.append(
                    InitiativeOrganisation(
                        initiative_id=space.pk,
                        organisation_id=org.pk,
                        role=STAKEHOLDER_ROLES[(k + j) % len(STAKEHOLDER_ROLES)],
                    )
                )
    Initiative.objects.bulk_create(new, batch_size=500)
    Initiative.objects.bulk_update(old, profile_fields, batch_size=500)
    through.objects.bulk_create(theme_rows, batch_size=1000, ignore_conflicts=True)
    InitiativeOrganisation.objects.bulk_create(
        stakeholder_rows, batch_size=1000, ignore_conflicts=True
    )
    return themes_of


def _datetime_adapter() -> Callable[[datetime], Any]:
    """``adapt_datetimefield_value``, cheap in the common case: on SQLite in UTC, a UTC
    date is written as its naive text, which is what Django's adapter makes of it after
    its checks (a tenth of the generator's time, called for every row)."""
    adapt = connection.ops.adapt_datetimefield_value
    if connection.vendor != "sqlite" or connection.timezone is not UTC:
        return adapt

    def fast(value: datetime) -> Any:
        if value.tzinfo is UTC:
            return str(value.replace(tzinfo=None))
        return adapt(value)

    return fast


class _Picker:
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


class _Markdown(dict[str, str]):
    """text -> HTML, each distinct text rendered once."""

    def __missing__(self, text: str) -> str:
        html = self[text] = render_markdown(text)
        return html


def _m2m_sql(descriptor: Any) -> str:
    relation = descriptor.field
    return _insert_sql(
        relation.remote_field.through,
        (relation.m2m_field_name(), relation.m2m_reverse_field_name()),
    )


PHASE_ORDER = tuple(PhaseNote.Phase.values)
STRENGTHS = (
    Lesson.Strength.SINGLE,
    Lesson.Strength.REPEATED,
    Lesson.Strength.SINGLE,
    Lesson.Strength.EVALUATED,
    Lesson.Strength.REPEATED,
    Lesson.Strength.SINGLE,
)


def _content(
    plan: Plan,
    rng: random.Random,
    users: list[User],
    spaces: list[Space],
    posters: dict[int, list[int]],
    themes_of: dict[int, tuple[int, ...]],
    now: datetime,
    stream: TextIO | None,
) -> None:
    adapt = _datetime_adapter()
    adapt_date = connection.ops.adapt_datefield_value
    adapt_json = connection.ops.adapt_json_value
    md = _Markdown()
    bodies = []
    for i in range(40):
        paras = [PARAGRAPHS[(i + k * 3) % len(PARAGRAPHS)] for k in range(1 + i % 4)]
        text = "\n\n".join(paras)
        bodies.append((text, md[text]))
    comment_bodies = [(text, md[text]) for text in COMMENTS]
    reaction_types = Reaction.Type.values
    member_ids = [u.pk for u in users if u.role != AllianceRole.GUEST]
    topic_of = {space.pk: _space_topic(i) for i, space in enumerate(spaces)}
    theme_names = dict(Theme.objects.values_list("pk", "name"))
    first_version = gettext("First version")

    # Four versions of a learning note per topic; ``body`` joins the filled sections
    # under their labels exactly as LearningNote.save() does.
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

    content_cols = (
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
    content_sql = _insert_sql(Content, content_cols)
    child_sql = {
        kind: _insert_sql(model, ("content_ptr", *CHILD_COLUMNS[kind]))
        for kind, model in CHILD_TABLES.items()
    }
    coauthor_sql = _m2m_sql(Content.coauthors)
    comment_sql = _insert_sql(
        Comment,
        ("id", "content", "parent", "author", "body", "body_html", "created", "updated", "removed"),
    )
    reaction_sql = _insert_sql(Reaction, ("content", "user", "type", "created"))
    phase_sql = _insert_sql(
        PhaseNote, ("id", "cycle", "phase", "date", "body", "body_html", "author", "created")
    )
    revision_sql = _insert_sql(
        NoteRevision, ("id", "note", "number", "author", "created", "summary", "data")
    )
    note_theme_sql = _m2m_sql(LearningNote.themes)
    resource_theme_sql = _m2m_sql(Resource.themes)
    wiki_revision_sql = _insert_sql(
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
    )
    wiki_link_sql = _insert_sql(WikiLink, ("source", "wiki_key", "target_key"))
    entry_sql = _insert_sql(
        CollectionEntry, ("collection", "item", "position", "note", "added_by", "created")
    )
    tag_sql = _insert_sql(ContentHashtag, ("content", "hashtag"))
    Hashtag.objects.bulk_create([Hashtag(name=n) for n in STREAM_TAGS], ignore_conflicts=True)
    tag_ids = dict(Hashtag.objects.filter(name__in=STREAM_TAGS).values_list("name", "pk"))
    wiki_html: dict[str, str] = {}
    wiki_link_keys = [title_key(t) for t in WIKI_LINKS]
    collectable: list[int] = []  # recent resources and wiki pages, for collections
    lesson_theme_sql = _m2m_sql(Lesson.themes)
    story_theme_sql = _m2m_sql(Story.themes)
    attachment_sql = _insert_sql(
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
    )

    content_id = _next_id(Content)
    comment_id = _next_id(Comment)
    phase_id = _next_id(PhaseNote)
    revision_id = _next_id(NoteRevision)
    attachment_id = _next_id(Attachment)
    span = timedelta(days=1000).total_seconds()
    start = now - timedelta(days=1000, hours=1)
    with_posters = [s for s in spaces if posters[s.pk]]
    anywhere = _Picker(with_posters)
    initiatives = _Picker(
        [s for s in with_posters if s.kind == Space.Type.INITIATIVE and s.pk in themes_of]
    )
    widths = range(len(WIDTH))
    # What later items refer to: each initiative space's cycles; the notes a lesson of
    # width w may cite (those at least as wide), in each space and anywhere; and each
    # citable note's space, author and themes.
    cycles_of: dict[int, list[int]] = {s.pk: [] for s in initiatives.spaces}
    notes_in: dict[int, list[list[int]]] = {s.pk: [[] for _w in widths] for s in initiatives.spaces}
    notes_anywhere: list[list[int]] = [[] for _w in widths]
    note_meta: dict[int, tuple[int, int, tuple[int, ...]]] = {}
    # Story calls still taking answers: (id, space id, deadline, collection published).
    open_calls: list[tuple[int, int | None, date, bool]] = []
    space_by_pk = {s.pk: s for s in with_posters}
    editors_of: dict[int, list[int]] = {s.pk: [] for s in spaces}
    for editing_space, editor in Membership.objects.filter(
        space__in=spaces,
        role__in=[SpaceRole.LEAD, SpaceRole.FACILITATOR],
        expires__isnull=True,
        user__role__in=[AllianceRole.STEWARD, AllianceRole.MEMBER],
    ).values_list("space_id", "user_id"):
        editors_of[editing_space].append(editor)
    stewards = [u.pk for u in users if u.role == AllianceRole.STEWARD]
    all_themes = list(theme_names)

    bar = Progress(stream, plan.content, "content")
    done = 0
    while done < plan.content:
        size = min(BATCH, plan.content - done)
        content_rows: list[tuple[Any, ...]] = []
        child_rows: dict[str, list[tuple[Any, ...]]] = {k: [] for k in CHILD_TABLES}
        phase_rows: list[tuple[Any, ...]] = []
        revision_rows: list[tuple[Any, ...]] = []
        note_theme_rows: list[tuple[int, int]] = []
        lesson_theme_rows: list[tuple[int, int]] = []
        story_theme_rows: list[tuple[int, int]] = []
        resource_theme_rows: list[tuple[int, int]] = []
        wiki_revision_rows: list[tuple[Any, ...]] = []
        wiki_link_rows: list[tuple[Any, ...]] = []
        entry_rows: list[tuple[Any, ...]] = []
        tag_rows: list[tuple[int, int]] = []
        attachment_rows: list[tuple[Any, ...]] = []
        coauthor_rows: list[tuple[int, int]] = []
        comment_rows: list[tuple[Any, ...]] = []
        reaction_rows: list[tuple[Any, ...]] = []
        for k in range(size):
            i = done + k
            pk = content_id + i
            visibility = VISIBILITY_CYCLE[i % len(VISIBILITY_CYCLE)]
            created = start + timedelta(seconds=span * (i + rng.random()) / plan.content)
            stamp = adapt(created)
            removed = i % 211 == 0
            kind = kind_at(i)
            if kind in INITIATIVE_KINDS and not initiatives:
                kind = Kind.POST
            cite: list[int] = []
            answer: tuple[int, int | None, date, bool] | None = None
            space: Space | None = None
            if kind == Kind.LESSON:
                # A recent note of the space, at least as widely shared as the lesson; in a
                # quiet space with none yet, a recent one elsewhere (and the lesson goes there).
                space = initiatives.pick(rng)
                cite = notes_in[space.pk][WIDTH[visibility]] or notes_anywhere[WIDTH[visibility]]
                if not cite:
                    kind = Kind.POST
            if kind == Kind.POST:
                space = anywhere.pick(rng)
            elif kind in (Kind.CYCLE, Kind.NOTE):
                space = initiatives.pick(rng)
            elif kind in (Kind.WIKI_PAGE, Kind.RESOURCE, Kind.COLLECTION, Kind.STREAM_POST):
                # One in three alliance-wide (never one only a space may read).
                if visibility == Visibility.SPACE or i % 3:
                    space = anywhere.pick(rng)
            elif kind == Kind.STORY_CALL:
                # One in three on the alliance blog (never one only a space may read).
                if visibility == Visibility.SPACE or i % 3:
                    space = anywhere.pick(rng)
            elif kind == Kind.STORY:
                # One story in three answers a call still open, in the call's space; of the
                # others, one in four is for the alliance blog.
                if i % 3 == 0:
                    day = created.date()
                    open_calls[:] = [c for c in open_calls if c[2] >= day]
                    answerable = [
                        c for c in open_calls if c[1] is not None or visibility != Visibility.SPACE
                    ]
                    if answerable:
                        answer = answerable[rng.randrange(len(answerable))]
                if answer is not None:
                    space = space_by_pk.get(answer[1]) if answer[1] is not None else None
                elif visibility == Visibility.SPACE or i % 4 != 3:
                    space = anywhere.pick(rng)
            space_id = space.pk if space is not None else None
            authors = posters[space_id] if space_id is not None else member_ids
            if kind == Kind.STORY_CALL:
                # Leads and facilitators run calls in a space, stewards on the alliance blog.
                editors = editors_of[space_id] if space_id is not None else stewards
                author = editors[rng.randrange(len(editors))]
            else:
                author = authors[rng.randrange(len(authors))]
            topic = topic_of[space_id] if space_id is not None else TOPICS[(i // 8) % len(TOPICS)]
            number = f" ({i + 1})"
            if kind == Kind.POST:
                body, html = bodies[rng.randrange(len(bodies))]
                title = TITLES[i % len(TITLES)].format(t=TOPICS[(i // 8) % len(TOPICS)]) + number
                child_rows[kind].append((pk, i % 97 == 5, i % 89 == 7, i % 9 == 4, None))
            elif kind == Kind.WIKI_PAGE:
                title = WIKI_TITLES[(i // 20) % len(WIKI_TITLES)].format(t=topic) + number
                body = WIKI_BODIES[i % len(WIKI_BODIES)].format(t=topic)
                if body not in wiki_html:
                    wiki_html[body] = render_page(body)
                html = wiki_html[body]
                category = WIKI_CATEGORIES[(i // 20) % len(WIKI_CATEGORIES)]
                wiki_key = space_id or 0
                child_rows[kind].append(
                    (pk, category, make_slug(title), wiki_key, title_key(title), 1)
                )
                wiki_revision_rows.append(
                    (
                        pk,
                        1,
                        title,
                        body,
                        category,
                        visibility,
                        adapt_json([], None),
                        author,
                        first_version,
                        stamp,
                    )
                )
                wiki_link_rows += [
                    (pk, wiki_key, key)
                    for key, name in zip(wiki_link_keys, WIKI_LINKS, strict=True)
                    if f"[[{name}]]" in body
                ]
                if not removed:
                    collectable.append(pk)
            elif kind == Kind.RESOURCE:
                title = RESOURCE_TITLES[(i // 20) % len(RESOURCE_TITLES)].format(t=topic) + number
                body = RESOURCE_BODIES[i % len(RESOURCE_BODIES)].format(t=topic)
                html = md[body]
                languages = ["en"] if i % 10 else [LANGUAGES[(i // 10) % len(LANGUAGES)]]
                if i % 7 == 0:
                    languages.append("fr")
                child_rows[kind].append(
                    (
                        pk,
                        RESOURCE_TYPES[(i // 20) % len(RESOURCE_TYPES)],
                        f"https://example.org/library/{pk}",
                        RESOURCE_AUTHORS[i % len(RESOURCE_AUTHORS)],
                        adapt_json(languages, None),
                        LICENCES[i % len(LICENCES)],
                        2000 + i % 27,
                        None,
                        i % 53,
                    )
                )
                own = themes_of.get(space_id, ()) if space_id is not None else ()
                if own:
                    resource_theme_rows.append((pk, own[i % len(own)]))
                if not removed:
                    collectable.append(pk)
            elif kind == Kind.COLLECTION:
                title = COLLECTION_TITLES[(i // 20) % len(COLLECTION_TITLES)].format(t=topic)
                title += number
                body = COLLECTION_BODY.format(t=topic)
                html = md[body]
                child_rows[kind].append((pk,))
                del collectable[:-40]
                chosen = rng.sample(collectable, min(len(collectable), 3 + i % 5))
                entry_rows += [
                    (pk, item, position, "", author, stamp)
                    for position, item in enumerate(chosen, start=1)
                ]
            elif kind == Kind.STREAM_POST:
                a = STREAM_TAGS[i % len(STREAM_TAGS)]
                b = STREAM_TAGS[(i // 20 + 1) % len(STREAM_TAGS)]
                body = STREAM_TEXTS[(i // 20) % len(STREAM_TEXTS)].format(t=topic, a=a, b=b)
                title = body[:60].rsplit(" ", 1)[0] + "…"
                html = md[body]
                child_rows[kind].append((pk,))
                tag_rows += [(pk, tag_ids[name]) for name in {a, b} if f"#{name}" in body]
            elif kind == Kind.CYCLE:
                assert space_id is not None  # an initiative space
                title = CYCLE_QUESTIONS[(i // 20) % len(CYCLE_QUESTIONS)].format(t=topic) + number
                body = CYCLE_BODIES[i % len(CYCLE_BODIES)].format(t=topic)
                html = md[body]
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
                child_rows[kind].append(
                    (pk, space_id, status, adapt_date(started), adapt_date(ended))
                )
                for j, phase in enumerate(phases):
                    at = min(created + timedelta(days=j * step, hours=2 + j), now)
                    text = PHASE_TEXTS[phase][(i + j) % len(PHASE_TEXTS[phase])]
                    phase_rows.append(
                        (
                            phase_id,
                            pk,
                            phase,
                            adapt_date(at.date()),
                            text,
                            md[text],
                            authors[rng.randrange(len(authors))],
                            adapt(at),
                        )
                    )
                    phase_id += 1
                if not removed:
                    cycles_of[space_id].append(pk)
            elif kind == Kind.NOTE:
                assert space_id is not None  # an initiative space
                title = NOTE_TITLES[(i // 20) % len(NOTE_TITLES)].format(t=topic) + number
                sections, body, html = note_texts[topic][rng.randrange(4)]
                cycles = cycles_of[space_id]
                cycle = (
                    cycles[-1 - rng.randrange(min(len(cycles), 3))] if cycles and i % 3 else None
                )
                child_rows[kind].append((pk, space_id, cycle, *sections))
                own = themes_of[space_id]
                themes = (
                    tuple(sorted({own[(i + j) % len(own)] for j in range(1 + i % 2)}))
                    if own
                    else ()
                )
                note_theme_rows += [(pk, t) for t in themes]
                data = {
                    "title": title,
                    "visibility": visibility,
                    **dict(zip(SECTION_NAMES, sections, strict=True)),
                    "themes": sorted(theme_names[t] for t in themes),
                }
                revision_rows.append(
                    (revision_id, pk, 1, author, stamp, first_version, adapt_json(data, None))
                )
                revision_id += 1
                if i % 4 == 1:
                    attachment_rows.append(
                        (
                            attachment_id,
                            pk,
                            Attachment.Type.LINK,
                            "",
                            "",
                            f"https://example.org/evidence/{pk}",
                            EVIDENCE_LINKS[(i // 4) % len(EVIDENCE_LINKS)],
                            "",
                            "",
                            0,
                            "",
                            author,
                            stamp,
                        )
                    )
                    attachment_id += 1
                if not removed:
                    note_meta[pk] = (space_id, author, themes)
                    for w in range(WIDTH[visibility] + 1):
                        notes_in[space_id][w].append(pk)
                        notes_anywhere[w].append(pk)
            elif kind == Kind.STORY_CALL:
                n = i // (len(KIND_CYCLE) * CALL_EVERY)
                title = CALL_QUESTIONS[n % len(CALL_QUESTIONS)].format(t=topic) + number
                body = CALL_BODY.format(t=topic)
                html = md[body]
                deadline = created.date() + timedelta(days=30 + n % 4 * 10)
                if deadline >= now.date():
                    call_status = StoryCall.Status.OPEN
                elif n % 3 and visibility != Visibility.PRIVATE:
                    call_status = StoryCall.Status.PUBLISHED
                else:
                    call_status = StoryCall.Status.CLOSED
                intro = (
                    COLLECTION_INTRO.format(t=topic)
                    if call_status == StoryCall.Status.PUBLISHED
                    else ""
                )
                child_rows[kind].append((pk, adapt_date(deadline), call_status, intro, md[intro]))
                if not removed and visibility != Visibility.PRIVATE:
                    collected = call_status == StoryCall.Status.PUBLISHED
                    open_calls.append((pk, space_id, deadline, collected))
            elif kind == Kind.STORY:
                title = STORY_TITLES[(i // 20) % len(STORY_TITLES)].format(t=topic) + number
                body = STORY_BODIES[i % len(STORY_BODIES)].format(t=topic)
                html = md[body]
                # Its visibility follows where it stands: a draft is private, a story in
                # review is read by the space (or the alliance, on the alliance blog), a
                # published one by its audience.
                audience = AUDIENCE_CYCLE[(i // 20) % len(AUDIENCE_CYCLE)]
                if space_id is None and audience == "space":
                    audience = Visibility.ALLIANCE
                in_review = i % 2 == 1 and (
                    visibility == Visibility.SPACE
                    or (visibility == Visibility.ALLIANCE and space_id is None)
                )
                if visibility == Visibility.PRIVATE:
                    story_status = Story.Status.DRAFT
                elif in_review:
                    story_status = Story.Status.REVIEW
                else:
                    story_status, audience = Story.Status.PUBLISHED, visibility
                published = None
                if story_status == Story.Status.PUBLISHED:
                    published = adapt(min(created + timedelta(days=2, hours=3), now))
                child_rows[kind].append(
                    (
                        pk,
                        story_status,
                        audience,
                        published,
                        answer[0] if answer is not None else None,
                        answer is not None and answer[3] and published is not None,
                    )
                )
                own = themes_of.get(space_id, ()) if space_id is not None else ()
                if own:
                    story_theme_rows.append((pk, own[i % len(own)]))
                elif all_themes and i % 2 == 0:
                    story_theme_rows.append((pk, all_themes[(i // 20) % len(all_themes)]))
            else:  # a lesson, by the note's author, in the note's space
                note = cite[-1 - rng.randrange(min(len(cite), 12))]
                space_id, author, note_themes = note_meta[note]
                authors = posters[space_id]
                topic = topic_of[space_id]
                title = LESSON_TITLES[(i + i // 20) % len(LESSON_TITLES)] + number
                body = LESSON_BODIES[i % len(LESSON_BODIES)].format(t=topic)
                html = md[body]
                child_rows[kind].append((pk, note, STRENGTHS[i % len(STRENGTHS)]))
                lesson_theme_rows += [(pk, t) for t in (note_themes if i % 4 else note_themes[:1])]
            content_rows.append(
                (
                    pk,
                    kind,
                    space_id,
                    author,
                    visibility,
                    title,
                    body,
                    html,
                    "en" if i % 10 else LANGUAGES[(i // 10) % len(LANGUAGES)],
                    stamp,
                    stamp,
                    removed,
                )
            )
            if visibility == Visibility.PRIVATE:
                # Drafts: some written with co-authors from the same space.
                if i % 3 == 0 and len(authors) > 1:
                    for other in rng.sample(authors, min(len(authors), 3)):
                        if other != author:
                            coauthor_rows.append((pk, other))
                continue
            # Threads: one item in five has comments, one in a thousand is a busy one.
            n_comments = 0
            if i % 1000 == 100:
                n_comments = 25
            elif i % 5 == 0:
                n_comments = (i // 5) % 7
            if n_comments:
                people = authors if len(authors) > 1 else member_ids
                at = created
                for c in range(n_comments):
                    top = comment_id
                    comment_id += 1
                    at = min(at + timedelta(minutes=37 + c * 11), now)
                    cbody, chtml = comment_bodies[rng.randrange(len(comment_bodies))]
                    who = people[rng.randrange(len(people))]
                    when = adapt(at)
                    comment_rows.append(
                        (top, pk, None, who, cbody, chtml, when, when, c % 97 == 96)
                    )
                    if c % 3 == 1 or n_comments == 25:
                        at = min(at + timedelta(minutes=13), now)
                        rbody, rhtml = comment_bodies[rng.randrange(len(comment_bodies))]
                        when = adapt(at)
                        comment_rows.append(
                            (
                                comment_id,
                                pk,
                                top,
                                people[rng.randrange(len(people))],
                                rbody,
                                rhtml,
                                when,
                                when,
                                False,
                            )
                        )
                        comment_id += 1
            # Reactions on one item in five, from distinct people.
            if i % 5 == 2:
                people = authors if len(authors) > 3 else member_ids
                for j, who in enumerate(rng.sample(people, min(len(people), 1 + i % 4))):
                    reaction_rows.append(
                        (pk, who, reaction_types[(i + j) % len(reaction_types)], stamp)
                    )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(content_sql, content_rows)
            for kind, rows in child_rows.items():
                if rows:
                    cursor.executemany(child_sql[kind], rows)
            for sql, rows in (
                (phase_sql, phase_rows),
                (revision_sql, revision_rows),
                (note_theme_sql, note_theme_rows),
                (lesson_theme_sql, lesson_theme_rows),
                (story_theme_sql, story_theme_rows),
                (resource_theme_sql, resource_theme_rows),
                (wiki_revision_sql, wiki_revision_rows),
                (wiki_link_sql, wiki_link_rows),
                (entry_sql, entry_rows),
                (tag_sql, tag_rows),
                (attachment_sql, attachment_rows),
                (coauthor_sql, coauthor_rows),
                (comment_sql, comment_rows),
                (reaction_sql, reaction_rows),
            ):
                if rows:
                    cursor.executemany(sql, rows)
        done += size
        bar.update(done)
    bar.close()
    _fix_sequences([Content, Comment, Reaction, PhaseNote, NoteRevision, Attachment])


def _fix_sequences(models_: Iterable[type[models.Model]]) -> None:
    """After inserting explicit ids, move PostgreSQL's sequences past them (SQLite needs
    nothing: it takes the next id from the table)."""
    if connection.vendor != "postgresql":
        return
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
