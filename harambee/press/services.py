"""Every write of the print app: a brochure is made (its choice resolved to public
items), queued, and rendered to PDF in the task worker."""

from __future__ import annotations

import hashlib
import logging
from datetime import date
from typing import Any

from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from harambee.core.pdf import render_pdf
from harambee.core.services import audit_record
from harambee.press import rules, selectors
from harambee.press.imposition import impose_booklet
from harambee.press.models import Brochure
from harambee.spaces.models import Space

log = logging.getLogger(__name__)

# Paper sizes for CSS paged media.
PAGE_SIZES = {"a4": "A4", "a5": "A5"}


class PressAction(models.TextChoices):
    BROCHURE_MADE = "press_brochure_made", "made a brochure"
    DIGEST_MADE = "press_digest_made", "made a printed digest"


def brochure_create(
    *,
    actor: Any,
    space: Space,
    title: str,
    source: str,
    language: str = "en",
    paper: str = "a4",
    columns: int = 1,
    booklet: bool = False,
    intro: str = "",
    theme: Any = None,
    month: date | None = None,
    item_ids: list[int] | None = None,
    queue: bool = True,
) -> Brochure:
    """Make a brochure of the public items ``source`` stands for, and queue its
    rendering (``queue=False`` leaves it to the first visit of its page)."""
    digest = source == Brochure.Source.MONTH
    if not (rules.may_print(actor, space) if digest else rules.may_build(actor, space)):
        raise PermissionDenied
    errors: dict[str, str] = {}
    if paper not in PAGE_SIZES:
        errors["paper"] = _("Choose A4 or A5.")
    if columns not in (1, 2):
        errors["columns"] = _("Choose one or two columns.")
    if booklet and paper != "a5":
        errors["booklet"] = _("A folded booklet is made of A5 pages: choose A5.")
    if errors:
        raise ValidationError(errors)
    ids = selectors.selection(
        space=space, source=source, theme=theme, month=month, item_ids=item_ids
    )
    if not ids:
        raise ValidationError(_("No public item matches this choice: nothing would be printed."))
    with transaction.atomic():
        brochure = Brochure.objects.create(
            space=space,
            title=title,
            intro=intro,
            source=source,
            theme=theme,
            month=month.replace(day=1) if month else None,
            item_ids=ids,
            item_count=len(ids),
            language=language,
            paper=paper,
            columns=columns,
            booklet=booklet,
            created_by=actor,
        )
        audit_record(
            actor=actor,
            action=PressAction.DIGEST_MADE if digest else PressAction.BROCHURE_MADE,
            space=space,
            brochure=brochure.pk,
            items=len(ids),
        )
        if queue:
            brochure_queue(brochure=brochure)
    return brochure


def brochure_queue(*, brochure: Brochure) -> bool:
    """Queue the rendering of a brochure that is waiting and not yet queued (once,
    however many ask at the same time)."""
    if brochure.status != Brochure.Status.PENDING or brochure.queued is not None:
        return False
    now = timezone.now()
    claimed = Brochure.objects.filter(pk=brochure.pk, queued__isnull=True).update(queued=now)
    if not claimed:
        return False
    brochure.queued = now
    from harambee.press import tasks

    transaction.on_commit(lambda: tasks.render_brochure.enqueue(brochure.pk))
    return True


def brochure_retry(*, actor: Any, brochure: Brochure) -> bool:
    """Render again a brochure whose rendering failed (its makers may ask)."""
    if not rules.may_build(actor, brochure.space):
        raise PermissionDenied
    with transaction.atomic():
        reset = Brochure.objects.filter(pk=brochure.pk, status=Brochure.Status.FAILED).update(
            status=Brochure.Status.PENDING, queued=None, error=""
        )
        if not reset:
            return False
        brochure.refresh_from_db()
        return brochure_queue(brochure=brochure)


def _stylesheet(brochure: Brochure) -> str:
    path = finders.find("press/print.css")
    if not isinstance(path, str):
        raise ImproperlyConfigured("press/print.css is missing from the static files")
    with open(path, encoding="utf-8") as css:
        base = css.read()
    size = PAGE_SIZES[brochure.paper]
    columns = "2" if brochure.columns == 2 else "1"
    return f"{base}\n@page {{ size: {size}; }}\n.items {{ columns: {columns}; }}\n"


def brochure_html(brochure: Brochure) -> tuple[str, dict[str, tuple[bytes, str]]]:
    """The brochure's HTML for WeasyPrint and the gated images it may load."""
    items, resources = selectors.print_items(brochure=brochure)
    with translation.override(brochure.language):
        html = render_to_string(
            "press/print.html",
            {
                "brochure": brochure,
                "items": items,
                "space_name": brochure.space.name,
                "made": timezone.localtime(timezone.now()).date(),
            },
        )
    return html, resources


def brochure_render(*, brochure_id: int) -> str:
    """Render a brochure to PDF (and its booklet), once; a failure is kept on the
    brochure with a short reason and shown to its makers."""
    brochure = Brochure.objects.select_related("space").filter(pk=brochure_id).first()
    if brochure is None:
        return "gone"
    if brochure.status == Brochure.Status.READY:
        return "done"
    try:
        html, resources = brochure_html(brochure)
        pdf = render_pdf(html, stylesheets=[_stylesheet(brochure)], resources=resources)
        booklet = impose_booklet(pdf)[0] if brochure.booklet else b""
    except Exception as error:  # noqa: BLE001 -- any fault of the PDF engine is kept
        log.exception("brochure %s could not be rendered", brochure_id)
        Brochure.objects.filter(pk=brochure.pk).update(
            status=Brochure.Status.FAILED, error=str(error)[:300]
        )
        return "failed"
    from io import BytesIO

    from pypdf import PdfReader

    pages = len(PdfReader(BytesIO(pdf)).pages)
    digest = hashlib.sha256(pdf).hexdigest()[:12]
    names = {
        "pdf": default_storage.save(f"press/{brochure.pk}/brochure-{digest}.pdf", ContentFile(pdf))
    }
    if booklet:
        names["booklet_pdf"] = default_storage.save(
            f"press/{brochure.pk}/booklet-{digest}.pdf", ContentFile(booklet)
        )
    updated = Brochure.objects.filter(pk=brochure.pk, status=Brochure.Status.PENDING).update(
        status=Brochure.Status.READY,
        rendered=timezone.now(),
        page_count=pages,
        error="",
        **names,
    )
    if not updated:
        # Rendered twice at once: the other run's files stand.
        for name in names.values():
            default_storage.delete(name)
    return "rendered"
