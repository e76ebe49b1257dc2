from django import template

from harambee.people.countries import country_name as _country_name
from harambee.people.countries import sector_name as _sector_name

register = template.Library()


@register.filter
def country_name(code: object) -> str:
    """``{{ person.country|country_name }}``: the country's name in the reader's
    language, looked up once per process (``people.countries``)."""
    return _country_name(code)


@register.filter
def sector_name(value: object) -> str:
    """``{{ person.sector|sector_name }}``: what ``get_sector_display`` shows, looked up
    once per language (``people.countries``)."""
    return _sector_name(value)
