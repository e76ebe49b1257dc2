from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from harambee.core.models import Visibility
from harambee.inputs import ChoiceList, Form, to_id
from harambee.reach.models import SMS_LANGUAGES, ConsentChange, FieldReport, Purpose
from harambee.reach.services import normalise_phone


class ContactForm(Form):
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        help_text=_("With its country code, like +233 20 123 4567."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    name = forms.CharField(label=_("Name"), max_length=100, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=SMS_LANGUAGES)
    place = forms.CharField(label=_("Place"), max_length=100, required=False)
    consents = forms.MultipleChoiceField(
        label=_("Agreed to"),
        choices=Purpose.choices,
        required=False,
        widget=ChoiceList,
    )
    how = forms.ChoiceField(
        label=_("How the consent was given"),
        choices=[c for c in ConsentChange.How.choices if c[0] not in ("keyword", "gateway")],
    )
    show_name = forms.BooleanField(
        label=_("The name may be shown with verified reports"), required=False
    )

    def clean_phone(self) -> str:
        return normalise_phone(self.cleaned_data["phone"])


class ReviewForm(Form):
    status = forms.ChoiceField(
        label=_("Verdict"),
        choices=[c for c in FieldReport.Status.choices if c[0] != "pending"],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
    visibility = forms.ChoiceField(
        label=_("Who may read it once verified"),
        choices=[c for c in Visibility.choices if c[0] != "private"],
        initial="space",
        widget=forms.RadioSelect,
    )
    show_reporter = forms.BooleanField(
        label=_("Name the reporter (only if they agreed)"), required=False
    )
    duplicate_of = forms.CharField(label=_("Repeats report number"), max_length=20, required=False)

    def clean_duplicate_of(self) -> int | None:
        raw = self.cleaned_data.get("duplicate_of", "").strip().lstrip("#")
        if not raw:
            return None
        found = to_id(raw)
        if found is None:
            raise ValidationError(_("Give the number of a report, like 12."))
        return found


class BroadcastForm(Form):
    text = forms.CharField(
        label=_("Text"),
        max_length=1600,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Plain text. The preview shows how many SMS each recipient gets."),
    )
    text_fr = forms.CharField(
        label=_("French text"),
        max_length=1600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    text_sw = forms.CharField(
        label=_("Swahili text"),
        max_length=1600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    text_pt = forms.CharField(
        label=_("Portuguese text"),
        max_length=1600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    language = forms.ChoiceField(
        label=_("Only contacts speaking"),
        choices=[("", _("Any language")), *SMS_LANGUAGES],
        required=False,
    )
    place = forms.CharField(
        label=_("Only contacts whose place contains"), max_length=100, required=False
    )
    item = forms.CharField(
        label=_("Link an item (its number)"),
        max_length=20,
        required=False,
        help_text=_(
            "Only recipients who may see the item get its link: "
            "public items for contacts without an account."
        ),
    )
    send_at = forms.DateTimeField(
        label=_("Send at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Leave empty to send as soon as you confirm."),
    )

    def clean_item(self) -> int | None:
        raw = self.cleaned_data.get("item", "").strip().lstrip("#")
        if not raw:
            return None
        found = to_id(raw)
        if found is None:
            raise ValidationError(_("Give the number of an item, like 12."))
        return found


class PollForm(Form):
    question = forms.CharField(label=_("Question"), max_length=300)
    options = forms.CharField(
        label=_("Options, one a line"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
    )

    def clean_options(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["options"].splitlines() if line.strip()]
        if not 2 <= len(lines) <= 9:
            raise ValidationError(_("Give between 2 and 9 options, one a line."))
        return lines


class SpaceSmsForm(Form):
    join_code = forms.CharField(label=_("Join code"), max_length=20)
    report_keywords = forms.CharField(
        label=_("Report keywords"),
        max_length=200,
        required=False,
        help_text=_("Words that start a field report, separated by commas: FIRE, LOGGING."),
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = [(n, n) for n in settings.SMS_CHANNELS]
