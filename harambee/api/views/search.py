"""One search over everything the caller may see, and the API's own 404."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import APIView

from harambee.api import serializers as s
from harambee.api.models import Scope
from harambee.api.views.base import Conditional
from harambee.search import selectors as search


class SearchView(Conditional, APIView):
    """One search over everything the caller may see."""

    api_scope = Scope.SEARCH

    @extend_schema(
        summary="Search everything you may see",
        description="Ranked, so paged by number: up to 20 pages of 10.",
        parameters=[
            OpenApiParameter("q", str, required=True, description="What to look for"),
            OpenApiParameter("page", int, description="Page number, from 1"),
        ],
        responses=s.SearchPageSerializer,
    )
    def get(self, request) -> Response:
        text = request.query_params.get("q", "")[:200]
        try:
            page = int(request.query_params.get("page", "1"))
        except ValueError:
            raise exceptions.ParseError("page") from None
        page = max(1, min(page, search.MAX_PAGES))
        results = search.search(user=request.user, text=text, page=page, facets=False)
        following = None
        if page < results.pages:
            query = urlencode({"q": text, "page": page + 1})
            following = request.build_absolute_uri(f"{request.path}?{query}")
        data = {"query": text, "next": following, "results": results.hits}
        return Response(s.SearchPageSerializer(data).data)


class NotFoundView(APIView):
    """Every other address under /api/: the same problem document as any 404."""

    permission_classes: list[Any] = []
    throttle_classes: list[Any] = []

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        raise exceptions.NotFound

    post = put = patch = delete = get
