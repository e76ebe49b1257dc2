"""Suggestions while someone writes (core/editor.py): the people they may mention and
the tags in use, for ``@luc`` or ``#wat``. Accents do not matter (``lucia`` finds
Lucía, ``educacion`` finds #educación), as for mentions themselves
(``core.markdown.fold_accents``). Reads go through the gate: people the writer may see
and who may be linked by a mention; tags carried by an item the writer may read."""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

from django.db.models import Exists, OuterRef, Q

from harambee.core.markdown import MAX_NAME_LENGTH, fold_accents, normalise_name
from harambee.core.models import Content
from harambee.core.visibility import listed_people, visible, visible_people
from harambee.people.models import User
from harambee.stream.models import ContentHashtag, Handle, Hashtag

LIMIT = 8
# Tags read to fold their accents in Python, at most: the first letter narrows them.
TAG_CANDIDATES = 400


@cache
def _letters_folding_to(letter: str) -> tuple[str, ...]:
    """Every Latin letter whose folded form is ``letter`` (``a`` -> a, á, à, â…)."""
    found = {letter}
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        if unicodedata.category(char).startswith("L") and fold_accents(char) == letter:
            found.add(char)
    return tuple(sorted(found))


def mention_suggestions(*, user: Any, query: str, limit: int = LIMIT) -> list[dict[str, str]]:
    """People ``user`` may see and mention whose handle starts with ``query`` (or a
    later part of it: ``ram`` finds lucia_ramirez), or whose name contains it."""
    folded = fold_accents(query)[:MAX_NAME_LENGTH]
    if not folded:
        return []
    people = visible_people(user, listed_people(User.objects.all())).values("pk")
    rows = (
        Handle.objects.filter(user__in=people)
        .filter(
            Q(name__startswith=folded)
            | Q(name__contains=f"_{folded}")
            | Q(user__display_name__icontains=query)
        )
        .order_by("name")
        .values_list("name", "user__display_name")[:limit]
    )
    return [{"value": f"@{name}", "label": f"{display} (@{name})"} for name, display in rows]


def tag_suggestions(*, user: Any, query: str, limit: int = LIMIT) -> list[dict[str, str]]:
    """Tags on items ``user`` may read that start with ``query``, accents aside."""
    name = normalise_name(query)[:MAX_NAME_LENGTH]
    folded = fold_accents(name)
    if not folded:
        return []
    # Tags spelt as typed first (an index range), then those that differ only by
    # accents, read by their first letter and folded here (at most TAG_CANDIDATES).
    exact = Hashtag.objects.filter(name__startswith=name).order_by("name")
    wanted = list(exact.values_list("pk", "name")[: limit * 3])
    if len(wanted) < limit * 3:
        starts = Q()
        for letter in _letters_folding_to(folded[0]):
            starts |= Q(name__startswith=letter)
        seen = {pk for pk, _tag in wanted}
        candidates = Hashtag.objects.filter(starts).order_by("name").values_list("pk", "name")
        wanted += [
            (pk, tag)
            for pk, tag in candidates[:TAG_CANDIDATES]
            if pk not in seen and fold_accents(tag).startswith(folded)
        ][: limit * 3 - len(wanted)]
    if not wanted:
        return []
    readable = visible(user, Content.objects.all()).values("pk")
    in_use = ContentHashtag.objects.filter(hashtag=OuterRef("pk"), content__in=readable)
    shown = set(
        Hashtag.objects.filter(pk__in=[pk for pk, _tag in wanted])
        .filter(Exists(in_use))
        .values_list("pk", flat=True)
    )
    return [{"value": f"#{tag}", "label": f"#{tag}"} for pk, tag in wanted if pk in shown][:limit]
