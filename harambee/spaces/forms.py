from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.core.models import Visibility
from harambee.people.roles import SpaceRole
from harambee.spaces.models import Invitation, JoinRequest, Post, Space


class SpaceForm(forms.ModelForm):
    class Meta:
        model = Space
        fields = ["name", "kind", "description", "listing", "join_policy", "invite_code"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "listing": forms.RadioSelect,
            "join_policy": forms.RadioSelect,
        }

    def clean_invite_code(self) -> str:
        return self.cleaned_data["invite_code"].strip()


class JoinForm(forms.Form):
    code = forms.CharField(label=_("Invite code"), max_length=64, required=False)


class JoinRequestForm(forms.ModelForm):
    class Meta:
        model = JoinRequest
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"message": _("Optional: who you are and why you would like to join.")}


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role", "as_guest", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, may_make_leads: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_make_leads:
            self.fields["role"].choices = [c for c in SpaceRole.choices if c[0] != SpaceRole.LEAD]


class GuestAccountForm(forms.Form):
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


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=SpaceRole.choices)


class PostForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = ["title", "body", "visibility"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 10}),
            "visibility": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].required = True
        self.fields["visibility"].initial = Visibility.SPACE
