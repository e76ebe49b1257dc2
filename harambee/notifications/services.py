"""Writes of notifications: who hears of what (through the gate), marking read,
preferences and unsubscribing. Fan-out runs in tasks, enqueued on commit."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core import signing
from django.db import transaction
from django.utils import timezone

from harambee.core.markdown import MENTION_RE, _md, _names, _plain_text_tokens, fold_accents
from harambee.core.models import Comment, Content
from harambee.notifications import rules
from harambee.notifications.models import (
    DEFAULTS,
    Channel,
    Frequency,
    Kind,
    Notification,
    Preference,
    Watch,
)
from harambee.notifications.selectors import comment_alive, prime_gate
from harambee.people.models import User
from harambee.people.roles import Perm
from harambee.spaces.models import JoinRequest, Membership
from harambee.stream.models import ContentHashtag, Follow
from harambee.wiki.models import WikiWatch

UNSUBSCRIBE_SALT = "harambee.notifications.unsubscribe"
ALL_KINDS = "all"
PRIME_OVER = 20


def extract_mentions(text: str) -> set[str]:
    """The normalised handles mentioned in Markdown ``text``, leaving out code and links."""
    if not text or "@" not in text:
        return set()
    found: set[str] = set()
    for token in _plain_text_tokens(_md.parse(text)):
        found.update(name for _m, name in _names(MENTION_RE, token.content))
    return found


def mentioned_users(text: str) -> list[User]:

    names = {fold_accents(name) for name in extract_mentions(text)}
    if not names:
        return []
    return list(User.objects.filter(handle__name__in=names, is_active=True))


def preferences_for(*, user_ids: Iterable[int], kind: str) -> dict[int, dict[str, str]]:
    """Each person's frequency per channel for ``kind``: their choice or the default."""
    ids = list(user_ids)
    chosen: dict[int, dict[str, str]] = {
        pk: {c: DEFAULTS[(kind, c)] for c in Channel.values} for pk in ids
    }
    rows = Preference.objects.filter(user_id__in=ids, kind=kind).values_list(
        "user_id", "channel", "frequency"
    )
    for user_id, channel, frequency in rows:
        chosen[user_id][channel] = frequency
    return chosen


def next_digest(frequency: str, now: datetime) -> datetime:
    """When a daily or weekly notice is due: the next midnight (UTC), or Monday's."""
    midnight = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    if frequency == Frequency.DAILY:
        return midnight + timedelta(days=1)
    return midnight + timedelta(days=7 - midnight.weekday())


def _shown_at(frequency: str, now: datetime) -> datetime | None:
    if frequency == Frequency.NEVER:
        return None
    if frequency == Frequency.IMMEDIATELY:
        return now
    return next_digest(frequency, now)


def notification_create_many(
    *,
    recipients: Iterable[Any],
    kind: str,
    actor: Any = None,
    content: Content | None = None,
    comment: Comment | None = None,
    space: Any = None,
    join_request: Any = None,
    invitation: Any = None,
    submission: Any = None,
    check_space: bool = True,
) -> int:
    """Tell ``recipients`` of one event, each only if the gate lets them see it, in the
    way they chose. Idempotent. Returns how many were told."""
    actor_id = actor.pk if actor is not None else None
    candidates = list(recipients)
    if len(candidates) > PRIME_OVER:
        # Many followers: their memberships in two queries, not one each.
        prime_gate(candidates)
    people = {
        r.pk: r
        for r in candidates
        if rules.may_hear(
            r,
            actor_id=actor_id,
            content=content,
            comment=comment,
            space=space if check_space else None,
        )
    }
    if not people:
        return 0
    now = timezone.now()
    prefs = preferences_for(user_ids=people, kind=kind)
    rows = []
    for pk in people:
        web, email = prefs[pk][Channel.WEB], prefs[pk][Channel.EMAIL]
        if web == Frequency.NEVER and email == Frequency.NEVER:
            continue
        rows.append(
            Notification(
                recipient_id=pk,
                kind=kind,
                actor_id=actor_id,
                content=content,
                comment=comment,
                space=space,
                join_request=join_request,
                invitation=invitation,
                submission=submission,
                shown=_shown_at(web, now),
                email=email,
                emailed=now if email == Frequency.NEVER else None,
            )
        )
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    immediate = [r.recipient_id for r in rows if r.email == Frequency.IMMEDIATELY]
    if immediate:
        from harambee.notifications import tasks

        transaction.on_commit(lambda: tasks.email_immediately.enqueue(immediate))
    texted = [
        r.recipient_id for r in rows if prefs[r.recipient_id][Channel.SMS] == Frequency.IMMEDIATELY
    ]
    if texted:
        from harambee.notifications import tasks

        about = (kind, content.pk if content else None, comment.pk if comment else None)
        transaction.on_commit(lambda: tasks.sms_immediately.enqueue(texted, *about))
    return len(rows)


def notify_hidden(*, content: Content, comment: Comment | None = None) -> int:
    """Tell the author of what a moderator hid (an item, or one comment on it), in
    the way they chose. The gate would drop it (hidden is absent to everyone), so
    this notice is made for its author alone, and shown to them alone
    (``selectors.shown_to``). The moderator is not named."""
    author = comment.author if comment is not None else content.author
    if author is None or not author.is_active:
        return 0
    prefs = preferences_for(user_ids=[author.pk], kind=Kind.HIDDEN)[author.pk]
    web, email = prefs[Channel.WEB], prefs[Channel.EMAIL]
    if web == Frequency.NEVER and email == Frequency.NEVER:
        return 0
    now = timezone.now()
    # Once per item or comment (the table's constraints), even if hidden again.
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=author,
                kind=Kind.HIDDEN,
                content=content,
                comment=comment,
                shown=_shown_at(web, now),
                email=email,
                emailed=now if email == Frequency.NEVER else None,
            )
        ],
        ignore_conflicts=True,
    )
    if email == Frequency.IMMEDIATELY:
        from harambee.notifications import tasks

        transaction.on_commit(lambda: tasks.email_immediately.enqueue([author.pk]))
    return 1


# Fan-out of the events of other apps (called by tasks, see ``signals``).


def fan_out_content(*, content: Content) -> int:
    """A new item: mentions first, then followers of its space, tags and author."""

    if content.removed:
        return 0
    author = content.author
    # A stream post's title is its text's first words (read as plain text, where a
    # mention written as code would no longer be code).
    text = content.body if content.kind == "stream_post" else f"{content.title}\n\n{content.body}"
    mentioned = mentioned_users(text)
    told = notification_create_many(
        recipients=mentioned, kind=Kind.MENTION, actor=author, content=content
    )
    already = {u.pk for u in mentioned}
    tags = ContentHashtag.objects.filter(content_id=content.pk).values("hashtag_id")
    follows = Follow.objects.filter(hashtag_id__in=tags) | Follow.objects.filter(
        person_id=author.pk
    )
    if content.space_id is not None:
        follows = follows | Follow.objects.filter(space_id=content.space_id)
    follower_ids = set(follows.values_list("follower_id", flat=True)) - already
    followers = User.objects.filter(pk__in=follower_ids, is_active=True)
    told += notification_create_many(
        recipients=followers, kind=Kind.FOLLOWED, actor=author, content=content
    )
    return told


def fan_out_comment(*, comment: Comment) -> int:
    """A new reply: the people it mentions, the author of what it answers, and everyone
    who took part in the conversation (its author and earlier repliers)."""
    if not comment_alive(comment):
        return 0
    content = comment.content
    mentioned = mentioned_users(comment.body)
    told = notification_create_many(
        recipients=mentioned,
        kind=Kind.MENTION,
        actor=comment.author,
        content=content,
        comment=comment,
    )
    done = {u.pk for u in mentioned}
    # Who chose for this conversation: muted hear of no reply, watching of every one.
    chosen = dict(Watch.objects.filter(content_id=content.pk).values_list("user_id", "watching"))
    muted = {pk for pk, watching in chosen.items() if not watching}
    answered = {content.author_id, *content.coauthors.values_list("pk", flat=True)}
    if comment.parent is not None:
        answered.add(comment.parent.author_id)
    answered -= done | muted
    told += notification_create_many(
        recipients=User.objects.filter(pk__in=answered),
        kind=Kind.REPLY,
        actor=comment.author,
        content=content,
        comment=comment,
    )
    done |= answered
    took_part = set(
        Comment.objects.filter(content_id=content.pk, removed=False)
        .exclude(pk=comment.pk)
        .values_list("author_id", flat=True)
    )
    watching = {pk for pk, on in chosen.items() if on}
    watchers = (took_part | watching) - done - muted
    told += notification_create_many(
        recipients=User.objects.filter(pk__in=watchers),
        kind=Kind.THREAD,
        actor=comment.author,
        content=content,
        comment=comment,
    )
    return told


def watch_set(*, user: Any, content: Content, watching: bool) -> None:
    """Watch a conversation (hear of every reply, not only where one took part) or
    stop watching it (hear of no reply; mentions still come). The caller has checked
    through the gate that ``user`` may see ``content``."""
    Watch.objects.update_or_create(
        user_id=user.pk, content_id=content.pk, defaults={"watching": watching}
    )


def fan_out_wiki_revision(*, revision: Any) -> int:

    if revision.number <= 1:
        return 0
    watchers = User.objects.filter(
        pk__in=WikiWatch.objects.filter(page_id=revision.page_id).values("user_id")
    )
    # A page edited again while its earlier notice is unread: the same notice stands.
    return notification_create_many(
        recipients=watchers, kind=Kind.WIKI, actor=revision.author, content=revision.page
    )


def fan_out_join_request(*, request: Any) -> int:

    if request.status == JoinRequest.Status.PENDING:
        deciders = [
            m.user
            for m in Membership.objects.active()
            .filter(space_id=request.space_id)
            .select_related("user")
            if m.may(Perm.DECIDE_REQUESTS)
        ]
        return notification_create_many(
            recipients=deciders,
            kind=Kind.JOIN_REQUEST,
            actor=request.user,
            space=request.space,
            join_request=request,
        )
    if request.status in (JoinRequest.Status.APPROVED, JoinRequest.Status.DECLINED):
        return notification_create_many(
            recipients=[request.user],
            kind=Kind.JOIN_DECISION,
            actor=request.decided_by,
            space=request.space,
            join_request=request,
            # The requester knew the space when asking; the notice names it only if
            # they may still know it (see ``selectors``).
            check_space=False,
        )
    return 0


def fan_out_invitation(*, invitation: Any) -> int:
    if invitation.space_id is None or invitation.used is not None:
        return 0
    invitees = User.objects.filter(email__iexact=invitation.email, is_active=True)
    return notification_create_many(
        recipients=invitees,
        kind=Kind.INVITATION,
        actor=invitation.invited_by,
        space=invitation.space,
        invitation=invitation,
        check_space=False,
    )


def fan_out_submission(*, submission: Any) -> int:
    """An answer to a call for participation: its organisers hear of it while it
    waits; its author hears of the decision. Each notice is about the call, so it
    reaches (and stays shown to) only those the gate lets read the call."""
    from harambee.research.models import Submission
    from harambee.research.selectors import organisers

    call = submission.call
    if submission.status == Submission.Status.PENDING:
        return notification_create_many(
            recipients=organisers(collaboration=call.collaboration),
            kind=Kind.CALL_ANSWERED,
            actor=submission.author,
            content=call,
            submission=submission,
        )
    return notification_create_many(
        recipients=[submission.author],
        kind=Kind.CALL_DECISION,
        actor=submission.decided_by,
        content=call,
        submission=submission,
    )


# Reading.


def notification_mark_read(*, user: Any, notification: Notification) -> None:
    if notification.recipient_id != user.pk:
        raise PermissionError
    if notification.read is None:
        Notification.objects.filter(pk=notification.pk, read__isnull=True).update(
            read=timezone.now()
        )


def notification_mark_all_read(*, user: Any) -> int:
    now = timezone.now()
    return Notification.objects.filter(
        recipient_id=user.pk, read__isnull=True, shown__lte=now
    ).update(read=now)


# Preferences and unsubscribing.


@transaction.atomic
def preferences_set(*, user: Any, choices: dict[tuple[str, str], str]) -> None:
    """Store ``(kind, channel) -> frequency``; a choice equal to the default is stored
    too, so a later change of defaults does not change what a person chose."""
    for (kind, channel), frequency in choices.items():
        if kind not in Kind.values or channel not in Channel.values:
            raise ValueError(kind, channel)
        if frequency not in Frequency.values:
            raise ValueError(frequency)
        Preference.objects.update_or_create(
            user_id=user.pk, kind=kind, channel=channel, defaults={"frequency": frequency}
        )


def unsubscribe_token(*, user: Any, kind: str) -> str:
    """A signed token that turns email off for one kind (or ``all``) for one person."""
    return signing.dumps([user.pk, kind], salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_read(token: str) -> tuple[User, str]:
    """The person and kind of a token; ``signing.BadSignature`` if it was tampered with."""
    user_id, kind = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if kind != ALL_KINDS and kind not in Kind.values:
        raise signing.BadSignature("kind")
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise signing.BadSignature("user")
    return user, kind


@transaction.atomic
def unsubscribe(*, user: Any, kind: str) -> None:
    kinds = Kind.values if kind == ALL_KINDS else [kind]
    preferences_set(user=user, choices={(k, Channel.EMAIL): Frequency.NEVER for k in kinds})
    Notification.objects.filter(recipient_id=user.pk, kind__in=kinds, emailed__isnull=True).update(
        emailed=timezone.now(), email=Frequency.NEVER
    )
