"""The demo's brochure of the Ghana forum's lessons: made of the forum's public lessons
only, left unrendered by the load (it stays fast), rendered when its page is opened."""

from __future__ import annotations

from django.urls import reverse

from harambee.initiatives.models import Lesson
from harambee.press.models import Brochure
from harambee.press.tests.helpers import pdf_text
from harambee.reach.models import Contact, FieldReport
from harambee.stories.models import Story


def test_the_ghana_brochure_holds_the_forums_public_lessons_and_renders_on_demand(
    demo, loaded_demo, client_for, run_on_commit_now, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    brochure = Brochure.objects.select_related("space").get()
    assert loaded_demo["brochures"] == 1
    assert brochure.space.name == "Ghana collaborative forest-management forum"
    lessons = Lesson.objects.filter(space=brochure.space)
    public = {pk for pk, vis in lessons.values_list("pk", "visibility") if vis == "public"}
    assert public and lessons.exclude(visibility="public").exists()
    reports = FieldReport.objects.filter(space=brochure.space, visibility="public")
    verified = set(reports.filter(status="verified").values_list("pk", flat=True))
    stories = set(
        Story.objects.filter(space=brochure.space, visibility="public").values_list("pk", flat=True)
    )
    assert verified
    assert set(brochure.item_ids) == public | verified | stories
    # The load rendered nothing.
    assert (brochure.status, brochure.queued, brochure.pdf.name) == ("pending", None, "")
    page = client_for(demo["kwame"]).get(brochure.get_absolute_url())
    assert page.status_code == 200
    brochure.refresh_from_db()
    assert brochure.status == "ready", brochure.error
    assert brochure.paper == "a5" and brochure.booklet_pdf
    text = pdf_text(brochure.pdf.read())
    for lesson in lessons:
        first_words = " ".join(lesson.title.split()[:3])
        assert (first_words in " ".join(text.split())) == (lesson.pk in public), lesson.title
    assert "A community reporter" in text
    for name in Contact.objects.exclude(name="").values_list("name", flat=True):
        assert name not in text
    # Any member of the forum may download it.
    download = client_for(demo["amara"]).get(
        reverse("press:pdf", args=[brochure.space.slug, brochure.pk])
    )
    assert download.status_code == 200
