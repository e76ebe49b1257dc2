from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from django import forms
from django.core.exceptions import ValidationError
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _

from harambee.core.editor import MarkdownEditor
from harambee.core.models import Visibility
from harambee.inputs import ChoiceList, Form, ModelForm, apply_input_rules, to_id
from harambee.people.models import User
from harambee.research.models import Call, Collaboration, CreditRole, Output
from harambee.spaces.models import Space

SHARED = [c for c in Visibility.choices if c[0] != Visibility.PRIVATE]


def roles_field(**kwargs: Any) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("CRediT roles"),
        choices=CreditRole.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What the person contributes, in the CRediT taxonomy."),
        **kwargs,
    )


class CollaborationForm(ModelForm):
    initiatives = forms.ModelMultipleChoiceField(
        label=_("Linked initiatives"),
        queryset=Space.objects.none(),
        required=False,
        widget=ChoiceList,
    )
    coauthors = forms.ModelMultipleChoiceField(
        label=_("Coordinators"),
        queryset=User.objects.none(),
        required=False,
        widget=ChoiceList,
        help_text=_("People who run the collaboration with you."),
    )
    roles = roles_field(initial=[CreditRole.CONCEPTUALIZATION])

    class Meta:
        model = Collaboration
        fields = ["title", "body", "methods", "visibility", "initiatives", "coauthors"]
        labels = {
            "title": _("Research question"),
            "body": _("Agenda"),
            "visibility": _("Who can see this"),
        }
        widgets = {
            "body": MarkdownEditor(attrs={"rows": 6}),
            "methods": MarkdownEditor(attrs={"rows": 4}),
            "visibility": forms.RadioSelect,
        }

    def __init__(self, *args, initiatives=None, writers=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visibility"].choices = SHARED
        self.fields["initiatives"].queryset = initiatives or Space.objects.none()
        self.fields["initiatives"].label_from_instance = lambda space: space.name
        self.fields["coauthors"].queryset = writers if writers is not None else User.objects.none()
        self.fields["roles"].label = _("Your CRediT roles")
        if editing:
            # Roles change on the contributor's own page; only the author names the
            # coordinators (``writers`` is None for anyone else).
            del self.fields["roles"]
            if writers is None:
                del self.fields["coauthors"]


class ContributorForm(Form):
    user = forms.ModelChoiceField(label=_("Person"), queryset=User.objects.none())
    roles = roles_field()

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = people if people is not None else User.objects.none()
        self.fields["user"].label_from_instance = lambda person: person.display_name


class MilestoneForm(Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    due = forms.DateField(label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}))


class LinkForm(Form):
    item = forms.CharField(
        label=_("Address of the item"),
        max_length=500,
        help_text=_(
            "Paste the address of a resource, lesson, learning note, field report or "
            "other item here."
        ),
    )

    def clean_item(self) -> int:
        path = urlparse(self.cleaned_data["item"].strip()).path or "/"
        try:
            match = resolve(path)
        except Resolver404:
            match = None
        pk = to_id(match.kwargs.get("pk")) if match is not None else None
        if pk is None:
            raise ValidationError(_("That is not the address of an item on this site."))
        return pk


class OutputForm(ModelForm):
    class Meta:
        model = Output
        fields = ["title", "body", "visibility"]
        labels = {"body": _("The output")}
        widgets = {"body": MarkdownEditor(attrs={"rows": 10}), "visibility": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visibility"].choices = SHARED


class CallForm(ModelForm):
    deadline = forms.DateTimeField(
        label=_("Deadline"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("In your own time zone."),
    )

    class Meta:
        model = Call
        fields = ["title", "body", "questions", "deadline", "visibility"]
        labels = {"title": _("Who and what the call is for"), "body": _("About the call")}
        widgets = {
            "body": MarkdownEditor(attrs={"rows": 4}),
            "questions": forms.Textarea(attrs={"rows": 4}),
            "visibility": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visibility"].choices = SHARED

    def clean_questions(self) -> str:
        questions = self.cleaned_data["questions"]
        lines = [line.strip() for line in questions.splitlines() if line.strip()]
        if not lines:
            raise ValidationError(_("Ask at least one question."))
        if len(lines) > 20:
            raise ValidationError(_("Ask at most 20 questions."))
        return "\n".join(lines)


class SubmissionForm(Form):
    """One answer field a question of the call."""

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        for number, question in enumerate(call.question_list()):
            self.fields[f"answer_{number}"] = forms.CharField(
                label=question,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
            apply_input_rules(self.fields[f"answer_{number}"])

    def answers(self) -> list[str]:
        return [self.cleaned_data[name] for name in self.fields]


class RolesForm(Form):
    """A contributor's CRediT roles (also what accepting a submission gives)."""

    roles = roles_field()


AcceptForm = RolesForm


class DeclineForm(Form):
    note = forms.CharField(
        label=_("Note to the applicant"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
