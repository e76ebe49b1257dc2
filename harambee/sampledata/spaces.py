"""The demo's spaces, members, posts, join requests and invitations
(``data/spaces.toml``, ``data/posts.toml``)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from harambee.core.models import Content
from harambee.core.services import reaction_toggle
from harambee.core.visibility import forget_memberships
from harambee.people.models import User
from harambee.sampledata.common import backdate, comment_threads, text
from harambee.sampledata.datafiles import read, records
from harambee.sampledata.specs import PostSpec, SpaceSpec
from harambee.spaces import services
from harambee.spaces.models import Invitation, JoinRequest, Membership, Space

SPACES: tuple[SpaceSpec, ...] = records(SpaceSpec, read("spaces")["spaces"])
POSTS: tuple[PostSpec, ...] = records(PostSpec, read("posts")["posts"])


def load_spaces(people: dict[str, User], now: datetime) -> dict[str, Space]:
    spaces: dict[str, Space] = {}
    for spec in SPACES:
        created = now - timedelta(days=spec.days_ago)
        space = services.space_create(
            creator=people[spec.lead],
            name=spec.name,
            kind=spec.kind,
            description=text(spec.description),
            listing=spec.listing,
            join_policy=spec.join_policy,
            invite_code=spec.invite_code,
        )
        backdate(Space, space.pk, created, "created")
        Membership.objects.filter(space=space).update(joined=created)
        for n, (key, role) in enumerate(spec.members):
            membership = Membership.objects.create(space=space, user=people[key], role=role)
            forget_memberships(people[key])
            joined = created + timedelta(days=1 + n % 7, hours=3 * n)
            backdate(Membership, membership.pk, joined, "joined")
        spaces[spec.key] = space

    guest_invitation: dict[str, Any] = read("spaces")["guest_invitation"]
    # The guest arrives the way outside guests do: by an emailed invitation, accepted.
    space, guest = spaces[guest_invitation["space"]], people[guest_invitation["guest"]]
    invitation = services.invitation_create(
        actor=people[guest_invitation["by"]],
        space=space,
        email=guest.email,
        as_guest=True,
        message=guest_invitation["message"],
    )
    accepted = services.invitation_accept(invitation=invitation, user=guest)
    invited = space.created + timedelta(days=2)
    Invitation.objects.filter(pk=invitation.pk).update(
        created=invited,
        sent=invited,
        used=invited + timedelta(hours=20),
        expires=invited + Invitation.DEFAULT_LIFETIME,
    )
    backdate(Membership, accepted.pk, invited + timedelta(hours=20), "joined")
    return spaces


def load_posts(people: dict[str, User], spaces: dict[str, Space], now: datetime) -> None:
    latest = now - timedelta(minutes=10)
    for n, spec in enumerate(POSTS):
        # Spread posting over the working day, in a fixed pattern.
        posted = now - timedelta(days=spec.days_ago, hours=(n * 5) % 9)
        post = services.post_create(
            author=people[spec.author],
            space=spaces[spec.space],
            title=spec.title,
            body=text(spec.body),
            visibility=spec.visibility,
            language=spec.language,
        )
        backdate(Content, post.pk, posted, "created", "updated")
        if spec.coauthors:
            post.coauthors.add(*(people[key] for key in spec.coauthors))
        comment_threads(people, post, spec.comments, posted, latest)
        for key, kind in spec.reactions:
            reaction_toggle(user=people[key], content=post, type=kind)


def load_requests(people: dict[str, User], spaces: dict[str, Space], now: datetime) -> None:
    data = read("spaces")
    for space_key, person_key, message, days_ago in data["join_requests"]:
        request = services.join_request_create(
            user=people[person_key], space=spaces[space_key], message=message
        )
        backdate(JoinRequest, request.pk, now - timedelta(days=days_ago, hours=2), "created")
    open_invitation = data["open_invitation"]
    invitation = services.invitation_create(
        actor=people[open_invitation["by"]],
        space=spaces[open_invitation["space"]],
        email=open_invitation["email"],
        message=open_invitation["message"],
    )
    invited = now - timedelta(days=2)
    Invitation.objects.filter(pk=invitation.pk).update(
        created=invited, expires=invited + Invitation.DEFAULT_LIFETIME
    )
