from __future__ import annotations

import pytest
from django.test import Client

from harambee.api import services


@pytest.fixture
def token_of():
    """``token_of(user, write=False, kinds=None)``: a new token's secret for ``user``
    (None for an anonymous caller)."""

    def make(user, *, write: bool = False, kinds: list[str] | None = None) -> str | None:
        if not user.is_authenticated:
            return None
        _token, secret = services.token_create(
            user=user, name="test", days=30, may_write=write, kinds=kinds
        )
        return secret

    return make


@pytest.fixture
def api():
    """``api(secret)``: a client that sends ``Authorization: Bearer <secret>`` (no
    header for None), and no session."""

    def make(secret: str | None) -> Client:
        client = Client()
        if secret:
            client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
        return client

    return make


@pytest.fixture
def writer(api, token_of):
    """``writer(user, kinds=None)``: a client with a new write token of ``user`` (no
    header for an anonymous one)."""

    def make(user, *, kinds: list[str] | None = None) -> Client:
        return api(token_of(user, write=True, kinds=kinds))

    return make
