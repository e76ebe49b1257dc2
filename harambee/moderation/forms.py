from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.inputs import Form
from harambee.moderation.models import Reason
from harambee.spaces.forms import DayInput


class FlagForm(Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=Reason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Anything the moderators should know (required for “Something else”)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("reason") == Reason.OTHER and not (data.get("note") or "").strip():
            self.add_error("note", _("Say in a few words what is wrong."))
        return data


class ReasonForm(Form):
    reason = forms.CharField(
        label=_("Why (kept in the moderation record)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MoveForm(Form):
    to = forms.ChoiceField(label=_("Move to"))
    widen = forms.BooleanField(
        label=_("If this thread is for its space only, open it to the whole alliance"),
        required=False,
    )

    def __init__(self, *args, targets: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.targets = {("forum" if t is None else str(t.pk)): t for t in targets}
        self.fields["to"].choices = [
            (key, _("Alliance forum") if t is None else t.name) for key, t in self.targets.items()
        ]

    def destination(self):
        return self.targets[self.cleaned_data["to"]]


class SuspendForm(Form):
    reason = forms.CharField(
        label=_("Reason (shown to the person)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    until = forms.DateField(
        label=_("Until (leave empty to suspend until lifted)"),
        required=False,
        widget=DayInput(),
    )
