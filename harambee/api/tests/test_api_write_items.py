"""Writing learning notes, lessons, stories, wiki pages, resources and events through
the API: the apps' services with their rules, audit and notifications. Whoever may
not see the thing gets 404, as for a missing one; whoever may see it but not change
it, 403; and nothing is saved then."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from harambee.api.tests.helpers import JSON, MISSING, assert_hidden, assert_refused
from harambee.core.models import AuditAction, AuditEntry, Visibility
from harambee.events import services as event_services
from harambee.events.models import Event
from harambee.events.services import EventAction
from harambee.initiatives import services as initiative_services
from harambee.initiatives.models import Initiative, LearningNote, Lesson
from harambee.library.models import Resource
from harambee.notifications.models import Notification
from harambee.spaces.models import Space
from harambee.stories.models import Story
from harambee.stream.models import Follow
from harambee.wiki import services as wiki_services
from harambee.wiki.models import WikiPage, WikiRedirect

pytestmark = pytest.mark.django_db


def _note(cast, *, visibility: str = Visibility.SPACE) -> LearningNote:
    Space.objects.filter(pk=cast.space.pk).update(kind=Space.Type.INITIATIVE)
    initiative = Initiative.objects.create(space=cast.space, countries=["GH"], stage="running")
    return initiative_services.note_create(
        author=cast.space_member,
        initiative=initiative,
        title="Boundary walk",
        visibility=visibility,
        learned="Go slowly.",
    )


def _lesson(cast, note: LearningNote, visibility: str) -> Lesson:
    return initiative_services.lesson_create(
        author=cast.space_member,
        note=note,
        title="Walk with the elders",
        body="",
        strength="single",
        visibility=visibility,
    )


# Learning notes and lessons ----------------------------------------------------------


def test_the_author_changes_a_note_as_a_new_version_that_narrows_its_lessons(cast, writer):
    note = _note(cast, visibility=Visibility.ALLIANCE)
    lesson = _lesson(cast, note, Visibility.ALLIANCE)
    changed = writer(cast.space_member).patch(
        f"/api/notes/{note.pk}/",
        {"tried": "Walking the line", "visibility": "space", "summary": "Narrower"},
        content_type=JSON,
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["tried"] == "Walking the line"
    note.refresh_from_db()
    assert (note.tried, note.learned, note.visibility) == (
        "Walking the line",
        "Go slowly.",
        "space",
    )
    assert list(note.revisions.order_by("number").values_list("number", "summary")) == [
        (1, "First version"),
        (2, "Narrower"),
    ]
    lesson.refresh_from_db()
    assert lesson.visibility == Visibility.SPACE
    audited = AuditEntry.objects.filter(action=AuditAction.VISIBILITY_CHANGED)
    assert set(audited.values_list("content_id", flat=True)) == {note.pk, lesson.pk}


def test_a_note_is_its_authors_to_change(cast, writer):
    note = _note(cast)
    url = f"/api/notes/{note.pk}/"
    assert_refused(writer(cast.space_lead).patch(url, {"title": "X"}, content_type=JSON), 403)
    assert_hidden(writer(cast.member), "patch", url, f"/api/notes/{MISSING}/", {"title": "X"})
    # Emptied of what was tried, happened and learned: refused as on the site.
    emptied = writer(cast.space_member).patch(url, {"learned": " "}, content_type=JSON)
    assert_refused(emptied, 422)
    note.refresh_from_db()
    assert (note.title, note.learned, note.revisions.count()) == ("Boundary walk", "Go slowly.", 1)


def test_a_new_note_says_what_was_tried_happened_or_learned(cast, writer):
    _note(cast)
    made = writer(cast.space_member).post(
        "/api/notes/",
        {"initiative": cast.space.slug, "title": "Empty", "visibility": "space"},
        content_type=JSON,
    )
    assert_refused(made, 422)
    assert not LearningNote.objects.filter(title="Empty").exists()


def test_the_author_changes_a_lesson_but_never_wider_than_its_note(cast, writer):
    note = _note(cast)
    lesson = _lesson(cast, note, Visibility.SPACE)
    url = f"/api/lessons/{lesson.pk}/"
    author = writer(cast.space_member)
    changed = author.patch(url, {"title": "Walk slowly", "strength": "repeated"}, content_type=JSON)
    assert changed.status_code == 200, changed.content
    lesson.refresh_from_db()
    assert (lesson.title, lesson.strength) == ("Walk slowly", "repeated")
    assert_refused(
        author.patch(url, {"visibility": "public"}, content_type=JSON), 422, "visibility"
    )
    assert_refused(writer(cast.space_lead).patch(url, {"title": "X"}, content_type=JSON), 403)
    assert_hidden(writer(cast.member), "patch", url, f"/api/lessons/{MISSING}/", {"title": "X"})
    lesson.refresh_from_db()
    assert (lesson.title, lesson.visibility) == ("Walk slowly", "space")


# Stories ---------------------------------------------------------------------------


def test_a_story_goes_from_draft_to_review_to_published(cast, writer, api, run_on_commit_now):
    Follow.objects.create(follower=cast.space_lead, person=cast.member)
    author = writer(cast.member)
    made = author.post(
        "/api/stories/",
        {"title": "The rain came", "body": "It *rained*.", "audience": "public"},
        content_type=JSON,
    )
    assert made.status_code == 201, made.content
    assert (made.json()["status"], made.json()["visibility"]) == ("draft", "private")
    pk = made.json()["id"]
    url = f"/api/stories/{pk}/"
    assert api(None).get(url).status_code == 404
    assert writer(cast.steward).get(url).status_code == 404
    assert author.patch(url, {"title": "The rains came"}, content_type=JSON).status_code == 200
    review = author.post(f"{url}submit/")
    assert (review.json()["status"], review.json()["visibility"]) == ("review", "alliance")
    # Members read it in review; only stewards publish on the alliance blog.
    assert_refused(writer(cast.space_member).post(f"{url}publish/"), 403)
    published = writer(cast.steward).post(f"{url}publish/")
    assert published.status_code == 200, published.content
    story = Story.objects.get(pk=pk)
    assert (story.title, story.status, story.visibility) == (
        "The rains came",
        "published",
        "public",
    )
    assert story.published is not None
    assert AuditEntry.objects.filter(
        action=AuditAction.VISIBILITY_CHANGED, content=story, actor=cast.steward
    ).exists()
    assert Notification.objects.filter(recipient=cast.space_lead, content=story).exists()
    assert [row["id"] for row in api(None).get("/api/stories/").json()["results"]] == [pk]
    back = author.post(f"{url}return/")
    assert (back.json()["status"], back.json()["visibility"]) == ("draft", "private")


def test_a_story_is_its_authors_to_change(cast, writer):
    made = (
        writer(cast.member)
        .post("/api/stories/", {"title": "Mine", "body": "Text"}, content_type=JSON)
        .json()
    )
    url = f"/api/stories/{made['id']}/"
    writer(cast.member).post(f"{url}submit/")
    assert_refused(writer(cast.steward).patch(url, {"title": "Ours"}, content_type=JSON), 403)
    assert_refused(writer(cast.space_member).post(f"{url}return/"), 403)
    assert_hidden(writer(cast.guest), "patch", url, f"/api/stories/{MISSING}/", {"title": "X"})
    assert_hidden(writer(cast.guest), "post", f"{url}submit/", f"/api/stories/{MISSING}/submit/")
    assert Story.objects.get(pk=made["id"]).title == "Mine"
    # Guests write only where they were invited.
    refused = writer(cast.guest).post(
        "/api/stories/", {"title": "G", "body": "x"}, content_type=JSON
    )
    assert_refused(refused, 403)


# Wiki ------------------------------------------------------------------------------


def test_a_wiki_page_is_renamed_and_its_old_title_still_leads_to_it(cast, writer):
    page = wiki_services.page_create(
        author=cast.member, space=None, title="Outcome mapping", body="A method."
    )
    url = f"/api/wiki/{page.pk}/"
    renamed = writer(cast.steward).patch(url, {"title": "Outcome harvesting"}, content_type=JSON)
    assert renamed.status_code == 200, renamed.content
    page.refresh_from_db()
    assert (page.title, page.body, page.revision) == ("Outcome harvesting", "A method.", 2)
    assert WikiRedirect.objects.filter(page=page).exists()
    # A new text says which revision it was written from.
    unsure = writer(cast.steward).patch(url, {"body": "New"}, content_type=JSON)
    assert_refused(unsure, 422, "base_revision")
    assert WikiPage.objects.get(pk=page.pk).body == "A method."


def test_a_wiki_page_is_edited_only_by_who_may_edit_it(cast, writer):
    public = wiki_services.page_create(
        author=cast.member, space=None, title="Open", body="x", visibility=Visibility.PUBLIC
    )
    draft = wiki_services.page_create(
        author=cast.member, space=None, title="Draft", body="x", visibility=Visibility.PRIVATE
    )
    # A guest reads the public page but writes in no alliance wiki.
    edit = {"body": "Vandal", "base_revision": 1}
    assert_refused(
        writer(cast.guest).patch(f"/api/wiki/{public.pk}/", edit, content_type=JSON), 403
    )
    assert_hidden(
        writer(cast.steward), "patch", f"/api/wiki/{draft.pk}/", f"/api/wiki/{MISSING}/", edit
    )
    assert {p.body for p in WikiPage.objects.all()} == {"x"}


# Library ---------------------------------------------------------------------------


def test_a_resource_link_is_added_and_described_by_its_authors(cast, writer):
    made = writer(cast.member).post(
        "/api/resources/",
        {
            "title": "Seed toolkit",
            "resource_type": "toolkit",
            "link": "https://example.org/kit",
            "languages": ["en", "sw"],
            "year": 2024,
        },
        content_type=JSON,
    )
    assert made.status_code == 201, made.content
    resource = Resource.objects.get(pk=made.json()["id"])
    assert (resource.author, resource.link, resource.languages) == (
        cast.member,
        "https://example.org/kit",
        ["en", "sw"],
    )
    url = f"/api/resources/{resource.pk}/"
    widened = writer(cast.member).patch(url, {"visibility": "public"}, content_type=JSON)
    assert widened.status_code == 200, widened.content
    assert AuditEntry.objects.filter(
        action=AuditAction.VISIBILITY_CHANGED, content=resource
    ).exists()
    assert_refused(writer(cast.steward).patch(url, {"title": "X"}, content_type=JSON), 403)
    narrowed = writer(cast.member).patch(url, {"visibility": "private"}, content_type=JSON)
    assert narrowed.status_code == 200
    assert_hidden(writer(cast.steward), "patch", url, f"/api/resources/{MISSING}/", {"title": "X"})
    assert Resource.objects.get(pk=resource.pk).title == "Seed toolkit"


def test_a_resource_link_must_be_a_web_address(cast, writer):
    made = writer(cast.member).post(
        "/api/resources/",
        {"title": "Book", "resource_type": "report", "link": "urn:isbn:0451450523"},
        content_type=JSON,
    )
    assert_refused(made, 422, "link")
    assert not Resource.objects.filter(title="Book").exists()


# Events ----------------------------------------------------------------------------


def _at(days: float) -> str:
    moment = timezone.now().replace(microsecond=0) + timedelta(days=days)
    return moment.isoformat()


def _event_body(**extra) -> dict:
    return {
        "title": "Seed fair",
        "event_kind": "meeting",
        "starts": _at(3),
        "ends": _at(3.1),
        "time_zone": "Africa/Accra",
        **extra,
    }


def test_an_event_is_organised_moved_and_cancelled(cast, writer, run_on_commit_now):
    lead = writer(cast.space_lead)
    made = lead.post("/api/events/", _event_body(space=cast.space.slug), content_type=JSON)
    assert made.status_code == 201, made.content
    assert made.json()["visibility"] == "space"
    event = Event.objects.get(pk=made.json()["id"])
    event_services.registration_create(event=event, user=cast.space_member)
    mail.outbox.clear()
    url = f"/api/events/{event.pk}/"
    moved = lead.patch(url, {"starts": _at(4), "ends": _at(4.1)}, content_type=JSON)
    assert moved.status_code == 200, moved.content
    assert AuditEntry.objects.filter(action=EventAction.EVENT_MOVED, content=event).exists()
    assert [m.to for m in mail.outbox] == [[cast.space_member.email]]
    assert_refused(writer(cast.space_member).patch(url, {"title": "X"}, content_type=JSON), 403)
    assert_refused(writer(cast.space_member).post(f"{url}cancel/"), 403)
    assert_hidden(writer(cast.member), "post", f"{url}cancel/", f"/api/events/{MISSING}/cancel/")
    cancelled = lead.post(f"{url}cancel/")
    assert cancelled.status_code == 200 and cancelled.json()["cancelled"]
    assert AuditEntry.objects.filter(action=EventAction.EVENT_CANCELLED, content=event).exists()
    assert len(mail.outbox) == 2
    # A cancelled event is not changed any more.
    assert_refused(lead.patch(url, {"title": "Back on"}, content_type=JSON), 403)
    assert Event.objects.get(pk=event.pk).title == "Seed fair"


def test_an_event_refuses_what_the_site_refuses(cast, writer):
    client = writer(cast.member)
    cases = [
        (_event_body(starts=_at(-1)), 422, "starts"),
        (_event_body(ends=_at(2)), 422, "ends"),
        (_event_body(time_zone="Mars/Olympus"), 422, "time_zone"),
        (_event_body(starts="2030-01-01T10:00:00"), 400, "starts"),
        (_event_body(visibility="private"), 400, "visibility"),
        (_event_body(visibility="space"), 422, "visibility"),
    ]
    for body, status, field in cases:
        assert_refused(client.post("/api/events/", body, content_type=JSON), status, field)
    assert not Event.objects.exists()
