"""A synthetic alliance for load and latency benchmarks: ``harambee generate --scale N``.

``N`` is the number of content items. Around them: one person per 200 items (at least
50), one organisation per 20 people, one space per 10 people (at least 60, so every
combination of kind, listing and join policy exists), memberships of every role with
a few guests and expired memberships, content of the kinds in ``CHILD_TABLES`` (posts;
not yet the initiative kinds) at every visibility (some
private items with co-authors, a few removed), comments with replies (a few busy
threads of 50), and reactions.

Everything is written with bulk inserts in batches, one transaction per batch. The
high-volume tables (content, its child rows, co-authors, comments, reactions) are
written with ``executemany`` and explicit ids: ``bulk_create`` would stamp every row's
``auto_now_add`` date with the present, and the benchmarks need a history spread over
years, in the order of the ids. Markdown is rendered once per distinct text.

The data is deterministic for a given scale and seed. Writes bypass the services on
purpose (no audit rows, no notifications): this is load, not a demo.
"""

from __future__ import annotations

import random
import sys
import time
from bisect import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TextIO

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone

from harambee.core.demo import DEMO_PASSWORD
from harambee.core.markdown import render_markdown
from harambee.core.models import Comment, Content, Kind, Reaction, Visibility
from harambee.people.models import Channel, Organisation, Sector, User
from harambee.people.roles import AllianceRole, SpaceRole
from harambee.spaces.models import Membership, Post, Space

BATCH = 5000  # content items per transaction
EMAIL_DOMAIN = "generated.harambee.test"

# The concrete kinds written, and the models of their child rows. Posts only, so far: the
# initiative kinds (cycle, note, lesson; #4) need initiatives, cycles and notes around
# them and are not generated yet (a strict xfail in test_generate.py says so).
CHILD_TABLES: dict[str, type[Content]] = {Kind.POST: Post}

# Out of every 20 items: 6 public, 5 alliance, 7 space, 2 private.
VISIBILITY_CYCLE: tuple[str, ...] = (
    (Visibility.PUBLIC,) * 6
    + (Visibility.ALLIANCE,) * 5
    + (Visibility.SPACE,) * 7
    + (Visibility.PRIVATE,) * 2
)

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


def generate(
    scale: int,
    *,
    seed: int = 3,
    progress: TextIO | None = sys.stderr,
    now: datetime | None = None,
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
    _content(plan, rng, users, spaces, members, now, progress)
    result = Result(plan=plan, seconds=time.perf_counter() - started)
    result.counts = {
        "organisations": Organisation.objects.count(),
        "people": User.objects.count(),
        "spaces": Space.objects.count(),
        "memberships": Membership.objects.count(),
        "content": Content.objects.count(),
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
        topic = TOPICS[i % len(TOPICS)]
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


def _content(
    plan: Plan,
    rng: random.Random,
    users: list[User],
    spaces: list[Space],
    posters: dict[int, list[int]],
    now: datetime,
    stream: TextIO | None,
) -> None:
    adapt = connection.ops.adapt_datetimefield_value
    bodies = []
    for i in range(40):
        paras = [PARAGRAPHS[(i + k * 3) % len(PARAGRAPHS)] for k in range(1 + i % 4)]
        text = "\n\n".join(paras)
        bodies.append((text, render_markdown(text)))
    comment_bodies = [(text, render_markdown(text)) for text in COMMENTS]
    reaction_types = Reaction.Type.values
    member_ids = [u.pk for u in users if u.role != AllianceRole.GUEST]

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
    child_sql = {kind: _insert_sql(model, ("content_ptr",)) for kind, model in CHILD_TABLES.items()}
    through = Content.coauthors.through
    coauthor_sql = _insert_sql(through, ("content", "user"))
    comment_sql = _insert_sql(
        Comment,
        ("id", "content", "parent", "author", "body", "body_html", "created", "updated", "removed"),
    )
    reaction_sql = _insert_sql(Reaction, ("content", "user", "type", "created"))

    kinds = list(CHILD_TABLES)
    content_id = _next_id(Content)
    comment_id = _next_id(Comment)
    span = timedelta(days=1000).total_seconds()
    start = now - timedelta(days=1000, hours=1)
    space_list = [s for s in spaces if posters[s.pk]]
    # Some spaces are busier than others: weights 1, 1/2, … 1/25, repeating.
    weights = [1.0 / (1 + (i % 25)) for i in range(len(space_list))]
    cum: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)

    bar = Progress(stream, plan.content, "content")
    done = 0
    while done < plan.content:
        size = min(BATCH, plan.content - done)
        content_rows: list[tuple[Any, ...]] = []
        child_rows: dict[str, list[tuple[int]]] = {k: [] for k in kinds}
        coauthor_rows: list[tuple[int, int]] = []
        comment_rows: list[tuple[Any, ...]] = []
        reaction_rows: list[tuple[Any, ...]] = []
        for k in range(size):
            i = done + k
            pk = content_id + i
            space = space_list[min(bisect(cum, rng.random() * total), len(cum) - 1)]
            authors = posters[space.pk]
            author = authors[rng.randrange(len(authors))]
            visibility = VISIBILITY_CYCLE[i % len(VISIBILITY_CYCLE)]
            body, html = bodies[rng.randrange(len(bodies))]
            kind = kinds[i % len(kinds)]
            created = start + timedelta(seconds=span * (i + rng.random()) / plan.content)
            removed = i % 211 == 0
            content_rows.append(
                (
                    pk,
                    kind,
                    space.pk,
                    author,
                    visibility,
                    TITLES[i % len(TITLES)].format(t=TOPICS[(i // 8) % len(TOPICS)])
                    + f" ({i + 1})",
                    body,
                    html,
                    "en" if i % 10 else LANGUAGES[(i // 10) % len(LANGUAGES)],
                    adapt(created),
                    adapt(created),
                    removed,
                )
            )
            child_rows[kind].append((pk,))
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
                    comment_rows.append(
                        (top, pk, None, who, cbody, chtml, adapt(at), adapt(at), c % 97 == 96)
                    )
                    if c % 3 == 1 or n_comments == 25:
                        at = min(at + timedelta(minutes=13), now)
                        rbody, rhtml = comment_bodies[rng.randrange(len(comment_bodies))]
                        comment_rows.append(
                            (
                                comment_id,
                                pk,
                                top,
                                people[rng.randrange(len(people))],
                                rbody,
                                rhtml,
                                adapt(at),
                                adapt(at),
                                False,
                            )
                        )
                        comment_id += 1
            # Reactions on one item in five, from distinct people.
            if i % 5 == 2:
                people = authors if len(authors) > 3 else member_ids
                for j, who in enumerate(rng.sample(people, min(len(people), 1 + i % 4))):
                    reaction_rows.append(
                        (pk, who, reaction_types[(i + j) % len(reaction_types)], adapt(created))
                    )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(content_sql, content_rows)
            for kind, rows in child_rows.items():
                if rows:
                    cursor.executemany(child_sql[kind], rows)
            if coauthor_rows:
                cursor.executemany(coauthor_sql, coauthor_rows)
            if comment_rows:
                cursor.executemany(comment_sql, comment_rows)
            if reaction_rows:
                cursor.executemany(reaction_sql, reaction_rows)
        done += size
        bar.update(done)
    bar.close()
    _fix_sequences([Content, Comment, Reaction])


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
