"""Every error of the API as an RFC 9457 problem document
(``application/problem+json``): ``type``, ``title``, ``status``, ``detail`` and, for
bad input, ``errors`` by field.

A thing the caller may not see and a thing that does not exist give the same 404,
word for word (the detail below is fixed, whatever raised it)."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import exception_handler

PROBLEM_TYPE = "application/problem+json"


class ProblemSerializer(serializers.Serializer):
    """An RFC 9457 problem document (for the schema)."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    errors = serializers.DictField(required=False, child=serializers.JSONField())


def _django_validation_detail(error: DjangoValidationError) -> Any:
    if hasattr(error, "error_dict"):
        return {field: [str(m) for m in errors] for field, errors in error.message_dict.items()}
    return {"non_field_errors": [str(m) for m in error.messages]}


def problem(status: int, detail: str, errors: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    return body


def problem_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(_django_validation_detail(exc))
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
        detail = _("The request has errors: see errors by field.")
        errors = response.data
        if not isinstance(errors, dict):
            errors = {"non_field_errors": errors}
    elif isinstance(response.data, dict) and "detail" in response.data:
        detail = str(response.data["detail"])
    else:
        detail = str(response.data)
    response.data = problem(response.status_code, detail, errors)
    response.content_type = PROBLEM_TYPE
    return response
