"""What an export holds, for every member of the cast: the rows about items each may
read, and none about items they may not -- both sides, through the same gate as the
pages (``core.visibility.visible``)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from harambee.core.models import Comment, Content, Reaction, Visibility
from harambee.core.tests.factories import PostFactory
from harambee.core.visibility import visible
from harambee.privacy import export

pytestmark = pytest.mark.django_db


def _export(user) -> zipfile.ZipFile:
    out = io.BytesIO()
    export.write_zip(user, out)
    out.seek(0)
    return zipfile.ZipFile(out)


def _rows(archive: zipfile.ZipFile, label: str) -> list[dict]:
    name = f"json/{label}.json"
    return json.loads(archive.read(name)) if name in archive.namelist() else []


def test_every_cast_member_gets_the_rows_about_what_they_may_read(cast):
    author = cast.steward
    items = [
        PostFactory(
            space=space, author=author, visibility=visibility, title=f"{visibility} in {space.slug}"
        )
        for space in (cast.space, cast.other_space)
        for visibility in Visibility.values
    ]
    people = [getattr(cast, name) for name in cast.names if name != "anon"]
    for person in people:
        for item in items:
            # Written straight to the table: the rows exist whatever the person may do now.
            Comment.objects.create(content=item, author=person, body=f"{person.pk} on {item.pk}")
            Reaction.objects.create(content=item, user=person, type=Reaction.Type.LIKE)
    for person in people:
        may_read = set(
            visible(person, Content.objects.filter(pk__in=[i.pk for i in items])).values_list(
                "pk", flat=True
            )
        )
        assert may_read, person  # every one of them may read something (the public items)
        assert len(may_read) < len(items) or person == cast.steward
        archive = _export(person)
        comments = {row["content"] for row in _rows(archive, "core.comment")}
        reactions = {row["content"] for row in _rows(archive, "core.reaction")}
        assert comments == may_read, person
        assert reactions == may_read, person
        titles = b"".join(archive.read(n) for n in archive.namelist())
        for item in items:
            assert (f'"{item.title}"'.encode() in titles) == (
                item.pk in may_read and item.author == person
            )
