"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

Every note and lesson of the world (at every visibility, in three spaces, one of them
secret) is put on one theme; a steward's "what we know" cites every lesson; related
experiences are computed for every note, lesson and story. The routes are then asked
for the theme, its groups, reports for the viewer and the public, and comparisons."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse

from harambee.initiatives.models import Initiative, Theme
from harambee.synthesis import services

GROUPINGS = ("region", "country", "sector", "stage")


def build(cast, world) -> None:
    theme = Theme.objects.create(name="Leak theme", slug="leak-theme", group="issue")
    for note in world["notes"]:
        note.themes.add(theme)
    for lesson in world["lessons"]:
        lesson.themes.add(theme)
    for story in world["stories"]:
        story.themes.add(theme)
    for initiative in Initiative.objects.filter(space__in=world["spaces"]):
        initiative.themes.add(theme)
    body = "What we know. " + " ".join(f"See [[lesson:{x.pk}]]." for x in world["lessons"])
    services.synthesis_save(actor=cast.steward, theme=theme, body=body)
    for item in [*world["notes"], *world["lessons"], *world["stories"]]:
        services.related_compute(content_id=item.pk)
    world["theme"] = theme


def urls_for(name: str, cast, world) -> list[str] | None:
    theme = world["theme"]
    slugs = [s.slug for s in world["spaces"]]
    if name in {"synthesis:theme", "synthesis:theme_edit"}:
        base = reverse(name, args=[theme.slug])
        return [base] + [f"{base}?by={by}" for by in GROUPINGS]
    if name == "synthesis:theme_items":
        base = reverse(name, args=[theme.slug])
        keys = {
            "region": ["Africa", ""],
            "country": ["GH", ""],
            "sector": [""],
            "stage": ["starting", ""],
        }
        return [
            f"{base}?{urlencode({'kind': kind, 'by': by, 'key': key})}"
            for kind in ("lesson", "note", "story", "post")
            for by, values in keys.items()
            for key in values
        ]
    if name in {
        "synthesis:report",
        "synthesis:report_print",
        "synthesis:report_markdown",
    }:
        base = reverse(name)
        queries = [
            {"theme": theme.slug},
            {"theme": theme.slug, "audience": "viewer"},
            {"theme": theme.slug, "audience": "public"},
            {"q": "LEAK", "group": "country"},
            {"q": "TITLE", "audience": "public", "group": "country"},
            {"theme": theme.slug, "country": "GH", "since": "2000-01-01"},
        ]
        return [base] + [f"{base}?{urlencode(q, doseq=True)}" for q in queries]
    if name == "synthesis:report_pdf":
        # The PDF's text is compressed; the leak test reads its source, the print
        # page, above. One PDF is still made for each reader.
        return [f"{reverse(name)}?{urlencode({'theme': theme.slug, 'audience': 'viewer'})}"]
    if name == "synthesis:compare":
        base = reverse(name)
        pairs = [(a, b) for i, a in enumerate(slugs) for b in slugs[i + 1 :]]
        return [base, f"{base}?{urlencode({'i': slugs}, doseq=True)}"] + [
            f"{base}?{urlencode({'i': list(pair)}, doseq=True)}" for pair in pairs
        ]
    return None
