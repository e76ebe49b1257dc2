"""The radio pages are valid HTML (the Nu Html Checker), including the builder with
every form's errors showing and the script download; axe finds no WCAG 2.2 A/AA
violation on the builder and the public bulletin page, on a 360 px phone and a laptop,
in light and dark, and a facilitator adds an item and a cue without JavaScript."""

from __future__ import annotations

import shutil

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from harambee.core.tests.checkers import AXE_JS, VNU_JAR, java, require_file, vnu
from harambee.radio import services
from harambee.radio.tests.helpers import PUBLIC_KEYS, items, station


def _client(user) -> Client:
    client = Client()
    if user is not None and user.is_authenticated:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _bulletin(cast):
    found = items(cast)
    bulletin = services.bulletin_create(
        actor=cast.space_lead,
        station=station(cast),
        title="Forest week <fire> & rain",
        items=[found["lesson"], found["report"]],
    )
    services.callin_log(
        actor=cast.space_lead, bulletin=bulletin, how="sms", question="When?", place="Kintampo"
    )
    return found, bulletin


@pytest.mark.django_db
def test_every_radio_page_is_valid_html(cast, tmp_path, settings):
    require_file(VNU_JAR)
    java()
    settings.MEDIA_ROOT = str(tmp_path / "media")
    _found, bulletin = _bulletin(cast)
    lead, anon = _client(cast.space_lead), _client(None)
    b, slug = bulletin.pk, bulletin.station.slug
    pages = {
        "stations": lead.get(reverse("radio:stations")),
        "station": lead.get(reverse("radio:station", args=[slug])),
        "station-anon": anon.get(reverse("radio:station", args=[slug])),
        "bulletin": lead.get(reverse("radio:bulletin", args=[b])),
        "builder": lead.get(reverse("radio:builder", args=[b])),
        "builder-errors": lead.post(
            reverse("radio:builder", args=[b]),
            {"title": "", "words_per_minute": "5", "status": "x"},
        ),
        "segment-errors": lead.post(
            reverse("radio:segment_add", args=[b]), {"kind": "cue", "text": ""}
        ),
        "item-errors": lead.post(reverse("radio:segment_add", args=[b]), {"item": "abc"}),
        "callin-errors": lead.post(reverse("radio:callins", args=[b]), {"how": "x"}),
        "recording-errors": lead.post(reverse("radio:recording", args=[b]), {}),
        "segment": lead.get(reverse("radio:segment_edit", args=[b, bulletin.segments.first().pk])),
        "new": lead.get(reverse("radio:bulletin_new", args=[slug])),
        "space": lead.get(reverse("radio:space", args=[cast.space.slug])),
        "station-new-errors": lead.post(
            reverse("radio:station_new", args=[cast.space.slug]), {"name": "x"}
        ),
        "script": lead.get(reverse("radio:script_html", args=[b])),
    }
    for label, response in pages.items():
        assert response.status_code in (200, 422), label
        (tmp_path / f"{label}.html").write_text(response.content.decode(), encoding="utf-8")
    shutil.copy(finders.find("harambee/harambee.css"), tmp_path / "harambee.css")
    problems = [
        m for m in vnu(tmp_path) if m.get("type") == "error" or m.get("subType") == "warning"
    ]
    assert problems == [], [
        (m.get("url", "")[-30:], m.get("message"), m.get("extract")) for m in problems
    ]


@pytest.mark.browser
def test_a_facilitator_builds_on_a_phone_and_axe_finds_nothing(new_page, live_server, cast):
    from harambee.core.tests.browser.test_accessibility import (
        LIGHT_ONLY,
        WITH_DARK,
        problems_on,
        sign_in,
    )

    require_file(AXE_JS)
    found, bulletin = _bulletin(cast)
    page = new_page(bypass_csp=True)
    page.set_viewport_size({"width": 360, "height": 740})
    sign_in(page, cast.space_lead, live_server.url)
    page.goto(live_server.url + reverse("radio:builder", args=[bulletin.pk]))
    problems = problems_on(page, "builder", WITH_DARK)
    # Add the public story from the suggestions, then a cue, with the page's own forms.
    page.set_viewport_size({"width": 360, "height": 740})
    page.get_by_role("button", name=f"Add {found['story'].title}").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name=found["story"].title).count() >= 1
    page.get_by_label("Kind").select_option("cue")
    page.get_by_label("Words, or the music or sound to play").fill("Drums, ten seconds")
    page.get_by_role("button", name="Add to the script").click()
    page.wait_for_load_state()
    assert "[Music or sound: Drums, ten seconds]" in page.content()
    assert bulletin.segments.filter(item=found["story"]).exists()
    problems += problems_on(page, "builder after adding", LIGHT_ONLY)
    services.bulletin_update(
        actor=cast.space_lead,
        bulletin=bulletin,
        title=bulletin.title,
        words_per_minute=140,
        status="published",
    )
    visitor = new_page(bypass_csp=True)
    visitor.goto(live_server.url + bulletin.get_absolute_url())
    problems += problems_on(visitor, "bulletin", WITH_DARK)
    text = visitor.content()
    for key in ("lesson", "report", "story"):
        assert found[key].title in text
    assert "HIDDEN" not in text and set(PUBLIC_KEYS) >= {"lesson", "report", "story"}
    assert problems == [], "\n".join(problems)
