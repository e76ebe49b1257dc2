from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee import inputs
from harambee.insights.models import SurveyChannel
from harambee.insights.services import MAX_HOURS, MAX_MINUTES


class SurveyForm(inputs.Form):
    channels = forms.MultipleChoiceField(
        label=_("Which channels do you actually use to keep in touch with the alliance?"),
        choices=SurveyChannel.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Tick every one you use; facilitators see only how many people use each."),
    )


class SlowModeForm(inputs.Form):
    minutes = forms.IntegerField(
        label=_("Minutes between one person's replies"),
        min_value=1,
        max_value=MAX_MINUTES,
        initial=10,
    )
    hours = forms.IntegerField(
        label=_("Ends after (hours)"), min_value=1, max_value=MAX_HOURS, initial=24
    )
