from django import template

from harambee.people.countries import country_name as _country_name

register = template.Library()


@register.filter
def country_name(code: object) -> str:
    """``{{ person.country|country_name }}``: the country's name in the reader's
    language, looked up once per process (``people.countries``)."""
    return _country_name(code)
