"""The OpenAPI document: every operation names the problem documents it may answer
with, so a client (and schemathesis) knows every status it can get: 400 for a
request that does not fit the document, 422 for one that fits but is refused
(``api/errors.py``)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema

from harambee.api.errors import PROBLEM_TYPE, ProblemSerializer

ALWAYS = ("401", "403", "404", "405", "429")
# What each problem status means here (docs/api.md, "Errors").
MEANINGS = {
    "400": "The request does not fit this document (errors by field).",
    "401": "Credentials needed (a write), or a token that is wrong, expired or revoked.",
    "403": (
        "The token's scopes do not cover this, or the person may see the thing but not "
        "do this (the reason is in detail)."
    ),
    "404": "No such thing, or one the caller may not see: the same answer.",
    "405": "This address does not take this method.",
    "409": "A wiki edit overlaps changes made since its base_revision; nothing is saved.",
    "422": (
        "The request fits this document but is refused by a rule (errors by field): a "
        "title taken, a start in the past, a new account's hourly limit, a cursor this "
        "server did not make."
    ),
    "429": "Over the rate limit; Retry-After says when to try again.",
}


class ProblemAutoSchema(AutoSchema):
    def get_auth(self) -> list[dict[str, Any]]:
        auths = super().get_auth()
        # Anyone may read (what is public); writes need a token or a session.
        if self.method in ("GET", "HEAD") and {} not in auths:
            auths.append({})
        return auths

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        codes = [*ALWAYS, "400"]
        if self.method not in ("GET", "HEAD"):
            codes += ["409", "422"]
        elif self._is_list_view():
            codes.append("422")  # a cursor this server did not make
        if self.method == "GET":
            responses.setdefault("304", {"description": "Not modified"})
        for code in codes:
            if code not in responses:
                response = self._get_response_for_code(
                    ProblemSerializer, code, media_types=[PROBLEM_TYPE], direction=direction
                )
                response["description"] = MEANINGS[code]
                responses[code] = response
        return responses


class BearerScheme(OpenApiAuthenticationExtension):
    target_class = "harambee.api.auth.BearerTokenAuthentication"
    name = "bearer"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {"type": "http", "scheme": "bearer", "description": "A personal access token"}


class SessionScheme(OpenApiAuthenticationExtension):
    target_class = "harambee.api.auth.CsrfSessionAuthentication"
    name = "session"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}
