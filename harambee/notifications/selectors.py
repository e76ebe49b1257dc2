"""Reads of notifications, always through the gate.

A notice is shown (in the centre, in the unread count, in an email or a digest) only
while its recipient may read its item and its reply is not removed; a space is named
only to someone who may know the space exists. Nothing is stored as text, so a notice
says nothing its recipient could not read on the item's own page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.core import anoncache, visibility
from harambee.core.excerpt import text_excerpt
from harambee.core.models import Comment, Content, comment_url
from harambee.core.visibility import can_see_space, can_view, visible
from harambee.notifications.models import DEFAULTS, Kind, Notification, Preference, Watch
from harambee.research.models import Submission
from harambee.spaces.models import JoinRequest, Membership

PAGE_SIZE = 30
COUNT_CAP = 99


def shown_to(user: Any, *, now: datetime | None = None) -> QuerySet[Notification]:
    """``user``'s notices that are due in the centre and that the gate still allows."""
    now = now or timezone.now()
    readable = Exists(visible(user, Content.objects.filter(pk=OuterRef("content_id"))))
    gate = (Q(content_id__isnull=True) | readable) & (
        # A reply counts while neither it nor the comment it answers is removed
        # (pages drop the replies of a removed comment with it).
        Q(comment_id__isnull=True)
        | Q(comment__removed=False)
        & (Q(comment__parent_id__isnull=True) | Q(comment__parent__removed=False))
    )
    return Notification.objects.filter(recipient_id=user.pk, shown__lte=now).filter(
        gate | _yours_hidden(user)
    )


def _yours_hidden(user: Any) -> Q:
    """A notice that a moderator hid what ``user`` wrote: hidden from everyone else,
    but not from its author, who is told (and shown it with the reason)."""
    return Q(kind=Kind.HIDDEN) & (
        Q(comment_id__isnull=True, content__author_id=user.pk) | Q(comment__author_id=user.pk)
    )


def is_yours_hidden(user: Any, notification: Notification) -> bool:
    if notification.kind != Kind.HIDDEN:
        return False
    if notification.comment is not None:
        return notification.comment.author_id == user.pk
    return notification.content is not None and notification.content.author_id == user.pk


# Seconds an unread count is kept for its reader between writes (see unread_count).
COUNT_CACHE_SECONDS = 60


def unread_count(user: Any) -> int:
    """How many unread notices ``user`` has, counted up to ``COUNT_CAP + 1`` (shown as
    "99+"): one query on the recipient's index, each row checked by the gate.

    The header shows it on every page, so it is kept in the shared cache under the
    write generation (``anoncache.shared_generation``): any committed write (a new
    notice, a notice read, a changed membership or item) gives a new key at once.
    What changes with time alone (a notice falling due, a membership expiring) shows
    within ``COUNT_CACHE_SECONDS``. A number, never a notice's words, is kept."""
    if not (user.is_authenticated and user.is_active):
        return 0
    generation = anoncache.shared_generation()
    key = f"harambee:unread:{user.pk}:{generation}"
    if generation is not None:
        found = cache.get(key)
        if found is not None:
            return int(found)
    count = shown_to(user).filter(read__isnull=True)[: COUNT_CAP + 1].count()
    if generation is not None:
        cache.set(key, count, COUNT_CACHE_SECONDS)
    return count


@dataclass
class Entry:
    """What a notice says, made only from what its reader may see."""

    pk: int
    kind: str
    actor: str
    title: str
    space: str
    url: str
    reply_url: str
    excerpt: str
    created: datetime
    unread: bool
    approved: bool
    about_comment: bool = False

    @property
    def sentence(self) -> str:
        """What happened, in one plain-text line (templates escape it for HTML)."""
        values = {"actor": self.actor, "title": self.title, "space": self.space}
        if self.kind == Kind.MENTION:
            return _("%(actor)s mentioned you in “%(title)s”") % values
        if self.kind == Kind.REPLY:
            return _("%(actor)s replied to you on “%(title)s”") % values
        if self.kind == Kind.THREAD:
            return _("%(actor)s replied in “%(title)s”") % values
        if self.kind == Kind.FOLLOWED:
            if self.space:
                return _("%(actor)s posted “%(title)s” in %(space)s") % values
            return _("%(actor)s posted “%(title)s”") % values
        if self.kind == Kind.HIDDEN:
            if self.about_comment:
                return _("A moderator hid your comment on “%(title)s”") % values
            return _("A moderator hid “%(title)s”") % values
        if self.kind == Kind.WIKI:
            return _("%(actor)s changed “%(title)s”") % values
        if self.kind == Kind.CALL_ANSWERED:
            return _("%(actor)s answered your call “%(title)s”") % values
        if self.kind == Kind.CALL_DECISION:
            if self.approved:
                return _("Your answer to “%(title)s” was accepted: you now contribute") % values
            return _("Your answer to “%(title)s” was declined") % values
        if self.kind == Kind.JOIN_REQUEST:
            if self.space:
                return _("%(actor)s asks to join %(space)s") % values
            return _("%(actor)s asks to join a space you lead") % values
        if self.kind == Kind.JOIN_DECISION:
            if self.approved:
                if self.space:
                    return _("Your request to join %(space)s was approved") % values
                return _("Your request to join a space was approved")
            if self.space:
                return _("Your request to join %(space)s was declined") % values
            return _("Your request to join a space was declined")
        if self.space:
            return _("%(actor)s invited you to join %(space)s") % values
        return _("%(actor)s invited you to join a space") % values


def _excerpt(html: str, limit: int = 300) -> str:
    """Plain text of a rendered body: what it says, without its Markdown."""
    return text_excerpt(html, chars=limit)


def entry_for(notification: Notification, user: Any) -> Entry:
    """Describe a notice already let through by ``shown_to`` (or ``gated``)."""

    content, comment = notification.content, notification.comment
    space = notification.space or (content.space if content is not None else None)
    space_name = space.name if space is not None and can_see_space(user, space) else ""
    url = reply_url = excerpt = title = ""
    if content is not None:
        title = content.title
        url = content.get_absolute_url()
        reply_url = f"{url}#comment-form"
        excerpt = _excerpt(content.body_html)
    if comment is not None:
        url = comment_url(content, comment) if content else ""
        excerpt = _excerpt(comment.body_html)
    request, approved = notification.join_request, False
    if notification.kind == Kind.JOIN_REQUEST and space is not None:
        url = reverse("spaces:requests", args=[space.slug])
    elif notification.kind == Kind.JOIN_DECISION and request is not None:
        approved = request.status == JoinRequest.Status.APPROVED
        url = space.get_absolute_url() if space and space_name else reverse("spaces:list")
    elif notification.kind == Kind.INVITATION and notification.invitation is not None:
        invitation = notification.invitation
        if invitation.used is None and not invitation.is_expired:
            url = reverse("spaces:invitation", args=[invitation.token])
        else:
            url = space.get_absolute_url() if space and space_name else reverse("spaces:list")
    elif notification.kind == Kind.CALL_DECISION and notification.submission is not None:
        approved = notification.submission.status == Submission.Status.ACCEPTED
        # The organisers' note to the applicant, which the call's page shows them too.
        excerpt = notification.submission.note
    if notification.kind == Kind.CALL_ANSWERED and notification.submission_id is not None:
        # The answers are read on the call's page, by its organisers only.
        url = f"{url}#submission-{notification.submission_id}"
        excerpt = ""
    if notification.kind == Kind.HIDDEN and content is not None:
        # What was hidden is shown to its author, with the reason, on its own page.
        url = reverse("moderation:yours", args=[content.pk])
        if comment is not None:
            url += f"?comment={comment.pk}"
        reply_url = excerpt = ""
    actor = notification.actor.display_name if notification.actor is not None else ""
    return Entry(
        pk=notification.pk,
        kind=notification.kind,
        actor=actor,
        title=title,
        space=space_name,
        url=url,
        reply_url=reply_url,
        excerpt=excerpt,
        created=notification.created,
        unread=notification.read is None,
        approved=approved,
        about_comment=comment is not None,
    )


def _related(qs: QuerySet[Notification]) -> QuerySet[Notification]:
    return qs.select_related(
        "actor",
        "content__space",
        "comment__parent",
        "space",
        "join_request",
        "invitation",
        "submission",
    )


def centre(user: Any, *, before: int | None = None) -> tuple[list[Entry], int | None]:
    """One page of ``user``'s notices, newest first, and the cursor of the next page."""
    qs = shown_to(user)
    if before is not None:
        qs = qs.filter(pk__lt=before)
    rows = list(_related(qs).order_by("-pk")[: PAGE_SIZE + 1])
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    entries = [entry_for(n, user) for n in rows]
    return entries, (rows[-1].pk if more and rows else None)


def notification_for(user: Any, pk: int) -> Notification | None:
    """One of ``user``'s notices, if the gate still lets them see it."""
    if not (user.is_authenticated and user.is_active):
        return None
    return _related(shown_to(user)).filter(pk=pk).first()


def prime_gate(users: list[Any]) -> None:
    """Load the memberships and grants of many people in two queries and leave them
    where the gate keeps its per-request answers, so ``can_view`` for each of them asks
    the database nothing more (digests check thousands of people a batch)."""

    ids = [u.pk for u in users]
    spaces: dict[int, set[int]] = {pk: set() for pk in ids}
    for user_id, space_id in (
        Membership.objects.active().filter(user_id__in=ids).values_list("user_id", "space_id")
    ):
        spaces[user_id].add(space_id)
    for user in users:
        visibility.forget_memberships(user)
        setattr(user, visibility._SPACE_IDS_ATTR, frozenset(spaces[user.pk]))
    visibility.prime_granted(users)


def gated(user: Any, notifications: list[Notification]) -> list[Notification]:
    """Of ``notifications`` (all ``user``'s, loaded with their item), those the gate
    still allows, whether due in the centre or not: for emails and digests. Notices
    about a space with no item (requests, decisions, invitations) concern the
    recipient's own business there; ``entry_for`` names the space only if they may
    know it."""
    return [
        n
        for n in notifications
        if is_yours_hidden(user, n)
        or (n.content is None or can_view(user, n.content))
        and comment_alive(n.comment)
    ]


def comment_alive(comment: Any) -> bool:
    """A notice's reply still shows: neither it nor the comment it answers is removed.
    (Load ``comment__parent`` with the notices, or each parent costs a query.)"""
    if comment is None:
        return True
    return not comment.removed and (comment.parent_id is None or not comment.parent.removed)


def watch_annotations(user: Any) -> dict[str, Any]:
    """Annotations of a ``Content`` query that tell how ``user`` (signed in) hears of
    its replies: their choice, whether they replied, whether they are a co-author."""
    from django.db.models import Subquery

    return {
        "watch_choice": Subquery(
            Watch.objects.filter(user_id=user.pk, content_id=OuterRef("pk")).values("watching")[:1]
        ),
        "watch_replied": Exists(
            Comment.objects.filter(content_id=OuterRef("pk"), author_id=user.pk, removed=False)
        ),
        "watch_coauthor": Exists(
            Content.coauthors.through.objects.filter(content_id=OuterRef("pk"), user_id=user.pk)
        ),
    }


def watch_state_of(user: Any, item: Content, row: dict[str, Any] | None) -> str:
    """``watching`` (chose to hear of every reply), ``muted`` (chose to hear of none),
    ``taking_part`` (the default for its authors and repliers) or ``""`` (not told of
    replies), from a row annotated with ``watch_annotations``."""
    if not user.is_authenticated or row is None:
        return ""
    if row["watch_choice"] is not None:
        return "watching" if row["watch_choice"] else "muted"
    if item.author_id == user.pk or row["watch_replied"] or row["watch_coauthor"]:
        return "taking_part"
    return ""


def watch_state(user: Any, item: Content) -> str:
    """How ``user`` hears of replies to ``item``, in one query (``watch_state_of``)."""
    if not user.is_authenticated:
        return ""
    annotations = watch_annotations(user)
    row = Content.objects.filter(pk=item.pk).annotate(**annotations).values(*annotations).first()
    return watch_state_of(user, item, row)


def preference_choices(user: Any) -> dict[tuple[str, str], str]:
    """``user``'s frequency for every (kind, channel): their choice or the default."""
    current = dict(DEFAULTS)
    rows = Preference.objects.filter(user=user).values_list("kind", "channel", "frequency")
    for kind, channel, frequency in rows:
        current[(kind, channel)] = frequency
    return current


def watchable_get(user: Any, pk: int) -> Content:
    """An item ``user`` may read, to watch or stop watching; 404 otherwise."""
    content = visible(user, Content.objects.filter(pk=pk)).first()
    if content is None:
        raise Http404
    return content
