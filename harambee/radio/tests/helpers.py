"""A station, public and hidden items of every kind a bulletin may carry, and markers
in each: ``PUBLIC-…`` in what may go on air, ``HIDDEN-…`` in what may not."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

from django.utils import timezone

from harambee.events.tests.helpers import make_event
from harambee.initiatives.models import Initiative, LearningNote, Lesson
from harambee.radio import services
from harambee.radio.models import Station
from harambee.reach.models import Contact, FieldReport, SpaceSms
from harambee.reach.services import _sms_author
from harambee.stories.models import Story


def station(cast, **extra: Any) -> Station:
    fields = {
        "name": "Radio Techiman",
        "slug": "radio-techiman",
        "language": "en",
        "country": "GH",
        "region": "Bono East",
        "frequency": "98.1 FM",
        "contact": "studio@radio-techiman.example",
        "weekday": 4,
        "air_time": time(18, 30),
        "timezone_name": "Africa/Accra",
    }
    fields.update(extra)
    return services.station_save(actor=cast.space_lead, space=cast.space, **fields)


def lesson(space, author, visibility: str, title: str) -> Lesson:
    initiative = Initiative.objects.filter(space=space).first() or Initiative.objects.create(
        space=space, countries=["GH"]
    )
    note = LearningNote(
        initiative=initiative,
        space=space,
        author=author,
        visibility=visibility,
        title=f"{title} note",
        learned="x",
    )
    note.save()
    return Lesson.objects.create(
        note=note,
        space=space,
        author=author,
        visibility=visibility,
        title=title,
        body=f"{title} body: firebreaks cut early in the dry season held the fire back.",
    )


def report(space, *, status: str, visibility: str, title: str, reporter: str) -> FieldReport:
    contact = Contact.objects.create(
        phone=f"+2332055{abs(hash(title)) % 100000:05d}", name=reporter, show_name=True
    )
    SpaceSms.objects.get_or_create(
        space=space, defaults={"join_code": "FOREST", "report_keywords": "FIRE, LOGGING"}
    )
    return FieldReport.objects.create(
        space=space,
        author=_sms_author(),
        visibility=visibility,
        title=title,
        body=f"{title} body",
        contact=contact,
        keyword="FIRE",
        place="Kintampo",
        reported=timezone.now(),
        status=status,
        show_reporter=True,
    )


def items(cast) -> dict[str, Any]:
    """One public and one hidden item of each kind, in the cast's space."""
    space, lead = cast.space, cast.space_lead
    found = {
        "lesson": lesson(space, lead, "public", "PUBLIC-LESSON"),
        "hidden_lesson": lesson(space, lead, "space", "HIDDEN-LESSON"),
        "alliance_lesson": lesson(space, lead, "alliance", "HIDDEN-ALLIANCE-LESSON"),
        "report": report(
            space,
            status="verified",
            visibility="public",
            title="PUBLIC-REPORT",
            reporter="HIDDEN-REPORTER Abena",
        ),
        "pending_report": report(
            space,
            status="pending",
            visibility="space",
            title="HIDDEN-PENDING",
            reporter="HIDDEN-REPORTER Kofi",
        ),
        "story": Story.objects.create(
            space=space,
            author=lead,
            visibility="public",
            status="published",
            audience="public",
            title="PUBLIC-STORY",
            body="PUBLIC-STORY body",
            published=timezone.now(),
        ),
        "draft_story": Story.objects.create(
            space=space,
            author=lead,
            visibility="private",
            status="draft",
            audience="public",
            title="HIDDEN-DRAFT",
            body="HIDDEN-DRAFT body",
        ),
        "event": make_event(
            lead,
            space,
            title="PUBLIC-EVENT",
            starts=timezone.now() + timedelta(days=4),
        ),
        "space_event": make_event(
            lead,
            space,
            title="HIDDEN-EVENT",
            visibility="space",
            starts=timezone.now() + timedelta(days=5),
        ),
    }
    return found


PUBLIC_KEYS = ("lesson", "report", "story", "event")
HIDDEN_KEYS = ("hidden_lesson", "alliance_lesson", "pending_report", "draft_story", "space_event")
