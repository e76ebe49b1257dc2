from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from harambee.initiatives.models import Theme
from harambee.inputs import ChoiceList, Form
from harambee.press.models import Brochure

MONTHS_BACK = 12
COLUMNS = [("1", _("One column")), ("2", _("Two columns"))]


def _layout_fields() -> dict[str, forms.Field]:
    return {
        "language": forms.ChoiceField(
            label=_("Language of the brochure's headings"), choices=settings.LANGUAGES
        ),
        "paper": forms.ChoiceField(
            label=_("Paper"),
            choices=Brochure.Paper.choices,
            initial="a4",
            widget=forms.RadioSelect,
        ),
        "columns": forms.TypedChoiceField(
            label=_("Columns"), choices=COLUMNS, coerce=int, initial="1", widget=forms.RadioSelect
        ),
        "booklet": forms.BooleanField(
            label=_("Also as a booklet: A5 pages two to a side of A4, to fold and staple"),
            required=False,
        ),
    }


class BrochureForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    intro = forms.CharField(
        label=_("Introduction on the cover"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    source = forms.ChoiceField(
        label=_("Made from"),
        choices=[c for c in Brochure.Source.choices if c[0] != Brochure.Source.MONTH],
        initial=Brochure.Source.HAND,
        widget=forms.RadioSelect,
    )
    items = forms.MultipleChoiceField(
        label=_("Public items (when chosen by hand)"),
        required=False,
        widget=ChoiceList,
        help_text=_("Only public items can be printed. This space's come first."),
    )
    theme = forms.ModelChoiceField(
        label=_("Theme (when made from a theme)"),
        queryset=Theme.objects.order_by("name"),
        required=False,
    )

    def __init__(self, *args: Any, candidates: list[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(_layout_fields())
        self.fields["items"].choices = [
            (str(item.pk), f"{item.title} ({item.kind_spec.label})") for item in candidates
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        source = data.get("source")
        if source == Brochure.Source.HAND and not data.get("items"):
            self.add_error("items", _("Choose at least one item."))
        if source == Brochure.Source.THEME and not data.get("theme"):
            self.add_error("theme", _("Choose a theme."))
        return data


def recent_months(today: date | None = None) -> list[tuple[str, str]]:
    today = today or timezone.localdate()
    months = []
    year, month = today.year, today.month
    for _n in range(MONTHS_BACK):
        first = date(year, month, 1)
        months.append((first.strftime("%Y-%m"), formats.date_format(first, "F Y")))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months


class DigestForm(Form):
    month = forms.ChoiceField(label=_("Month"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = recent_months()
        self.fields.update(_layout_fields())

    def clean_month(self) -> date:
        value = self.cleaned_data["month"]
        try:
            year, month = (int(part) for part in value.split("-"))
            return date(year, month, 1)
        except ValueError as error:
            raise ValidationError(_("Choose a month from the list.")) from error
