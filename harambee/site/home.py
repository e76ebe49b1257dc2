"""Home for a signed-in member: what needs them first (requests to decide, work to
review, questions nobody has answered in their spaces, mentions, invitations, drafts
they left), then what happened, grouped by kind, with what is new since their last
visit marked. Every read goes through the gate; the whole page is a fixed number of
queries whatever the numbers of items, and none between writes (``home_parts``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import get_current_timezone_name
from django.utils.translation import get_language

from harambee.core import anoncache
from harambee.core.excerpt import text_excerpt
from harambee.core.models import Content, Visibility
from harambee.core.registry import content_kind
from harambee.core.visibility import (
    active_memberships,
    can_see_space,
    sight_unchanged_for,
    visible,
)
from harambee.events.selectors import soon as upcoming_events
from harambee.initiatives.models import Adaptation
from harambee.notifications.models import Kind
from harambee.notifications.selectors import entry_for, shown_to, unread_count
from harambee.people.roles import Perm
from harambee.site.selectors import spaces_of
from harambee.spaces.models import Invitation, JoinRequest, Post
from harambee.spaces.selectors import with_shown_space
from harambee.stories.models import Story

SHORT = 5
ACTIVITY = 30


@dataclass
class Group:
    kind: str
    label: Any
    items: list[Any] = field(default_factory=list)


@dataclass
class Home:
    join_requests: list[JoinRequest]
    reviews: list[Any]
    unanswered: list[Post]
    mentions: list[Any]
    invitations: list[Invitation]
    drafts: list[Content]
    new_groups: list[Group]
    earlier_groups: list[Group]
    since: datetime | None

    @property
    def needs_me(self) -> bool:
        """Anything besides the join requests, which have a section of their own."""
        return bool(
            self.reviews or self.unanswered or self.mentions or self.invitations or self.drafts
        )


def excerpt(body_html: str, limit: int = 220) -> str:
    """Plain text of rendered Markdown (``core.excerpt``, the one way to cut a body
    short, kept once cut): the template escapes it once."""
    return text_excerpt(body_html, words=None, chars=limit)


def _spaces_where(user: Any, perm: str) -> list[int]:
    return [sid for sid, m in active_memberships(user).items() if m.may(perm)]


def join_requests(user: Any) -> list[JoinRequest]:
    """Pending requests to join the spaces where ``user`` decides them."""
    spaces = _spaces_where(user, Perm.DECIDE_REQUESTS)
    if not spaces:
        return []
    return list(
        JoinRequest.objects.filter(status=JoinRequest.Status.PENDING, space_id__in=spaces)
        .select_related("user", "space")
        .order_by("created")[:20]
    )


def reviews(user: Any) -> list[Any]:
    """Stories waiting for ``user`` to publish them, in the spaces (or the alliance
    blog) where they edit stories, and shareable versions waiting for their review
    where they adapt (never their own): one query. Each condition names its items by
    id from a subquery (stories from the items' (space, kind) index, versions from
    their own table): joined by OR on the kinds' own columns, they made SQLite walk
    every item newest first (60 ms at a million items)."""
    waiting = Q(pk__in=[])
    editing = _spaces_where(user, Perm.EDIT_STORIES)
    places = Q(space_id__in=editing)
    if user.may(Perm.EDIT_STORIES):
        places |= Q(space__isnull=True)
    if editing or user.may(Perm.EDIT_STORIES):
        stories = Content.objects.filter(
            places, kind=Story.KIND, story__status=Story.Status.REVIEW
        ).exclude(author=user)
        waiting |= Q(pk__in=stories.values("pk"))
    adapting = _spaces_where(user, Perm.ADAPT)
    if adapting:
        versions = Adaptation.objects.filter(status=Adaptation.Status.REVIEW).exclude(
            created_by=user
        )
        waiting |= Q(pk__in=versions.values("adapted_id"), space_id__in=adapting)
    if not (editing or adapting or user.may(Perm.EDIT_STORIES)):
        return []
    items = list(
        visible(user, Content.objects.filter(waiting))
        .select_related("author", "space")
        .order_by("-updated")[:SHORT]
    )
    return with_shown_space(user, items)


# How far back home looks for threads nobody has answered.
UNANSWERED_DAYS = 60


def unanswered(user: Any) -> list[Post]:
    """Threads with no reply yet in the reader's spaces, newest first (not their own),
    from the last ``UNANSWERED_DAYS``: a range of the (space, kind, created) index per
    space, not every thread of every space the reader belongs to."""
    spaces = list(active_memberships(user))
    if not spaces:
        return []
    recent = timezone.now() - timedelta(days=UNANSWERED_DAYS)
    threads = list(
        visible(
            user,
            Post.objects.filter(
                kind=Post.KIND,
                space_id__in=spaces,
                created__gte=recent,
                reply_count=0,
                locked=False,
            ),
        )
        .exclude(author=user)
        .select_related("author", "space")
        .order_by("-created")[:SHORT]
    )
    return with_shown_space(user, threads)


def mentions(user: Any) -> list[Any]:
    """Unread notices that someone mentioned the reader, as the centre says them.
    Not looked for when the reader has no unread notice at all, as the header's count
    says (kept between writes, and read for every page anyway): most readers, most
    of the time."""
    if anoncache.shared_generation() is not None and unread_count(user) == 0:
        return []
    rows = (
        shown_to(user)
        .filter(kind=Kind.MENTION, read__isnull=True)
        .select_related("actor", "content__space", "comment__parent", "space")
        .order_by("-pk")[:SHORT]
    )
    return [entry_for(n, user) for n in rows]


def invitations(user: Any) -> list[Invitation]:
    """Invitations into a space sent to the reader's address that are still open,
    each naming its space (``shown_space``) only if the reader may know it exists (a
    secret space stays unnamed until they accept). Invitations into one thread are
    left out: they must not name its space."""
    if not user.email:
        return []
    found = list(
        Invitation.objects.filter(
            email__iexact=user.email,
            used__isnull=True,
            expires__gt=timezone.now(),
            thread__isnull=True,
        )
        .select_related("space", "invited_by")
        .order_by("-created")[:SHORT]
    )
    for invitation in found:
        space = invitation.space
        invitation.shown_space = space if can_see_space(user, space) else None  # type: ignore[attr-defined]
    return found


def drafts(user: Any) -> list[Content]:
    """What the reader left unfinished: their own private items, last touched first."""
    items = list(
        visible(user, Content.objects.filter(author=user, visibility=Visibility.PRIVATE))
        .select_related("author", "space")
        .order_by("-updated")[:SHORT]
    )
    for item in items:
        item.kind_label = content_kind(item.kind).label  # type: ignore[attr-defined]
    return with_shown_space(user, items)


def _groups(items: list[Content]) -> list[Group]:
    groups: dict[str, Group] = {}
    for item in items:
        group = groups.get(item.kind)
        if group is None:
            group = groups[item.kind] = Group(item.kind, _plural(item.kind))
        group.items.append(item)
    return list(groups.values())


def _plural(kind: str) -> Any:
    model = _models_by_kind().get(kind)
    return model._meta.verbose_name_plural if model is not None else content_kind(kind).label


def _models_by_kind() -> dict[str, Any]:
    from django.apps import apps

    return {
        getattr(model, "KIND", ""): model
        for model in apps.get_models()
        if issubclass(model, Content) and model is not Content
    }


def activity(user: Any, since: datetime | None) -> tuple[list[Group], list[Group]]:
    """The newest items the reader may see, grouped by kind: others' items since
    ``since`` (their last visit), and the rest."""
    items = list(
        visible(user, Content.objects.all())
        .select_related("author", "space")
        .order_by("-created")[:ACTIVITY]
    )
    for item in items:
        item.excerpt = excerpt(item.body_html)  # type: ignore[attr-defined]
    with_shown_space(user, items)

    def is_new(item: Content) -> bool:
        return since is not None and item.created > since and item.author_id != user.pk

    new = [i for i in items if is_new(i)]
    earlier = [i for i in items if not is_new(i)]
    return _groups(new), _groups(earlier)


def home_for(user: Any, *, since: datetime | None) -> Home:
    new_groups, earlier_groups = activity(user, since)
    return Home(
        join_requests=join_requests(user),
        reviews=reviews(user),
        unanswered=unanswered(user),
        mentions=mentions(user),
        invitations=invitations(user),
        drafts=drafts(user),
        new_groups=new_groups,
        earlier_groups=earlier_groups,
        since=since,
    )


# Seconds a reader's home is kept between writes (see ``home_parts``).
HOME_CACHE_SECONDS = 60
# The parts of the page kept, each from its own template; the survey prompt between
# them is asked on every view (it holds the CSRF token and the page's address).
PARTS = {
    "needs": "site/_home_needs.html",
    "activity": "site/_home_activity.html",
    "spaces": "site/_home_spaces.html",
    "events": "events/_upcoming.html",
}


def home_parts(user: Any, *, since: datetime | None) -> dict[str, SafeString]:
    """The page's parts as HTML, by name (``PARTS``), for the signed-in ``user``.

    Reading them takes a dozen gated queries (about 40 ms of a worker's time at a
    million items, most of it compiling them), so they are kept in the shared cache
    for this reader under the write generation (``anoncache.shared_generation``), their
    language, time zone and last visit: any committed write (a new item, a membership
    or visibility changed, a notice read) gives a new key at once. What changes with
    time alone shows within ``HOME_CACHE_SECONDS`` (a notice falling due, an invitation
    running out, a thread leaving the unanswered window), except what the reader may
    see: the entry never outlives the reader's first membership to expire, and a
    reader holding a grant (which ends by time) is not kept at all."""
    generation = anoncache.shared_generation()
    if generation is None:
        return _render_parts(user, since)
    key = ":".join(
        (
            "harambee:home",
            str(generation),
            str(user.pk),
            get_language() or "",
            get_current_timezone_name(),
            since.isoformat() if since is not None else "",
        )
    )
    parts = cache.get(key)
    if parts is None:
        parts = _render_parts(user, since)
        seconds = _seconds_to_keep(user, timezone.now())
        if seconds > 0:
            cache.set(key, {name: str(html) for name, html in parts.items()}, seconds)
    return {name: mark_safe(html) for name, html in parts.items()}  # noqa: S308 -- rendered (and escaped) by the templates


def _seconds_to_keep(user: Any, now: datetime) -> int:
    """How long what ``user`` may see is sure to stay the same without a write: not
    past their first membership to expire; nothing for a reader holding a grant (read
    by the gate already in this request)."""
    return sight_unchanged_for(user, HOME_CACHE_SECONDS, now)


def _render_parts(user: Any, since: datetime | None) -> dict[str, SafeString]:
    context = {
        "user": user,
        "h": home_for(user, since=since),
        "my_spaces": spaces_of(user=user),
        "events": upcoming_events(user=user, limit=5),
        "heading_id": "home-events-heading",
    }
    return {name: render_to_string(template, context) for name, template in PARTS.items()}
