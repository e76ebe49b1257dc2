"""Who is calling: a personal access token (``Authorization: Bearer hbt_…``) or, for
the browsable documentation, the browser's session, whose writes need the CSRF token
like any form of the site."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from harambee.api.selectors import token_for_secret
from harambee.api.services import token_touch


class BearerTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request) -> tuple[Any, Any] | None:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        scheme, _space, secret = header.partition(" ")
        if scheme.lower() != "bearer":
            return None
        token = token_for_secret(secret.strip())
        if token is None:
            raise exceptions.AuthenticationFailed(
                _("That token is not valid: it is unknown, has expired or was revoked.")
            )
        token_touch(token=token)
        return token.user, token

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="api"'


class CsrfSessionAuthentication(authentication.SessionAuthentication):
    """The signed-in browser (REST framework checks CSRF on its unsafe requests)."""
