"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

The API adds no items: every list, detail, comment list and search of the API is
fetched for the whole cast (through the session, which the API accepts as a token of
its person), and no hidden marker, nor the secret space's name, may appear. Details
are fetched for a handful of each kind's items, hidden ones among them (they answer
404); ``api/tests/test_api_gate.py`` checks both sides with tokens."""

from __future__ import annotations

from django.urls import reverse

from harambee.events.models import Event
from harambee.initiatives.models import Initiative, LearningNote, Lesson
from harambee.library.models import Resource
from harambee.spaces.models import Post
from harambee.stories.models import Story
from harambee.wiki.models import WikiPage

# Items fetched one by one per kind: enough to cover every visibility and place.
PER_KIND = 8

MODELS = {
    "thread": Post,
    "note": LearningNote,
    "lesson": Lesson,
    "story": Story,
    "wiki": WikiPage,
    "resource": Resource,
    "event": Event,
}


def build(cast, world) -> None:
    from harambee.api import services

    token, _secret = services.token_create(user=cast.space_member, name="leak", days=1)
    world["api_token"] = token


def _items(world, model) -> list:
    found = [item for item in world["items"] if isinstance(item, model)]
    if model is Post:
        found = [item for item in found if item.kind == Post.KIND]
    # Hidden and shown alike: spread over the list, which cycles through visibilities.
    step = max(1, len(found) // PER_KIND)
    return found[::step][:PER_KIND] or list(model.objects.order_by("pk")[:PER_KIND])


def urls_for(name: str, cast, world) -> list[str] | None:
    if not name.startswith("api:"):
        return None
    route = name.split(":", 1)[1]
    if route == "token_revoke":
        return [reverse(name, args=[world["api_token"].pk])]
    if route == "search":
        base = reverse(name)
        return [f"{base}?q=LEAK", f"{base}?q=LEAK&page=2", f"{base}?q=SECRETSPACE"]
    kind, _dash, shape = route.partition("-")
    if shape == "list":
        return [reverse(name)]
    if kind == "space":
        return [reverse(name, args=[s.slug]) for s in world["spaces"]]
    if kind == "initiative":
        return [reverse(name, args=[i.space.slug]) for i in Initiative.objects.all()[:PER_KIND]]
    if kind in MODELS:
        return [reverse(name, args=[item.pk]) for item in _items(world, MODELS[kind])]
    return [reverse(name)]
