"""Every error of the API as an RFC 9457 problem document
(``application/problem+json``): ``type``, ``title``, ``status``, ``detail`` and, for
bad input, ``errors`` by field.

Bad input is told apart in two: **400** when the request does not fit the OpenAPI
document (a field missing, of the wrong type, too long, not one of its choices), and
**422** when it fits but is refused all the same, by a rule the document cannot
state: a service's ``ValidationError`` (a wiki title already taken, an event that
starts in the past, a new account's hourly limit) or a field's ``refusal`` (a title
left blank once control characters are taken out). So a client that keeps to the
document never gets a 400, and the schemathesis test holds the document to that.

A thing the caller may not see and a thing that does not exist give the same 404,
word for word (the detail below is fixed, whatever raised it)."""

from __future__ import annotations

from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import exception_handler

PROBLEM_TYPE = "application/problem+json"
# The code of a field error about a value the document allows but that is refused.
REFUSED = "refused"
# DRF's "blank" is one too: a text of spaces (or of characters the input rules take
# out) fits the document's string.
REFUSAL_CODES = frozenset({REFUSED, "blank"})
# RFC 9110's name for 422 (Python's table still has RFC 4918's).
TITLES = {422: "Unprocessable Content"}


class Unprocessable(exceptions.ValidationError):
    """Input that fits the document, refused by a rule (422)."""

    status_code = 422


def refusal(message: Any) -> exceptions.ValidationError:
    """A field's refusal of a value its schema allows (answered 422, not 400)."""
    return exceptions.ValidationError(message, code=REFUSED)


class ProblemSerializer(serializers.Serializer):
    """An RFC 9457 problem document (for the schema)."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    errors = serializers.DictField(required=False, child=serializers.JSONField())


def _django_validation_detail(error: DjangoValidationError) -> Any:
    if hasattr(error, "error_dict"):
        return {
            # A model's errors about the whole row come as Django's "__all__".
            ("non_field_errors" if field == NON_FIELD_ERRORS else field): [str(m) for m in errors]
            for field, errors in error.message_dict.items()
        }
    return {"non_field_errors": [str(m) for m in error.messages]}


def _codes(detail: Any) -> Iterator[str]:
    if isinstance(detail, dict):
        for value in detail.values():
            yield from _codes(value)
    elif isinstance(detail, list):
        for value in detail:
            yield from _codes(value)
    else:
        yield getattr(detail, "code", "")


def problem(status: int, detail: str, errors: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITLES.get(status, HTTPStatus(status).phrase),
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    return body


def problem_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        # A service's refusal of input that fits the document.
        exc = Unprocessable(_django_validation_detail(exc))
    elif type(exc) is exceptions.ValidationError and set(_codes(exc.detail)) <= REFUSAL_CODES:
        exc = Unprocessable(exc.detail)
    elif isinstance(exc, Http404 | exceptions.NotFound):
        exc = exceptions.NotFound(_("Not found."))
    elif isinstance(exc, DjangoPermissionDenied):
        # A service's reason (a suspension, until when) is said; else a plain refusal.
        exc = exceptions.PermissionDenied(str(exc) or _("You may not do this."))
    response = exception_handler(exc, context)
    if response is None:
        return None  # a server error: Django's own 500 handling
    errors = None
    if isinstance(exc, exceptions.ValidationError):
        errors = response.data if isinstance(response.data, dict) else None
        errors = errors or {"non_field_errors": response.data}
        if isinstance(exc, Unprocessable):
            detail = _("The request was refused: see errors by field.")
        else:
            detail = _("The request has errors: see errors by field.")
        general = errors.get("non_field_errors")
        if list(errors) == ["non_field_errors"] and isinstance(general, list) and general:
            detail = str(general[0])  # one reason for the whole request: say it
    elif isinstance(response.data, dict) and "detail" in response.data:
        detail = str(response.data["detail"])
    else:
        detail = str(response.data)
    response.data = problem(response.status_code, detail, errors)
    response.content_type = PROBLEM_TYPE
    return response
