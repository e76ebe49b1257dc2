from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from harambee.core.models import AuditEntry
from harambee.core.tests.factories import OrganisationFactory, SpaceFactory
from harambee.core.tests.matrix import assert_allowed, assert_forbidden
from harambee.core.tests.querycount import assert_constant_queries
from harambee.initiatives import services
from harambee.initiatives.models import Initiative, LearningNote, Lesson, Theme
from harambee.spaces import services as space_services
from harambee.spaces.models import Space

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative(cast):
    cast.space.kind = Space.Type.INITIATIVE
    cast.space.save()
    return Initiative.objects.create(space=cast.space, countries=["GH"], stage="running")


def make_note(author, initiative, visibility="space", **extra):
    fields = {"title": "Boundary walk", "tried": "Walked the boundary", "learned": "Go slowly"}
    fields.update(extra)
    return services.note_create(
        author=author, initiative=initiative, visibility=visibility, **fields
    )


def test_creating_an_initiative_space_creates_its_profile(cast):
    space = space_services.space_create(
        creator=cast.member,
        name="Volta basin",
        kind="initiative",
        listing="members",
        join_policy="request",
    )
    assert Initiative.objects.filter(space=space).exists()


def test_themes_are_seeded_with_the_three_learning_objectives(db):
    objectives = set(Theme.objects.filter(group="objective").values_list("name", flat=True))
    assert objectives == {
        "Multi-stakeholder processes",
        "Complexity thinking",
        "Leadership for enabling conditions",
    }


def test_directory_filters(cast, client_for, initiative):
    theme = Theme.objects.get(slug="forests-land-use")
    initiative.themes.add(theme)
    org = OrganisationFactory(sector="government")
    services.stakeholder_set(
        actor=cast.space_lead, initiative=initiative, organisation=org, role="convener"
    )
    other = Initiative.objects.create(
        space=SpaceFactory(name="Andes water", kind="initiative", listing="public"),
        countries=["PE"],
        stage="exploring",
    )
    client = client_for(cast.member)
    url = reverse("initiatives:directory")

    def names(params):
        body = client.get(url, params).content.decode()
        return {n for n in ("Ghana forest forum", "Andes water") if n in body}

    assert names({}) == {"Ghana forest forum", "Andes water"}
    assert names({"country": "GH"}) == {"Ghana forest forum"}
    assert names({"region": "Americas"}) == {"Andes water"}
    assert names({"theme": "forests-land-use"}) == {"Ghana forest forum"}
    assert names({"sector": "government"}) == {"Ghana forest forum"}
    assert names({"stage": "exploring"}) == {"Andes water"}
    # The anonymous public only sees publicly listed initiatives.
    body = client_for(None).get(url).content.decode()
    assert "Andes water" in body and "Ghana forest forum" not in body
    del other


def test_the_kept_filters_show_each_reader_their_own_countries_and_choice(
    cast, client_for, initiative
):
    """The filters' markup is kept in the fragment cache under what it shows: a
    country only a member may know of is never offered to someone else, and the
    chosen value is the reader's own."""
    Initiative.objects.create(
        space=SpaceFactory(name="Andes water", kind="initiative", listing="public"),
        countries=["PE"],
    )
    url = reverse("initiatives:directory")
    option = '<option value="{}"{}>'
    for _ in range(2):  # filled, then read from the cache
        member = client_for(cast.space_member).get(url).content.decode()
        assert option.format("GH", "") in member and option.format("PE", "") in member
        public = client_for(None).get(url).content.decode()
        assert 'value="GH"' not in public and option.format("PE", "") in public
        chosen = client_for(cast.space_member).get(url, {"country": "PE"}).content.decode()
        assert option.format("PE", " selected") in chosen
        assert "Ghana forest forum" not in chosen and "Andes water" in chosen
    # Names of countries, one by one, as before.
    assert initiative.country_names == ["Ghana"]


def test_profile_is_edited_by_leads_only(cast, client_for, initiative):
    url = reverse("initiatives:edit", args=[cast.space.slug])
    assert_allowed(client_for, url, [cast.space_lead])
    assert_forbidden(client_for, url, [cast.anon, cast.space_member, cast.member, cast.steward])
    response = client_for(cast.space_lead).post(
        url,
        {
            "summary": "Co-managing the forest reserve",
            "countries": ["GH", "CI"],
            "place": "Techiman",
            "latitude": "7.58",
            "longitude": "-1.94",
            "stage": "scaling",
            "started": "2024-03-01",
            "ended": "2023-01-01",
            "links": "https://example.org",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and "cannot come before the start" in body
    assert "Co-managing the forest reserve" in body
    client_for(cast.space_lead).post(
        url,
        {
            "summary": "Co-managing the forest reserve",
            "countries": ["GH", "CI"],
            "place": "Techiman",
            "latitude": "7.58",
            "longitude": "-1.94",
            "stage": "scaling",
            "started": "2024-03-01",
            "links": "https://example.org",
        },
    )
    initiative.refresh_from_db()
    assert initiative.countries == ["GH", "CI"] and initiative.stage == "scaling"
    assert initiative.regions == ["Africa"]


def test_cycle_with_dated_phase_notes(cast, client_for, initiative):
    client = client_for(cast.space_member)
    client.post(
        reverse("initiatives:cycle_create", args=[cast.space.slug]),
        {
            "title": "How do we bring the forest office to the table?",
            "status": "active",
            "visibility": "space",
            "body": "",
        },
    )
    cycle = initiative.cycles.get()
    client.post(
        reverse("initiatives:phase_note_add", args=[cycle.pk]),
        {"phase": "observe", "date": "2026-10-01", "body": "The officer came *twice*."},
    )
    page = client.get(cycle.get_absolute_url()).content.decode()
    assert "<em>twice</em>" in page and "How do we bring the forest office" in page
    response = client.post(
        reverse("initiatives:phase_note_add", args=[cycle.pk]),
        {"phase": "act", "date": "", "body": "Kept text"},
    )
    assert response.status_code == 422 and "Kept text" in response.content.decode()
    assert client_for(cast.member).get(cycle.get_absolute_url()).status_code == 404


def test_note_revisions_history_and_revert(cast, client_for, initiative):
    client = client_for(cast.space_member)
    response = client.post(
        reverse("initiatives:note_create", args=[cast.space.slug]),
        {
            "title": "Boundary walk",
            "context": "Fringe communities",
            "tried": "A joint walk",
            "learned": "Walk *before* meeting",
            "visibility": "space",
        },
    )
    note = LearningNote.objects.get()
    assert response.status_code == 302 and note.revisions.count() == 1
    client.post(
        reverse("initiatives:note_edit", args=[note.pk]),
        {
            "title": "Boundary walk, revised",
            "tried": "A joint walk",
            "learned": "Walk first",
            "visibility": "space",
            "summary": "Shorter lesson",
        },
    )
    note.refresh_from_db()
    assert note.title == "Boundary walk, revised" and note.revisions.count() == 2
    history = client.get(reverse("initiatives:note_history", args=[note.pk])).content.decode()
    assert "Shorter lesson" in history
    old = client.get(reverse("initiatives:note_revision", args=[note.pk, 1])).content.decode()
    assert "<em>before</em>" in old
    client.post(reverse("initiatives:note_revert", args=[note.pk, 1]))
    note.refresh_from_db()
    assert note.title == "Boundary walk" and note.revisions.count() == 3


def test_note_form_needs_substance_and_keeps_input(cast, client_for, initiative):
    response = client_for(cast.space_member).post(
        reverse("initiatives:note_create", args=[cast.space.slug]),
        {"title": "Empty", "context": "Only context here", "visibility": "space"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "at least what was tried" in body
    assert "Only context here" in body


def test_revisions_obey_the_gate_of_the_note_as_it_is_now(cast, client_for, initiative):
    note = make_note(cast.space_member, initiative, visibility="public")
    services.note_update(actor=cast.space_member, note=note, visibility="space", title="Now closed")
    for url in (
        note.get_absolute_url(),
        reverse("initiatives:note_history", args=[note.pk]),
        reverse("initiatives:note_revision", args=[note.pk, 1]),
    ):
        assert client_for(None).get(url).status_code == 404
        assert client_for(cast.member).get(url).status_code == 404
        assert client_for(cast.space_member).get(url).status_code == 200


def test_lessons_are_citable_and_never_wider_than_their_note(cast, client_for, initiative):
    note = make_note(cast.space_member, initiative, visibility="alliance")
    with pytest.raises(ValidationError):
        services.lesson_create(
            author=cast.space_member,
            note=note,
            title="x",
            body="",
            strength="single",
            visibility="public",
        )
    lesson = services.lesson_create(
        author=cast.space_member,
        note=note,
        title="Walk before you meet",
        body="Because",
        strength="repeated",
        visibility="alliance",
    )
    assert lesson.get_absolute_url() == f"/lessons/{lesson.pk}/"
    assert client_for(cast.member).get(lesson.get_absolute_url()).status_code == 200
    # Narrowing the note narrows the lesson, and the change is audited.
    services.note_update(actor=cast.space_member, note=note, visibility="space")
    lesson.refresh_from_db()
    assert lesson.visibility == "space"
    assert client_for(cast.member).get(lesson.get_absolute_url()).status_code == 404
    assert AuditEntry.objects.filter(action="visibility_changed", content=lesson).exists()


def test_lesson_form_refuses_wider_visibility_with_a_message(cast, client_for, initiative):
    note = make_note(cast.space_member, initiative, visibility="space")
    response = client_for(cast.space_member).post(
        reverse("initiatives:lesson_create", args=[note.pk]),
        {"title": "Trust first", "body": "", "strength": "single", "visibility": "public"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "more widely than its note" in body
    assert "Trust first" in body and not Lesson.objects.exists()


def test_the_lesson_form_shows_the_notes_themes_ticked_and_saves_what_is_ticked(
    cast, client_for, initiative
):
    import re

    forests, health = Theme.objects.get(slug="forests-land-use"), Theme.objects.get(slug="health")
    note = make_note(cast.space_member, initiative, visibility="space")
    note.themes.set([forests, health])
    client = client_for(cast.space_member)
    url = reverse("initiatives:lesson_create", args=[note.pk])
    form = client.get(url).content.decode()
    ticked = set(re.findall(r'name="themes" value="(\d+)"[^>]*checked', form))
    assert ticked == {str(forests.pk), str(health.pk)}
    lesson = {"body": "", "strength": "single", "visibility": "space"}
    client.post(url, {**lesson, "title": "One theme", "themes": [health.pk]})
    assert list(Lesson.objects.get(title="One theme").themes.all()) == [health]
    client.post(url, {**lesson, "title": "No theme"})
    assert not Lesson.objects.get(title="No theme").themes.exists()


def test_timeline_shows_only_what_the_reader_may_see(cast, client_for, initiative):
    from harambee.stories import services as story_services

    make_note(cast.space_member, initiative, visibility="public", title="Open note")
    make_note(cast.space_member, initiative, visibility="space", title="Closed note")
    story = story_services.story_create(
        author=cast.space_member,
        space=cast.space,
        title="A story of the walk",
        body="x",
        audience="space",
    )
    url = initiative.get_absolute_url()
    assert "A story of the walk" not in client_for(cast.guest).get(url).content.decode()
    story_services.story_submit(actor=cast.space_member, story=story)
    story_services.story_publish(actor=cast.space_lead, story=story)
    member_page = client_for(cast.member).get(url).content.decode()
    assert "Open note" in member_page and "Closed note" not in member_page
    guest_page = client_for(cast.guest).get(url).content.decode()
    assert "Closed note" in guest_page and "A story of the walk" in guest_page


def test_comments_on_notes_show_errors_in_place(cast, client_for, initiative):
    note = make_note(cast.space_member, initiative)
    response = client_for(cast.space_member).post(
        reverse("core:comment", args=[note.pk]), {"body": ""}
    )
    assert response.status_code == 422 and note.title in response.content.decode()


def test_query_counts(cast, client_for, initiative):
    client = client_for(cast.space_member)

    def add_notes(n):
        for i in range(n):
            note = make_note(cast.space_member, initiative, title=f"Note {i}")
            services.lesson_create(
                author=cast.space_member,
                note=note,
                title=f"Lesson {i}",
                body="",
                strength="single",
                visibility="space",
            )

    assert_constant_queries(client, initiative.get_absolute_url(), add_notes)

    def add_initiatives(n):
        for _ in range(n):
            Initiative.objects.create(space=SpaceFactory(kind="initiative"), countries=["KE"])

    assert_constant_queries(client, reverse("initiatives:directory"), add_initiatives)

    note = make_note(cast.space_member, initiative, title="Busy note")

    def add_lessons(n):
        for i in range(n):
            services.lesson_create(
                author=cast.space_member,
                note=note,
                title=f"L{i}",
                body="",
                strength="single",
                visibility="space",
            )

    assert_constant_queries(client, note.get_absolute_url(), add_lessons)

    def add_revisions(n):
        for i in range(n):
            services.note_update(actor=cast.space_member, note=note, summary=f"edit {i}")

    assert_constant_queries(
        client, reverse("initiatives:note_history", args=[note.pk]), add_revisions
    )


def test_dossier_gathers_only_what_the_reader_may_see(cast, client_for, initiative):
    cycle = services.cycle_create(
        author=cast.space_member,
        initiative=initiative,
        title="Who holds the land?",
        visibility="public",
    )
    services.phase_note_add(
        author=cast.space_member,
        cycle=cycle,
        phase="plan",
        date="2026-02-01",
        body="Map the claims",
    )
    open_note = make_note(
        cast.space_member, initiative, visibility="public", title="Open note", cycle=cycle
    )
    services.lesson_create(
        author=cast.space_member,
        note=open_note,
        title="Ask the elders",
        body="",
        strength="repeated",
        visibility="public",
    )
    make_note(cast.space_member, initiative, visibility="space", title="Closed note")
    public_space = initiative.space
    public_space.listing = "public"
    public_space.save()
    url = reverse("initiatives:dossier", args=[public_space.slug])
    page = client_for(None).get(url).content.decode()
    assert "Who holds the land?" in page and "Map the claims" in page
    assert "Open note" in page and "Ask the elders" in page and "Closed note" not in page
    assert "Closed note" in client_for(cast.guest).get(url).content.decode()
    response = client_for(None).get(
        reverse("initiatives:dossier_markdown", args=[public_space.slug])
    )
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/markdown")
    assert text.startswith("# Ghana forest forum") and "### Open note" in text
    assert "Ask the elders" in text and "Closed note" not in text


def test_dossier_query_count(cast, client_for, initiative):
    def add(n):
        for i in range(n):
            cycle = services.cycle_create(
                author=cast.space_member, initiative=initiative, title=f"Q{i}", visibility="space"
            )
            services.phase_note_add(
                author=cast.space_member, cycle=cycle, phase="act", date="2026-01-01", body="x"
            )
            note = make_note(cast.space_member, initiative, cycle=cycle, title=f"N{i}")
            services.lesson_create(
                author=cast.space_member,
                note=note,
                title=f"L{i}",
                body="",
                strength="single",
                visibility="space",
            )

    assert_constant_queries(
        client_for(cast.space_member), reverse("initiatives:dossier", args=[cast.space.slug]), add
    )


def test_cycle_page_query_count(cast, client_for, initiative):
    cycle = services.cycle_create(
        author=cast.space_member, initiative=initiative, title="Q", visibility="space"
    )

    def add(n):
        for i in range(n):
            services.phase_note_add(
                author=cast.space_member,
                cycle=cycle,
                phase=["plan", "act", "observe", "reflect"][i % 4],
                date="2026-01-01",
                body=f"entry {i}",
            )

    assert_constant_queries(client_for(cast.space_member), cycle.get_absolute_url(), add)


def test_timeline_pages_with_a_keyset(cast, client_for, initiative):
    from datetime import timedelta

    from django.utils import timezone

    from harambee.initiatives.selectors import timeline

    for i in range(35):
        note = make_note(cast.space_member, initiative, title=f"Note number {i:02d}")
        LearningNote.objects.filter(pk=note.pk).update(
            created=timezone.now() - timedelta(days=35 - i)
        )
    first, older = timeline(user=cast.space_member, initiative=initiative)
    assert len(first) == 30 and first[0].title == "Note number 34" and older is not None
    second, end = timeline(user=cast.space_member, initiative=initiative, before=older)
    assert [n.title for n in second] == [f"Note number {i:02d}" for i in range(4, -1, -1)]
    assert end is None
    page = client_for(cast.space_member).get(initiative.get_absolute_url()).content.decode()
    assert "Note number 34" in page and "Note number 00" not in page and "before=" in page
