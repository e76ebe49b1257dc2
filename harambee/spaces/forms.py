from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from harambee.core.editor import MarkdownEditor
from harambee.core.models import Visibility
from harambee.inputs import Form, ModelForm
from harambee.people.roles import SpaceRole
from harambee.spaces.models import Invitation, JoinRequest, Post, Space, ThreadSummary


class SpaceForm(ModelForm):
    class Meta:
        model = Space
        fields = ["name", "kind", "description", "listing", "join_policy", "invite_code"]
        widgets = {
            "description": MarkdownEditor(attrs={"rows": 5}),
            "listing": forms.RadioSelect,
            "join_policy": forms.RadioSelect,
        }

    def clean_invite_code(self) -> str:
        return self.cleaned_data["invite_code"].strip()


class JoinForm(Form):
    code = forms.CharField(label=_("Invite code"), max_length=64, required=False)


class JoinRequestForm(ModelForm):
    class Meta:
        model = JoinRequest
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"message": _("Optional: who you are and why you would like to join.")}


class DayInput(forms.DateInput):
    """A native date picker. Input it cannot show (typed by hand or sent by a script)
    is not echoed back: a date field only takes an ISO date, so the page stays valid."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value):
        value = super().format_value(value)
        if isinstance(value, str):
            try:
                date.fromisoformat(value)
            except ValueError:
                return None
        return value


def _end_of_day(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(23, 59)))


class InvitationForm(ModelForm):
    access_until = forms.DateField(
        label=_("Access ends on"),
        required=False,
        widget=DayInput(),
        help_text=_(
            "For a guest invited for a limited time: their membership ends after this day. "
            "Leave empty for no end."
        ),
    )

    class Meta:
        model = Invitation
        fields = ["email", "role", "as_guest", "access_until", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, may_make_leads: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_make_leads:
            self.fields["role"].choices = [c for c in SpaceRole.choices if c[0] != SpaceRole.LEAD]

    def clean_access_until(self) -> datetime | None:
        day = self.cleaned_data.get("access_until")
        if day is None:
            return None
        if day < timezone.localdate():
            raise forms.ValidationError(_("Choose today or a later day."))
        return _end_of_day(day)


class GuestAccountForm(Form):
    display_name = forms.CharField(label=_("Your name"), max_length=120)
    password = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        min_length=8,
    )

    def clean_password(self) -> str:
        from django.contrib.auth.password_validation import validate_password

        password = self.cleaned_data["password"]
        validate_password(password)
        return password


class RoleForm(Form):
    role = forms.ChoiceField(label=_("Role"), choices=SpaceRole.choices)


class PostForm(ModelForm):
    """A thread in a space or, with ``forum=True``, in the alliance forum."""

    FORUM_CHOICES = (Visibility.PUBLIC, Visibility.ALLIANCE, Visibility.PRIVATE)

    class Meta:
        model = Post
        fields = ["title", "body", "visibility", "is_question"]
        widgets = {
            "body": MarkdownEditor(attrs={"rows": 10}, images=True),
            "visibility": forms.RadioSelect,
        }

    def __init__(self, *args, forum: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].required = True
        if forum:
            self.fields["visibility"].choices = [
                c for c in Visibility.choices if c[0] in self.FORUM_CHOICES
            ]
            self.fields["visibility"].initial = Visibility.ALLIANCE
        else:
            self.fields["visibility"].initial = Visibility.SPACE


class SummaryForm(ModelForm):
    class Meta:
        model = ThreadSummary
        fields = ["body"]
        widgets = {"body": MarkdownEditor(attrs={"rows": 6})}
        help_texts = {
            "body": _(
                "What has been said so far, where people agree and differ, and what is still "
                "open. Markdown formatting is allowed. The earlier summary is kept."
            )
        }

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write a few lines on where the discussion stands."))
        return body


class ThreadInviteForm(Form):
    email = forms.EmailField(label=_("Their email address"))
    access_until = forms.DateField(
        label=_("Access ends on"),
        widget=DayInput(),
        help_text=_("They can read and reply until the end of this day, at most 90 days ahead."),
    )
    message = forms.CharField(
        label=_("Personal message"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["access_until"].initial = timezone.localdate() + timedelta(days=14)

    def clean_access_until(self) -> datetime:
        day = self.cleaned_data["access_until"]
        today = timezone.localdate()
        if day < today:
            raise forms.ValidationError(_("Choose today or a later day."))
        if day > today + timedelta(days=89):
            raise forms.ValidationError(
                _("Access can last at most 90 days; invite again later if needed.")
            )
        return _end_of_day(day)
