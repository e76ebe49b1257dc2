from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee import inputs


class EraseForm(inputs.Form):
    """Deleting an account asks for the password (or, for an account without one, the
    e-mail address) and what should happen to what the person wrote."""

    KEEP = "keep"
    DELETE = "delete"

    content = forms.ChoiceField(
        label=_("What you wrote"),
        choices=[
            (KEEP, _('Keep it, signed by "a former member"')),
            (DELETE, _("Delete my items and comments")),
        ],
        widget=forms.RadioSelect,
        initial=KEEP,
    )
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        required=False,
        strip=False,
    )
    email = forms.CharField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_("Asked instead of a password when your account has none."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that this cannot be undone."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user.has_usable_password():
            del self.fields["email"]
            self.fields["password"].required = True
        else:
            del self.fields["password"]
            self.fields["email"].required = True

    def clean_password(self) -> str:
        password = self.cleaned_data.get("password", "")
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password

    def clean_email(self) -> str:
        email = self.cleaned_data.get("email", "")
        if email.strip().lower() != self.user.email.lower():
            raise forms.ValidationError(_("That is not your account's e-mail address."))
        return email
