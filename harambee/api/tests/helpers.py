"""Assertions the API's write tests share."""

from __future__ import annotations

from django.test import Client

JSON = "application/json"
MISSING = 987654321


def assert_hidden(client: Client, method: str, url: str, missing_url: str, data=None) -> None:
    """``url`` answers the caller exactly as ``missing_url`` (no such thing) does: 404."""
    send = getattr(client, method)
    shut = send(url, data or {}, content_type=JSON)
    missing = send(missing_url, data or {}, content_type=JSON)
    assert shut.status_code == missing.status_code == 404, shut.content
    assert shut.content == missing.content
    assert shut["Content-Type"] == "application/problem+json"


def assert_refused(response, status: int, *fields: str) -> dict:
    """A problem document of ``status`` naming ``fields`` among its errors."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert set(fields) <= set(body.get("errors", {})), body
    return body
