from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from harambee.core.forms import country_choices
from harambee.inputs import Form, to_id
from harambee.people.forms import TIME_ZONE_CHOICES
from harambee.radio.models import RADIO_LANGUAGES, WEEKDAYS, Bulletin, CallIn, Segment

# Words of the radio's own addresses: no station may take them as its short name.
RESERVED_SLUGS = {"bulletins", "audio"}


class StationForm(Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    slug = forms.SlugField(
        label=_("Short name in addresses"),
        max_length=60,
        help_text=_("Letters, digits and hyphens, like radio-techiman."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=RADIO_LANGUAGES)
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    region = forms.CharField(label=_("Region"), max_length=100, required=False)
    frequency = forms.CharField(
        label=_("Frequency"), max_length=40, required=False, help_text=_("Like 98.1 FM.")
    )
    contact = forms.CharField(
        label=_("Contact"),
        max_length=200,
        required=False,
        help_text=_("Who to ask at the station: a name, a phone number or an email address."),
    )
    weekday = forms.TypedChoiceField(label=_("Weekly bulletin on"), choices=WEEKDAYS, coerce=int)
    air_time = forms.TimeField(
        label=_("On air at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    timezone_name = forms.ChoiceField(
        label=_("Time zone of the station"),
        choices=TIME_ZONE_CHOICES,
        error_messages={
            "invalid_choice": _("Unknown time zone. Choose one from the list, like Africa/Accra.")
        },
    )

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"].lower()
        if slug in RESERVED_SLUGS:
            raise ValidationError(_("This short name is taken by the site. Choose another."))
        return slug


class BulletinForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    language = forms.ChoiceField(label=_("Language"), choices=RADIO_LANGUAGES)
    words_per_minute = forms.IntegerField(
        label=_("Words per minute"),
        min_value=80,
        max_value=250,
        initial=140,
        help_text=_("How fast the host reads: about 140 for a calm voice."),
    )
    items = forms.MultipleChoiceField(
        label=_("Public items to include"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, suggestions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = [
            (str(item.pk), f"{item.get_kind_display()}: {item.title}") for item in suggestions
        ]


class BulletinSettingsForm(Form):
    # Ids of their own: the builder shows several forms on one page.
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "settings_%s")
        super().__init__(*args, **kwargs)

    title = forms.CharField(label=_("Title"), max_length=200)
    words_per_minute = forms.IntegerField(label=_("Words per minute"), min_value=80, max_value=250)
    status = forms.ChoiceField(
        label=_("Status"), choices=Bulletin.Status.choices, widget=forms.RadioSelect
    )


class SegmentForm(Form):
    # Ids of their own: the builder shows several forms on one page.
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "segment_%s")
        super().__init__(*args, **kwargs)

    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[c for c in Segment.Kind.choices if c[0] != Segment.Kind.ITEM],
    )
    speaker = forms.CharField(
        label=_("Speaker"), max_length=60, required=False, help_text=_("Like Host or Reader.")
    )
    text = forms.CharField(
        label=_("Words, or the music or sound to play"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ItemForm(Form):
    # Ids of their own: the builder shows several forms on one page.
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "item_%s")
        super().__init__(*args, **kwargs)

    item = forms.CharField(
        label=_("Address or number of a public item"),
        max_length=500,
        help_text=_("Paste the address of a public lesson, story, verified report or event."),
    )

    def clean_item(self) -> int:
        value = self.cleaned_data["item"].strip()
        if "/" in value:
            from urllib.parse import urlsplit

            from django.urls import Resolver404, resolve

            try:
                value = str(resolve(urlsplit(value).path).kwargs.get("pk", ""))
            except Resolver404:
                value = ""
        found = to_id(value)
        if found is None:
            raise ValidationError(_("Give the address or the number of an item."))
        return found


class SegmentChangeForm(Form):
    speaker = forms.CharField(label=_("Speaker"), max_length=60, required=False)
    text = forms.CharField(
        label=_("Words"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For an item, leave empty to read the item's own words."),
    )


class RecordingForm(Form):
    # Ids of their own: the builder shows several forms on one page.
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "recording_%s")
        super().__init__(*args, **kwargs)

    recording = forms.FileField(label=_("Recording"), help_text=_("An MP3, Ogg or WAV file."))


class CallInForm(Form):
    # Ids of their own: the builder shows several forms on one page.
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "callin_%s")
        super().__init__(*args, **kwargs)

    how = forms.ChoiceField(label=_("How"), choices=CallIn.How.choices)
    listener = forms.CharField(
        label=_("Listener"),
        max_length=100,
        required=False,
        help_text=_("Only if they agreed to be named."),
    )
    place = forms.CharField(label=_("Place"), max_length=100, required=False)
    question = forms.CharField(
        label=_("Question or answer"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
