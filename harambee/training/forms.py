from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee import inputs
from harambee.core.editor import MarkdownEditor
from harambee.core.models import Content
from harambee.people.models import Organisation
from harambee.training.models import Cohort, Competency, Framework, Item, Module, Programme


class ItemForm(inputs.Form):
    kind = forms.ChoiceField(label=_("Kind of step"), choices=Item.Kind.choices)
    content = forms.ModelChoiceField(
        label=_("Linked item (for a resource, wiki page or event)"),
        queryset=Content.objects.none(),
        required=False,
    )
    title = forms.CharField(
        label=_("Title (for a reflection prompt or an assignment)"), max_length=200, required=False
    )
    instructions = forms.CharField(
        label=_("Instructions"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )

    def __init__(self, *args: Any, choices: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if choices is not None:
            self.fields["content"].queryset = choices
        self.fields["content"].label_from_instance = lambda c: f"{c.title} ({c.kind})"

    @classmethod
    def initial_for(cls, item: Item) -> dict[str, Any]:
        return {
            "kind": item.kind,
            "content": item.content_id,
            "title": item.title,
            "instructions": item.instructions,
        }


class ReflectionForm(inputs.Form):
    initiative = forms.ModelChoiceField(
        label=_("Initiative the note belongs to"), queryset=Content.objects.none()
    )
    title = forms.CharField(label=_("Title of your note"), max_length=200)
    learned = forms.CharField(
        label=_("What you learned"), widget=MarkdownEditor(attrs={"rows": 6}), max_length=50000
    )

    def __init__(self, *args: Any, initiatives: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if initiatives is not None:
            self.fields["initiative"].queryset = initiatives
        self.fields["initiative"].label_from_instance = lambda i: i.space.name


class EvidenceForm(inputs.Form):
    competency = forms.ModelChoiceField(label=_("Competency"), queryset=Competency.objects.none())
    content = forms.ModelChoiceField(
        label=_("Item that shows it (one of yours)"), queryset=Content.objects.none()
    )

    def __init__(self, *args: Any, competencies: Any = None, items: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if competencies is not None:
            self.fields["competency"].queryset = competencies
        if items is not None:
            self.fields["content"].queryset = items
        self.fields["content"].label_from_instance = lambda c: c.title


class RecogniseForm(inputs.Form):
    competency = forms.ModelChoiceField(label=_("Competency"), queryset=Competency.objects.none())

    def __init__(self, *args: Any, competencies: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if competencies is not None:
            self.fields["competency"].queryset = competencies


class RevokeForm(inputs.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class ProgrammeForm(inputs.ModelForm):
    class Meta:
        model = Programme
        fields = ["title", "summary", "partner", "framework", "placement"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "placement": forms.RadioSelect,
        }

    def __init__(self, *args: Any, partners: Any = None, frameworks: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = (
            partners if partners is not None else Organisation.objects.none()
        )
        self.fields["framework"].queryset = (
            frameworks if frameworks is not None else Framework.objects.none()
        )


class ModuleForm(inputs.ModelForm):
    class Meta:
        model = Module
        fields = ["title", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}


class CohortForm(inputs.Form):
    """A plain form: the dates are checked by the service, as a message on "ends"."""

    name = forms.CharField(label=_("Name"), max_length=160)
    starts = forms.DateField(label=_("Starts"), widget=forms.DateInput(attrs={"type": "date"}))
    ends = forms.DateField(label=_("Ends"), widget=forms.DateInput(attrs={"type": "date"}))
    open = forms.BooleanField(
        label=_("Takes new learners"),
        required=False,
        initial=True,
        help_text=_("New learners are placed only in a cohort that takes them."),
    )

    @classmethod
    def initial_for(cls, cohort: Cohort) -> dict[str, Any]:
        return {
            "name": cohort.name,
            "starts": cohort.starts.isoformat(),
            "ends": cohort.ends.isoformat(),
            "open": cohort.open,
        }


class PlaceForm(inputs.Form):
    cohort = forms.ModelChoiceField(
        label=_("Cohort"), queryset=Cohort.objects.none(), required=False, empty_label=_("None")
    )

    def __init__(self, *args: Any, cohorts: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if cohorts is not None:
            self.fields["cohort"].queryset = cohorts
