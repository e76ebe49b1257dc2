"""The alliance-wide list of lessons: every lesson the reader may see, newest first,
paged by key; nothing else."""

from __future__ import annotations

import pytest

from harambee.core.tests.querycount import assert_constant_queries
from harambee.initiatives.models import Initiative, LearningNote, Lesson

pytestmark = pytest.mark.django_db


def lesson(cast, title, visibility):
    initiative = Initiative.objects.get_or_create(space=cast.space)[0]
    note = LearningNote.objects.create(
        initiative=initiative,
        space=cast.space,
        author=cast.space_lead,
        visibility=visibility,
        title=f"Note for {title}",
    )
    return Lesson.objects.create(
        note=note, space=cast.space, author=cast.space_lead, visibility=visibility, title=title
    )


def test_lessons_are_listed_to_those_who_may_read_them(cast, client_for):
    lesson(cast, "Shared widely", "public")
    lesson(cast, "Inside only", "space")
    visitor = client_for(cast.anon).get("/lessons/").content.decode()
    assert "Shared widely" in visitor and "Inside only" not in visitor
    member = client_for(cast.space_member).get("/lessons/").content.decode()
    assert "Shared widely" in member and "Inside only" in member


def test_the_lesson_list_keeps_its_queries_fixed(cast, client_for):
    def add(n):
        for i in range(n):
            lesson(cast, f"L{i}", "alliance")

    assert_constant_queries(client_for(cast.member), "/lessons/", add)
