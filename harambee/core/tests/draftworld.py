"""Unsaved drafts and pictures in texts in the leak test's world (see ``core/tests/test_leaks.py``).

Every signed-in member of the cast has autosaved drafts (core/editor.py) on the forms
of items of every visibility, holding a ``DRAFTLEAK`` marker, a #tag and an
@mention. A draft is nobody's content: the tour fails if the marker shows on any
page to anyone, its author included (no list, search, feed, tag page, home or
notification shows a draft); only the draft endpoint gives it back, to its writer
(``test_editor.py``). A picture is in each post of the space lead: its route is
toured by everyone (who may read it is tested in ``test_editor.py``)."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.urls import reverse

from harambee.core.models import Draft, InlineImage

MARKER = "DRAFTLEAK"
TAG = "draftleaktag"
# A word only drafts hold, searched for (the search page repeats what was asked).
WORD = "draftonlyword"


def build(cast, world) -> None:
    writers = [getattr(cast, name) for name in cast.names if name != "anon"]
    drafts = [
        Draft(
            author=writer,
            key=f"{reverse('spaces:post_edit', args=[post.pk])}#body",
            body=f"{MARKER}-{writer.pk}-{post.pk} {WORD} #{TAG} @{cast.steward.display_name}",
        )
        for writer in writers
        for post in world["posts"]
    ]
    Draft.objects.bulk_create(drafts)
    image = InlineImage(uploaded_by=cast.space_lead, mime="image/jpeg")
    image.file.save("abcdefghijkl.jpg", ContentFile(b"\xff\xd8\xff\xe0 not shown"), save=False)
    image.save()
    image.used_in.set([p for p in world["posts"] if p.author_id == cast.space_lead.pk])
    world["inline_image"] = image
    world.setdefault("never_shown", []).append(MARKER)
    world.setdefault("extra_urls", []).extend(
        [
            reverse("search:search") + f"?q={WORD}",
            reverse("stream:tag", args=[TAG]),
            reverse("stream:suggest") + f"?q=%23{TAG[:5]}",
        ]
    )


def urls_for(name: str, cast, world) -> list[str] | None:
    if name == "core:inline_image":
        return [world["inline_image"].get_absolute_url()]
    if name == "core:editor_draft":
        # Without a key: nothing. Each writer's own drafts are read in test_editor.py.
        return [reverse(name)]
    return None
