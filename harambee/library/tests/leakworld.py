"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

Resources (with a file whose content, caption and version note carry the marker)
and collections, in every space and alliance-wide, at every visibility. Every
collection lists every resource, so a public collection holds hidden resources and
must not reveal them."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.urls import reverse

from harambee.core.models import Attachment, Visibility
from harambee.core.tests.factories import CommentFactory, OrganisationFactory
from harambee.core.visibility import can_see_space
from harambee.library.models import Collection, CollectionEntry, Resource, ResourceVersion


def _places(cast, world):
    return [*world["authors"].items(), (None, cast.member)]


def build(cast, world) -> None:
    """Add this app's items to ``world`` (and to ``world["items"]``)."""
    items = world["items"]
    resources, versions, collections = [], [], []
    for space, author in _places(cast, world):
        for vis in Visibility.values:
            if space is None and vis == Visibility.SPACE:
                continue
            marker = f"LEAK{len(items)}R"
            resource = Resource.objects.create(
                space=space,
                author=author,
                visibility=vis,
                title=f"{marker}-TITLE",
                body=f"{marker}-BODY",
                resource_type=Resource.Type.REPORT,
                author_names=f"{marker}-AUTHORNAME",
                languages=["fr"],
                year=1990 + len(resources),
            )
            # An organisation only this resource names. Organisations are public to the
            # directory, so its name carries no marker; library tests check that a hidden
            # resource's organisation is not offered as a filter.
            resource.organisations.add(OrganisationFactory())
            attachment = Attachment.objects.create(
                content=resource,
                type="pdf",
                uploaded_by=author,
                caption=f"{marker}-CAPTION",
                original_name=f"{marker}-FILENAME.pdf",
                mime="application/pdf",
                file=ContentFile(f"%PDF-1.4 {marker}-FILE %%EOF".encode(), name="r.pdf"),
                thumbnail=ContentFile(f"{marker}-PREVIEW".encode(), name="r.jpg"),
            )
            version = ResourceVersion.objects.create(
                resource=resource,
                number=1,
                attachment=attachment,
                uploaded_by=author,
                note=f"{marker}-NOTE",
            )
            Resource.objects.filter(pk=resource.pk).update(current=version)
            CommentFactory(content=resource, author=author, body=f"{marker}-COMMENT")
            resource.refresh_from_db()
            resources.append(resource)
            versions.append(version)
            items.append(resource)
    for space, author in _places(cast, world):
        for vis in Visibility.values:
            if space is None and vis == Visibility.SPACE:
                continue
            marker = f"LEAK{len(items)}K"
            collection = Collection.objects.create(
                space=space,
                author=author,
                visibility=vis,
                title=f"{marker}-TITLE",
                body=f"{marker}-BODY",
            )
            CommentFactory(content=collection, author=author, body=f"{marker}-COMMENT")
            collections.append(collection)
            items.append(collection)
    for collection in collections:
        for position, resource in enumerate(resources, start=1):
            CollectionEntry.objects.create(
                collection=collection,
                item=resource,
                position=position,
                note=f"{resource.title.split('-')[0]}-ENTRYNOTE",
                added_by=collection.author,
            )
    world["library_resources"] = resources
    world["library_versions"] = versions
    world["library_collections"] = collections


def urls_for(name: str, cast, world) -> list[str] | None:
    """URLs for this app's routes that take parameters; None for other routes."""
    if not name.startswith("library:"):
        return None
    resources = world["library_resources"]
    collections = world["library_collections"]
    spaces = world["spaces"]
    route = name.split(":", 1)[1]
    if route in {"resource", "edit", "version_add", "download", "add_to_collection"}:
        return [reverse(name, args=[r.pk]) for r in resources]
    if route == "version_download":
        return [reverse(name, args=[r.pk, 1]) for r in resources]
    if route in {"collection", "collection_edit", "entry_add"}:
        return [reverse(name, args=[c.pk]) for c in collections]
    if route in {"entry_move", "entry_remove"}:
        entries = CollectionEntry.objects.filter(collection__in=collections)
        args = [(e.collection_id, e.pk) for e in entries.order_by("pk")[:: max(1, len(resources))]]
        if route == "entry_remove":
            return [reverse(name, args=[c, e]) for c, e in args]
        return [reverse(name, args=[c, e, d]) for c, e in args for d in ("up", "down")]
    if route in {"space_index", "space_create", "space_collections", "space_collection_create"}:
        return [reverse(name, args=[s.slug]) for s in spaces]
    return [reverse(name)]


def listed_on(user, item, world) -> list[str] | None:
    """A resource is listed in the library, and in its space's library; a collection
    among the collections, and its space's; None for other kinds."""
    if isinstance(item, Resource):
        names = ("library:index", "library:space_index")
    elif isinstance(item, Collection):
        names = ("library:collections", "library:space_collections")
    else:
        return None
    if item.space_id is None:
        return [reverse(names[0])]
    if not can_see_space(user, item.space):
        return []
    return [reverse(names[1], args=[item.space.slug])]
