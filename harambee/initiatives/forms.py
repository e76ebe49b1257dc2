from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.core.editor import MarkdownEditor
from harambee.core.forms import country_choices, filters_key
from harambee.core.markdown import fold_accents
from harambee.core.models import Visibility
from harambee.initiatives import selectors
from harambee.initiatives.models import (
    Initiative,
    InquiryCycle,
    LearningNote,
    Lesson,
    PhaseNote,
)
from harambee.inputs import ChoiceList, Form, ModelForm
from harambee.people.models import Organisation, Sector, User
from harambee.people.regions import REGIONS


class _ByLabel(forms.models.ModelChoiceIterator):
    """Themes in the order of their names in the reader's language (accents aside),
    read when the form is shown, in its reader's language."""

    def __iter__(self):
        themes = sorted(self.queryset, key=lambda t: fold_accents(t.label).casefold())
        for theme in themes:
            yield self.choice(theme)


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    widget = ChoiceList
    iterator = _ByLabel

    def __init__(self, **kwargs):
        super().__init__(
            queryset=selectors.theme_list(), required=False, label=_("Themes"), **kwargs
        )

    def label_from_instance(self, obj) -> str:
        return obj.label


class InitiativeForm(ModelForm):
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        choices=country_choices,
        required=False,
        widget=ChoiceList,
    )
    themes = ThemeChoiceField()

    class Meta:
        model = Initiative
        fields = [
            "summary",
            "countries",
            "place",
            "latitude",
            "longitude",
            "location_precision",
            "issue_areas",
            "themes",
            "stage",
            "started",
            "ended",
            "links",
        ]
        widgets = {
            "started": forms.DateInput(attrs={"type": "date"}),
            "ended": forms.DateInput(attrs={"type": "date"}),
            "links": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Left out of a post (an older form, a script), the precision stays as it was.
        self.fields["location_precision"].required = False

    def clean_location_precision(self):
        value = self.cleaned_data.get("location_precision")
        if value in (None, ""):
            return self.instance.location_precision
        return value

    def clean(self):
        data = super().clean()
        started, ended = data.get("started"), data.get("ended")
        if started and ended and ended < started:
            self.add_error("ended", _("The end cannot come before the start."))
        return data


class StakeholderForm(Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    role = forms.CharField(label=_("Role in the initiative"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = selectors.stakeholder_choices()


class DirectoryForm(Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions")), *REGIONS.items()]
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    sector = forms.ChoiceField(
        label=_("Stakeholder sector"),
        required=False,
        choices=[("", _("All sectors")), *Sector.choices],
    )
    stage = forms.ChoiceField(
        label=_("Stage"),
        required=False,
        choices=[("", _("All stages")), *Initiative.Stage.choices],
    )

    def __init__(self, *args, countries: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *countries]
        self.fields["theme"].choices = [
            ("", _("All themes")),
            *selectors.theme_choices(),
        ]

    def cache_key(self) -> str:
        """What the filters' markup shows (initiatives/directory.html keeps it under this)."""
        return filters_key(self)


class CycleForm(ModelForm):
    class Meta:
        model = InquiryCycle
        fields = ["title", "body", "status", "started", "ended", "visibility"]
        labels = {"title": _("Focus question"), "body": _("Why this question")}
        widgets = {
            "body": MarkdownEditor(attrs={"rows": 4}),
            "started": forms.DateInput(attrs={"type": "date"}),
            "ended": forms.DateInput(attrs={"type": "date"}),
            "visibility": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visibility"].initial = Visibility.SPACE


class PhaseNoteForm(ModelForm):
    class Meta:
        model = PhaseNote
        fields = ["phase", "date", "body"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "body": MarkdownEditor(attrs={"rows": 4}),
        }


class NoteForm(ModelForm):
    themes = ThemeChoiceField()
    evidence_file = forms.FileField(
        label=_("Photo or document (optional)"),
        required=False,
        help_text=_(
            "Photos are re-encoded and lose their location. You can add more evidence after saving."
        ),
    )
    evidence_caption = forms.CharField(label=_("Caption"), max_length=300, required=False)
    coauthors = forms.ModelMultipleChoiceField(
        label=_("Co-authors"),
        queryset=User.objects.none(),
        required=False,
        widget=ChoiceList,
        help_text=_("Members of this space who wrote it with you."),
    )
    summary = forms.CharField(
        label=_("What changed"),
        max_length=200,
        required=False,
        help_text=_("A few words for the history of this note."),
    )

    class Meta:
        model = LearningNote
        fields = [
            "title",
            "cycle",
            "context",
            "tried",
            "happened",
            "learned",
            "evidence",
            "methods",
            "questions",
            "themes",
            "coauthors",
            "visibility",
        ]
        widgets = {
            name: MarkdownEditor(attrs={"rows": 4}, images=True)
            for name in [
                "context",
                "tried",
                "happened",
                "learned",
                "evidence",
                "methods",
                "questions",
            ]
        } | {"visibility": forms.RadioSelect}

    def __init__(self, *args, cycles=None, members=None, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cycle"].queryset = (
            cycles if cycles is not None else InquiryCycle.objects.none()
        )
        self.fields["cycle"].required = False
        self.fields["cycle"].label_from_instance = lambda cycle: cycle.title
        self.fields["coauthors"].queryset = members if members is not None else User.objects.none()
        self.fields["visibility"].initial = Visibility.SPACE
        if not editing:
            del self.fields["summary"]
        else:
            del self.fields["evidence_file"]
            del self.fields["evidence_caption"]

    def clean(self):
        data = super().clean()
        if not any((data.get(name) or "").strip() for name in ("tried", "happened", "learned")):
            raise forms.ValidationError(
                _("Write at least what was tried, what happened or what was learned.")
            )
        return data


class LessonForm(ModelForm):
    themes = ThemeChoiceField()

    class Meta:
        model = Lesson
        fields = ["title", "body", "strength", "themes", "visibility"]
        labels = {"title": _("The lesson, in one sentence"), "body": _("Explanation")}
        widgets = {
            "body": MarkdownEditor(attrs={"rows": 4}),
            "visibility": forms.RadioSelect,
            "strength": forms.RadioSelect,
        }


class AdaptationForm(Form):
    target_visibility = forms.ChoiceField(
        label=_("Share the adapted version with"),
        choices=[("public", _("Everyone (public)")), ("alliance", _("The whole alliance"))],
    )
