from __future__ import annotations

import zoneinfo
from datetime import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _

from harambee.core.editor import MarkdownEditor
from harambee.core.models import Visibility
from harambee.events.models import EVENT_LANGUAGES, Event
from harambee.events.services import known_time_zone, local_to_utc
from harambee.inputs import ChoiceList, Form, ModelForm, to_id
from harambee.people.forms import TIME_ZONE_CHOICES
from harambee.people.models import Sector, User


class WallClockField(forms.DateTimeField):
    """A date and time as on the organiser's clock: no time zone is applied here (the
    form's time zone field says which), so a time that does not exist in the reader's
    own zone is still accepted."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value: Any) -> datetime | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.replace(tzinfo=None)
        try:
            parsed = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        return parsed.replace(tzinfo=None, second=0, microsecond=0)


class EventForm(ModelForm):
    starts = WallClockField(label=_("Starts"))
    ends = WallClockField(label=_("Ends"))
    time_zone = forms.ChoiceField(
        label=_("Time zone of these times"),
        choices=TIME_ZONE_CHOICES,
        help_text=_("Readers see the times in their own zone, with this one beside them."),
        error_messages={
            "invalid_choice": _("Unknown time zone. Choose one from the list, like Africa/Accra.")
        },
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=EVENT_LANGUAGES,
        required=False,
        widget=ChoiceList,
    )
    organisers = forms.ModelMultipleChoiceField(
        label=_("Other organisers"),
        queryset=User.objects.none(),
        required=False,
        widget=ChoiceList,
        help_text=_("They can change the event and see who registered."),
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "event_kind",
            "body",
            "visibility",
            "mode",
            "country",
            "place",
            "address",
            "latitude",
            "longitude",
            "interpretation",
            "registration",
            "capacity",
            "ask_dietary",
            "ask_accessibility",
            "ask_sector",
            "room",
            "join_for",
        ]
        labels = {"body": _("What the event is about")}
        widgets = {
            "body": MarkdownEditor(attrs={"rows": 8}),
            "address": forms.Textarea(attrs={"rows": 3}),
            "visibility": forms.RadioSelect,
            "mode": forms.RadioSelect,
            "registration": forms.RadioSelect,
            "join_for": forms.RadioSelect,
        }

    def __init__(
        self, *args, people=None, in_space: bool = True, default_zone: str = "UTC", **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["organisers"].queryset = people if people is not None else User.objects.none()
        self.fields["organisers"].label_from_instance = lambda person: person.display_name
        choices = [c for c in Visibility.choices if c[0] != Visibility.PRIVATE]
        if not in_space:
            choices = [c for c in choices if c[0] != Visibility.SPACE]
        self.fields["visibility"].choices = choices
        event = self.instance if self.instance.pk else None
        if event is not None:
            self.initial.setdefault("starts", event.starts_local.replace(tzinfo=None))
            self.initial.setdefault("ends", event.ends_local.replace(tzinfo=None))
            self.initial.setdefault("time_zone", event.time_zone)
            self.initial.setdefault("languages", event.languages)
        else:
            self.initial.setdefault("time_zone", default_zone)
            self.initial.setdefault("visibility", choices[-1][0])

    def clean_time_zone(self) -> str:
        name = self.cleaned_data["time_zone"].strip()
        if not known_time_zone(name):
            raise ValidationError(
                _("Unknown time zone. Choose one from the list, like Africa/Accra.")
            )
        return name

    def clean_capacity(self) -> int | None:
        value = self.cleaned_data.get("capacity")
        if value is not None and value <= 0:
            raise ValidationError(_("Give at least one place, or leave it empty for no limit."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        zone = data.get("time_zone")
        for name in ("starts", "ends"):
            if data.get(name) is not None and zone:
                data[name] = local_to_utc(data[name], zone)
        if data.get("starts") and data.get("ends") and data["ends"] <= data["starts"]:
            self.add_error("ends", _("The end must come after the start."))
        return data


class SessionForm(Form):
    title = forms.CharField(label=_("Session"), max_length=200)
    starts = WallClockField(label=_("Starts"))
    ends = WallClockField(label=_("Ends"), required=False)
    speakers = forms.ModelMultipleChoiceField(
        label=_("Speakers who are members"),
        queryset=User.objects.none(),
        required=False,
        widget=ChoiceList,
    )
    outside_speakers = forms.CharField(
        label=_("Outside speakers"),
        max_length=200,
        required=False,
        help_text=_("Names of speakers who are not members, separated by commas."),
    )

    def __init__(self, *args, event: Event, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["speakers"].queryset = people if people is not None else User.objects.none()
        self.fields["speakers"].label_from_instance = lambda person: person.display_name
        self.fields["starts"].help_text = _("On the organiser's clock (%(zone)s).") % {
            "zone": event.time_zone
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        zone = zoneinfo.ZoneInfo(self.event.time_zone)
        for name in ("starts", "ends"):
            if data.get(name) is not None:
                data[name] = data[name].replace(tzinfo=zone).astimezone(zoneinfo.ZoneInfo("UTC"))
        return data


class RegistrationForm(Form):
    dietary = forms.CharField(label=_("Dietary needs"), max_length=200, required=False)
    accessibility = forms.CharField(
        label=_("Accessibility needs"),
        max_length=200,
        required=False,
        help_text=_("Anything the organisers should arrange so you can take part fully."),
    )
    sector = forms.ChoiceField(
        label=_("Your stakeholder sector"),
        choices=[("", _("Choose…")), *Sector.choices],
        required=False,
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        for name, asked in (
            ("dietary", event.ask_dietary),
            ("accessibility", event.ask_accessibility),
            ("sector", event.ask_sector),
        ):
            if not asked:
                del self.fields[name]


class CheckInForm(Form):
    code = forms.CharField(label=_("Registration code"), max_length=20)


class OutputForm(Form):
    item = forms.CharField(
        label=_("Address of the item"),
        max_length=500,
        help_text=_("Paste the address of a note, resource, story, recording or thread here."),
    )

    def clean_item(self) -> int:
        from urllib.parse import urlparse

        path = urlparse(self.cleaned_data["item"].strip()).path or "/"
        try:
            match = resolve(path)
        except Resolver404:
            match = None
        pk = to_id(match.kwargs.get("pk")) if match is not None else None
        if pk is None:
            raise ValidationError(_("That is not the address of an item on this site."))
        return pk


class GuestForm(Form):
    email = forms.EmailField(label=_("Guest's e-mail"))
    until = forms.DateField(
        label=_("Access until"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The guest sees this event, its join link and what it links, until this day."),
    )
