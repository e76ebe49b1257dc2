from __future__ import annotations

import re
from io import BytesIO, StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse
from django.utils.html import escape
from PIL import ExifTags, Image

from harambee.core.models import Attachment, Comment, Content, Reaction, Visibility
from harambee.initiatives.models import (
    Adaptation,
    Initiative,
    InquiryCycle,
    LearningNote,
    Lesson,
    PhaseNote,
    Theme,
)
from harambee.people.models import Organisation, Sector, User
from harambee.people.regions import region_of
from harambee.people.roles import AllianceRole, SpaceRole
from harambee.sampledata.files import demo_pdf, demo_photo
from harambee.sampledata.people import DEMO_PASSWORD, DEMO_SIGN_INS
from harambee.spaces.models import Invitation, JoinRequest, Membership, Post, Space
from harambee.stories.models import Story, StoryCall

GHANA_FORUM = "Ghana collaborative forest-management forum"
CONTINENT = {
    "GH": "Africa",
    "KE": "Africa",
    "ZA": "Africa",
    "IN": "Asia",
    "PH": "Asia",
    "NL": "Europe",
    "GT": "Americas",
    "BR": "Americas",
}


OBJECTIVES = {
    "Multi-stakeholder processes",
    "Complexity thinking",
    "Leadership for enabling conditions",
}


@pytest.fixture
def counts(loaded_demo, db) -> dict[str, int]:
    """The demo, loaded once for this package (see conftest), and its counts by kind."""
    return loaded_demo


@pytest.mark.django_db
def test_loads_a_realistic_alliance(counts):
    assert 10 <= counts["organisations"] == Organisation.objects.count() <= 15
    assert 35 <= counts["people"] == User.objects.count() <= 45
    assert counts["spaces"] == Space.objects.count() == 13
    assert counts["posts"] >= 20
    assert counts["comments"] >= 60
    assert counts["reactions"] >= 40

    orgs = Organisation.objects.all()
    assert {o.sector for o in orgs} == set(Sector.values)
    assert {o.relationship for o in orgs} == set(Organisation.Relationship.values)
    countries = {str(o.country) for o in orgs}
    assert len(countries) >= 5
    assert len({CONTINENT[c] for c in countries}) >= 3

    # (Field reports by SMS are filed under an inactive account that is nobody.)
    for person in User.objects.filter(is_active=True):
        assert person.display_name and person.bio and person.sector and person.country
        assert person.languages and person.channels
        assert set(person.channels) <= {"web", "email", "sms", "whatsapp", "radio", "meetings"}
        assert "/" in person.time_zone
    assert not User.objects.filter(bio__icontains="lorem").exists()


@pytest.mark.django_db
def test_spaces_cover_every_kind_policy_and_listing(counts):
    spaces = Space.objects.all()
    assert {s.kind for s in spaces} == set(Space.Type.values)
    assert {s.join_policy for s in spaces} == set(Space.JoinPolicy.values)
    assert {s.listing for s in spaces} == set(Space.Listing.values)
    for space in spaces:
        assert space.memberships.filter(role=SpaceRole.LEAD).exists()
        if space.join_policy == Space.JoinPolicy.CODE:
            assert space.invite_code
    assert set(Membership.objects.values_list("role", flat=True)) == set(SpaceRole.values)


@pytest.mark.django_db
def test_the_ghana_forest_forum_and_the_demo_people(counts):
    forum = Space.objects.get(name=GHANA_FORUM)
    assert forum.kind == Space.Type.INITIATIVE
    assert forum.join_policy == Space.JoinPolicy.REQUEST
    assert forum.listing == Space.Listing.MEMBERS

    steward = User.objects.get(email="steward@demo.harambee.org")
    lead = User.objects.get(email="lead@demo.harambee.org")
    member = User.objects.get(email="member@demo.harambee.org")
    guest = User.objects.get(email="guest@demo.harambee.org")
    assert (steward.display_name, steward.role) == ("Amara Mensah", AllianceRole.STEWARD)
    assert (lead.display_name, lead.role) == ("Kwame Owusu", AllianceRole.MEMBER)
    assert (member.display_name, member.role) == ("Lucía Ramírez", AllianceRole.MEMBER)
    assert (guest.display_name, guest.role) == ("Pieter de Vries", AllianceRole.GUEST)

    assert steward.memberships.count() >= 3
    assert forum.memberships.get(user=lead).role == SpaceRole.LEAD
    assert member.memberships.exists()
    assert not forum.memberships.filter(user=member).exists()
    assert not forum.join_requests.filter(user=member).exists()
    assert guest.memberships.count() == 1
    assert Invitation.objects.filter(used_by=guest, as_guest=True).count() == 1


@pytest.mark.django_db
def test_conversation_at_every_visibility_level(counts):
    for level in Visibility.values:
        posts = Post.objects.filter(visibility=level)
        assert posts.exists(), level
        assert Comment.objects.filter(content__in=posts, parent__isnull=True).exists(), level
        assert Comment.objects.filter(content__in=posts, parent__isnull=False).exists(), level
        if level != Visibility.PRIVATE:
            assert Reaction.objects.filter(content__in=posts).exists(), level
    assert Reaction.objects.filter(content__visibility=Visibility.PRIVATE).exists()
    assert not Post.objects.filter(body_html="").exists()
    # Activity is spread over weeks, not stamped with the moment of loading.
    days = {p.created.date() for p in Post.objects.all()}
    assert len(days) >= 15
    # Several posts have a lively thread.
    assert Post.objects.annotate(n=Count("comments")).filter(n__gte=4).count() >= 5


@pytest.mark.django_db
def test_pending_requests_and_an_open_invitation(counts):
    forum = Space.objects.get(name=GHANA_FORUM)
    pending = JoinRequest.objects.filter(status=JoinRequest.Status.PENDING)
    assert pending.count() == counts["join_requests"] >= 2
    assert all(r.space == forum for r in pending)
    open_invitations = Invitation.objects.filter(used__isnull=True)
    assert open_invitations.count() == counts["invitations"] == 1
    assert not User.objects.filter(email=open_invitations.get().email).exists()


@pytest.mark.django_db
def test_demo_sign_ins_authenticate(counts, client):
    for email, _note in DEMO_SIGN_INS:
        user = authenticate(None, username=email, password=DEMO_PASSWORD)
        assert user is not None and user.email == email
        assert EmailAddress.objects.filter(user=user, email=email, verified=True, primary=True)
    assert authenticate(None, username=DEMO_SIGN_INS[0][0], password="wrong") is None
    people = User.objects.filter(is_active=True)
    assert EmailAddress.objects.filter(verified=True).count() == people.count()

    response = client.post(
        reverse("account_login"),
        {"login": "member@demo.harambee.org", "password": DEMO_PASSWORD},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(
        User.objects.get(email="member@demo.harambee.org").pk
    )


@pytest.mark.django_db
def test_if_empty_does_nothing_the_second_time(counts):
    before = (User.objects.count(), Post.objects.count(), Comment.objects.count())
    out = StringIO()
    call_command("demo", "--if-empty", stdout=out)
    assert "already has people" in out.getvalue()
    assert (User.objects.count(), Post.objects.count(), Comment.objects.count()) == before


@pytest.mark.django_db
def test_initiatives_on_three_continents_with_full_profiles(counts):
    initiatives = Initiative.objects.select_related("space")
    assert counts["initiatives"] == initiatives.count() >= 6
    assert Space.objects.filter(kind=Space.Type.INITIATIVE).count() == initiatives.count()
    countries = {code for i in initiatives for code in i.countries}
    assert len(countries) >= 5
    assert len({region_of(code) for code in countries}) >= 3
    assert {i.stage for i in initiatives} == set(Initiative.Stage.values)
    for initiative in initiatives:
        assert initiative.summary and initiative.place and initiative.issue_area_list
        assert initiative.countries and all(region_of(c) for c in initiative.countries)
        assert -90 <= initiative.latitude <= 90 and -180 <= initiative.longitude <= 180
        assert initiative.started and initiative.link_list
        assert all(link.startswith("https://") for link in initiative.link_list)
        names = set(initiative.themes.values_list("name", flat=True))
        assert names & OBJECTIVES, initiative
        assert initiative.themes.filter(group=Theme.Group.ISSUE).exists(), initiative
        assert initiative.stakeholders.count() >= 3
        assert all(link.role for link in initiative.stakeholders.all())
        if initiative.stage == Initiative.Stage.CLOSED:
            assert initiative.ended and initiative.ended > initiative.started
        else:
            assert initiative.ended is None
    used = set(Theme.objects.filter(initiative__isnull=False).values_list("name", flat=True))
    assert used >= OBJECTIVES
    sectors = set(
        Organisation.objects.filter(initiatives__isnull=False).values_list("sector", flat=True)
    )
    assert len(sectors) >= 5
    # Coordinates sit roughly where the place is: the Ghana forum in Bono East.
    ghana = initiatives.get(space__name=GHANA_FORUM)
    assert ghana.countries == ["GH"] and 7 < ghana.latitude < 8.5 and -2.5 < ghana.longitude < -1


@pytest.mark.django_db
def test_inquiry_cycles_with_dated_phase_notes(counts):
    cycles = InquiryCycle.objects.all()
    assert counts["cycles"] == cycles.count() >= 10
    assert {c.visibility for c in cycles} == set(Visibility.values)
    assert {c.status for c in cycles} == set(InquiryCycle.Status.values)
    per_initiative = cycles.values("initiative").annotate(n=Count("pk"))
    assert per_initiative.count() == Initiative.objects.count()
    assert max(row["n"] for row in per_initiative) >= 3
    assert set(PhaseNote.objects.values_list("phase", flat=True)) == set(PhaseNote.Phase.values)
    for cycle in cycles:
        assert cycle.title.endswith("?") and cycle.body_html
        notes = list(cycle.phase_notes.all())
        assert notes and all(n.body_html for n in notes)
        if cycle.status == InquiryCycle.Status.COMPLETE:
            assert cycle.started < cycle.ended
            assert {n.phase for n in notes} == set(PhaseNote.Phase.values)
    assert Comment.objects.filter(content__kind="cycle").exists()


@pytest.mark.django_db
def test_learning_notes_at_every_visibility_with_history(counts):
    notes = LearningNote.objects.all()
    assert counts["notes"] == notes.count() >= 10
    assert {n.visibility for n in notes} == set(Visibility.values)
    originals = notes.filter(adaptation__isnull=True)
    for note in originals:
        for section in ("context", "tried", "happened", "learned", "evidence", "methods"):
            assert getattr(note, section).strip(), (note, section)
        assert note.questions.strip() and note.themes.exists() and note.cycle_id
        assert note.coauthors.exists(), note
        assert note.cycle.initiative_id == note.initiative_id
    assert not notes.filter(body__icontains="lorem").exists()
    # Edited by a co-author: two versions, by different people, the second with a summary.
    edited = [n for n in originals if n.revisions.count() >= 2]
    assert len(edited) >= 3
    for note in edited:
        first, second = note.revisions.order_by("number")[:2]
        assert first.author_id == note.author_id != second.author_id
        assert second.summary and second.created > first.created
        assert first.data["title"] == note.title
    assert Comment.objects.filter(content__kind="note").count() >= 10
    assert Reaction.objects.filter(content__kind="note").exists()


@pytest.mark.django_db
def test_lessons_of_every_strength_and_visibility(counts):
    lessons = Lesson.objects.select_related("note")
    assert counts["lessons"] == lessons.count() >= 10
    assert {lesson.strength for lesson in lessons} == set(Lesson.Strength.values)
    assert {lesson.visibility for lesson in lessons} == set(Visibility.values)
    width = {"private": 0, "space": 1, "alliance": 2, "public": 3}
    for lesson in lessons:
        assert lesson.themes.exists() and lesson.body_html
        assert width[lesson.visibility] <= width[lesson.note.visibility]
    assert Comment.objects.filter(content__kind="lesson").count() >= 5


@pytest.mark.django_db
def test_a_restricted_note_has_a_reviewed_public_version(counts):
    adaptation = Adaptation.objects.get(status=Adaptation.Status.PUBLISHED)
    original = LearningNote.objects.get(pk=adaptation.original_id)
    adapted = LearningNote.objects.get(pk=adaptation.adapted_id)
    assert original.visibility == Visibility.SPACE
    assert adapted.visibility == adaptation.target_visibility == Visibility.PUBLIC
    space = original.space
    roles = {SpaceRole.LEAD, SpaceRole.FACILITATOR}
    assert adaptation.created_by_id != adaptation.reviewed_by_id
    for person in (adaptation.created_by, adaptation.reviewed_by):
        assert space.memberships.get(user=person).role in roles
    assert adaptation.review_comment and adaptation.reviewed >= adaptation.created
    # The sensitive details stay in the original only.
    assert "Kwaku Duah" in original.happened and "compartment" in original.happened
    assert "Kwaku Duah" not in adapted.body and "compartment" not in adapted.body
    assert adapted.learned == original.learned
    summaries = list(adapted.revisions.order_by("number").values_list("summary", flat=True))
    assert len(summaries) == 2 and "Removed" in summaries[0]
    assert summaries[1] == "Published as a shareable version"


@pytest.mark.django_db
def test_evidence_photos_lose_their_location_unless_kept(counts):
    attachments = Attachment.objects.select_related("content")
    assert counts["attachments"] == attachments.count()
    assert set(attachments.values_list("type", flat=True)) >= {"image", "pdf", "link"}
    photos = attachments.filter(type=Attachment.Type.IMAGE)
    assert photos.count() >= 3
    for photo in photos:
        with photo.file.open("rb") as stored:
            image = Image.open(BytesIO(stored.read()))
        assert image.format == "JPEG" and (image.width, image.height) == (photo.width, photo.height)
        assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo), photo
        assert photo.thumbnail and photo.caption and photo.sha256
    kept = photos.exclude(latitude__isnull=True)
    assert kept.count() == 1
    assert kept.get().latitude == pytest.approx(-0.9561, abs=1e-3)
    assert kept.get().longitude == pytest.approx(36.8752, abs=1e-3)
    stripped = photos.get(original_name="IMG_4117.jpg")
    assert stripped.latitude is None and "location was removed" in stripped.caption
    # The photo had a location when it was taken, as a phone's photo does.
    raw = Image.open(BytesIO(demo_photo("pillar", gps=(7.6412, -1.9087))))
    assert raw.getexif().get_ifd(ExifTags.IFD.GPSInfo)

    for pdf in attachments.filter(type=Attachment.Type.PDF):
        with pdf.file.open("rb") as stored:
            data = stored.read()
        assert data.startswith(b"%PDF-1.") and data.rstrip().endswith(b"%%EOF")
        assert pdf.mime == "application/pdf" and pdf.size == len(data)
    link = attachments.get(type=Attachment.Type.LINK)
    assert link.url.startswith("https://") and "Video" in link.caption


def test_generated_pdf_has_a_correct_cross_reference_table():
    data = demo_pdf(("A title (with brackets)", "a line", "another line"))
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF", data).group(1))
    assert data[start:].startswith(b"xref\n0 7\n")
    offsets = re.findall(rb"(\d{10}) 00000 n ", data[start:])
    assert len(offsets) == 6
    for number, offset in enumerate(offsets, start=1):
        assert data[int(offset) :].startswith(b"%d 0 obj" % number)
    assert b"\\(with brackets\\)" in data


@pytest.mark.django_db
def test_items_are_written_after_their_authors_joined(counts):
    for item in Content.objects.filter(kind__in=["cycle", "note", "lesson"]):
        joined = Membership.objects.get(space=item.space_id, user=item.author_id).joined
        assert item.created > joined, item
        assert item.updated >= item.created, item


@pytest.mark.django_db
def test_member_reads_the_initiative_pages(counts, client_for):
    member = User.objects.get(email="member@demo.harambee.org")
    client = client_for(member)
    forum = Space.objects.get(name=GHANA_FORUM)
    assert not forum.memberships.filter(user=member).exists()

    directory = client.get(reverse("initiatives:directory"))
    assert directory.status_code == 200
    for initiative in Initiative.objects.select_related("space"):
        assert escape(initiative.space.name) in directory.content.decode()

    detail = client.get(reverse("initiatives:detail", args=[forum.slug])).content.decode()
    note = LearningNote.objects.get(
        space=forum, visibility=Visibility.PUBLIC, adaptation__isnull=True
    )
    assert escape(note.title) in detail
    private = LearningNote.objects.get(space=forum, visibility=Visibility.PRIVATE)
    assert escape(private.title) not in detail

    page = client.get(note.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    assert "Kintampo" in text and "Evidence" in text
    lesson = note.lessons.filter(visibility=Visibility.PUBLIC).first()
    assert escape(lesson.title) in text
    assert client.get(lesson.get_absolute_url()).status_code == 200

    dossier = client.get(reverse("initiatives:dossier", args=[forum.slug]))
    assert dossier.status_code == 200
    text = dossier.content.decode()
    assert escape(note.title) in text and "Kwaku Duah" not in text
    assert escape(private.title) not in text

    # The restricted original stays out of reach; its shareable version does not.
    adaptation = Adaptation.objects.get(original__space=forum)
    assert client.get(reverse("initiatives:note", args=[adaptation.original_id])).status_code in (
        403,
        404,
    )
    assert client.get(reverse("initiatives:note", args=[adaptation.adapted_id])).status_code == 200
    cycle = InquiryCycle.objects.filter(space=forum, visibility=Visibility.PUBLIC).first()
    assert client.get(cycle.get_absolute_url()).status_code == 200


def test_stories_in_every_state_and_a_published_collection(counts, client):
    assert counts["stories"] >= 6 and counts["story_calls"] >= 2
    assert set(Story.objects.values_list("status", flat=True)) == {"draft", "review", "published"}
    assert Story.objects.filter(space__isnull=True, status="published").exists()
    assert Story.objects.filter(space__isnull=False, status="published").exists()
    assert Story.objects.filter(coauthors__isnull=False).exists()
    call = StoryCall.objects.get(status="published")
    assert call.answers.filter(in_collection=True).count() >= 2
    assert call.answers.filter(status="draft").exists()
    body = client.get("/stories/").content.decode()
    assert "The forest officer who came back" in body
    assert "Radio as a way in" not in body  # a draft
