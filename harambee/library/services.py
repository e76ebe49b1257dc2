"""Writes for the resource library: resources, their file versions, downloads and
collections. Each write is atomic; visibility changes are audited."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from harambee.core import anoncache, files
from harambee.core.models import Attachment, Content, Visibility
from harambee.core.posting import check_posting
from harambee.core.services import attachment_add, audit_visibility_change
from harambee.core.visibility import can_view, visible
from harambee.library import rules
from harambee.library.models import (
    EARLIEST_YEAR,
    LANGUAGE_NAMES,
    LATEST_YEAR,
    Collection,
    CollectionEntry,
    Resource,
    ResourceVersion,
)
from harambee.people.models import User
from harambee.spaces.models import Space
from harambee.wiki.models import WikiPage

logger = logging.getLogger(__name__)

# Kinds a collection may hold.
COLLECTABLE = (Resource.KIND, WikiPage.KIND)
# Width of a PDF's first-page preview, in pixels (the same box as image thumbnails).
PREVIEW_WIDTH = files.THUMBNAIL_SIZE[0]


def _check_fields(
    *, space: Space | None, visibility: str, year: int | None, languages: Iterable[str]
) -> None:
    errors: dict[str, str] = {}
    if visibility not in Visibility.values or (space is None and visibility == Visibility.SPACE):
        errors["visibility"] = _("Choose who can see this resource.")
    if year is not None and not EARLIEST_YEAR <= year <= LATEST_YEAR:
        errors["year"] = _("Give a year between %(first)s and %(last)s.") % {
            "first": EARLIEST_YEAR,
            "last": LATEST_YEAR,
        }
    if any(code not in LANGUAGE_NAMES for code in languages):
        errors["languages"] = _("Choose languages from the list.")
    if errors:
        raise ValidationError(errors)


def _render_pdf_preview(data: bytes) -> bytes | None:
    """A JPEG of a PDF's first page, or None when no renderer is installed or the
    PDF cannot be drawn (the page then shows a plain icon)."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        return _render_pdf_preview_with_poppler(data)
    try:
        document = pdfium.PdfDocument(data)
        try:
            if len(document) == 0:
                return None
            page = document[0]
            width = page.get_width() or 1
            bitmap = page.render(scale=min(PREVIEW_WIDTH / width, 2.0))
            image = bitmap.to_pil().convert("RGB")
            image.thumbnail(files.THUMBNAIL_SIZE)
            out = io.BytesIO()
            image.save(out, "JPEG", quality=75, optimize=True)
            return out.getvalue()
        finally:
            document.close()
    except Exception:  # noqa: BLE001 -- any failure of the renderer means "no preview"
        logger.info("No preview for a PDF: the renderer failed.", exc_info=True)
        return None


def _render_pdf_preview_with_poppler(data: bytes) -> bytes | None:
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    binary = shutil.which("pdftoppm")
    if binary is None:
        return None
    with tempfile.TemporaryDirectory() as directory:
        source = Path(directory) / "in.pdf"
        source.write_bytes(data)
        try:
            subprocess.run(  # noqa: S603 -- a fixed binary on a file of our own naming
                [binary, "-f", "1", "-l", "1", "-jpeg", "-scale-to", str(PREVIEW_WIDTH)]
                + [str(source), str(Path(directory) / "out")],
                check=True,
                timeout=20,
                capture_output=True,
            )
        except (subprocess.SubprocessError, OSError):
            return None
        found = sorted(Path(directory).glob("out*.jpg"))
        return found[0].read_bytes() if found else None


def _add_version(
    *, actor: User, resource: Resource, upload: Any, note: str, number: int
) -> ResourceVersion:
    attachment = attachment_add(
        actor=actor, content=resource, upload=upload, caption=note or resource.title
    )
    try:
        if attachment.type == Attachment.Type.PDF and not attachment.thumbnail:
            with attachment.file.open("rb") as handle:
                preview = _render_pdf_preview(handle.read())
            if preview is not None:
                attachment.thumbnail.name = default_storage.save(
                    files.storage_name("jpg"), ContentFile(preview)
                )
                attachment.save(update_fields=["thumbnail"])
        version = ResourceVersion.objects.create(
            resource=resource,
            number=number,
            attachment=attachment,
            uploaded_by=actor,
            note=note.strip(),
        )
        resource.current = version
        resource.save(update_fields=["current", "updated", "body_html"])
    except BaseException:
        # The database rolls back; the stored files would not, so remove them here.
        for field in (attachment.file, attachment.thumbnail):
            if field:
                default_storage.delete(str(field.name))
        raise
    return version


@transaction.atomic
def resource_create(
    *,
    author: User,
    space: Space | None,
    title: str,
    resource_type: str,
    body: str = "",
    visibility: str = Visibility.ALLIANCE,
    link: str = "",
    upload: Any = None,
    version_note: str = "",
    author_names: str = "",
    coauthors: Iterable[User] = (),
    organisations: Iterable[Any] = (),
    languages: Iterable[str] = (),
    licence: str = Resource.Licence.CC_BY,
    year: int | None = None,
    themes: Iterable[Any] = (),
    initiatives: Iterable[Any] = (),
    wiki_pages: Iterable[Any] = (),
) -> Resource:
    """Add a resource with its first file, or a link. Raises ``files.FileRefused``
    when the file is refused and ``ValidationError`` for other bad input; nothing is
    saved then, neither the row nor a file."""
    if not rules.may_add_resource(author, space):
        raise PermissionDenied
    check_posting(user=author)
    languages = list(languages)
    _check_fields(space=space, visibility=visibility, year=year, languages=languages)
    if upload is None and not link.strip():
        raise ValidationError(_("Upload a file or give a link to the resource."))
    resource = Resource.objects.create(
        author=author,
        space=space,
        title=title.strip(),
        body=body,
        visibility=visibility,
        resource_type=resource_type,
        link=link.strip(),
        author_names=author_names.strip(),
        languages=languages,
        licence=licence,
        year=year,
    )
    resource.coauthors.set([user for user in coauthors if user.pk != author.pk])
    resource.organisations.set(list(organisations))
    resource.themes.set(list(themes))
    resource.initiatives.set(list(initiatives))
    resource.wiki_pages.set([page for page in wiki_pages if can_view(author, page)])
    if upload is not None:
        _add_version(actor=author, resource=resource, upload=upload, note=version_note, number=1)
    return resource


@transaction.atomic
def resource_update(
    *,
    actor: User,
    resource: Resource,
    coauthors: Iterable[User] | None = None,
    organisations: Iterable[Any] | None = None,
    themes: Iterable[Any] | None = None,
    initiatives: Iterable[Any] | None = None,
    wiki_pages: Iterable[Any] | None = None,
    **fields: Any,
) -> Resource:
    """Change a resource's description. Files change only by adding a version."""
    if not rules.is_editor(actor, resource):
        raise PermissionDenied
    allowed = {
        "title",
        "body",
        "visibility",
        "resource_type",
        "link",
        "author_names",
        "languages",
        "licence",
        "year",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"resource_update() got unexpected fields: {sorted(unknown)}")
    _check_fields(
        space=resource.space,
        visibility=fields.get("visibility", resource.visibility),
        year=fields.get("year", resource.year),
        languages=fields.get("languages", resource.languages),
    )
    link = fields.get("link", resource.link).strip()
    if not link and resource.current_id is None:
        raise ValidationError(_("Upload a file or give a link to the resource."))
    before = resource.visibility
    for name, value in fields.items():
        setattr(resource, name, value.strip() if isinstance(value, str) else value)
    resource.save()
    audit_visibility_change(actor=actor, content=resource, before=before)
    if coauthors is not None and actor.pk == resource.author_id:
        # Only the first author names co-authors, as for stories.
        resource.coauthors.set([u for u in coauthors if u.pk != resource.author_id])
    if organisations is not None:
        resource.organisations.set(list(organisations))
    if themes is not None:
        resource.themes.set(list(themes))
    if initiatives is not None:
        resource.initiatives.set(list(initiatives))
    if wiki_pages is not None:
        # Pages the editor cannot see stay linked if they were; none are added blind.
        kept = [p for p in resource.wiki_pages.all() if not can_view(actor, p)]
        resource.wiki_pages.set([*kept, *(p for p in wiki_pages if can_view(actor, p))])
    return resource


@transaction.atomic
def resource_version_add(
    *, actor: User, resource: Resource, upload: Any, note: str = ""
) -> ResourceVersion:
    """Upload a new file; earlier versions stay and can still be downloaded."""
    if not rules.is_editor(actor, resource):
        raise PermissionDenied
    # Lock the resource row so two uploads do not take the same number.
    Resource.objects.select_for_update().filter(pk=resource.pk).first()
    last = resource.versions.aggregate(n=Max("number"))["n"] or 0
    return _add_version(actor=actor, resource=resource, upload=upload, note=note, number=last + 1)


@transaction.atomic
def resource_download_count(*, version: ResourceVersion) -> None:
    """Count one download of a version (and of its resource). Callers have checked
    the gate; the count is kept with F() so parallel downloads all count. It does not
    empty the anonymous page cache (that would on every download): a cached page's
    count may lag by the cache's lifetime."""
    ResourceVersion.objects.filter(pk=version.pk).update(download_count=F("download_count") + 1)
    Resource.objects.filter(pk=version.resource_id).update(download_count=F("download_count") + 1)


@transaction.atomic
def collection_create(
    *, author: User, space: Space | None, title: str, body: str = "", visibility: str
) -> Collection:
    if not rules.may_add_resource(author, space):
        raise PermissionDenied
    _check_fields(space=space, visibility=visibility, year=None, languages=())
    return Collection.objects.create(
        author=author, space=space, title=title.strip(), body=body, visibility=visibility
    )


@transaction.atomic
def collection_update(*, actor: User, collection: Collection, **fields: Any) -> Collection:
    if not rules.is_editor(actor, collection):
        raise PermissionDenied
    unknown = set(fields) - {"title", "body", "visibility"}
    if unknown:
        raise TypeError(f"collection_update() got unexpected fields: {sorted(unknown)}")
    visibility = fields.get("visibility", collection.visibility)
    _check_fields(space=collection.space, visibility=visibility, year=None, languages=())
    before = collection.visibility
    for name, value in fields.items():
        setattr(collection, name, value.strip() if name == "title" else value)
    collection.save()
    audit_visibility_change(actor=actor, content=collection, before=before)
    return collection


@transaction.atomic
def collection_entry_add(
    *, actor: User, collection: Collection, item: Content, note: str = ""
) -> CollectionEntry:
    """Add a resource or wiki page the curator can read at the end of the list."""
    if not rules.is_editor(actor, collection):
        raise PermissionDenied
    if item.kind not in COLLECTABLE or not can_view(actor, item):
        raise ValidationError({"item": _("Choose a resource or a wiki page you can read.")})
    if collection.entries.filter(item_id=item.pk).exists():
        raise ValidationError({"item": _("This item is already in the collection.")})
    Collection.objects.select_for_update().filter(pk=collection.pk).first()
    last = collection.entries.aggregate(n=Max("position"))["n"] or 0
    return CollectionEntry.objects.create(
        collection=collection, item=item, position=last + 1, note=note.strip(), added_by=actor
    )


@transaction.atomic
def collection_entry_move(
    *, actor: User, collection: Collection, entry: CollectionEntry, direction: str
) -> None:
    """Swap an entry with its nearest neighbour that the curator can read, so what
    they see moves (entries hidden from them keep their places)."""
    if not rules.is_editor(actor, collection) or entry.collection_id != collection.pk:
        raise PermissionDenied
    if direction not in ("up", "down"):
        raise ValueError(direction)

    entries = list(collection.entries.select_for_update().order_by("position", "pk"))
    readable = set(
        visible(actor, Content.objects.filter(pk__in=[e.item_id for e in entries])).values_list(
            "pk", flat=True
        )
    )
    shown = [e for e in entries if e.item_id in readable]
    index = next((i for i, e in enumerate(shown) if e.pk == entry.pk), None)
    if index is None:
        raise PermissionDenied
    other_index = index - 1 if direction == "up" else index + 1
    if not 0 <= other_index < len(shown):
        return
    # Renumber first so equal positions (never written here, but harmless) swap cleanly.
    for number, each in enumerate(entries, start=1):
        each.position = number
    mine, other = shown[index], shown[other_index]
    mine.position, other.position = other.position, mine.position
    CollectionEntry.objects.bulk_update(entries, ["position"])
    # bulk_update sends no signal: tell the anonymous page cache directly.

    transaction.on_commit(anoncache.bump)


@transaction.atomic
def collection_entry_remove(*, actor: User, collection: Collection, entry: CollectionEntry) -> None:
    if not rules.is_editor(actor, collection) or entry.collection_id != collection.pk:
        raise PermissionDenied
    entry.delete()
