"""The OpenAPI document: every operation names the problem documents it may answer
with, so a client (and schemathesis) knows every status it can get."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema

from harambee.api.errors import PROBLEM_TYPE, ProblemSerializer

ALWAYS = ("401", "403", "404", "405", "429")


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
            codes.append("409")
        if self.method == "GET":
            responses.setdefault("304", {"description": "Not modified"})
        for code in codes:
            responses.setdefault(
                code,
                self._get_response_for_code(
                    ProblemSerializer, code, media_types=[PROBLEM_TYPE], direction=direction
                ),
            )
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
