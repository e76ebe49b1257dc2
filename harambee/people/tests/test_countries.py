"""Country names are worked out once per language and country, and read as
django-countries names them, in every language."""

from __future__ import annotations

from django.template import Context, Template
from django.utils import translation
from django_countries import countries
from django_countries.fields import Country

from harambee.people import countries as module
from harambee.people.countries import country_name


def test_names_are_django_countries_own_in_the_active_language():
    for language in ("en", "fr", "es", "pt-br", "sw"):
        with translation.override(language):
            for code in ("GH", "KE", "IN", "GT", "BR", "PH", "DE"):
                assert country_name(code) == str(countries.name(code))
                assert country_name(Country(code)) == str(countries.name(code))
    with translation.override("fr"):
        assert country_name("DE") == "Allemagne"
    assert country_name("") == "" and country_name(None) == ""


def test_each_name_is_looked_up_once_per_language():
    module._name.cache_clear()
    with translation.override("es"):
        for _ in range(5):
            country_name("GH")
    info = module._name.cache_info()
    assert (info.misses, info.hits) == (1, 4)


def test_the_template_filter_names_a_persons_country():
    template = Template("{% load labels %}{{ country|country_name }}")
    with translation.override("fr"):
        assert template.render(Context({"country": Country("IN")})) == "Inde"


def test_sector_names_are_the_fields_own_labels():
    from harambee.people.countries import sector_name
    from harambee.people.models import Organisation, Sector, User

    for language in ("en", "fr", "sw"):
        with translation.override(language):
            for value, _label in Sector.choices:
                person = User(sector=value)
                org = Organisation(sector=value)
                assert sector_name(value) == person.get_sector_display()
                assert sector_name(value) == org.get_sector_display()
    assert sector_name("") == ""
    template = Template("{% load labels %}{{ sector|sector_name }}")
    with translation.override("en"):
        shown = template.render(Context({"sector": "research"}))
        assert shown == str(dict(Sector.choices)["research"])
