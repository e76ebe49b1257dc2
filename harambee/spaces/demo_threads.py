"""Discussion threads for the demo alliance.

Threads in the alliance forum and in four spaces, with voices from every sector
(NGOs, government, business, research, community groups): replies that quote each
other, a pinned welcome, a locked thread whose decision is recorded, a question
answered by one of its replies, facilitators' summaries with their history, and an
outside voice -- a timber concessionaire with an opposing view -- invited into one
thread for three weeks.

Called by ``core.demo.load_demo`` with its ``people`` and ``spaces`` (dicts by key)
and the moment of loading. Everything goes through the services, so permissions,
Markdown, audit rows and mail happen as in real use; dates are then set back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from textwrap import dedent
from typing import Any

from harambee.core.models import Comment, Content
from harambee.core.services import comment_create, reaction_toggle
from harambee.spaces import selectors, services
from harambee.spaces.models import Invitation, Post, ThreadSummary

OUTSIDE_VOICE: dict[str, Any] = {
    "email": "adwoa.darko@demo.harambee.org",
    "name": "Adwoa Darko",
    "profile": {
        "bio": "Manages a teak and timber concession on the northern edge of the Bono East "
        "reserves. Sceptical of controlled burning since a burn escaped into the plantation.",
        "sector": "business",
        "country": "GH",
        "languages": ["en", "tw"],
        "channels": ["email", "whatsapp"],
        "time_zone": "Africa/Accra",
    },
}


@dataclass(frozen=True)
class R:
    """A reply: who, after how many hours, what; ``quote`` names an earlier reply's
    key in the same thread to quote; ``key`` lets later replies refer to this one."""

    author: str
    hours: float
    body: str
    key: str = ""
    quote: str = ""
    to: str = ""  # reply under this earlier reply (by key)


@dataclass(frozen=True)
class S:
    author: str
    hours: float
    body: str


@dataclass(frozen=True)
class T:
    key: str
    space: str | None
    author: str
    days_ago: float
    visibility: str
    title: str
    body: str
    replies: tuple[R, ...]
    summaries: tuple[S, ...] = ()
    is_question: bool = False
    answer: str = ""  # key of the reply the author accepts
    pinned_by: str = ""
    locked_by: str = ""
    reactions: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def _text(body: str) -> str:
    return dedent(body).strip()


THREADS: tuple[T, ...] = (
    T(
        key="welcome",
        space=None,
        author="amara",
        days_ago=40,
        visibility="alliance",
        title="Welcome to the alliance forum: how we talk here",
        body="""
            This forum is for conversations that belong to the whole alliance rather than
            to one initiative. A few habits that have served us in meetings work here too:

            - **Say where you speak from.** A district officer, a cocoa buyer and a
              women's group see the same forest differently; that difference is the point.
            - **Quote before you disagree.** Use *Quote* on a reply so others see exactly
              what you are answering.
            - **Questions can be answered.** Tick *This is a question* when you start one;
              you can then mark the reply that answered it.

            Facilitators will now and then write a short summary at the top of long
            threads, so that people who arrive late can join in.
        """,
        replies=(
            R(
                "noor",
                5,
                "Thank you, Amara. The methods wiki has a page on *quoting fairly* "
                "if anyone wants more on this.",
                key="noor",
            ),
            R(
                "kwame",
                30,
                "In the Ghana forum we also agreed to answer within a week, even "
                "if the answer is *we are still discussing*. It keeps trust.",
                key="kwame",
            ),
            R(
                "comfort",
                34,
                "That weekly answer helps those of us in government a lot: we "
                "can report that a question is in progress.",
                quote="kwame",
            ),
        ),
        pinned_by="amara",
        reactions=(("esi", "like"), ("thandi", "thanks"), ("wanjiru", "like")),
    ),
    T(
        key="officials",
        space=None,
        author="grace",
        days_ago=21,
        visibility="alliance",
        title="How do you get government officers to come back after the first meeting?",
        body="""
            Our water committee in Gatanga had the sub-county water officer at the first
            meeting, and then never again. Letters go unanswered. How have others made
            officials want to come back?
        """,
        replies=(
            R(
                "comfort",
                4,
                "From the district side: we come back when the meeting gives "
                "us something we have to report anyway. Ask the officer what their quarterly "
                "report needs, and put that on your agenda.",
                key="comfort",
            ),
            R(
                "suresh",
                9,
                "Same in Maharashtra. The block office came to every watershed "
                "meeting once the minutes fed straight into the block plan.",
                key="suresh",
            ),
            R(
                "nana",
                26,
                "Agree, and from business: a named contact helps. We ask for one "
                "officer by name, not *the office*.",
                key="nana",
                quote="comfort",
            ),
            R(
                "grace",
                50,
                "Thank you. We will ask the officer what the quarterly report "
                "needs and invite them by name.",
                to="comfort",
            ),
        ),
        summaries=(
            S(
                "esi",
                30,
                "Two ideas so far: make the meeting useful for the officer's own "
                "reporting (Comfort, Suresh), and invite a named person (Nana).",
            ),
            S(
                "amara",
                60,
                "**Where this stands:** the forum agrees that officials return "
                "when the meeting feeds their own reporting. Grace's committee will try "
                "this in Gatanga and tell us how it went. Still open: what to do when the "
                "officer changes every year.",
            ),
        ),
        is_question=True,
        answer="comfort",
        reactions=(("faith", "insightful"), ("otieno", "like")),
    ),
    T(
        key="company-money",
        space=None,
        author="daniel",
        days_ago=14,
        visibility="public",
        title="Should company money pay for community forest monitoring?",
        body="""
            Greenleaf buys cocoa from the forest fringe and could fund the community
            monitors in Bono East. Some forum members say this makes the monitors our
            employees. I would like to hear the objection properly before we decide.
        """,
        replies=(
            R(
                "raimunda",
                6,
                "In Pará the landowners offered to pay for the map. We said no: "
                "whoever pays for the map owns the map.",
                key="raimunda",
            ),
            R(
                "samuel",
                10,
                "A pooled fund, governed by the forum, not by the buyer, could answer that.",
                key="samuel",
                quote="raimunda",
            ),
            R(
                "thandi",
                28,
                "The research evidence is mixed. Pooled funds help when the "
                "community chooses the monitors and sets what is reported.",
                quote="samuel",
            ),
        ),
        summaries=(
            S(
                "esi",
                30,
                "The worry is ownership of the data (Raimunda). A pooled fund "
                "governed by the forum is the proposal on the table (Samuel, Thandi).",
            ),
        ),
        reactions=(("kwame", "insightful"), ("marites", "like")),
    ),
    T(
        key="burning",
        space="ghana",
        author="yaw",
        days_ago=18,
        visibility="space",
        title="Early burning along the reserve boundary: yes or no?",
        body="""
            The fire volunteers propose early burning in November along the northern
            boundary, before the harmattan. The forest office has doubts. Let us decide
            before the December meeting.
        """,
        replies=(
            R(
                "ibrahim",
                3,
                "The forest office is not against it in principle, but we need "
                "a written burning plan and the volunteers' training records.",
                key="ibrahim",
            ),
            R(
                "abena",
                8,
                "The women who collect shea in that zone must be told a week "
                "ahead; last year nobody told us.",
                key="abena",
            ),
            R(
                "kofi",
                12,
                "The radio can announce it in Twi and Bono on three market days.",
                quote="abena",
            ),
        ),
        summaries=(
            S(
                "akosua",
                20,
                "Agreement to burn early if the plan is written and the shea "
                "collectors are told a week ahead. Still open: who signs the plan.",
            ),
            S(
                "akosua",
                80,
                "**Decided on 2 December:** early burning goes ahead on the "
                "northern boundary with the written plan signed by the forest office and the "
                "fire volunteers; the radio announces it. Thread locked, decision in the "
                "minutes.",
            ),
        ),
        locked_by="kwame",
    ),
    T(
        key="chania-flow",
        space="tana",
        author="faith",
        days_ago=10,
        visibility="alliance",
        title="What flow should we measure at the Chania intake in the dry season?",
        body="""
            The water committee wants to check whether the dry-season agreement holds.
            What should we measure, and how often, with the equipment we have (a staff
            gauge and a phone)?
        """,
        replies=(
            R(
                "otieno",
                5,
                "The Water Resources Authority reads the gauge weekly. Daily "
                "readings in the dry months would be better.",
                key="otieno",
            ),
            R(
                "arjun",
                9,
                "Daily staff-gauge readings at the same hour, photographed with "
                "the phone so the date is on the picture, plus a rating curve we can make "
                "together in one afternoon. That is what worked in Ahmednagar.",
                key="arjun",
            ),
            R("faith", 30, "This is what we need. Thank you, Arjun.", quote="arjun"),
        ),
        summaries=(
            S(
                "otieno",
                32,
                "Daily photographed gauge readings, one shared rating curve; "
                "the committee starts in January.",
            ),
        ),
        is_question=True,
        answer="arjun",
    ),
    T(
        key="reflection-tools",
        space="circle",
        author="lucia",
        days_ago=7,
        visibility="public",
        title="Which tools do you actually use for reflection sessions?",
        body="""
            Not the ones in the handbook: the ones you use. In Petén we use a paper
            timeline on the wall and voice notes afterwards.
        """,
        replies=(
            R(
                "marites",
                4,
                "A talking stick and a notebook in Ifugao. Elders speak first.",
                key="marites",
            ),
            R(
                "femke",
                8,
                "Photos of the flip charts, shared the same evening; the next "
                "session starts from them.",
                key="femke",
            ),
            R(
                "arjun",
                20,
                "We record in Marathi and transcribe only what the group marks as important.",
                quote="femke",
            ),
        ),
        pinned_by="thandi",
    ),
)

# The outside voice: invited by the facilitator into the burning thread before it was
# decided, and taking part for three weeks.
VOICE_THREAD = "burning"
VOICE_INVITED_BY = "akosua"
VOICE_MESSAGE = (
    "Adwoa, the forum is discussing early burning on the northern boundary. Your "
    "concession borders it and you have argued against burning: we would like your view "
    "in the thread before we decide. The link lets you into that thread only."
)
VOICE_REPLY = (
    "Thank you for letting me in. Our concession lost 40 hectares of young teak to an "
    "early burn that escaped in 2019. If you go ahead, please put a firebreak on our "
    "side first and tell our manager the day before."
)


def _backdate(model: Any, pk: int, when: datetime, *fields: str) -> None:
    model.objects.filter(pk=pk).update(**dict.fromkeys(fields, when))


def _reply(people, thread: Post, spec: R, keyed: dict[str, Comment], when: datetime) -> Comment:
    body = _text(spec.body)
    if spec.quote:
        body = selectors.quote_for(thread=thread, comment_id=str(keyed[spec.quote].pk)) + body
    comment = comment_create(
        author=people[spec.author],
        content=thread,
        body=body,
        parent=keyed[spec.to] if spec.to else None,
    )
    _backdate(Comment, comment.pk, when, "created", "updated")
    return comment


def _outside_voice(people, thread: Post, when: datetime, now: datetime) -> None:
    from harambee.core.demo import DEMO_PASSWORD

    invitation = services.thread_invite(
        actor=people[VOICE_INVITED_BY],
        thread=thread,
        email=OUTSIDE_VOICE["email"],
        access_until=now + timedelta(days=21),
        message=VOICE_MESSAGE,
    )
    guest = services.guest_account_create(
        invitation=invitation, display_name=OUTSIDE_VOICE["name"], password=DEMO_PASSWORD
    )
    for name, value in OUTSIDE_VOICE["profile"].items():
        setattr(guest, name, value)
    guest.save(update_fields=list(OUTSIDE_VOICE["profile"]))
    services.invitation_accept(invitation=invitation, user=guest)
    Invitation.objects.filter(pk=invitation.pk).update(created=when, used=when)
    comment = comment_create(author=guest, content=thread, body=VOICE_REPLY)
    _backdate(Comment, comment.pk, when + timedelta(hours=6), "created", "updated")


def load_threads(people: dict[str, Any], spaces: dict[str, Any], now: datetime) -> None:
    """Write the demo threads. ``people`` and ``spaces`` are ``load_demo``'s dicts."""
    latest = now - timedelta(minutes=5)
    for spec in THREADS:
        started = now - timedelta(days=spec.days_ago)
        thread = services.post_create(
            author=people[spec.author],
            space=spaces[spec.space] if spec.space else None,
            title=spec.title,
            body=_text(spec.body),
            visibility=spec.visibility,
            is_question=spec.is_question,
        )
        _backdate(Content, thread.pk, started, "created", "updated")
        keyed: dict[str, Comment] = {}
        for reply in spec.replies:
            when = min(started + timedelta(hours=reply.hours), latest)
            comment = _reply(people, thread, reply, keyed, when)
            if reply.key:
                keyed[reply.key] = comment
        if spec.key == VOICE_THREAD:
            _outside_voice(people, thread, started + timedelta(hours=14), now)
        for summary in spec.summaries:
            written = services.thread_summarise(
                actor=people[summary.author], thread=thread, body=_text(summary.body)
            )
            when = min(started + timedelta(hours=summary.hours), latest)
            _backdate(ThreadSummary, written.pk, when, "created")
        if spec.answer:
            services.thread_mark_answer(
                actor=people[spec.author], thread=thread, comment=keyed[spec.answer]
            )
        if spec.pinned_by:
            services.thread_set_pinned(actor=people[spec.pinned_by], thread=thread, pinned=True)
        if spec.locked_by:
            services.thread_set_locked(actor=people[spec.locked_by], thread=thread, locked=True)
        for key, kind in spec.reactions:
            reaction_toggle(user=people[key], content=thread, type=kind)
