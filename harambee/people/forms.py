from __future__ import annotations

import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.inputs import ChoiceList, Form, ModelForm
from harambee.people.languages import language_choices
from harambee.people.models import Channel, Organisation, Sector, User

TIME_ZONE_CHOICES = [
    (name, name.replace("_", " "))
    for name in sorted(zoneinfo.available_timezones())
    if "/" in name and not name.startswith(("Etc/", "SystemV/", "posix/", "right/"))
]
TIME_ZONE_CHOICES.insert(0, ("UTC", "UTC"))


class SignupExtraForm(Form):
    """Fields allauth's sign-up form gains: the name people will see."""

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        help_text=_("As colleagues in the alliance know you."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"].strip()
        user.save(update_fields=["display_name"])


class ProfileForm(ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=language_choices,
        required=False,
        widget=ChoiceList(attrs={"class": "language-choices"}),
        help_text=_("Tick every language you can read or speak, in alphabetical order."),
    )
    channels = forms.MultipleChoiceField(
        label=_("How you can be reached"),
        choices=Channel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The channels you actually use, so facilitators reach you where you are."),
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONE_CHOICES)

    class Meta:
        model = User
        fields = [
            "display_name",
            "organisation",
            "sector",
            "country",
            "languages",
            "time_zone",
            "channels",
            "bio",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}


class DirectoryFilterForm(Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=[("", _("All sectors")), *Sector.choices]
    )
    country = forms.ChoiceField(label=_("Country"), required=False, choices=[])

    def __init__(self, *args, countries: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *countries]


class OrganisationForm(ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "sector", "country", "website", "relationship", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
