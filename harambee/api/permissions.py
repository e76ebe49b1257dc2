"""What a token may do: read always (within what its owner may see), write only with
the write scope, and only the kinds it names (none named: every kind). A session is
its person, without narrower scopes. Writes need a signed-in caller."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from harambee.api.models import AccessToken


class TokenScope(permissions.BasePermission):
    message = _("This token's scopes do not cover this request.")

    def has_permission(self, request, view) -> bool:
        if not hasattr(view, request.method.lower()):
            return True  # the view answers 405 for a method it does not have
        if request.method not in permissions.SAFE_METHODS and not request.user.is_authenticated:
            return False
        token = request.auth if isinstance(request.auth, AccessToken) else None
        if token is None:
            return True
        if request.method not in permissions.SAFE_METHODS and not token.may_write:
            return False
        scope = getattr(view, "api_scope", None)
        return scope is None or token.covers(scope)
