"""Builders for print tests: items of each printable kind at any visibility."""

from __future__ import annotations

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from harambee.core.models import Attachment
from harambee.events.models import Event
from harambee.initiatives.models import Initiative, LearningNote, Lesson
from harambee.reach.models import Contact, FieldReport
from harambee.reach.services import _sms_author
from harambee.stories.models import Story


def lesson(space, author, *, title, body="", visibility="public", themes=()):
    initiative = Initiative.objects.get_or_create(space=space)[0]
    note = LearningNote(
        initiative=initiative,
        space=space,
        author=author,
        visibility=visibility,
        title=f"Note for {title}",
        learned="x",
    )
    note.save()
    made = Lesson.objects.create(
        note=note, space=space, author=author, visibility=visibility, title=title, body=body
    )
    made.themes.set(themes)
    return made


def story(space, author, *, title, body="", visibility="public"):
    return Story.objects.create(
        space=space,
        author=author,
        visibility=visibility,
        status="published",
        audience=visibility if visibility in ("public", "alliance", "space") else "space",
        title=title,
        body=body,
        published=timezone.now(),
    )


def report(space, *, title, body="", visibility="public", status="verified", reporter=""):
    contact = Contact.objects.create(phone=f"+23320555{Contact.objects.count():04d}", name=reporter)
    contact.spaces.add(space)
    return FieldReport.objects.create(
        space=space,
        author=_sms_author(),
        visibility=visibility,
        title=title,
        body=body,
        contact=contact,
        keyword="FIRE",
        place="Kintampo",
        reported=timezone.now(),
        status=status,
        show_reporter=bool(reporter),
    )


def event(space, author, *, title, body="", visibility="public", starts=None):
    starts = starts or timezone.now() + timedelta(days=3)
    return Event.objects.create(
        space=space,
        author=author,
        visibility=visibility,
        title=title,
        body=body,
        event_kind=Event.Kind.REGIONAL_WORKSHOP,
        starts=starts,
        ends=starts + timedelta(hours=3),
        time_zone="Africa/Accra",
        mode=Event.Mode.IN_PERSON,
        place="Techiman",
    )


def jpeg(colour=(30, 120, 60)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 80), colour).save(out, "JPEG")
    return out.getvalue()


def photo(item, author, *, caption="A photo", colour=(30, 120, 60)):
    return Attachment.objects.create(
        content=item,
        type=Attachment.Type.IMAGE,
        uploaded_by=author,
        caption=caption,
        original_name="photo.jpg",
        mime="image/jpeg",
        file=ContentFile(jpeg(colour), name="photo.jpg"),
    )


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def pdf_images(data: bytes) -> int:
    """How many distinct images the PDF holds (pages may share one)."""
    reader = PdfReader(io.BytesIO(data))
    return len({image.data for page in reader.pages for image in page.images})
