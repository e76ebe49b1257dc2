"""The demo alliance's stream: short posts with hashtags used across spaces,
mentions, replies and reactions, follows for the demo sign-ins, and bookmarks.

``load_stream`` is called by ``core.demo.load_demo`` after people, spaces and the
other content exist; everything is written through this app's services (and the
core comment and reaction services), so the gate and the roles apply as in use.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, NamedTuple

from harambee.core.models import Content
from harambee.core.services import comment_create, reaction_toggle
from harambee.core.visibility import visible
from harambee.stream import services
from harambee.stream.models import Handle, Hashtag, StreamPost


class Spec(NamedTuple):
    author: str
    space: str | None  # None: alliance-wide
    visibility: str
    hours_ago: float
    text: str
    replies: tuple[tuple[str, str], ...] = ()
    reactions: tuple[tuple[str, str], ...] = ()


# {name} in a text is replaced by the handle of people[name], e.g. "@akosua_boateng".
POSTS: tuple[Spec, ...] = (
    Spec(
        "kwame",
        "ghana",
        "public",
        2,
        "Mapped who sits at the forest forum table today with chalk on the school wall. "
        "The charcoal burners were not on it until {akosua} asked who gets blamed when "
        "the forest burns. #stakeholdermapping #forests",
        replies=(("yaw", "Can you share a photo of the wall? We want to try it in Bono."),),
        reactions=(("akosua", "like"), ("amara", "insightful"), ("lucia", "like")),
    ),
    Spec(
        "wanjiru",
        "tana",
        "public",
        5,
        "Water users' association meeting moved to the radio: 40 call-ins in one hour, "
        "more than our last three meetings together. Next week: the downstream farmers. "
        "#radio #wash",
        replies=(("otieno", "The station wants a weekly slot. Who writes the scripts?"),),
        reactions=(("grace", "like"), ("kwame", "insightful")),
    ),
    Spec(
        "otieno",
        "tana",
        "alliance",
        7,
        "{wanjiru} the scripts: let the farmers record their own questions on a phone and "
        "we play them on air. Less us, more them. #radio #fromtheground",
        reactions=(("wanjiru", "thanks"),),
    ),
    Spec(
        "lucia",
        None,
        "alliance",
        9,
        "Does anyone have a simple #stakeholdermapping template that works on paper, for a "
        "village hall without electricity? Power and interest grids feel too abstract.",
        replies=(
            ("kwame", "We use chalk and stones. Bigger stone, more say. People move them."),
            ("thandi", "The stones work in Limpopo too, and nobody needs to read."),
        ),
        reactions=(("amara", "like"), ("thandi", "like")),
    ),
    Spec(
        "thandi",
        "circle",
        "public",
        12,
        "Practice circle tomorrow: how do you reflect after an action when half the "
        "group only has SMS? Bring one thing that worked. #actioninquiry #sms",
        reactions=(("lindiwe", "like"), ("arjun", "like")),
    ),
    Spec(
        "meena",
        "maha",
        "public",
        20,
        "Three women spoke at the watershed committee for the first time. We met them "
        "before, at the handpump, and {arjun} kept the minutes in Marathi. "
        "#womenvoices #wash",
        reactions=(("priya", "insightful"), ("thandi", "like"), ("wanjiru", "like")),
    ),
    Spec(
        "arjun",
        "tana",
        "public",
        26,
        "Learning from Upper Tana for Ahmednagar: the radio call-ins reach people the "
        "committee never sees. Trying it with a community station next month. "
        "#radio #wash",
    ),
    Spec(
        "mateo",
        "peten",
        "public",
        30,
        "Fire season started early. The community monitors send their GPS points by SMS "
        "and the concession office puts them on the wall map every evening. "
        "#firemonitoring #sms #forests",
        reactions=(("ingrid", "like"), ("kwame", "like")),
    ),
    Spec(
        "ingrid",
        "peten",
        "space",
        31,
        "For the team only: two monitors are not sending anymore. Credit ran out? Let's "
        "check before blaming the phones. #firemonitoring",
    ),
    Spec(
        "rafael",
        "land",
        "alliance",
        36,
        "The land register office agreed to come to the quilombo instead of the other way "
        "round. Small thing, big change in who feels at home. #landrights "
        "#stakeholdermapping",
        reactions=(("ana", "like"), ("sipho", "insightful")),
    ),
    Spec(
        "sipho",
        "land",
        "space",
        40,
        "Letsitele valley: the restitution claimants asked to meet without the farm "
        "managers first. {rafael} how did you handle that in Pará? #landrights",
        replies=(("rafael", "We did two rounds: separate first, then together. It helped."),),
    ),
    Spec(
        "amara",
        None,
        "public",
        48,
        "Welcome to the stream: short posts, #tags anyone can follow. Start with "
        "#stakeholdermapping, #radio or #wash and follow what helps your work.",
        reactions=(("noor", "like"), ("kwame", "like"), ("lucia", "thanks")),
    ),
    Spec(
        "amara",
        "steering",
        "space",
        50,
        "Steering group: the funder review is in March. Let's gather three stories "
        "about #radio and #wash before then.",
    ),
    Spec(
        "comfort",
        "leaders",
        "space",
        60,
        "Notes from the leaders' dialogue are up. The district assembly wants to hear "
        "from the forest forum directly. #enablingconditions",
    ),
    Spec(
        "akosua",
        "ghana",
        "space",
        70,
        "Forum members: the chalk map photos are in the space. Please check your group "
        "is on it before Thursday. #stakeholdermapping",
    ),
    Spec(
        "benjie",
        None,
        "alliance",
        80,
        "Ifugao consent protocol: elders asked that every meeting is also read out on "
        "the parish radio. Anyone done #radio in a local language with no written form?",
        replies=(("wanjiru", "Kikuyu programmes here. Happy to connect you with the station."),),
    ),
    Spec(
        "grace",
        "tana",
        "public",
        90,
        "Borehole committee ran out of money for the pump again. This time the women's "
        "group asked for the accounts before paying. #wash #fromtheground",
    ),
    Spec(
        "noor",
        None,
        "alliance",
        100,
        "Reading tip: how social media can help learning alliances, from a facilitator "
        "who started with a Twitter hashtag. Still true: assess where people are first. "
        "#facilitation",
    ),
)

# Demo sign-ins (see core.demo.DEMO_SIGN_INS): what each follows.
FOLLOWS: dict[str, dict[str, tuple[str, ...]]] = {
    # steward@
    "amara": {
        "tags": ("stakeholdermapping", "radio", "wash", "facilitation"),
        "people": ("kwame", "wanjiru", "thandi"),
        "spaces": ("circle", "leaders"),
    },
    # lead@
    "kwame": {
        "tags": ("stakeholdermapping", "forests", "firemonitoring"),
        "people": ("akosua", "mateo", "lucia"),
        "spaces": ("ghana", "peten"),
    },
    # member@
    "lucia": {
        "tags": ("stakeholdermapping", "landrights", "radio"),
        "people": ("kwame", "rafael", "thandi"),
        "spaces": ("land", "circle"),
    },
    # guest@: guests follow tags and the spaces they are in, not people.
    "pieter": {"tags": ("enablingconditions", "wash"), "people": (), "spaces": ("leaders",)},
}

BOOKMARKS: dict[str, int] = {"amara": 3, "kwame": 3, "lucia": 4, "pieter": 2}


def _handles(people: dict[str, Any]) -> dict[str, str]:
    by_user = dict(
        Handle.objects.filter(user__in=list(people.values())).values_list("user_id", "name")
    )
    return {key: f"@{by_user[user.pk]}" for key, user in people.items() if user.pk in by_user}


def load_stream(people: dict[str, Any], spaces: dict[str, Any], now: datetime) -> None:
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
