"""Every read of the print app, through the gate as the anonymous public reads it.

A brochure leaves the platform on paper, so whoever makes it, it holds what anyone
may read: ``visible(AnonymousUser(), …)``, and of field reports only verified ones,
never with their reporter. The choice is resolved to ids when a brochure is made and
read through the gate again when it is rendered: an item made private in between is
left out."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import segno
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.storage import default_storage
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.core.models import Attachment, Content
from harambee.core.pdf import resource_url
from harambee.core.visibility import can_see_space, visible
from harambee.events.models import Event
from harambee.inputs import to_id
from harambee.press.models import ITEMS_MAX, PRINT_KINDS, Brochure
from harambee.reach.models import FieldReport
from harambee.spaces.models import Space

# The newest public items offered for choosing by hand.
CANDIDATES_MAX = 60
# Ids read from a choice by hand, at most (the gate then keeps ``ITEMS_MAX``).
CHOSEN_MAX = 1000
# Brochures listed on a space's print page.
LIST_MAX = 50
# Image bytes embedded per item, at most (a thumbnail is far smaller).
IMAGE_BYTES_MAX = 3 * 1024 * 1024


def public_items() -> QuerySet[Content]:
    """What may go on paper: public items of the printable kinds, as the anonymous
    public may read them, with field reports only once verified."""
    qs = visible(AnonymousUser(), Content.objects.filter(kind__in=PRINT_KINDS))
    return qs.exclude(Q(kind="field_report") & ~Q(fieldreport__status="verified"))


def candidates(*, space: Space) -> list[Content]:
    """Public items to choose from by hand: this space's first, then the alliance's,
    newest first."""
    here = Case(
        When(space_id=space.pk, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return list(
        public_items()
        .select_related("space")
        .annotate(here=here)
        .order_by("here", "-created")[:CANDIDATES_MAX]
    )


def month_bounds(month: date) -> tuple[datetime, datetime]:
    tz = timezone.get_default_timezone()
    last = calendar.monthrange(month.year, month.month)[1]
    start = datetime.combine(month.replace(day=1), time.min, tzinfo=tz)
    end = datetime.combine(month.replace(day=last), time.max, tzinfo=tz)
    return start, end


def selection(
    *,
    space: Space,
    source: str,
    theme: Any = None,
    month: date | None = None,
    item_ids: list[int] | None = None,
) -> list[int]:
    """The ids of the public items a choice stands for, newest first, at most
    ``ITEMS_MAX``."""
    qs = public_items()
    if source == Brochure.Source.HAND:
        # An id the database cannot hold (20 digits) is no item, not an overflow.
        ids = [pk for pk in (to_id(value) for value in item_ids or []) if pk is not None]
        qs = qs.filter(pk__in=ids[:CHOSEN_MAX])
    elif source == Brochure.Source.THEME:
        if theme is None:
            return []
        qs = qs.filter(Q(lesson__themes=theme) | Q(story__themes=theme))
    elif source == Brochure.Source.SPACE:
        qs = qs.filter(space_id=space.pk)
    elif source == Brochure.Source.MONTH:
        if month is None:
            return []
        start, end = month_bounds(month)
        qs = qs.filter(space_id=space.pk).filter(
            Q(created__range=(start, end)) | Q(event__starts__range=(start, end))
        )
    else:
        return []
    return list(qs.order_by("-created").values_list("pk", flat=True).distinct()[:ITEMS_MAX])


def brochures(*, space: Space) -> QuerySet[Brochure]:
    return Brochure.objects.filter(space=space).order_by("-created", "-pk")


def brochure_get(*, space: Space, pk: int) -> Brochure | None:
    return Brochure.objects.filter(space=space, pk=pk).first()


def brochure_items(*, brochure: Brochure) -> list[Content]:
    """The brochure's items that are still public, in the brochure's order."""
    order = {pk: n for n, pk in enumerate(brochure.item_ids)}
    found = public_items().filter(pk__in=list(order)).select_related("space")
    return sorted(found, key=lambda item: order[item.pk])


def short_url(item: Content) -> str:
    """The item's short address on the site, for print: ``/p/<id>/`` redirects to it."""
    return f"{settings.SITE_URL}{reverse('press:go', args=[item.pk])}"


@dataclass
class PrintItem:
    """One item as it is printed: nothing in it that the public may not read."""

    anchor: str
    kind: str
    title: str
    body_html: str
    language: str
    when: str
    place: str
    space_name: str
    byline: str
    url: str
    qr_svg: str
    images: list[tuple[str, str]] = field(default_factory=list)


def _image(attachment: Attachment) -> tuple[bytes, str] | None:
    """The bytes of a gated attachment's image, from storage: its thumbnail (a JPEG
    made at upload) when there is one."""
    name, mime = (
        (attachment.thumbnail.name, "image/jpeg")
        if attachment.thumbnail
        else (attachment.file.name, attachment.mime or "image/jpeg")
    )
    if not name or not mime.startswith("image/") or mime == "image/svg+xml":
        return None
    try:
        with default_storage.open(name, "rb") as stored:
            data = stored.read(IMAGE_BYTES_MAX + 1)
    except OSError:
        return None
    return None if len(data) > IMAGE_BYTES_MAX else (data, mime)


def _when(item: Content, event: Event | None) -> str:
    if event is not None:
        zone = ZoneInfo(event.time_zone) if event.time_zone else timezone.get_default_timezone()
        starts = timezone.localtime(event.starts, zone)
        return f"{starts:%Y-%m-%d %H:%M} ({event.time_zone})"
    return f"{timezone.localtime(item.created):%Y-%m-%d}"


def print_items(*, brochure: Brochure) -> tuple[list[PrintItem], dict[str, tuple[bytes, str]]]:
    """The items to print and the images they embed (for ``core.pdf``'s fetcher),
    read through the gate as the anonymous public."""
    items = brochure_items(brochure=brochure)
    ids = [item.pk for item in items]
    details: dict[int, Any] = {}
    for kind, model in (("event", Event), ("field_report", FieldReport)):
        wanted = [item.pk for item in items if item.kind == kind]
        if wanted:
            details.update(model.objects.in_bulk(wanted))
    images: dict[int, list[Attachment]] = {}
    for attachment in Attachment.objects.filter(
        content_id__in=ids, type=Attachment.Type.IMAGE
    ).order_by("created", "pk"):
        images.setdefault(attachment.content_id, []).append(attachment)
    anonymous = AnonymousUser()
    resources: dict[str, tuple[bytes, str]] = {}
    printed = []
    for item in items:
        detail = details.get(item.pk)
        place = getattr(detail, "place", "") or ""
        url = short_url(item)
        shown_images = []
        for attachment in images.get(item.pk, [])[:2]:
            found = _image(attachment)
            if found is not None:
                name = f"attachment-{attachment.pk}"
                resources[name] = found
                shown_images.append((resource_url(name), attachment.caption))
        printed.append(
            PrintItem(
                anchor=f"item-{item.pk}",
                kind=str(item.kind_spec.label),
                title=item.title,
                body_html=item.body_html,
                language=item.language,
                when=_when(item, detail if item.kind == "event" else None),
                place=place,
                space_name=(
                    item.space.name
                    if item.space is not None and can_see_space(anonymous, item.space)
                    else ""
                ),
                # A field report's reporter is never printed; other items carry no names
                # either, since the public sees no one's name.
                byline=_("A community reporter") if item.kind == "field_report" else "",
                url=url,
                qr_svg=segno.make(url, error="m").svg_inline(scale=2, border=1),
                images=shown_images,
            )
        )
    return printed, resources


def readable_item(*, user: Any, pk: int) -> Content | None:
    return visible(user, Content.objects.filter(pk=pk)).only("pk", "kind").first()
