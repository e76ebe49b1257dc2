"""What every endpoint of the API shares: conditional GET, the shape of a kind's
endpoints (a keyset-paged list, one item by id, writes that answer the item), and
reading a request body."""

from __future__ import annotations

import hashlib
from typing import Any

from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.response import Response
from rest_framework.serializers import Serializer

ID = r"[0-9]{1,18}"
SLUG = r"[-a-zA-Z0-9_]{1,80}"


class Conditional:
    """ETag (a digest of the body) on every successful read, and Last-Modified where
    one item is read; a matching ``If-None-Match`` or ``If-Modified-Since`` answers
    304. Answers differ by caller, so they are private to them."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        patch_vary_headers(response, ["Authorization", "Cookie", "Accept-Language"])
        response["Cache-Control"] = "private, no-cache"
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        response["ETag"] = etag
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Conflict"


class Endpoints(Conditional, mixins.ListModelMixin, viewsets.GenericViewSet):
    """A kind's endpoints. ``fetch`` reads one item through the gate (404 alike for
    a missing item and one the caller may not see); every write then calls the
    app's service, whose rule answers 403 to a caller who may see but not change."""

    keyset = "-created"

    def reader(self) -> Any:
        return self.request.user

    def fetch(self, key: Any) -> Any:
        raise NotImplementedError

    def answer(self, item: Any, code: int = status.HTTP_200_OK) -> Response:
        return Response(self.get_serializer(item).data, status=code)

    def created(self, item: Any) -> Response:
        return self.answer(item, status.HTTP_201_CREATED)

    def valid(
        self, serializer_class: type[Serializer], *, instance: Any = None, partial: bool = False
    ) -> dict[str, Any]:
        """The request body, checked by ``serializer_class`` (400, or 422 for a
        refusal, with the errors by field). ``partial``: only what it names."""
        serializer = serializer_class(instance, data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)


class KindViewSet(Endpoints):
    """Items of one kind, each at its id."""

    lookup_value_regex = ID

    def retrieve(self, request, pk: str) -> Response:
        item = self.fetch(int(pk))
        response = self.answer(item)
        response["Last-Modified"] = http_date(item.updated.timestamp())
        return response
