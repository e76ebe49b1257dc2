"""``{% editor_widget field [autofocus] [describedby] %}``: a form field's widget (the
Markdown editor of core/editor.py) with attributes a hand-written form adds."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def editor_widget(field: BoundField, autofocus: bool = False, describedby: str = "") -> SafeString:
    attrs: dict[str, str | bool] = {}
    if autofocus:
        attrs["autofocus"] = True
    if describedby and field.errors:
        attrs["aria-describedby"] = describedby
    return field.as_widget(attrs=attrs)
