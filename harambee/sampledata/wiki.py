"""The demo alliance's knowledge base: methodologies, tools, techniques, concepts and
a case, written and revised by several people, linked to each other and to the
learning notes that used them; a space wiki page, a private draft, and talk.

``load_wiki`` is called by ``demo.load_demo`` after people, spaces and learning
notes exist; it takes the dictionaries that function builds.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from harambee.core.services import comment_create
from harambee.initiatives.models import LearningNote
from harambee.people.models import User
from harambee.sampledata.common import text
from harambee.sampledata.datafiles import read, records
from harambee.sampledata.specs import PageSpec
from harambee.spaces.models import Space
from harambee.wiki import services
from harambee.wiki.models import WikiPage, WikiRevision

PAGES: tuple[PageSpec, ...] = records(PageSpec, read("wiki")["pages"])


def _text(body: str) -> str:
    """A page body from the data file, ending with a newline."""
    return text(body) + "\n"


def load_wiki(
    people: dict[str, User],
    spaces: dict[str, Space],
    notes: dict[str, LearningNote],
    now: datetime,
) -> dict[str, WikiPage]:
    """Write the demo's wiki pages, their revisions, renames and talk. Returns the
    pages by key."""
    pages: dict[str, WikiPage] = {}
    for spec in PAGES:
        created = now - timedelta(days=spec.days_ago)
        space = spaces[spec.space] if spec.space else None
        page = services.page_create(
            author=people[spec.author],
            space=space,
            title=spec.title,
            body=_text(spec.body),
            category=spec.category,
            visibility=spec.visibility,
            examples=[notes[key].pk for key in spec.examples if key in notes],
        )
        steps = [created]
        for n, edit in enumerate(spec.edits, start=1):
            current = WikiPage.objects.get(pk=page.pk)
            body = (
                current.body.replace(edit.find, edit.replace, 1)
                if edit.find
                else current.body + edit.replace
            )
            services.page_edit(
                actor=people[edit.author],
                page=current,
                body=body,
                base_revision=current.revision,
                summary=edit.summary,
            )
            steps.append(created + timedelta(days=2 * n, hours=3 * n))
        if spec.renamed_to:
            services.page_rename(
                actor=people[spec.renamed_by],
                page=WikiPage.objects.get(pk=page.pk),
                title=spec.renamed_to,
                summary="Spell out the name; the abbreviation confused newcomers",
            )
            steps.append(created + timedelta(days=2 * len(steps) + 1))
        for number, when in enumerate(steps, start=1):
            WikiRevision.objects.filter(page=page, number=number).update(created=when)
        WikiPage.objects.filter(pk=page.pk).update(created=created, updated=steps[-1])
        page = WikiPage.objects.select_related("space").get(pk=page.pk)
        for author, body in spec.comments:
            comment_create(author=people[author], content=page, body=body)
        pages[spec.key] = page
    return pages
