from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.core.editor import MarkdownEditor
from harambee.core.forms import country_choices
from harambee.initiatives.selectors import theme_list
from harambee.inputs import ChoiceList, Form
from harambee.people.models import Sector
from harambee.spaces.forms import DayInput
from harambee.synthesis.selectors import GROUPINGS, readable_lesson_ids
from harambee.synthesis.services import cited_ids


class GroupForm(Form):
    by = forms.ChoiceField(
        label=_("Group by"),
        required=False,
        choices=[
            ("region", _("Region")),
            ("country", _("Country")),
            ("sector", _("Stakeholder sector")),
            ("stage", _("Stage")),
        ],
    )

    def grouping(self) -> str:
        value = self.cleaned_data.get("by") if self.is_valid() else ""
        return value if value in GROUPINGS else "region"


class SynthesisForm(Form):
    body = forms.CharField(
        label=_("What we know"),
        widget=MarkdownEditor(attrs={"rows": 14}),
        max_length=50000,
        help_text=_(
            "Markdown formatting is allowed. Cite a lesson with [[lesson:123]], where 123 "
            "is the number in the lesson's address."
        ),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        ids = cited_ids(body)
        readable = readable_lesson_ids(user=self.user, ids=ids)
        unknown = [str(pk) for pk in ids if pk not in readable]
        if unknown:
            # The same answer for a lesson that does not exist and one the writer may
            # not read.
            raise forms.ValidationError(
                _("There is no lesson you can read with the number %(numbers)s."),
                params={"numbers": ", ".join(unknown)},
            )
        return body


class ReportForm(Form):
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=theme_list(),
        required=False,
        to_field_name="slug",
        empty_label=_("Any theme"),
    )
    q = forms.CharField(label=_("Question or words"), required=False, max_length=200)
    country = forms.MultipleChoiceField(
        label=_("Countries"), required=False, choices=country_choices, widget=ChoiceList
    )
    sector = forms.MultipleChoiceField(
        label=_("Stakeholder sectors"),
        required=False,
        choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    since = forms.DateField(label=_("From"), required=False, widget=DayInput())
    until = forms.DateField(label=_("Until"), required=False, widget=DayInput())
    group = forms.ChoiceField(
        label=_("Group lessons by"),
        required=False,
        choices=[("theme", _("Theme")), ("country", _("Country"))],
    )
    # A report is made to be shared: unless its maker asks for more, it holds only
    # what anyone may read.
    audience = forms.ChoiceField(
        label=_("Report for"),
        required=False,
        initial="public",
        choices=[
            ("public", _("Sharing: public lessons only")),
            ("viewer", _("Me only: every lesson I may read, marked “not for sharing”")),
        ],
        widget=forms.RadioSelect,
    )

    def clean_audience(self) -> str:
        return self.cleaned_data.get("audience") or "public"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date comes before the start date."))
        if not data.get("theme") and not (data.get("q") or "").strip():
            raise forms.ValidationError(_("Choose a theme or type a question."))
        return data
