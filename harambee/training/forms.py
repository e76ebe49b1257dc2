from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee import inputs
from harambee.core.editor import MarkdownEditor
from harambee.core.models import Content
from harambee.training.models import Competency, Item


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
