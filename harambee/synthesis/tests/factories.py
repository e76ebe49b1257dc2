"""Small helpers to write initiatives, notes, lessons and stories for these tests."""

from __future__ import annotations

from typing import Any

from harambee.initiatives.models import (
    Initiative,
    InitiativeOrganisation,
    LearningNote,
    Lesson,
    Theme,
)
from harambee.spaces.models import Space
from harambee.stories.models import Story


def theme(slug: str = "water-governance", name: str = "Water governance") -> Theme:
    return Theme.objects.get_or_create(slug=slug, defaults={"name": name, "group": "issue"})[0]


def initiative(space: Space, countries=("GH",), stage="running", org=None) -> Initiative:
    Space.objects.filter(pk=space.pk).update(kind=Space.Type.INITIATIVE)
    found = Initiative.objects.create(space=space, countries=list(countries), stage=stage)
    if org is not None:
        InitiativeOrganisation.objects.create(initiative=found, organisation=org)
    return found


def note(initiative: Initiative, author: Any, vis: str, title: str, text: str = "", themes=()):
    made = LearningNote(
        initiative=initiative,
        space=initiative.space,
        author=author,
        visibility=vis,
        title=title,
        learned=text or title,
    )
    made.save()
    made.themes.add(*themes)
    return made


def lesson(note: LearningNote, vis: str, title: str, text: str = "", themes=(), strength="single"):
    made = Lesson.objects.create(
        note=note,
        space=note.space,
        author=note.author,
        visibility=vis,
        title=title,
        body=text or title,
        strength=strength,
    )
    made.themes.add(*themes)
    return made


def story(space: Space | None, author: Any, vis: str, title: str, text: str, themes=()):
    made = Story.objects.create(
        space=space,
        author=author,
        visibility=vis,
        status="published",
        audience="public" if vis == "public" else vis,
        title=title,
        body=text,
    )
    made.themes.add(*themes)
    return made
