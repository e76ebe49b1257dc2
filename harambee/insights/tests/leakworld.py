"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

Insights add no items: their pages and CSV files count the items every other app made
and name threads only to those who may read them. Every thread of the world is made
two days old, so each raises an "unanswered" prompt (its one reply is its author's
own), and each gets slow mode. The tour then asks for every space's page and every
table's CSV, every thread's page and CSV, and the alliance's, as every member of the
cast: no hidden thread's title, nor the secret space's name, may show."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from harambee.core.models import Content
from harambee.insights.compute import snapshot_compute
from harambee.insights.models import Prompt, SlowMode
from harambee.insights.periods import make_period
from harambee.insights.prompts import prompts_raise
from harambee.spaces.models import Post

TABLES = (
    "activity",
    "response",
    "inequality",
    "diversity",
    "sectors",
    "exchange",
    "matrix",
    "channels",
    "survey",
    "languages",
    "reach",
    "people",
    "threads",
)


def build(cast, world) -> None:
    when = timezone.now() - timedelta(hours=50)
    ids = [p.pk for p in world["posts"]]
    Content.objects.filter(pk__in=ids).update(created=when)
    Post.objects.filter(pk__in=ids).update(last_activity=when)
    for person, sector in ((cast.space_lead, "government"), (cast.outsider, "business")):
        person.sector = sector
        person.save(update_fields=["sector"])
    prompts_raise()
    for post in world["posts"]:
        SlowMode.objects.create(thread=post, minutes=5, ends=timezone.now() + timedelta(days=1))
    world["insights_prompts"] = list(Prompt.objects.values_list("pk", flat=True))
    # The default period's measures, as the scheduled task leaves them: the tour's
    # pages then read them instead of computing them again for each reader.
    period = make_period()
    scopes = ["alliance", *(f"space:{s.pk}" for s in world["spaces"])]
    scopes += [f"thread:{p.pk}" for p in world["posts"]]
    for scope in scopes:
        snapshot_compute(scope=scope, start=period.start, end=period.end)


def urls_for(name: str, cast, world) -> list[str] | None:
    if not name.startswith("insights:"):
        return None
    route = name.split(":", 1)[1]
    spaces, posts = world["spaces"], world["posts"]
    if route in {"space", "space_prompts"}:
        return [reverse(name, args=[s.slug]) for s in spaces]
    if route == "space_csv":
        return [reverse(name, args=[s.slug, t]) for s in spaces for t in TABLES]
    if route in {"thread", "slow_mode"}:
        return [reverse(name, args=[p.pk]) for p in posts]
    if route == "thread_csv":
        return [reverse(name, args=[p.pk, t]) for p in posts for t in ("activity", "people")]
    if route == "alliance_csv":
        return [reverse(name, args=[t]) for t in TABLES]
    if route == "dismiss":
        return [reverse(name, args=[pk]) for pk in world["insights_prompts"]]
    return [reverse(name)]
