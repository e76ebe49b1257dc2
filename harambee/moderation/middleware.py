"""A suspended account may read but not write: every request that could change
something (any method but GET, HEAD, OPTIONS) is refused with a page that says until
when, except the few that keep the account usable (sign out, password, email,
language, leaving a space, notification preferences).

One check here covers every app, present and future; the create services also ask
``core.posting.check_posting`` so writes that do not come through a web form are held too.
The middleware also marks every such request as a person writing, which is when a
new account's hourly limit applies (see ``posting``).
"""

from __future__ import annotations

from django.shortcuts import redirect, render

from harambee.core.posting import person_writing
from harambee.moderation.selectors import active_suspension, hidden_from_author

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
# Writes a suspended person may still make: about their own account, not content.
ALLOWED_PREFIXES = ("/accounts/", "/i18n/", "/language/", "/profile/")
ALLOWED_NAMESPACES = {"notifications"}
ALLOWED_VIEWS = {"spaces:leave", "spaces:withdraw"}


class SuspensionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS:
            return self.get_response(request)
        # What this request creates counts against a new account's hourly limit.
        with person_writing():
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS or not request.user.is_authenticated:
            return None
        if request.path.startswith(ALLOWED_PREFIXES):
            return None
        match = request.resolver_match
        if match is not None and (
            match.view_name in ALLOWED_VIEWS or match.namespace in ALLOWED_NAMESPACES
        ):
            return None
        suspension = active_suspension(request.user)
        if suspension is None:
            return None
        return render(request, "moderation/suspended.html", {"suspension": suspension}, status=403)


class HiddenFromAuthorMiddleware:
    """An author who opens the page of their own item that a moderator hid is shown
    it with the reason (``moderation:yours``) instead of a bare "not found"; for
    everyone else it stays absent. Asked only of 404 answers to signed-in people."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method != "GET":
            return response
        if not request.user.is_authenticated:
            return response
        match = getattr(request, "resolver_match", None)
        pk = match.kwargs.get("pk") if match is not None else None
        if not isinstance(pk, int) or match.view_name not in _item_pages():
            return response
        if hidden_from_author(user=request.user, pk=pk) is None:
            return response
        return redirect("moderation:yours", pk)


def _item_pages() -> set[str]:
    from harambee.core.registry import content_kinds

    return {kind.url_name for kind in content_kinds()}
