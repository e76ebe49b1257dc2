"""The demo alliance's resource library: toolkits, reports, position papers, videos,
radio recordings and datasets in several languages, some only for a space or still
private; a toolkit in its second version; download counts; and collections, among
them a training pack that also lists the knowledge base's pages when they exist.

Files are made in code (``demo_pdf``, ``demo_photo``); links use reserved
``.example`` domains. Called by ``demo.load_demo`` after the wiki's demo."""

from __future__ import annotations

from datetime import datetime, timedelta
from textwrap import dedent
from typing import Any

from django.core.files.base import ContentFile

from harambee.core.models import Content
from harambee.core.services import comment_create, reaction_toggle
from harambee.core.visibility import can_view
from harambee.initiatives.models import Theme
from harambee.library import services
from harambee.library.models import Resource, ResourceVersion
from harambee.people.models import Organisation
from harambee.sampledata.datafiles import read, records
from harambee.sampledata.files import demo_pdf, demo_photo
from harambee.sampledata.people import ORGANISATIONS
from harambee.sampledata.specs import ResourceSpec
from harambee.wiki.models import WikiPage

RESOURCES: tuple[ResourceSpec, ...] = records(ResourceSpec, read("library")["resources"])
# Titles of knowledge-base pages a training pack on multi-stakeholder processes
# would point to; those the wiki's demo made are added, in this order.
TRAINING_WIKI_TITLES: dict[str, str] = read("library")["training_wiki_titles"]


def _text(body: str) -> str:
    return dedent(body).strip()


def _safe_name(title: str, extension: str) -> str:
    stem = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")
    return f"{'-'.join(part for part in stem.split('-') if part)[:50]}.{extension}"


def _upload(spec: ResourceSpec) -> ContentFile | None:
    if spec.pdf:
        return ContentFile(demo_pdf(spec.pdf), name=_safe_name(spec.title, "pdf"))
    if spec.photo:
        return ContentFile(demo_photo(spec.photo), name=_safe_name(spec.title, "jpg"))
    return None


def _resource(
    spec: ResourceSpec,
    people: dict[str, Any],
    spaces: dict[str, Any],
    initiatives: dict[str, Any],
    orgs: dict[str, Any],
    themes: dict[str, Any],
) -> Resource:
    return services.resource_create(
        author=people[spec.author],
        space=spaces[spec.space] if spec.space else None,
        title=spec.title,
        resource_type=spec.type,
        body=_text(spec.body),
        visibility=spec.visibility,
        link=spec.link,
        upload=_upload(spec),
        version_note="First edition" if spec.pdf or spec.photo else "",
        author_names=spec.author_names,
        coauthors=[people[key] for key in spec.coauthors],
        organisations=[orgs[key] for key in spec.orgs],
        languages=list(spec.languages),
        licence=spec.licence,
        year=spec.year,
        themes=[themes[slug] for slug in spec.themes],
        initiatives=[initiatives[key] for key in spec.initiatives],
    )


def _count_downloads(resource: Resource, total: int) -> None:
    """Spread ``total`` over the versions, the current one taking most."""
    versions = list(resource.versions.order_by("number"))
    if not versions or not total:
        return
    left = total
    for version in versions[:-1]:
        share = total // (3 * len(versions))
        ResourceVersion.objects.filter(pk=version.pk).update(download_count=share)
        left -= share
    ResourceVersion.objects.filter(pk=versions[-1].pk).update(download_count=left)
    Resource.objects.filter(pk=resource.pk).update(download_count=total)


def _organisations() -> dict[str, Any]:
    """The demo's organisations by their keys in ``people.ORGANISATIONS``."""
    by_name = {org.name: org for org in Organisation.objects.all()}
    return {spec.key: by_name[spec.name] for spec in ORGANISATIONS if spec.name in by_name}


def load_library(
    people: dict[str, Any], spaces: dict[str, Any], initiatives: dict[str, Any], now: datetime
) -> None:
    orgs = _organisations()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    made: dict[str, Resource] = {}
    for spec in RESOURCES:
        resource = _resource(spec, people, spaces, initiatives, orgs, themes)
        when = now - timedelta(days=spec.days_ago)
        Content.objects.filter(pk=resource.pk).update(created=when, updated=when)
        made[spec.key] = resource

    # The toolkit's second edition: the first stays downloadable.
    toolkit = made["mapping"]
    second = services.resource_version_add(
        actor=people["amara"],
        resource=toolkit,
        upload=ContentFile(
            demo_pdf(
                (
                    "Stakeholder mapping toolkit, second edition",
                    "Harambee Alliance Secretariat, with the Cape Centre for Complexity and Change",
                    "",
                    "1. Actor listing: everyone who affects or is affected by the issue.",
                    "2. Power and interest grid: where each actor stands, and why.",
                    "3. Relationship map: alliances, tensions, silences.",
                    "4. Who is not here? The voices the process still misses.",
                    "5. New: a worksheet for revisiting the map after six months.",
                )
            ),
            name="stakeholder-mapping-toolkit-2.pdf",
        ),
        note="Added a worksheet for revisiting the map after six months; fixed the grid's labels.",
    )
    ResourceVersion.objects.filter(pk=second.pk).update(created=now - timedelta(days=30))
    for spec in RESOURCES:
        _count_downloads(made[spec.key], spec.downloads)

    comment_create(
        author=people["otieno"],
        content=toolkit,
        body="We used the 'who is not here' sheet in Gatanga: it is how the women's "
        "committee ended up at the table.",
    )
    comment_create(
        author=people["ingrid"],
        content=toolkit,
        body="The Spanish version of the grid is in the dialogue toolkit, module 1.",
    )
    for key in ("kwame", "lucia", "arjun"):
        reaction_toggle(user=people[key], content=toolkit, type="insightful")
    reaction_toggle(user=people["akosua"], content=made["fire-video"], type="thanks")

    _load_collections(people, spaces, made, WikiPage)


def _load_collections(
    people: dict[str, Any], spaces: dict[str, Any], made: dict[str, Resource], wiki_page: Any
) -> None:
    # The training programme's facilitator curates the pack, so it can hold the
    # cohort's own slides: readers outside the cohort do not see that entry at all.
    curator = people["marites"]
    pack = services.collection_create(
        author=curator,
        space=None,
        title="Training pack on multi-stakeholder processes",
        body=_text("""
            Everything a new facilitator needs for the first three months of a
            multi-stakeholder process, in the order we suggest reading it. Some items are
            only for participants of the training programme: you see those if you are one.
        """),
        visibility="public",
    )
    entries = [
        ("complexity", "Start here: why a blueprint will not survive the first meeting."),
        ("mapping", "The core toolkit. Do worksheets 1 and 4 before your first workshop."),
        ("mapping-fr", "The same toolkit in French."),
        ("dialogo", "For Spanish-speaking groups: agreements and listening exercises."),
        ("cohort-slides", "Participants of cohort 3: the slides of module 2."),
        ("literature", "Background reading on power and inclusion."),
        ("enabling", "To share with the leaders who mandate your process."),
    ]
    for key, note in entries:
        services.collection_entry_add(actor=curator, collection=pack, item=made[key], note=note)
    pages = {p.title: p for p in wiki_page.objects.filter(title__in=list(TRAINING_WIKI_TITLES))}
    for title, note in TRAINING_WIKI_TITLES.items():
        page = pages.get(title)
        if page is not None and can_view(curator, page):
            services.collection_entry_add(actor=curator, collection=pack, item=page, note=note)

    land = services.collection_create(
        author=people["ana"],
        space=spaces["land"],
        title="Land and tenure reading list",
        body="What the working group reads and shares about tenure, consent and carbon.",
        visibility="alliance",
    )
    for key, note in (
        ("tenure", "Our position, agreed in 2025."),
        ("para", "Members of the Pará space: the draft we are discussing."),
        ("consent", "A consent protocol any community can adapt."),
        ("cartografia", "How to map a territory with the community."),
        ("fire-video", ""),
    ):
        services.collection_entry_add(
            actor=people["ana"], collection=land, item=made[key], note=note
        )

    water = services.collection_create(
        author=people["otieno"],
        space=spaces["tana"],
        title="Water stewardship starter kit",
        body="For a catchment forum's first year: data, dialogue and who to involve.",
        visibility="public",
    )
    for key, note in (
        ("water-video", "Watch this together at the first meeting."),
        ("mwongozo", "Kiswahili guide for village meetings (members of the space)."),
        ("tana-data", "Our river data, with the codebook."),
        ("maha-report", "What Ahmednagar learned about women's voices on committees."),
    ):
        services.collection_entry_add(
            actor=people["otieno"], collection=water, item=made[key], note=note
        )
