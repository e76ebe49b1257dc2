"""The rules every typed value meets before anything stores it (docs/architecture.md,
"Bad input").

- Single-line text (titles, names, handles, captions) loses control characters,
  direction overrides and isolates (U+202A-U+202E, U+2066-U+2069) and zero-width
  characters (U+200B, U+200C, U+2060, U+FEFF; U+200D only outside an emoji sequence).
- Multi-line text (bodies) keeps new lines and tabs and loses every other control
  character.
- Lengths: a single-line field without a limit of its own takes at most
  ``LINE_MAX`` characters, a body ``BODY_MAX``.
- An id typed into a form is a whole number the database can hold; anything else is
  refused before it reaches a query (SQLite raises on a 20-digit number).
"""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import connection, models

LINE_MAX = 200
BODY_MAX = 50_000
# The name of a Markdown field's "Preview" button (core/editor.py); its value names
# the field to preview.
PREVIEW_FIELD = "_preview"

# Control characters (C0 without tab, LF and CR; DEL; C1).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\t\n\r]+")
# Direction overrides, embeddings and isolates; zero-width characters.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u200c\u2060\ufeff]")
_ZWJ = "\u200d"


def _keep_joiner(text: str, at: int) -> bool:
    """A zero-width joiner between two pictographs (a woman farmer: U+1F469 U+200D
    U+1F33E) belongs to the emoji."""
    if at == 0 or at + 1 >= len(text):
        return False
    before, after = text[at - 1], text[at + 1]
    pictograph = ("So", "Sk")
    return (before == "\ufe0f" or unicodedata.category(before) in pictograph) and (
        unicodedata.category(after) in pictograph
    )


def clean_line(value: str) -> str:
    """A single line as it may be stored: see the module's rules."""
    value = _LINE_BREAKS.sub(" ", value)
    value = _INVISIBLE.sub("", _CONTROL.sub("", value))
    if _ZWJ in value:
        value = "".join(c for i, c in enumerate(value) if c != _ZWJ or _keep_joiner(value, i))
    return value


def clean_body(value: str) -> str:
    """A multi-line text as it may be stored: new lines and tabs stay."""
    return _CONTROL.sub("", value)


def id_range(model_field=None) -> tuple[int, int]:
    """The smallest and largest id the database holds for ``model_field`` (a primary
    key or foreign key; the default ids when None)."""
    field = model_field
    while field is not None and field.is_relation:
        field = field.target_field
    internal = field.get_internal_type() if field is not None else "BigAutoField"
    low, high = connection.ops.integer_field_range(internal)
    return (low if low is not None else -(2**63)), (high if high is not None else 2**63 - 1)


def to_id(value, model_field=None) -> int | None:
    """``value`` as an id the database can look up, or None if it cannot be one."""
    if isinstance(value, bool):
        return None
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    low, high = id_range(model_field)
    if not max(low, 1) <= number <= high:
        return None
    return number


def _id_field(field: forms.ModelChoiceField) -> models.Field | None:
    """The model field a choice's value names, if it holds whole numbers."""
    opts = field.queryset.model._meta
    target = opts.get_field(field.to_field_name) if field.to_field_name else opts.pk
    while target.is_relation:
        target = target.target_field
    return target if isinstance(target, models.IntegerField) else None


def _bounded_choice(field: forms.ModelChoiceField):
    """``field.clean`` that refuses an id no row could have before it is looked up:
    a 20-digit number is an overflow error on SQLite, not a missing row."""
    clean = field.clean
    many = isinstance(field, forms.ModelMultipleChoiceField)

    def bounded_clean(value):
        id_field = _id_field(field) if field.queryset is not None else None
        values = value if many and isinstance(value, (list, tuple)) else [value]
        for one in values if id_field is not None else []:
            if one in field.empty_values or to_id(one, id_field) is not None:
                continue
            shown = str(one)[:40]
            if many:
                raise ValidationError(
                    field.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": shown},
                )
            raise ValidationError(
                field.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": shown},
            )
        return clean(value)

    return bounded_clean


def _cleaned_text(field: forms.CharField, single_line: bool):
    to_python = field.to_python
    clean = clean_line if single_line else clean_body

    def cleaned(value):
        return to_python(clean(value) if isinstance(value, str) else value)

    return cleaned


def apply_input_rules(field: forms.Field) -> None:
    """Give one form field the rules of this module (docs/architecture.md, "Bad
    input"): bounded ids and numbers, a length limit and clean text. Applied to each
    form's own copy of its fields, so the wrapped methods never leak between forms."""
    if isinstance(field, forms.ModelChoiceField):
        field.clean = _bounded_choice(field)  # type: ignore[method-assign]
    elif isinstance(field, forms.IntegerField):
        low, high = id_range()
        if field.max_value is None:
            field.validators.append(validators.MaxValueValidator(high))
        if field.min_value is None:
            field.validators.append(validators.MinValueValidator(low))
    elif isinstance(field, forms.CharField) and not isinstance(field.widget, forms.PasswordInput):
        single_line = not isinstance(field.widget, forms.Textarea)
        if field.max_length is None:
            field.max_length = LINE_MAX if single_line else BODY_MAX
            field.validators.append(validators.MaxLengthValidator(field.max_length))
        field.to_python = _cleaned_text(field, single_line)  # type: ignore[method-assign]


class InputRulesMixin:
    """Every form of the product: its fields follow this module's rules. A test
    (``core/tests/test_bad_input.py``) fails a form class of the product without it."""

    fields: dict[str, forms.Field]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            apply_input_rules(field)

    @property
    def previewing(self) -> bool:
        """Whether the writer pressed a field's "Preview" button: the form is then
        shown again with the preview and all that was typed, and nothing is saved."""
        if not self.is_bound or PREVIEW_FIELD not in self.data:
            return False
        wanted = self.data.get(PREVIEW_FIELD)
        return any(
            getattr(self.fields[name].widget, "previews", False) and self[name].html_name == wanted
            for name in self.fields
        )

    def is_valid(self) -> bool:
        return super().is_valid() and not self.previewing


class Form(InputRulesMixin, forms.Form):
    pass


class ModelForm(InputRulesMixin, forms.ModelForm):
    pass


class ChoiceList(forms.CheckboxSelectMultiple):
    """A choice of many (co-authors, languages, countries, themes): checkboxes in a
    scrolling box, usable without JavaScript (no ctrl-click list), with a filter box
    that ``static/harambee/choices.js`` adds (accents aside) when JavaScript runs. Its
    template is core's (``core/widgets/choices.html``), found like any app template."""

    template_name = "core/widgets/choices.html"


class IdConverter:
    """``<id:pk>`` in a route: a whole number the database can hold. A longer one (20
    digits) is no match, a 404, instead of an overflow error on SQLite."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > 2**63 - 1:
            raise ValueError(value)
        return number

    def to_url(self, value) -> str:
        return str(value)
