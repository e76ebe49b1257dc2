"""The demo alliance's resource library: toolkits, reports, position papers, videos,
radio recordings and datasets in several languages, some only for a space or still
private; a toolkit in its second version; download counts; and collections, among
them a training pack that also lists the knowledge base's pages when they exist.

Files are made in code (``demo_pdf``, ``demo_photo``); links use reserved
``.example`` domains. Called by ``demo.load_demo`` after the wiki's demo."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core.files.base import ContentFile

from harambee.core.models import Content
from harambee.core.services import comment_create, reaction_toggle
from harambee.core.visibility import can_view
from harambee.initiatives.models import Initiative, Theme
from harambee.library import services
from harambee.library.models import Resource, ResourceVersion
from harambee.people.models import Organisation, User
from harambee.sampledata.common import text
from harambee.sampledata.datafiles import read, records
from harambee.sampledata.files import demo_pdf, demo_photo
from harambee.sampledata.people import ORGANISATIONS
from harambee.sampledata.specs import ResourceSpec
from harambee.spaces.models import Space
from harambee.wiki.models import WikiPage

RESOURCES: tuple[ResourceSpec, ...] = records(ResourceSpec, read("library")["resources"])
# Titles of knowledge-base pages a training pack on multi-stakeholder processes
# would point to; those the wiki's demo made are added, in this order.
TRAINING_WIKI_TITLES: dict[str, str] = read("library")["training_wiki_titles"]


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
        body=text(spec.body),
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
    people: dict[str, User],
    spaces: dict[str, Space],
    initiatives: dict[str, Initiative],
    now: datetime,
) -> None:
    orgs = _organisations()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    made: dict[str, Resource] = {}
    for spec in RESOURCES:
        resource = _resource(spec, people, spaces, initiatives, orgs, themes)
        when = now - timedelta(days=spec.days_ago)
        Content.objects.filter(pk=resource.pk).update(created=when, updated=when)
        made[spec.key] = resource

    _second_edition(people, made, now)
    for spec in RESOURCES:
        _count_downloads(made[spec.key], spec.downloads)
    talk = read("library")["talk"]
    for key, author, body in talk["comments"]:
        comment_create(author=people[author], content=made[key], body=body)
    for key, person, kind in talk["reactions"]:
        reaction_toggle(user=people[person], content=made[key], type=kind)
    for collection in read("library")["collections"]:
        _collection(people, spaces, made, collection)


def _second_edition(people: dict[str, User], made: dict[str, Resource], now: datetime) -> None:
    """A new version of a resource: the first stays downloadable."""
    edition = read("library")["second_edition"]
    second = services.resource_version_add(
        actor=people[edition["by"]],
        resource=made[edition["resource"]],
        upload=ContentFile(demo_pdf(tuple(edition["pdf"])), name=edition["name"]),
        note=edition["note"],
    )
    ResourceVersion.objects.filter(pk=second.pk).update(
        created=now - timedelta(days=edition["days_ago"])
    )


def _collection(
    people: dict[str, User],
    spaces: dict[str, Space],
    made: dict[str, Resource],
    spec: dict[str, Any],
) -> None:
    curator = people[spec["author"]]
    collection = services.collection_create(
        author=curator,
        space=spaces[spec["space"]] if spec.get("space") else None,
        title=spec["title"],
        body=text(spec["body"]),
        visibility=spec["visibility"],
    )
    for key, note in spec["entries"]:
        services.collection_entry_add(
            actor=curator, collection=collection, item=made[key], note=note
        )
    if not spec.get("wiki_pages"):
        return
    pages = {p.title: p for p in WikiPage.objects.filter(title__in=list(TRAINING_WIKI_TITLES))}
    for title, note in TRAINING_WIKI_TITLES.items():
        page = pages.get(title)
        if page is not None and can_view(curator, page):
            services.collection_entry_add(
                actor=curator, collection=collection, item=page, note=note
            )
