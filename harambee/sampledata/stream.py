"""The demo alliance's stream: short posts with hashtags used across spaces,
mentions, replies and reactions, follows for the demo sign-ins, and bookmarks.

``load_stream`` is called by ``demo.load_demo`` after people, spaces and the
other content exist; everything is written through this app's services (and the
core comment and reaction services), so the gate and the roles apply as in use.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from harambee.core.models import Content
from harambee.core.services import comment_create, reaction_toggle
from harambee.core.visibility import visible
from harambee.people.models import User
from harambee.sampledata.datafiles import read, records
from harambee.sampledata.specs import StreamSpec
from harambee.spaces.models import Space
from harambee.stream import services
from harambee.stream.models import Handle, Hashtag, StreamPost

POSTS: tuple[StreamSpec, ...] = records(StreamSpec, read("stream")["posts"])
# What each demo sign-in follows (tags, people and spaces), and how many items each
# has bookmarked.
FOLLOWS: dict[str, dict[str, list[str]]] = read("stream")["follows"]
BOOKMARKS: dict[str, int] = read("stream")["bookmarks"]


def _handles(people: dict[str, Any]) -> dict[str, str]:
    by_user = dict(
        Handle.objects.filter(user__in=list(people.values())).values_list("user_id", "name")
    )
    return {key: f"@{by_user[user.pk]}" for key, user in people.items() if user.pk in by_user}


def load_stream(people: dict[str, User], spaces: dict[str, Space], now: datetime) -> None:
    handles = _handles(people)
    made: list[StreamPost] = []
    for spec in POSTS:
        post = services.stream_post_create(
            author=people[spec.author],
            space=spaces[spec.space] if spec.space else None,
            text=spec.text.format(**handles),
            visibility=spec.visibility,
        )
        when = now - timedelta(hours=spec.hours_ago)
        StreamPost.objects.filter(pk=post.pk).update(created=when, updated=when)
        for key, body in spec.replies:
            comment_create(author=people[key], content=post, body=body.format(**handles))
        for key, kind in spec.reactions:
            reaction_toggle(user=people[key], content=post, type=kind)
        made.append(post)

    for key, wanted in FOLLOWS.items():
        user = people[key]
        for name in wanted["tags"]:
            tag = (
                Hashtag.objects.filter(name=name).first()
                or services.hashtags_get_or_create(names={name})[0]
            )
            services.follow_set(follower=user, target=tag, on=True)
        for other in wanted["people"]:
            services.follow_set(follower=user, target=people[other], on=True)
        for space_key in wanted["spaces"]:
            services.follow_set(follower=user, target=spaces[space_key], on=True)

    for key, n in BOOKMARKS.items():
        user = people[key]
        # Something from the stream and something longer, all of it readable to them.
        items = list(
            visible(user, Content.objects.filter(pk__in=[p.pk for p in made])).order_by("-created")[
                : n // 2 + 1
            ]
        ) + list(
            visible(user, Content.objects.exclude(kind="stream_post")).order_by("-created")[
                : n // 2
            ]
        )
        for item in items:
            services.bookmark_set(user=user, content=item, on=True)
