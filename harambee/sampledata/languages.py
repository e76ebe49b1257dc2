"""Demo items in the alliance's other languages, each a human translation of a demo
thread linked to its original, so readers see "Also in: …" and a reader in French,
Spanish, Portuguese or Swahili is offered their version (docs/translations.md)."""

from __future__ import annotations

from harambee.core.translations import language_set
from harambee.people.models import User
from harambee.sampledata.datafiles import read
from harambee.spaces.models import Post
from harambee.spaces.services import post_create


def load_languages(people: dict[str, User]) -> int:
    made = 0
    for row in read("languages")["translations"]:
        original = Post.objects.get(title=row["original"])
        translator = people[row["by"]]
        translation = post_create(
            author=translator,
            space=original.space,
            title=row["title"],
            body=row["body"].strip(),
            visibility=original.visibility,
            language=row["language"],
        )
        language_set(
            actor=translator, item=translation, language=row["language"], original=original
        )
        made += 1
    return made
