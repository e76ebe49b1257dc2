"""The one visibility gate.

``visible(user, qs)`` narrows a queryset of Content (or a concrete kind) to what
``user`` may read; ``can_view(user, obj)`` answers the same question for one row.
A hypothesis test proves the two always agree. Every read path in the product goes
through them: pages, lists, search, feeds, notifications, emails, exports, files.

Who sees what (``Visibility``):

* public   -- everyone, anonymous too.
* alliance -- signed-in members and stewards, not guests; also every active member
  of the item's space (guests included), since it is wider than ``space``.
* space    -- active members of the item's space, guests included.
* private  -- only the author and co-authors.

Grants: an outside voice invited into one thread holds a grant until its expiry.
While it runs, the thread (alliance or space visibility, never a private draft) is
readable to them -- that thread only, not its space, the space's other items, or the
space's name. An expired grant gives nothing. Apps register what they grant through
``core.registry.register_grant_source`` (``spaces``: a thread's guests; ``events``: an
invited guest reads that event and what it links, until the invitation ends). A
reader's grants are read once per request, in one query (with their memberships, when
those are not read yet), and ``visible`` names their ids: a reader with none (nearly
everyone) adds nothing to any query.

The author and co-authors always see their own items. Removed items and items seen
by inactive accounts are treated as not there. Stewards get no special reading
rights: the secretariat must be invited into a space like anyone else.

Spaces have their own, simpler gate (``visible_spaces``/``can_see_space``): public
listing for everyone, member listing for alliance members, secret ones for their
members, and every space for stewards, who manage membership.

People have the third (``visible_people``/``can_see_person``): whose profile, name in
lists and link a reader may see. Everyone sees themselves; a reader whose role may see
the directory sees active people whose role is listed (members and stewards). Guests
are known only inside the spaces they were invited to, where the space's member list
names them without a link; anonymous visitors and inactive accounts see nobody.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import CharField, DateTimeField, Exists, OuterRef, Q, QuerySet, Value
from django.utils import timezone

from harambee.core.models import Content, Visibility
from harambee.core.queries import prepared_objects
from harambee.people.roles import Perm, alliance_roles_with

if TYPE_CHECKING:
    from harambee.spaces.models import Space

Q_T = TypeVar("Q_T", bound=QuerySet[Any])

_SPACE_IDS_ATTR = "_harambee_active_space_ids"
_MEMBERSHIPS_ATTR = "_harambee_memberships"
_GRANTS_ATTR = "_harambee_grants"
_RECHECK_ATTR = "_harambee_recheck_grants"
# Visibilities a grant opens: never a private draft, and public needs none.
_GRANTABLE = (Visibility.ALLIANCE, Visibility.SPACE)


def is_reader(user: Any) -> bool:
    """A signed-in, active account: the only kind that reads beyond public items."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def _active_memberships(user: Any) -> QuerySet[Any]:
    from harambee.spaces.models import Membership

    return Membership.objects.active().filter(user_id=user.pk)


def _memberships_at(user_pk: int, now: Any) -> QuerySet[Any]:
    from harambee.spaces.models import Membership

    return Membership.objects.filter(
        Q(expires__isnull=True) | Q(expires__gt=now), user_id=user_pk
    ).order_by("joined", "pk")


def active_memberships(user: Any) -> dict[int, Any]:
    """``user``'s active memberships by space id, loaded in one query and cached on
    the user object for the length of one request (``spaces.selectors.membership_for``
    and the gate share it)."""
    if not is_reader(user):
        return {}
    cached = user.__dict__.get(_MEMBERSHIPS_ATTR)
    if cached is None:
        if _GRANTS_ATTR not in user.__dict__ and _may_hold_grants(user):
            _read_memberships_and_grants(user)
        else:
            # Read on every signed-in page: compiled once per process (core.queries).
            found = prepared_objects(
                "active_memberships", _memberships_at, user_pk=user.pk, now=timezone.now()
            )
            _keep_memberships(user, found)
        cached = user.__dict__[_MEMBERSHIPS_ATTR]
    return cached


def _keep_memberships(user: Any, found: Any) -> None:
    cached: dict[int, Any] = {}
    for membership in found:
        cached.setdefault(membership.space_id, membership)
    user.__dict__[_MEMBERSHIPS_ATTR] = cached


def _may_hold_grants(user: Any) -> bool:
    """Whether ``user``'s grants must be read: only someone whose row says a grant
    runs (``note_grant``), or who was given one in this request."""
    until = getattr(user, "granted_until", None)
    return bool(user.__dict__.get(_RECHECK_ATTR)) or (until is not None and until > timezone.now())


# The columns of a membership in the one query of a reader's memberships and grants.
_MEMBERSHIP_FIELDS = ("id", "space_id", "role", "joined", "expires")


def _read_memberships_and_grants(user: Any) -> None:
    """A reader who holds grants (an outside voice, an invited guest) has their
    memberships and their grants read in one query, not two: the memberships' rows,
    then every source's grants, padded to the same columns and told apart by the last
    one (``""`` for a membership, the source's name for a grant)."""
    from harambee.core.registry import grant_sources
    from harambee.spaces.models import Membership

    memberships = (
        _memberships_at(user.pk, timezone.now())
        .order_by()
        .values_list(*_MEMBERSHIP_FIELDS)
        .annotate(_source=Value("", output_field=CharField()))
    )
    grants = [
        query.order_by().annotate(
            _role=Value(None, output_field=CharField()),
            _joined=Value(None, output_field=DateTimeField()),
            _expires=Value(None, output_field=DateTimeField()),
            _source=Value(source.name, output_field=CharField()),
        )
        for source in grant_sources()
        for query in source.pairs_for([user.pk])
    ]
    rows = list(memberships.union(*grants, all=True)) if grants else list(memberships)
    # ``from_db`` takes the values in the order of the model's fields.
    names = [field.attname for field in Membership._meta.concrete_fields]
    found = []
    for row in rows:
        if row[5] == "":
            values = {"user_id": user.pk, **dict(zip(_MEMBERSHIP_FIELDS, row[:5], strict=True))}
            found.append(Membership.from_db(memberships.db, names, [values[n] for n in names]))
    found.sort(key=lambda m: (m.joined, m.pk))
    _keep_memberships(user, found)
    # A grant row: (the reader's id, the item's id, padding..., the source's name).
    _keep_grants([user], [(row[0], row[1], row[5]) for row in rows if row[5] != ""])


def active_space_ids(user: Any) -> frozenset[int]:
    """The ids of spaces ``user`` is an active member of, cached on the user object
    for the length of one request."""
    if not is_reader(user):
        return frozenset()
    cached = getattr(user, _SPACE_IDS_ATTR, None)
    if cached is None:
        cached = frozenset(active_memberships(user))
        setattr(user, _SPACE_IDS_ATTR, cached)
    return cached


def _grant_rows(user_ids: list[int]) -> Any:
    """``(user_id, content_id, source name)`` for every running grant of these people,
    from every registered source, as one query (or an empty list when no app grants)."""
    from harambee.core.registry import grant_sources

    queries = [
        query.order_by().annotate(_source=Value(source.name, output_field=CharField()))
        for source in grant_sources()
        for query in source.pairs_for(user_ids)
    ]
    if not queries:
        return []
    return queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]


def _keep_grants(users: list[Any], rows: Any) -> None:
    found: dict[int, dict[str, set[int]]] = {user.pk: {} for user in users}
    for user_id, content_id, source in rows:
        found[user_id].setdefault(source, set()).add(content_id)
    for user in users:
        user.__dict__[_GRANTS_ATTR] = {
            source: frozenset(ids) for source, ids in found[user.pk].items()
        }


def granted_ids(user: Any, source: str | None = None) -> frozenset[int]:
    """The ids of items ``user`` holds a running grant for (from ``source`` only, when
    given: ``"threads"``, ``"events"``), read in one query and cached on the user object
    for the length of one request."""
    if not is_reader(user):
        return frozenset()
    grants = user.__dict__.get(_GRANTS_ATTR)
    if grants is None:
        if not _may_hold_grants(user):
            user.__dict__[_GRANTS_ATTR] = {}
        elif _MEMBERSHIPS_ATTR not in user.__dict__:
            _read_memberships_and_grants(user)
        else:
            _keep_grants([user], _grant_rows([user.pk]))
        grants = user.__dict__[_GRANTS_ATTR]
    if source is not None:
        return grants.get(source, frozenset())
    return frozenset().union(*grants.values())


def prime_granted(users: list[Any]) -> None:
    """Load what is granted to many people in one query, and keep it where ``can_view``
    and ``visible`` look for it (``granted_ids``), so checking each of them asks nothing
    more."""
    now = timezone.now()
    readers = [
        user
        for user in users
        if is_reader(user)
        and (user.__dict__.get(_RECHECK_ATTR) or (user.granted_until or now) > now)
    ]
    for user in users:
        user.__dict__[_GRANTS_ATTR] = {}
    if readers:
        _keep_grants(readers, _grant_rows([user.pk for user in readers]))


def note_grant(user_id: int, expires: Any, *, user: Any = None) -> None:
    """Record on the person's row that they hold a grant until ``expires`` (kept as the
    latest end of all their grants), so the gate knows to read their grants. Every
    source calls it when a grant is given or extended (the grant models' ``save``);
    ``user``, when given, is the same person's loaded object, updated alike."""
    from harambee.people.models import User

    User.objects.filter(pk=user_id).filter(
        Q(granted_until__isnull=True) | Q(granted_until__lt=expires)
    ).update(granted_until=expires)
    if user is not None and (user.granted_until is None or user.granted_until < expires):
        user.granted_until = expires
        user.__dict__.pop(_GRANTS_ATTR, None)


def forget_memberships(user: Any) -> None:
    """Drop the per-request membership and grant caches after a join, leave, removal
    or thread invitation."""
    if user is not None:
        user.__dict__.pop(_SPACE_IDS_ATTR, None)
        user.__dict__.pop(_GRANTS_ATTR, None)
        user.__dict__.pop(_MEMBERSHIPS_ATTR, None)
        # A grant given in this request is not yet on the loaded row: read them.
        user.__dict__[_RECHECK_ATTR] = True


def visible(user: Any, queryset: Q_T) -> Q_T:
    """Narrow ``queryset`` (Content or a subclass) to the rows ``user`` may read."""
    queryset = queryset.filter(removed=False)
    if not is_reader(user):
        return queryset.filter(visibility=Visibility.PUBLIC)
    member_of = _active_memberships(user).values("space_id")
    coauthor = Exists(
        Content.coauthors.through.objects.filter(content_id=OuterRef("pk"), user_id=user.pk)
    )
    allowed = (
        Q(visibility=Visibility.PUBLIC)
        | Q(author_id=user.pk)
        | coauthor
        | Q(visibility__in=[Visibility.ALLIANCE, Visibility.SPACE], space_id__in=member_of)
    )
    granted = granted_ids(user)
    if granted:
        # A kind's pk is its Content pk (multi-table inheritance), so this works on
        # Content and on every concrete kind alike.
        allowed |= Q(visibility__in=_GRANTABLE, pk__in=sorted(granted))
    if user.may(Perm.READ_ALLIANCE):
        allowed |= Q(visibility=Visibility.ALLIANCE)
    return queryset.filter(allowed)


def can_view(user: Any, obj: Content) -> bool:
    """Whether ``user`` may read ``obj``. Agrees with ``visible`` for every row."""
    if obj.removed:
        return False
    if obj.visibility == Visibility.PUBLIC:
        return True
    if not is_reader(user):
        return False
    if obj.author_id == user.pk:
        return True
    if obj.visibility == Visibility.ALLIANCE and user.may(Perm.READ_ALLIANCE):
        return True
    if (
        obj.visibility in (Visibility.ALLIANCE, Visibility.SPACE)
        and obj.space_id is not None
        and obj.space_id in active_space_ids(user)
    ):
        return True
    if obj.visibility in _GRANTABLE and obj.pk in granted_ids(user):
        return True
    # Co-authors read with the item (``prefetch_related("coauthors")``) are asked of it.
    coauthors = getattr(obj, "_prefetched_objects_cache", {}).get("coauthors")
    if coauthors is not None:
        return any(person.pk == user.pk for person in coauthors)
    return Content.coauthors.through.objects.filter(content_id=obj.pk, user_id=user.pk).exists()


def sight_unchanged_for(user: Any, limit: int, now: Any = None) -> int:
    """For how many seconds (at most ``limit``) what ``user`` may see is sure to stay
    as it is, but for writes: not past their first membership to expire, and not at all
    for a reader holding a grant (grants end by time). What a reader may see, kept for
    them in the shared cache under the write generation (``core.anoncache``), is kept
    this long."""
    if not is_reader(user) or granted_ids(user):
        return 0
    seconds = limit
    now = now or timezone.now()
    for membership in active_memberships(user).values():
        if membership.expires is not None:
            seconds = min(seconds, int((membership.expires - now).total_seconds()))
    return max(seconds, 0)


def visible_spaces(user: Any, queryset: QuerySet[Space]) -> QuerySet[Space]:
    """Narrow a queryset of spaces to those ``user`` may know exist."""
    from harambee.spaces.models import Space

    if not is_reader(user):
        return queryset.filter(listing=Space.Listing.PUBLIC)
    if user.may(Perm.SEE_ALL_SPACES):
        return queryset
    member_of = _active_memberships(user).values("space_id")
    allowed = Q(listing=Space.Listing.PUBLIC) | Q(pk__in=member_of)
    if user.may(Perm.SEE_MEMBER_SPACES):
        allowed |= Q(listing=Space.Listing.MEMBERS)
    return queryset.filter(allowed)


def can_see_space(user: Any, space: Space) -> bool:
    """Whether ``user`` may know ``space`` exists. Agrees with ``visible_spaces``."""
    from harambee.spaces.models import Space

    if space.listing == Space.Listing.PUBLIC:
        return True
    if not is_reader(user):
        return False
    if user.may(Perm.SEE_ALL_SPACES):
        return True
    if space.listing == Space.Listing.MEMBERS and user.may(Perm.SEE_MEMBER_SPACES):
        return True
    return space.pk in active_space_ids(user)


def listed_people(queryset: Q_T) -> Q_T:
    """Narrow a queryset of people to those who may be named and linked to across the
    alliance (active, in a listed role): what a mention may link to."""
    return queryset.filter(is_active=True, role__in=alliance_roles_with(Perm.BE_LISTED))


def visible_people(user: Any, queryset: Q_T) -> Q_T:
    """Narrow a queryset of people to those ``user`` may see (profile, lists, links)."""
    if not is_reader(user):
        return queryset.none()
    if not user.may(Perm.SEE_DIRECTORY):
        return queryset.filter(pk=user.pk)
    return queryset.filter(
        Q(pk=user.pk) | Q(is_active=True, role__in=alliance_roles_with(Perm.BE_LISTED))
    )


def may_see_people(user: Any) -> bool:
    """Whether ``user`` may see anyone but themselves: who may follow a link to a
    listed person (a mention) without a 404."""
    return is_reader(user) and bool(user.may(Perm.SEE_DIRECTORY))


def can_see_person(user: Any, person: Any) -> bool:
    """Whether ``user`` may see ``person``. Agrees with ``visible_people``."""
    if not is_reader(user):
        return False
    if person.pk == user.pk:
        return True
    return user.may(Perm.SEE_DIRECTORY) and person.may(Perm.BE_LISTED)
