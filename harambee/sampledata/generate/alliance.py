"""The alliance around the content: organisations, people, spaces, memberships and the
initiative profiles of initiative spaces, written with ``bulk_create``."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from harambee.core.markdown import render_markdown
from harambee.initiatives.models import Initiative, InitiativeOrganisation, Theme
from harambee.people.models import Channel, Organisation, Sector, User
from harambee.people.roles import AllianceRole, SpaceRole
from harambee.sampledata.generate.plan import EMAIL_DOMAIN, Plan
from harambee.sampledata.generate.sql import next_id
from harambee.sampledata.generate.words import (
    COUNTRIES,
    FIRST,
    LANGUAGES,
    LAST,
    NEIGHBOURS,
    ORG_TYPES,
    ORG_WORDS,
    PLACES,
    SPACE_DESCRIPTIONS,
    SPACE_NOUNS,
    STAGES,
    STAKEHOLDER_ROLES,
    SUMMARIES,
    TIME_ZONES,
    TOPIC_ISSUES,
    TOPICS,
)
from harambee.sampledata.people import DEMO_PASSWORD
from harambee.spaces.models import Membership, Space


def organisations(plan: Plan, rng: random.Random) -> list[Organisation]:
    base = next_id(Organisation)
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


def people(plan: Plan, rng: random.Random, orgs: list[Organisation], now: datetime) -> list[User]:
    base = next_id(User)
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


def spaces(plan: Plan, rng: random.Random, users: list[User], now: datetime) -> list[Space]:
    base = next_id(Space)
    kinds, listings, policies = Space.Type.values, Space.Listing.values, Space.JoinPolicy.values
    descriptions: dict[str, str] = {}
    spaces = []
    for i in range(plan.spaces):
        n = base + i
        kind = kinds[i % len(kinds)]
        listing = listings[(i // len(kinds)) % len(listings)]
        policy = policies[(i // (len(kinds) * len(listings))) % len(policies)]
        topic = space_topic(i)
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


def memberships(
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


def space_topic(i: int) -> str:
    """The topic of the ``i``-th generated space (its name, description, content)."""
    return TOPICS[i % len(TOPICS)]


def initiatives(
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
        topic = space_topic(i)
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
