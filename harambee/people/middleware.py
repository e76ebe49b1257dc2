from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from harambee.people.roles import Perm


class StewardMFAMiddleware:
    """Stewards must protect their account with an authenticator app before they
    can do anything else, when HARAMBEE_STEWARD_MFA is on (the default)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            settings.HARAMBEE_STEWARD_MFA
            and user.is_authenticated
            and user.may(Perm.USE_ADMIN)
            and not request.path.startswith(("/accounts/", "/static/", "/i18n/"))
        ):
            from allauth.mfa.models import Authenticator

            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
