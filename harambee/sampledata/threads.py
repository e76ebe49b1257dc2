"""Discussion threads for the demo alliance.

Threads in the alliance forum and in four spaces, with voices from every sector
(NGOs, government, business, research, community groups): replies that quote each
other, a pinned welcome, a locked thread whose decision is recorded, a question
answered by one of its replies, facilitators' summaries with their history, and an
outside voice -- a timber concessionaire with an opposing view -- invited into one
thread for three weeks.

Called by ``demo.load_demo`` with its ``people`` and ``spaces`` (dicts by key)
and the moment of loading. Everything goes through the services, so permissions,
Markdown, audit rows and mail happen as in real use; dates are then set back.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from harambee.core.models import Comment, Content
from harambee.core.services import comment_create, reaction_toggle
from harambee.people.models import User
from harambee.sampledata.common import backdate, text
from harambee.sampledata.datafiles import read, records
from harambee.sampledata.people import DEMO_PASSWORD
from harambee.sampledata.specs import ReplySpec, ThreadSpec
from harambee.spaces import selectors, services
from harambee.spaces.models import Invitation, Post, Space, ThreadSummary

DATA = read("threads")
THREADS: tuple[ThreadSpec, ...] = records(ThreadSpec, DATA["threads"])
# The outside voice: invited by the facilitator into the burning thread before it was
# decided, and taking part for three weeks.
OUTSIDE_VOICE: dict[str, Any] = DATA["outside_voice"]


def _reply(
    people: dict[str, User],
    thread: Post,
    spec: ReplySpec,
    keyed: dict[str, Comment],
    when: datetime,
) -> Comment:
    body = text(spec.body)
    if spec.quote:
        body = selectors.quote_for(thread=thread, comment_id=str(keyed[spec.quote].pk)) + body
    comment = comment_create(
        author=people[spec.author],
        content=thread,
        body=body,
        parent=keyed[spec.to] if spec.to else None,
    )
    backdate(Comment, comment.pk, when, "created", "updated")
    return comment


def _outside_voice(people: dict[str, User], thread: Post, when: datetime, now: datetime) -> None:
    invitation = services.thread_invite(
        actor=people[DATA["voice_invited_by"]],
        thread=thread,
        email=OUTSIDE_VOICE["email"],
        access_until=now + timedelta(days=21),
        message=DATA["voice_message"],
    )
    guest = services.guest_account_create(
        invitation=invitation, display_name=OUTSIDE_VOICE["name"], password=DEMO_PASSWORD
    )
    for name, value in OUTSIDE_VOICE["profile"].items():
        setattr(guest, name, value)
    guest.save(update_fields=list(OUTSIDE_VOICE["profile"]))
    services.invitation_accept(invitation=invitation, user=guest)
    Invitation.objects.filter(pk=invitation.pk).update(created=when, used=when)
    comment = comment_create(author=guest, content=thread, body=DATA["voice_reply"])
    backdate(Comment, comment.pk, when + timedelta(hours=6), "created", "updated")


def load_threads(people: dict[str, User], spaces: dict[str, Space], now: datetime) -> None:
    """Write the demo threads. ``people`` and ``spaces`` are ``load_demo``'s dicts."""
    latest = now - timedelta(minutes=5)
    for spec in THREADS:
        started = now - timedelta(days=spec.days_ago)
        thread = services.post_create(
            author=people[spec.author],
            space=spaces[spec.space] if spec.space else None,
            title=spec.title,
            body=text(spec.body),
            visibility=spec.visibility,
            is_question=spec.is_question,
        )
        backdate(Content, thread.pk, started, "created", "updated")
        keyed: dict[str, Comment] = {}
        for reply in spec.replies:
            when = min(started + timedelta(hours=reply.hours), latest)
            comment = _reply(people, thread, reply, keyed, when)
            if reply.key:
                keyed[reply.key] = comment
        if spec.key == DATA["voice_thread"]:
            _outside_voice(people, thread, started + timedelta(hours=14), now)
        for summary in spec.summaries:
            written = services.thread_summarise(
                actor=people[summary.author], thread=thread, body=text(summary.body)
            )
            when = min(started + timedelta(hours=summary.hours), latest)
            backdate(ThreadSummary, written.pk, when, "created")
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
