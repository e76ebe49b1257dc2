from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.api.models import Scope
from harambee.api.services import MAX_DAYS
from harambee.inputs import Form


class TokenForm(Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        help_text=_("What the token is for, so that you know it again (e.g. “reporting script”)."),
    )
    days = forms.IntegerField(
        label=_("Valid for (days)"), min_value=1, max_value=MAX_DAYS, initial=90
    )
    may_write = forms.BooleanField(
        label=_("May also write (start threads, comment, write notes, lessons and wiki pages)"),
        required=False,
    )
    kinds = forms.MultipleChoiceField(
        label=_("Only these kinds (none ticked: every kind)"),
        choices=Scope.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
