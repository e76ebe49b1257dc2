"""Permission-matrix helpers: one line per view states who may and who may not."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

DENIED = {302, 403, 404, 405}


def _fetch(client_for, user, url: str, method: str, data: dict | None):
    client = client_for(user)
    return getattr(client, method)(url, data or {})


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


def assert_denied(
    client_for, url: str, users: Iterable[Any], method: str = "get", data: dict | None = None
) -> None:
    """Denied means: sent to sign in (anonymous), 403, or 404 — never the page."""
    for user in users:
        response = _fetch(client_for, user, url, method, data)
        if not user.is_authenticated:
            assert response.status_code in (302, 404), (url, response.status_code)
            if response.status_code == 302:
                assert "/login/" in response["Location"]
        else:
            if response.status_code == 302 and method == "get":
                # The admin sends signed-in people through its login view, which refuses.
                response = client_for(user).get(response["Location"])
            assert response.status_code in (403, 404), (str(user), url, response.status_code)
