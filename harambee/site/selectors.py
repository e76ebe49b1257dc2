"""Reads for the pages that gather from many apps, each through the gate."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from harambee.core.models import AuditEntry, Content
from harambee.core.visibility import can_see_person, visible, visible_people, visible_spaces
from harambee.people.models import Organisation, User
from harambee.spaces.models import Membership, Space


def spaces_of(*, user: Any) -> QuerySet[Space]:
    """The spaces ``user`` belongs to that they may know of, by name."""
    return (
        visible_spaces(user, Space.objects.filter(memberships__user=user))
        .distinct()
        .order_by("name")
    )


def audit_entries() -> QuerySet[AuditEntry]:
    return AuditEntry.objects.select_related("actor", "subject", "space", "content")


def name_readable_items(*, user: Any, entries: list[AuditEntry]) -> None:
    """Set ``readable_content`` on each entry: its item if ``user`` may read it, else
    None. Visibility changes name an item; its title is shown only to its readers."""
    ids = [entry.content_id for entry in entries if entry.content_id]
    readable = set(visible(user, Content.objects.filter(pk__in=ids)).values_list("pk", flat=True))
    for entry in entries:
        entry.readable_content = entry.content if entry.content_id in readable else None  # type: ignore[attr-defined]


def person_get(*, user: Any, pk: int) -> User:
    """A person ``user`` may see (the person gate), or 404 as if there were none."""
    person = User.objects.select_related("organisation").filter(pk=pk).first()
    if person is None or not can_see_person(user, person):
        raise Http404
    return person


def spaces_of_person(*, user: Any, person: User) -> QuerySet[Space]:
    """The spaces ``person`` belongs to that ``user`` may know exist."""
    active = Membership.objects.active().filter(user=person).values("space_id")
    return visible_spaces(user, Space.objects.filter(pk__in=active)).order_by("name")


def organisation_get(*, slug: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


def organisation_people(*, user: Any, organisation: Organisation) -> QuerySet[User]:
    return visible_people(user, organisation.people.all()).order_by("display_name")


def signups_awaiting(*, limit: int = 200) -> list[User]:
    """Accounts waiting for a steward's approval, oldest first."""
    return list(
        User.objects.filter(awaiting_approval=True)
        .select_related("organisation")
        .order_by("date_joined", "pk")[:limit]
    )


def signup_awaiting_get(*, pk: int) -> User:
    user = User.objects.filter(pk=pk, awaiting_approval=True).first()
    if user is None:
        raise Http404
    return user


def suggested_spaces(*, user: Any, limit: int = 6) -> list[Space]:
    """Spaces a newcomer may join themselves (open or by request) and may see, busiest
    first; not the ones they are in."""
    from harambee.spaces.selectors import space_list

    joinable = (
        space_list(user=user)
        .filter(join_policy__in=[Space.JoinPolicy.OPEN, Space.JoinPolicy.REQUEST])
        .exclude(memberships__user=user)
    )
    return list(joinable.order_by("-member_count", "name")[:limit])
