"""Theme pages, citations, related experiences, reports and comparison: through the
gate, with counts of visible items only."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from harambee.core.tests.factories import OrganisationFactory, SpaceFactory
from harambee.core.tests.matrix import assert_allowed, assert_forbidden
from harambee.spaces.models import Space
from harambee.synthesis import services
from harambee.synthesis.models import RelatedItem, ThemeSynthesis
from harambee.synthesis.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def land(cast):
    """One theme; the cast's space (an initiative in Ghana) with a lesson at each
    visibility; another initiative (Kenya) with a public lesson."""
    theme = f.theme()
    Space.objects.filter(pk__in=[cast.space.pk, cast.other_space.pk]).update(
        listing=Space.Listing.PUBLIC
    )
    gov = OrganisationFactory(sector="government")
    ghana = f.initiative(cast.space, countries=["GH"], org=gov)
    kenya = f.initiative(cast.other_space, countries=["KE"], stage="scaling")
    note = f.note(ghana, cast.space_lead, "public", "Forest note", themes=[theme])
    lessons = {
        vis: f.lesson(note, vis, f"SECRETLESSON-{vis} title", themes=[theme])
        for vis in ("public", "alliance", "space", "private")
    }
    other_note = f.note(kenya, cast.outsider, "public", "Kenya note", themes=[theme])
    kenya_lesson = f.lesson(other_note, "public", "Kenya public lesson", themes=[theme])
    return {
        "theme": theme,
        "ghana": ghana,
        "kenya": kenya,
        "note": note,
        "lessons": lessons,
        "kenya_lesson": kenya_lesson,
    }


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


# Theme pages -------------------------------------------------------------------------


def test_the_theme_page_lists_and_counts_only_what_the_reader_may_see(cast, land, client_for):
    url = reverse("synthesis:theme", args=[land["theme"].slug])
    anon = page(client_for(None), url)
    assert "SECRETLESSON-public" in anon and "Kenya public lesson" in anon
    for hidden in ("alliance", "space", "private"):
        assert f"SECRETLESSON-{hidden}" not in anon
    # Two public lessons: one in Africa (both initiatives are in Africa).
    assert 'Lessons <span class="count">(2)</span>' in anon
    member = page(client_for(cast.space_member), url)
    assert "SECRETLESSON-space" in member and "SECRETLESSON-private" not in member
    assert 'Lessons <span class="count">(4)</span>' in member
    lead = page(client_for(cast.space_lead), url)
    assert 'Lessons <span class="count">(5)</span>' in lead


def test_the_theme_page_groups_by_country_sector_and_stage(cast, land, client_for):
    client = client_for(cast.space_member)
    url = reverse("synthesis:theme", args=[land["theme"].slug])
    by_country = page(client, f"{url}?by=country")
    assert "Ghana" in by_country and "Kenya" in by_country
    by_sector = page(client, f"{url}?by=sector")
    assert "Government" in by_sector and "Not stated" in by_sector
    by_stage = page(client, f"{url}?by=stage")
    assert "Running" in by_stage and "Scaling" in by_stage


def test_a_secret_initiatives_facts_do_not_group_its_public_items(cast, client_for):
    theme = f.theme()
    secret = SpaceFactory(listing=Space.Listing.SECRET)
    place = f.initiative(secret, countries=["NP"])
    note = f.note(place, cast.steward, "public", "Public note", themes=[theme])
    f.lesson(note, "public", "Public lesson of a secret place", themes=[theme])
    body = page(client_for(None), reverse("synthesis:theme", args=[theme.slug]) + "?by=country")
    assert "Public lesson of a secret place" in body
    assert "Nepal" not in body


def test_each_group_is_bounded_with_a_link_to_all_of_it(cast, land, client_for):
    for i in range(7):
        f.lesson(land["note"], "public", f"Extra lesson {i}", themes=[land["theme"]])
    url = reverse("synthesis:theme", args=[land["theme"].slug])
    body = page(client_for(None), url)
    assert body.count("Extra lesson") == 5
    more = reverse("synthesis:theme_items", args=[land["theme"].slug])
    assert f"{more}?kind=lesson&amp;by=region&amp;key=Africa" in body
    listing = page(client_for(None), f"{more}?kind=lesson&by=region&key=Africa")
    assert listing.count("Extra lesson") == 7
    assert "SECRETLESSON-space" not in listing


def test_an_unknown_group_or_theme_is_not_found(cast, land, client_for):
    client = client_for(cast.member)
    more = reverse("synthesis:theme_items", args=[land["theme"].slug])
    assert client.get(f"{more}?kind=lesson&by=region&key=Atlantis").status_code == 404
    assert client.get(f"{more}?kind=nothing&by=region&key=Africa").status_code == 404
    assert client.get(reverse("synthesis:theme", args=["no-such-theme"])).status_code == 404


def test_the_theme_index_counts_visible_lessons(cast, land, client_for):
    body = page(client_for(None), reverse("synthesis:themes"))
    assert "Water governance" in body and "2 lessons" in body
    assert "5 lessons" in page(client_for(cast.space_lead), reverse("synthesis:themes"))


# Citations ---------------------------------------------------------------------------


def cite_all(cast, land) -> ThemeSynthesis:
    ids = [lesson.pk for lesson in land["lessons"].values()]
    body = "We know this. " + " ".join(f"[[lesson:{pk}]]" for pk in ids) + " [[lesson:999999]]"
    return services.synthesis_save(actor=cast.steward, theme=land["theme"], body=body)


def test_a_citation_of_a_lesson_the_reader_may_not_see_says_only_restricted(cast, land, client_for):
    synthesis = cite_all(cast, land)
    assert synthesis.cited.count() == 4
    url = reverse("synthesis:theme", args=[land["theme"].slug])
    anon = page(client_for(None), url)
    assert anon.count("a restricted lesson") == 4  # three hidden and one missing
    assert 'class="citation">SECRETLESSON-public title</a>' in anon
    assert "SECRETLESSON-space" not in anon and "[[lesson:" not in anon
    assert "Stella Steward" in anon  # who wrote it
    member = page(client_for(cast.space_member), url)
    assert member.count("a restricted lesson") == 2  # the private one and the missing one
    assert "SECRETLESSON-space title</a>" in member and "Ghana forest forum" in member


def test_only_stewards_write_what_we_know(cast, land, client_for):
    url = reverse("synthesis:theme_edit", args=[land["theme"].slug])
    assert_forbidden(client_for, url, [cast.anon, cast.member, cast.space_lead])
    assert_allowed(client_for, url, [cast.steward])
    response = client_for(cast.steward).post(
        url, {"body": f"Cite [[lesson:{land['kenya_lesson'].pk}]]."}
    )
    assert response.status_code == 302
    saved = ThemeSynthesis.objects.get(theme=land["theme"])
    assert saved.updated_by == cast.steward and list(saved.cited.all()) == [land["kenya_lesson"]]


def test_a_steward_may_not_cite_a_lesson_they_cannot_read(cast, land, client_for):
    url = reverse("synthesis:theme_edit", args=[land["theme"].slug])
    hidden = land["lessons"]["space"]
    response = client_for(cast.steward).post(url, {"body": f"See [[lesson:{hidden.pk}]]."})
    assert response.status_code == 200
    assert "There is no lesson you can read" in response.content.decode()
    assert "SECRETLESSON" not in response.content.decode()
    assert not ThemeSynthesis.objects.exists()


# Related experiences --------------------------------------------------------------------


def test_related_items_come_from_other_initiatives_with_shared_terms(cast, land):
    theme = land["theme"]
    source = f.note(
        land["ghana"],
        cast.space_lead,
        "public",
        "Rainwater harvesting tanks",
        "Households built rainwater harvesting tanks with cooperative credit.",
        [theme],
    )
    same_space = f.note(
        land["ghana"],
        cast.space_lead,
        "public",
        "Rainwater harvesting tanks again",
        "Rainwater harvesting tanks cooperative credit.",
    )
    other = f.note(
        land["kenya"],
        cast.outsider,
        "public",
        "Harvesting rainwater in Kitui",
        "Cooperative credit paid for rainwater harvesting tanks.",
        [theme],
    )
    rows = services.related_compute(content_id=source.pk)
    targets = [row.target_id for row in rows]
    assert other.pk in targets and same_space.pk not in targets
    row = RelatedItem.objects.get(source=source, target=other)
    assert "rainwater" in row.shared_terms and "harvesting" in row.shared_terms
    assert "with" not in row.shared_terms  # a stop word
    assert row.shared_themes == ["Water governance"]


def test_a_hidden_related_item_and_its_shared_terms_are_never_shown(cast, land, client_for):
    source = f.note(
        land["kenya"],
        cast.outsider,
        "public",
        "Zanzibarite mining dialogue",
        "Quarry zanzibarite dialogue with chiefs.",
    )
    hidden = f.note(
        land["ghana"],
        cast.space_lead,
        "space",
        "HIDDENNOTE zanzibarite quarry",
        "Zanzibarite quarry dialogue chiefs.",
    )
    f.lesson(land["note"], "public", "Quarry dialogue lesson", "A quarry dialogue.")
    services.related_compute(content_id=source.pk)
    assert RelatedItem.objects.filter(source=source, target=hidden).exists()
    url = reverse("initiatives:note", args=[source.pk])
    outsider = page(client_for(cast.outsider), url)
    assert "HIDDENNOTE" not in outsider
    assert "Quarry dialogue lesson" in outsider
    member = page(client_for(cast.space_member), url)
    assert "HIDDENNOTE" in member and re.search(
        r"<span class=\"term\"[^>]*>zanzibarite</span>", member
    )
    assert "zanzibarite</span>" not in outsider


def test_saving_a_note_computes_its_related_items_on_commit(
    cast, land, django_capture_on_commit_callbacks
):
    f.note(
        land["kenya"],
        cast.outsider,
        "public",
        "Seed banks for drought",
        "Community seed banks kept drought seed.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        mine = f.note(
            land["ghana"], cast.space_lead, "public", "Seed banks", "Seed banks against drought."
        )
    assert RelatedItem.objects.filter(source=mine).exists()


def test_related_experiences_show_on_lessons_and_stories(cast, land, client_for):
    story = f.story(
        cast.other_space,
        cast.outsider,
        "public",
        "Mangrove replanting story",
        "Mangrove replanting with fisherfolk.",
    )
    lesson = f.lesson(
        land["note"],
        "public",
        "Mangrove replanting lesson",
        "Mangrove replanting needs fisherfolk.",
    )
    services.related_compute(content_id=story.pk)
    services.related_compute(content_id=lesson.pk)
    client = client_for(None)
    assert "Mangrove replanting story" in page(
        client, reverse("initiatives:lesson", args=[lesson.pk])
    )
    assert "Mangrove replanting lesson" in page(client, reverse("stories:story", args=[story.pk]))


def test_an_edited_item_refreshes_those_that_list_it(cast, land):
    source = f.note(
        land["kenya"],
        cast.outsider,
        "public",
        "Borehole committees",
        "Borehole committees collect fees.",
    )
    target = f.note(
        land["ghana"],
        cast.space_lead,
        "public",
        "Borehole committees fees",
        "Borehole committees fees.",
    )
    services.related_compute(content_id=source.pk)
    assert "borehole" in RelatedItem.objects.get(source=source, target=target).shared_terms
    target.title, target.learned = "Something else", "Nothing alike at all."
    target.save()
    services.related_refresh(content_id=target.pk)
    assert not RelatedItem.objects.filter(source=source, target=target).exists()


# Reports -------------------------------------------------------------------------------


def report_url(name: str = "synthesis:report", **params) -> str:
    from urllib.parse import urlencode

    return f"{reverse(name)}?{urlencode(params, doseq=True)}"


def test_a_public_report_holds_only_public_lessons_and_the_count_left_out(cast, land, client_for):
    url = report_url(theme=land["theme"].slug, audience="public")
    body = page(client_for(cast.space_member), url)
    assert "SECRETLESSON-public" in body and "Kenya public lesson" in body
    for hidden in ("alliance", "space", "private"):
        assert f"SECRETLESSON-{hidden}" not in body
    assert "2 restricted lessons were left out." in body  # alliance and space, not private


def test_a_report_is_for_sharing_unless_its_maker_asks_for_more(cast, land, client_for):
    body = page(client_for(cast.space_member), report_url(theme=land["theme"].slug))
    assert "SECRETLESSON-public" in body
    assert "SECRETLESSON-alliance" not in body and "SECRETLESSON-space" not in body
    assert "Private — not for sharing" not in body
    checked_public = re.compile(r'value="public"[^>]*checked')
    assert checked_public.search(body)
    assert checked_public.search(page(client_for(cast.space_member), reverse("synthesis:report")))


def test_a_restricted_report_marks_itself_and_every_lesson_not_for_sharing(cast, land, client_for):
    url = report_url(theme=land["theme"].slug, audience="viewer")
    body = page(client_for(cast.space_member), url)
    assert "SECRETLESSON-space" in body
    head = body.split('<ol class="report-lessons">')[0]
    assert "Private — not for sharing" in head
    # One mark in the header, one on each of the two lessons that are not public.
    assert body.count('<p class="not-for-sharing">') == 2
    public = body.split("SECRETLESSON-public")[0].rsplit("<li", 1)[1]
    assert "not-for-sharing" not in public
    text = client_for(cast.space_member).get(
        report_url("synthesis:report_markdown", theme=land["theme"].slug, audience="viewer")
    )
    assert text.content.decode().count("Private — not for sharing") == 3


def test_a_viewers_report_holds_what_the_viewer_may_see(cast, land, client_for):
    url = report_url(theme=land["theme"].slug, audience="viewer")
    member = page(client_for(cast.space_member), url)
    assert "SECRETLESSON-space" in member and "SECRETLESSON-private" not in member
    assert "left out" not in member
    outsider = page(client_for(cast.outsider), url)
    assert "SECRETLESSON-alliance" not in outsider and "SECRETLESSON-space" not in outsider
    assert "Kenya public lesson" in outsider


def test_a_report_filters_by_question_country_sector_and_dates(cast, land, client_for):
    client = client_for(cast.space_member)
    body = page(client, report_url(q="Kenya", group="country"))
    assert "Kenya public lesson" in body and "SECRETLESSON" not in body
    body = page(client, report_url(theme=land["theme"].slug, country=["GH"]))
    assert "SECRETLESSON-public" in body and "Kenya public lesson" not in body
    body = page(client, report_url(theme=land["theme"].slug, sector=["government"]))
    assert "SECRETLESSON-public" in body and "Kenya public lesson" not in body
    body = page(client, report_url(theme=land["theme"].slug, until="2000-01-01"))
    assert "No lesson matches." in body


def test_a_report_needs_a_theme_or_a_question(cast, client_for):
    body = page(client_for(None), report_url(group="theme"))
    assert "Choose a theme or type a question." in body


def test_the_report_exports_as_markdown(cast, land, client_for):
    url = report_url("synthesis:report_markdown", theme=land["theme"].slug, audience="public")
    response = client_for(cast.space_lead).get(url)
    assert response["Content-Type"].startswith("text/markdown")
    text = response.content.decode()
    assert text.startswith("# Synthesis report: Water governance")
    assert "### SECRETLESSON-public title" in text and "Strength of evidence: Single" in text
    assert "SECRETLESSON-space" not in text and "3 restricted lessons were left out." in text


def test_the_report_prints_and_makes_a_pdf(cast, land, client_for):
    client = client_for(cast.space_member)
    theme = land["theme"].slug
    printed = page(client, report_url("synthesis:report_print", theme=theme, audience="viewer"))
    assert "synthesis/print.css" in printed and "SECRETLESSON-space" in printed
    assert "<title>Synthesis report — Private — not for sharing</title>" in printed
    response = client.get(report_url("synthesis:report_pdf", theme=theme, audience="viewer"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "Private — not for sharing" in pdf_metadata(response.content)["Title"]
    public = client.get(report_url("synthesis:report_pdf", theme=theme))
    metadata = pdf_metadata(public.content)
    assert "not for sharing" not in " ".join(metadata.values())
    assert metadata["Subject"] == "Public lessons only."


def pdf_metadata(data: bytes) -> dict[str, str]:
    import pypdfium2

    return pypdfium2.PdfDocument(data).get_metadata_dict()


# Compare --------------------------------------------------------------------------------


def test_compare_shows_initiatives_side_by_side(cast, land, client_for):
    url = report_url("synthesis:compare", i=[cast.space.slug, cast.other_space.slug])
    body = page(client_for(cast.space_member), url)
    assert "Ghana" in body and "Kenya" in body and "Government" in body
    assert "SECRETLESSON-space title" in body and "SECRETLESSON-private" not in body
    anon = page(client_for(None), url)
    assert "SECRETLESSON-public" in anon and "SECRETLESSON-alliance" not in anon


def test_compare_refuses_an_initiative_the_reader_may_not_know(cast, land, client_for):
    secret = SpaceFactory(listing=Space.Listing.SECRET, slug="hidden-place")
    f.initiative(secret)
    url = report_url("synthesis:compare", i=[cast.space.slug, "hidden-place"])
    assert client_for(cast.member).get(url).status_code == 404
    missing = report_url("synthesis:compare", i=[cast.space.slug, "no-such-place"])
    assert client_for(cast.member).get(missing).status_code == 404
    assert client_for(cast.steward).get(url).status_code == 200


def test_compare_needs_two_to_four(cast, land, client_for):
    response = client_for(None).get(report_url("synthesis:compare", i=[cast.space.slug]))
    assert response.status_code == 400
    assert "Choose from 2 to 4 initiatives." in response.content.decode()
    assert page(client_for(None), reverse("synthesis:compare")).count('type="checkbox"') == 2


def test_new_related_items_refresh_the_anonymous_page_cache(
    cast, land, monkeypatch, django_capture_on_commit_callbacks
):
    from harambee.core import anoncache

    bumps = []
    monkeypatch.setattr(anoncache, "bump", lambda: bumps.append(1))
    source = f.note(land["kenya"], cast.outsider, "public", "Solar pumps", "Solar pumps.")
    f.note(land["ghana"], cast.space_lead, "public", "Solar pumps too", "Solar pumps.")
    with django_capture_on_commit_callbacks(execute=True):
        services.related_compute(content_id=source.pk)
    assert bumps


def test_shared_themes_of_related_items_are_named_in_the_readers_language(cast, land):
    from django.utils import translation

    from harambee.synthesis.selectors import related_for

    theme = land["theme"]
    theme.translations = {"fr": {"name": "Gouvernance de l’eau"}}
    theme.save()
    text = "Cooperative credit paid for rainwater harvesting tanks."
    source = f.note(land["ghana"], cast.space_lead, "public", "Rainwater tanks", text, [theme])
    kitui = f.note(land["kenya"], cast.outsider, "public", "Rainwater in Kitui", text, [theme])
    services.related_compute(content_id=source.pk)

    def shared(language):
        with translation.override(language):
            rows = related_for(user=cast.member, item=source)
        return next(row.shared_themes for row in rows if row.target_id == kitui.pk)

    assert shared("fr") == ["Gouvernance de l’eau"]
    assert shared("en") == ["Water governance"]
