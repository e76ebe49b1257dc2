from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django_countries import countries as all_countries

from harambee.people.models import Organisation, User


def people_list(*, q: str = "", sector: str = "", country: str = "") -> QuerySet[User]:
    qs = User.objects.filter(is_active=True).exclude(role="guest").select_related("organisation")
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
        people_count=Count("people", filter=Q(people__is_active=True) & ~Q(people__role="guest"))
    )
    if q:
        qs = qs.filter(name__icontains=q)
    if sector:
        qs = qs.filter(sector=sector)
    if country:
        qs = qs.filter(country=country)
    return qs.order_by("name")


def countries_in_use(model: type[User] | type[Organisation]) -> list[tuple[str, str]]:
    rows: QuerySet[Any]
    if model is User:
        # Only the people the directory lists: active members, never guests.
        rows = User.objects.filter(is_active=True).exclude(role="guest")
    else:
        rows = Organisation.objects.all()
    # No ordering: the model's default ordering would leak into DISTINCT.
    rows = rows.exclude(country="").order_by()
    codes = set(rows.values_list("country", flat=True).distinct())
    return [(code, name) for code, name in all_countries if code in codes]
