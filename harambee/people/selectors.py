from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django_countries import sort_key as country_sort_key

from harambee.people.countries import country_name
from harambee.people.models import Organisation, User
from harambee.people.roles import Perm, alliance_roles_with


def directory_people() -> QuerySet[User]:
    """The people the directory lists: active, in a role that is listed (the same rule
    as ``core.visibility.listed_people``, which sits above this module)."""
    return User.objects.filter(is_active=True, role__in=alliance_roles_with(Perm.BE_LISTED))


def people_list(*, q: str = "", sector: str = "", country: str = "") -> QuerySet[User]:
    qs = directory_people().select_related("organisation")
    if q:
        qs = qs.filter(Q(display_name__icontains=q) | Q(organisation__name__icontains=q))
    if sector:
        qs = qs.filter(sector=sector)
    if country:
        qs = qs.filter(country=country)
    return qs.order_by("display_name", "pk")


def organisation_list(
    *, q: str = "", sector: str = "", country: str = ""
) -> QuerySet[Organisation]:
    qs = Organisation.objects.annotate(
        people_count=Count(
            "people",
            filter=Q(people__is_active=True, people__role__in=alliance_roles_with(Perm.BE_LISTED)),
        )
    )
    if q:
        qs = qs.filter(name__icontains=q)
    if sector:
        qs = qs.filter(sector=sector)
    if country:
        qs = qs.filter(country=country)
    return qs.order_by("name")


def countries_in_use(model: type[User] | type[Organisation]) -> list[tuple[str, str]]:
    # Only the people the directory lists.
    rows: QuerySet[Any] = directory_people() if model is User else Organisation.objects.all()
    # No ordering: the model's default ordering would leak into DISTINCT.
    rows = rows.exclude(country="").order_by()
    codes = set(rows.values_list("country", flat=True).distinct())
    # Named one at a time, then sorted as django-countries sorts: iterating over
    # ``countries`` translates and sorts all 249 names on every request.
    named = [(code, country_name(code)) for code in codes]
    return sorted(named, key=country_sort_key)
