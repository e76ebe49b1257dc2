"""French pages name the theme vocabulary and the countries in French (the themes'
translations are data; the countries' names come from django-countries, read in the
reader's language when the form is shown, not when it was imported)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from harambee.initiatives.forms import InitiativeForm
from harambee.initiatives.models import Theme

pytestmark = pytest.mark.django_db


def test_french_theme_pages_and_report_form_are_in_french(cast, client_for):
    client = client_for(cast.member)
    themes = client.get(reverse("synthesis:themes"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Eau et assainissement" in themes and "Water and sanitation" not in themes
    theme = client.get(
        reverse("synthesis:theme", args=["multi-stakeholder-processes"]),
        HTTP_ACCEPT_LANGUAGE="fr",
    ).content.decode()
    assert "<h1>Processus multi-acteurs</h1>" in theme and "Capacités et outils" in theme
    report = client.get(reverse("synthesis:report"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert " Allemagne</label>" in report and " Germany</label>" not in report
    assert ">Eau et assainissement</option>" in report
    english = client.get(reverse("synthesis:report"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert " Germany</label>" in english and ">Water and sanitation</option>" in english


def test_a_theme_without_a_translation_keeps_its_name():
    theme = Theme.objects.create(name="Fisheries", slug="fisheries", group="issue")
    with translation.override("fr"):
        assert theme.label == "Fisheries" and str(theme) == "Fisheries"
    theme.translations = {"fr": {"name": "Pêche"}}
    with translation.override("fr"):
        assert theme.label == "Pêche" and theme.about == ""
    with translation.override("en"):
        assert theme.label == "Fisheries"


def test_the_initiative_form_names_countries_in_the_readers_language():
    with translation.override("fr"):
        choices = dict(InitiativeForm().fields["countries"].choices)
    assert choices["DE"] == "Allemagne"
    with translation.override("en"):
        assert dict(InitiativeForm().fields["countries"].choices)["DE"] == "Germany"
