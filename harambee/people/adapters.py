from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    """Everyone who signs up themselves is an alliance member; guests only arrive
    through an invitation."""

    def is_open_for_signup(self, request) -> bool:
        """Closed when only invitations bring people in (HARAMBEE_SIGNUP=invitation)."""
        return settings.SIGNUP_POLICY != "invitation"

    def get_signup_redirect_url(self, request) -> str:
        return reverse("people:welcome")

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.role = "member"
        if settings.SIGNUP_POLICY == "approval":
            # Signed in only once a steward approves (people:signups).
            user.is_active = False
            user.awaiting_approval = True
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """allauth's mails greet and thank from "the current site", which without
        ``django.contrib.sites`` is the request's host ("127.0.0.1:8301"): name the
        platform instead (``HARAMBEE_SITE_NAME``), at the address it was reached by."""
        from allauth.core import context as allauth_context

        request = allauth_context.request
        domain = request.get_host() if request is not None else ""
        site = SimpleNamespace(name=settings.SITE_NAME, domain=domain)
        super().send_mail(template_prefix, email, {"current_site": site, **context})
