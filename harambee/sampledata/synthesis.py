"""Demo data of the synthesis app: a steward's "what we know" on three themes, citing
demo lessons (one of them restricted, so readers outside its space see "a restricted
lesson"), and related experiences for every demo note, lesson and story.

Called as ``load_synthesis(people, now)`` after the demo's initiatives, lessons and
stories exist; ``people`` is the demo's dict of users by key (``amara``, ``esi``:
stewards)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Count

from harambee.core.models import Visibility
from harambee.core.visibility import visible
from harambee.initiatives.models import Lesson, Theme
from harambee.people.models import User
from harambee.sampledata.datafiles import read
from harambee.synthesis import services
from harambee.synthesis.models import ThemeSynthesis

# What a steward writes per theme: an opening, then a sentence per cited lesson.
WORDS = read("synthesis")
OPENINGS: dict[str, str] = WORDS["openings"]


def _body(opening: str, lesson_ids: list[int]) -> str:
    lines = [opening, ""]
    for sentence, pk in zip(WORDS["sentences"], lesson_ids, strict=False):
        lines.append("- " + sentence.format(cite=f"[[lesson:{pk}]]"))
    lines += ["", WORDS["closing"]]
    return "\n".join(lines)


def load_synthesis(people: dict[str, User], now: datetime) -> None:
    steward = people.get("esi") or people["amara"]
    readable = visible(steward, Lesson.objects.all())
    themes = list(
        Theme.objects.filter(lesson__in=readable)
        .annotate(n=Count("lesson", distinct=True))
        .order_by("-n", "name")
    )
    preferred = [t for t in themes if t.slug in OPENINGS]
    chosen = (preferred + [t for t in themes if t not in preferred])[:3]
    restricted_cited = False
    for n, theme in enumerate(chosen):
        public = list(
            readable.filter(themes=theme, visibility=Visibility.PUBLIC)
            .order_by("created")
            .values_list("pk", flat=True)[:3]
        )
        hidden = list(
            readable.filter(themes=theme)
            .exclude(visibility=Visibility.PUBLIC)
            .order_by("created")
            .values_list("pk", flat=True)[:1]
        )
        if not restricted_cited and hidden:
            public = public[:2] + hidden
            restricted_cited = True
        if not public:
            continue
        opening = OPENINGS.get(theme.slug) or WORDS["fallback"].format(theme=theme.name.lower())
        services.synthesis_save(actor=steward, theme=theme, body=_body(opening, public))
        ThemeSynthesis.objects.filter(theme=theme).update(updated=now - timedelta(days=3 + n))
    services.related_compute_all()
