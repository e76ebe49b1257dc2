"""Spaces, initiative profiles, and threads with their comments."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from harambee.api import payloads as p
from harambee.api import selectors as api_selectors
from harambee.api import serializers as s
from harambee.api.models import Scope
from harambee.api.views.base import SLUG, Endpoints, KindViewSet
from harambee.core import selectors as core_selectors
from harambee.core.services import comment_create
from harambee.initiatives import selectors as initiatives
from harambee.initiatives import services as initiative_services
from harambee.spaces import selectors as spaces
from harambee.spaces import services as space_services
from harambee.spaces.models import Post, Space


@extend_schema_view(
    list=extend_schema(summary="Spaces you may know of"),
    retrieve=extend_schema(summary="A space"),
)
class SpaceViewSet(Endpoints):
    """Spaces: initiatives, working groups, discussion groups, research collaborations
    and training programmes, each with members and roles. A secret space is known
    only to its members."""

    api_scope = Scope.SPACES
    serializer_class = s.SpaceSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG

    def get_queryset(self) -> QuerySet[Space]:
        return spaces.space_list(user=self.request.user)

    def fetch(self, slug: str) -> Space:
        return spaces.space_get(user=self.request.user, slug=slug)

    def retrieve(self, request, slug: str) -> Response:
        return self.answer(self.fetch(slug))

    @extend_schema(
        summary="Make a space",
        description=(
            "Needs a role that may make spaces (members and stewards). The maker is its "
            "first lead. A space of kind initiative gets an initiative profile."
        ),
        request=p.SpaceIn,
        responses={201: s.SpaceSerializer},
    )
    def create(self, request) -> Response:
        data = self.valid(p.SpaceIn)
        return self.created(space_services.space_create(creator=request.user, **data))

    @extend_schema(
        summary="Change a space's settings",
        description="Its leads (who may edit the space). Changes are in the audit log.",
        request=p.SpaceIn,
        responses={200: s.SpaceSerializer},
    )
    def partial_update(self, request, slug: str) -> Response:
        space = self.fetch(slug)
        data = self.valid(p.SpaceIn, partial=True)
        return self.answer(space_services.space_update(actor=request.user, space=space, **data))


@extend_schema_view(
    list=extend_schema(summary="Initiatives you may know of"),
    retrieve=extend_schema(summary="An initiative's profile (never its coordinates)"),
)
class InitiativeViewSet(Endpoints):
    """The profiles of initiative spaces: where, what stage, which countries. Their
    coordinates are never served (docs/maps.md)."""

    api_scope = Scope.INITIATIVES
    serializer_class = s.InitiativeSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG
    keyset = "-space_id"

    def get_queryset(self) -> QuerySet[Any]:
        return initiatives.initiative_list(user=self.request.user)

    def fetch(self, slug: str) -> Any:
        return initiatives.initiative_get(user=self.request.user, slug=slug)

    def retrieve(self, request, slug: str) -> Response:
        return self.answer(self.fetch(slug))

    @extend_schema(
        summary="Change an initiative's profile",
        description=(
            "Its space's leads. (An initiative is made as a space of kind initiative; "
            "its place on the map is set on the site.)"
        ),
        request=p.InitiativeEdit,
        responses={200: s.InitiativeSerializer},
    )
    def partial_update(self, request, slug: str) -> Response:
        initiative = self.fetch(slug)
        data = self.valid(p.InitiativeEdit, instance=initiative, partial=True)
        saved = initiative_services.initiative_update(
            actor=request.user, initiative=initiative, **data
        )
        return self.answer(saved)


class _Oldest:
    keyset = "created"


@extend_schema_view(
    list=extend_schema(
        summary="Threads",
        parameters=[OpenApiParameter("space", str, description="Only this space's (its slug)")],
    ),
    retrieve=extend_schema(summary="A thread"),
)
class ThreadViewSet(KindViewSet):
    """Threads: conversations in a space or in the alliance forum, with their comments."""

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

    @extend_schema(
        summary="Start a thread",
        description=(
            "In a space (a role there that may post) or, without one, in the alliance "
            "forum (members and stewards). New accounts' hourly limit applies (422)."
        ),
        request=p.ThreadIn,
        responses={201: s.ThreadSerializer},
    )
    def create(self, request) -> Response:
        data = self.valid(p.ThreadIn)
        slug = data.pop("space")
        space = spaces.space_get(user=request.user, slug=slug) if slug else None
        return self.created(space_services.post_create(author=request.user, space=space, **data))

    @extend_schema(
        summary="Change a thread",
        description=(
            "Its title, text, visibility and whether it is a question are its author's "
            "to change; pinned and locked are its moderators' (a space's leads and "
            "facilitators; stewards in the forum). All of it or nothing is saved."
        ),
        request=p.ThreadEdit,
        responses={200: s.ThreadSerializer},
    )
    def partial_update(self, request, pk: str) -> Response:
        post = self.fetch(int(pk))
        data = self.valid(p.ThreadEdit, partial=True)
        moderation = {name: data.pop(name) for name in ("pinned", "locked") if name in data}
        with transaction.atomic():
            if data or not moderation:
                post = space_services.post_update(
                    actor=request.user,
                    post=post,
                    title=data.get("title", post.title),
                    body=data.get("body", post.body),
                    visibility=data.get("visibility", post.visibility),
                    is_question=data.get("is_question"),
                )
            if "pinned" in moderation:
                post = space_services.thread_set_pinned(
                    actor=request.user, thread=post, pinned=moderation["pinned"]
                )
            if "locked" in moderation:
                post = space_services.thread_set_locked(
                    actor=request.user, thread=post, locked=moderation["locked"]
                )
        return self.answer(post)

    @extend_schema(
        methods=["GET"],
        summary="A thread's comments, oldest first",
        responses=s.CommentSerializer(many=True),
    )
    @extend_schema(
        methods=["POST"],
        summary="Comment on a thread, or reply to a comment",
        description=(
            "Whoever may reply on the site: a locked thread takes none. Those it "
            "mentions and those who took part in the thread are told."
        ),
        request=p.CommentIn,
        responses={201: s.CommentSerializer},
    )
    @action(detail=True, methods=["get", "post"], serializer_class=s.CommentSerializer)
    def comments(self, request, pk: str) -> Response:
        thread = self.fetch(int(pk))
        if request.method == "POST":
            data = self.valid(p.CommentIn)
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
