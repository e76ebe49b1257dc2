"""The REST API's endpoints: thin views over the other apps' selectors (every read
through the gate) and services (every write, so audit, notifications, moderation and
posting limits apply). docs/api.md describes them."""

from __future__ import annotations

import hashlib
from typing import Any

from django.db.models import QuerySet
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from harambee.api import selectors as api_selectors
from harambee.api import serializers as s
from harambee.api.models import Scope
from harambee.core import selectors as core_selectors
from harambee.core.services import comment_create
from harambee.events import selectors as events
from harambee.events.models import Event
from harambee.initiatives import selectors as initiatives
from harambee.initiatives import services as initiative_services
from harambee.initiatives.models import LearningNote
from harambee.library import selectors as library
from harambee.library.models import Resource
from harambee.search import selectors as search
from harambee.spaces import selectors as spaces
from harambee.spaces import services as space_services
from harambee.spaces.models import Post, Space
from harambee.stories import selectors as stories
from harambee.wiki import selectors as wiki
from harambee.wiki import services as wiki_services
from harambee.wiki.models import WikiPage

ID = r"[0-9]{1,18}"


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


def _last_modified(response: Response, when: Any) -> Response:
    response["Last-Modified"] = http_date(when.timestamp())
    return response


class KindViewSet(Conditional, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Lists (keyset-paged) and single items of one kind, both through the gate."""

    lookup_value_regex = ID
    keyset = "-created"

    def reader(self) -> Any:
        return self.request.user

    def fetch(self, pk: int) -> Any:
        raise NotImplementedError

    def retrieve(self, request, pk: str) -> Response:
        item = self.fetch(int(pk))
        serializer = self.get_serializer(item)
        return _last_modified(Response(serializer.data), item.updated)

    def created(self, item: Any) -> Response:
        return Response(self.get_serializer(item).data, status=status.HTTP_201_CREATED)

    def valid(self, serializer_class: type) -> dict[str, Any]:
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


@extend_schema_view(list=extend_schema(summary="Spaces you may know of"))
class SpaceViewSet(Conditional, mixins.ListModelMixin, viewsets.GenericViewSet):
    api_scope = Scope.SPACES
    serializer_class = s.SpaceSerializer
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]{1,80}"
    keyset = "-created"

    def get_queryset(self) -> QuerySet[Space]:
        return spaces.space_list(user=self.request.user)

    def retrieve(self, request, slug: str) -> Response:
        return Response(self.get_serializer(spaces.space_get(user=request.user, slug=slug)).data)


class InitiativeViewSet(Conditional, mixins.ListModelMixin, viewsets.GenericViewSet):
    api_scope = Scope.INITIATIVES
    serializer_class = s.InitiativeSerializer
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]{1,80}"
    keyset = "-space_id"

    def get_queryset(self) -> QuerySet[Any]:
        return initiatives.initiative_list(user=self.request.user)

    def retrieve(self, request, slug: str) -> Response:
        initiative = initiatives.initiative_get(user=request.user, slug=slug)
        return Response(self.get_serializer(initiative).data)


@extend_schema_view(
    list=extend_schema(parameters=[OpenApiParameter("space", str, description="A space's slug")])
)
class ThreadViewSet(KindViewSet):
    api_scope = Scope.THREADS
    serializer_class = s.ThreadSerializer

    def get_queryset(self) -> QuerySet[Post]:
        slug = self.request.query_params.get("space")
        space = None
        if slug and self.action == "list":
            space = spaces.space_get(user=self.reader(), slug=slug[:80])
        return api_selectors.thread_rows(user=self.reader(), space=space)

    def fetch(self, pk: int) -> Post:
        return spaces.post_get(user=self.reader(), pk=pk)

    @extend_schema(request=s.ThreadIn, responses={201: s.ThreadSerializer})
    def create(self, request) -> Response:
        data = self.valid(s.ThreadIn)
        slug = data.pop("space")
        space = spaces.space_get(user=request.user, slug=slug) if slug else None
        post = space_services.post_create(author=request.user, space=space, **data)
        return self.created(post)

    @extend_schema(
        methods=["GET"],
        responses=s.CommentSerializer(many=True),
    )
    @extend_schema(methods=["POST"], request=s.CommentIn, responses={201: s.CommentSerializer})
    @action(detail=True, methods=["get", "post"], serializer_class=s.CommentSerializer)
    def comments(self, request, pk: str) -> Response:
        thread = self.fetch(int(pk))
        if request.method == "POST":
            data = self.valid(s.CommentIn)
            parent = None
            if data["parent"] is not None:
                parent = core_selectors.comment_get(content=thread, pk=data["parent"])
            comment = comment_create(
                author=request.user, content=thread, body=data["body"], parent=parent
            )
            return Response(s.CommentSerializer(comment).data, status=status.HTTP_201_CREATED)
        rows = api_selectors.comment_rows(content=thread)
        page = self.paginator.paginate_queryset(rows, request, view=_Oldest())
        return self.paginator.get_paginated_response(s.CommentSerializer(page, many=True).data)


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Conflict"


class _Oldest:
    keyset = "created"


class NoteViewSet(KindViewSet):
    api_scope = Scope.NOTES
    serializer_class = s.NoteSerializer

    def get_queryset(self) -> QuerySet[LearningNote]:
        return api_selectors.note_rows(user=self.reader())

    def fetch(self, pk: int) -> LearningNote:
        return initiatives.note_get(user=self.reader(), pk=pk)

    @extend_schema(request=s.NoteIn, responses={201: s.NoteSerializer})
    def create(self, request) -> Response:
        data = self.valid(s.NoteIn)
        initiative = initiatives.initiative_get(user=request.user, slug=data.pop("initiative"))
        note = initiative_services.note_create(author=request.user, initiative=initiative, **data)
        return self.created(note)


class LessonViewSet(KindViewSet):
    api_scope = Scope.LESSONS
    serializer_class = s.LessonSerializer

    def get_queryset(self) -> QuerySet[Any]:
        return initiatives.lesson_list(user=self.reader())

    def fetch(self, pk: int) -> Any:
        return initiatives.lesson_get(user=self.reader(), pk=pk)

    @extend_schema(request=s.LessonIn, responses={201: s.LessonSerializer})
    def create(self, request) -> Response:
        data = self.valid(s.LessonIn)
        note = initiatives.note_get(user=request.user, pk=data.pop("note"))
        lesson = initiative_services.lesson_create(author=request.user, note=note, **data)
        return self.created(lesson)


class StoryViewSet(KindViewSet):
    api_scope = Scope.STORIES
    serializer_class = s.StorySerializer
    keyset = "-published"

    def get_queryset(self) -> QuerySet[Any]:
        return stories.blog(user=self.reader())

    def fetch(self, pk: int) -> Any:
        return stories.story_get(user=self.reader(), pk=pk)


class WikiPageViewSet(KindViewSet):
    api_scope = Scope.WIKI
    serializer_class = s.WikiPageSerializer

    def get_queryset(self) -> QuerySet[WikiPage]:
        return api_selectors.wiki_rows(user=self.reader())

    def fetch(self, pk: int) -> WikiPage:
        return wiki.page_by_pk(user=self.reader(), pk=pk)

    @extend_schema(request=s.WikiPageIn, responses={201: s.WikiPageSerializer})
    def create(self, request) -> Response:
        data = self.valid(s.WikiPageIn)
        space = wiki.wiki_space(user=request.user, slug=data.pop("space"))
        page = wiki_services.page_create(author=request.user, space=space, **data)
        return self.created(page)

    @extend_schema(request=s.WikiEditIn, responses={200: s.WikiPageSerializer})
    def partial_update(self, request, pk: str) -> Response:
        """A new text of the page, written from revision ``base_revision``: changes made
        since then are merged in, or, where they overlap, the answer is 409 and nothing
        is saved (as on the site: no edit is silently lost)."""
        page = self.fetch(int(pk))
        data = self.valid(s.WikiEditIn)
        try:
            saved = wiki_services.page_edit(actor=request.user, page=page, **data)
        except wiki_services.EditConflict as conflict:
            raise Conflict(
                _(
                    "The page was changed since revision %(base)s (now %(latest)s): read it "
                    "again and send your text from there."
                )
                % {"base": data["base_revision"], "latest": conflict.page.revision}
            ) from None
        return Response(self.get_serializer(saved.page).data)


class ResourceViewSet(KindViewSet):
    api_scope = Scope.RESOURCES
    serializer_class = s.ResourceSerializer

    def get_queryset(self) -> QuerySet[Resource]:
        return api_selectors.resource_rows(user=self.reader())

    def fetch(self, pk: int) -> Resource:
        return library.resource_get(user=self.reader(), pk=pk)


class EventViewSet(KindViewSet):
    api_scope = Scope.EVENTS
    serializer_class = s.EventSerializer
    keyset = "-starts"

    def get_queryset(self) -> QuerySet[Event]:
        return api_selectors.event_rows(user=self.reader())

    def fetch(self, pk: int) -> Event:
        return events.event_get(user=self.reader(), pk=pk)


class SearchView(Conditional, APIView):
    api_scope = Scope.SEARCH

    @extend_schema(
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
            following = request.build_absolute_uri(
                f"{request.path}?{_query(q=text, page=page + 1)}"
            )
        data = {"query": text, "next": following, "results": results.hits}
        return Response(s.SearchPageSerializer(data).data)


def _query(**params: Any) -> str:
    from urllib.parse import urlencode

    return urlencode(params)


class NotFoundView(APIView):
    """Every other address under /api/: the same problem document as any 404."""

    permission_classes: list[Any] = []
    throttle_classes: list[Any] = []

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        raise exceptions.NotFound

    post = put = patch = delete = get
