"""Permission-matrix helpers: one line per view states who may and who may not.

Two different refusals, as ``docs/architecture.md`` states them:

- ``assert_hidden``: the person may not see the thing, so it answers 404, exactly like
  a thing that does not exist;
- ``assert_forbidden``: the person may see the thing but may not do this to it (edit,
  moderate, manage), so it answers 403.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import resolve


def _fetch(client_for, user, url: str, method: str, data: dict | None):
    client = client_for(user)
    return getattr(client, method)(url, data or {})


def asks_everyone_to_sign_in(url: str) -> bool:
    """Whether the view at ``url`` sends every anonymous visitor to sign in before it
    looks anything up: it is wrapped in ``login_required`` (``user_passes_test`` marks
    its wrapper with ``login_url``, and ``functools.wraps`` carries the mark through
    other decorators), or it is the admin's."""
    match = resolve(urlsplit(url).path)
    return match.app_name == "admin" or hasattr(match.func, "login_url")


def _assert_sent_to_sign_in(response, url: str) -> None:
    assert response.status_code == 302, ("anonymous", url, response.status_code)
    location = response["Location"]
    login = resolve_url(settings.LOGIN_URL)
    if resolve(urlsplit(url).path).app_name == "admin":
        login = "/admin/login/"
    assert urlsplit(location).path == login, ("anonymous", url, location)
    assert "next=" in location, ("anonymous", url, location)


def assert_allowed(
    client_for,
    url: str,
    users: Iterable[Any],
    method: str = "get",
    data: dict | None = None,
    status: int = 200,
) -> None:
    for user in users:
        response = _fetch(client_for, user, url, method, data)
        assert response.status_code == status, (str(user), url, response.status_code)


def assert_hidden(
    client_for, url: str, users: Iterable[Any], method: str = "get", data: dict | None = None
) -> None:
    """Each of ``users`` is answered 404, as if nothing were there.

    Anonymous visitors: 404 as well, except on a sign-in-required page (one that
    ``asks_everyone_to_sign_in``), where they must be sent to sign in. That redirect
    comes before the view looks anything up, so it is the same for what exists and for
    what does not and tells nothing. On a page anonymous visitors may read when the
    thing is public (an item's page), a redirect to sign in for a hidden thing would
    tell that something is behind the door: there, and wherever the view is not
    behind ``login_required``, only 404 passes.
    """
    for user in users:
        response = _fetch(client_for, user, url, method, data)
        if not user.is_authenticated and asks_everyone_to_sign_in(url):
            _assert_sent_to_sign_in(response, url)
        else:
            assert response.status_code == 404, (str(user), url, response.status_code)


def assert_forbidden(
    client_for, url: str, users: Iterable[Any], method: str = "get", data: dict | None = None
) -> None:
    """Each of ``users`` may see what ``url`` is about, may not do this, and is told so:
    403. Anonymous visitors on a sign-in-required page are sent to sign in instead (they
    may be allowed once signed in); elsewhere they get 403 too. Signed-in people on the
    admin are sent to its sign-in page, which must refuse them with 403 as well."""
    for user in users:
        response = _fetch(client_for, user, url, method, data)
        if not user.is_authenticated and asks_everyone_to_sign_in(url):
            _assert_sent_to_sign_in(response, url)
            continue
        if response.status_code == 302 and resolve(urlsplit(url).path).app_name == "admin":
            response = client_for(user).get(response["Location"])
        assert response.status_code == 403, (str(user), url, response.status_code)


def may_see(user: Any, subject: Any) -> bool:
    """Whether ``user`` may see what a page is about: a content item (through the gate's
    ``can_view``), a space (``can_see_space``), or nothing in particular (``None``)."""
    from harambee.core.models import Content
    from harambee.core.visibility import can_see_space, can_view
    from harambee.spaces.models import Space

    if subject is None:
        return True
    if isinstance(subject, Content):
        return can_view(user, subject)
    if isinstance(subject, Space):
        return can_see_space(user, subject)
    raise TypeError(f"No rule for seeing {type(subject).__name__}")


def assert_refused(
    client_for,
    url: str,
    users: Iterable[Any],
    subject: Any,
    method: str = "get",
    data: dict | None = None,
) -> None:
    """Refused as the architecture says: hidden (404) from those who may not see
    ``subject``, forbidden (403) to those who may see it but not do this."""
    users = list(users)
    assert_hidden(client_for, url, [u for u in users if not may_see(u, subject)], method, data)
    assert_forbidden(client_for, url, [u for u in users if may_see(u, subject)], method, data)
