from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Everyone who signs up themselves is an alliance member; guests only arrive
    through an invitation."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.role = "member"
        if commit:
            user.save()
        return user
