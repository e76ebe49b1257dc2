"""Learning notes, lessons, stories, wiki pages, library resources and events."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.response import Response

from harambee.api import payloads as p
from harambee.api import selectors as api_selectors
from harambee.api import serializers as s
from harambee.api.errors import refusal
from harambee.api.models import Scope
from harambee.api.views.base import Conflict, KindViewSet
from harambee.events import selectors as events
from harambee.events import services as event_services
from harambee.events.models import Event
from harambee.initiatives import selectors as initiatives
from harambee.initiatives import services as initiative_services
from harambee.initiatives.models import LearningNote
from harambee.library import selectors as library
from harambee.library import services as library_services
from harambee.library.models import Resource
from harambee.spaces import selectors as spaces
from harambee.stories import selectors as stories
from harambee.stories import services as story_services
from harambee.wiki import selectors as wiki
from harambee.wiki import services as wiki_services
from harambee.wiki.models import WikiPage


def _space(user: Any, slug: str | None) -> Any:
    """The space a body names (404 alike for a missing one and one kept from the
    caller), or None for the alliance's own."""
    return spaces.space_get(user=user, slug=slug) if slug else None


@extend_schema_view(
    list=extend_schema(summary="Learning notes"),
    retrieve=extend_schema(summary="A learning note, with its sections"),
)
class NoteViewSet(KindViewSet):
    """Learning notes of an initiative's action inquiry: what was tried, what happened,
    what was learned, with evidence, methods and questions; each change a new version."""

    api_scope = Scope.NOTES
    serializer_class = s.NoteSerializer

    def get_queryset(self) -> QuerySet[LearningNote]:
        return api_selectors.note_rows(user=self.reader())

    def fetch(self, pk: int) -> LearningNote:
        return initiatives.note_get(user=self.reader(), pk=pk)

    @extend_schema(
        summary="Write a learning note",
        description=(
            "In an initiative, with a role there that may post. It says at least what "
            "was tried, what happened or what was learned. Its first version is kept."
        ),
        request=p.NoteIn,
        responses={201: s.NoteSerializer},
    )
    def create(self, request) -> Response:
        data = self.valid(p.NoteIn)
        initiative = initiatives.initiative_get(user=request.user, slug=data.pop("initiative"))
        note = initiative_services.note_create(author=request.user, initiative=initiative, **data)
        return self.created(note)

    @extend_schema(
        summary="Change a learning note",
        description=(
            "Its authors. Each change is kept as a new version; narrowing who may read "
            "the note narrows its lessons with it."
        ),
        request=p.NoteEdit,
        responses={200: s.NoteSerializer},
    )
    def partial_update(self, request, pk: str) -> Response:
        note = self.fetch(int(pk))
        data = self.valid(p.NoteEdit, instance=note, partial=True)
        return self.answer(initiative_services.note_update(actor=request.user, note=note, **data))


@extend_schema_view(
    list=extend_schema(summary="Lessons"), retrieve=extend_schema(summary="A lesson")
)
class LessonViewSet(KindViewSet):
    """Lessons drawn from learning notes, with the strength of their evidence."""

    api_scope = Scope.LESSONS
    serializer_class = s.LessonSerializer

    def get_queryset(self) -> QuerySet[Any]:
        return initiatives.lesson_list(user=self.reader())

    def fetch(self, pk: int) -> Any:
        return initiatives.lesson_get(user=self.reader(), pk=pk)

    @extend_schema(
        summary="Draw a lesson from a learning note",
        description="From a note you may edit; read by no more people than the note.",
        request=p.LessonIn,
        responses={201: s.LessonSerializer},
    )
    def create(self, request) -> Response:
        data = self.valid(p.LessonIn)
        note = initiatives.note_get(user=request.user, pk=data.pop("note"))
        lesson = initiative_services.lesson_create(author=request.user, note=note, **data)
        return self.created(lesson)

    @extend_schema(
        summary="Change a lesson",
        description="Its authors; read by no more people than its note.",
        request=p.LessonEdit,
        responses={200: s.LessonSerializer},
    )
    def partial_update(self, request, pk: str) -> Response:
        lesson = self.fetch(int(pk))
        data = self.valid(p.LessonEdit, partial=True)
        saved = initiative_services.lesson_update(actor=request.user, lesson=lesson, **data)
        return self.answer(saved)


def _story_move(summary: str, description: str) -> Callable[[Any], Any]:
    return extend_schema(
        summary=summary, description=description, request=None, responses={200: s.StorySerializer}
    )


@extend_schema_view(
    list=extend_schema(summary="Published stories"),
    retrieve=extend_schema(summary="A story (a draft: to its authors, and in review)"),
)
class StoryViewSet(KindViewSet):
    """Stories: written together, reviewed, published on the alliance blog or a space's."""

    api_scope = Scope.STORIES
    serializer_class = s.StorySerializer
    keyset = "-published"

    def get_queryset(self) -> QuerySet[Any]:
        return stories.blog(user=self.reader())

    def fetch(self, pk: int) -> Any:
        return stories.story_get(user=self.reader(), pk=pk)

    @extend_schema(
        summary="Write a story",
        description=(
            "On the alliance blog (members and stewards) or in a space (a role there that "
            "may post). It starts as a private draft: send it for review, then a space's "
            "leads and facilitators (stewards on the alliance blog) publish it."
        ),
        request=p.StoryIn,
        responses={201: s.StorySerializer},
    )
    def create(self, request) -> Response:
        data = self.valid(p.StoryIn)
        space = _space(request.user, data.pop("space"))
        return self.created(story_services.story_create(author=request.user, space=space, **data))

    @extend_schema(
        summary="Change a story",
        description="Its authors. A published story is read by its new audience at once.",
        request=p.StoryEdit,
        responses={200: s.StorySerializer},
    )
    def partial_update(self, request, pk: str) -> Response:
        story = self.fetch(int(pk))
        data = self.valid(p.StoryEdit, partial=True)
        return self.answer(story_services.story_update(actor=request.user, story=story, **data))

    def _move(self, pk: str, move: Callable[..., Any]) -> Response:
        story = self.fetch(int(pk))
        return self.answer(move(actor=self.request.user, story=story))

    @_story_move("Send a draft for review", "Its authors: the space (or alliance) reads it.")
    @action(detail=True, methods=["post"])
    def submit(self, request, pk: str) -> Response:
        return self._move(pk, story_services.story_submit)

    @_story_move(
        "Publish a story",
        "A space's leads and facilitators; stewards on the alliance blog.",
    )
    @action(detail=True, methods=["post"])
    def publish(self, request, pk: str) -> Response:
        return self._move(pk, story_services.story_publish)

    @_story_move(
        "Take a story back to a private draft",
        "Its authors, or whoever may publish it.",
    )
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_(self, request, pk: str) -> Response:
        return self._move(pk, story_services.story_return)


@extend_schema_view(
    list=extend_schema(summary="Wiki pages"), retrieve=extend_schema(summary="A wiki page")
)
class WikiPageViewSet(KindViewSet):
    """The wiki of methodologies, tools, techniques, concepts and cases: the alliance's
    and each space's, with revisions; no edit is silently lost."""

    api_scope = Scope.WIKI
    serializer_class = s.WikiPageSerializer

    def get_queryset(self) -> QuerySet[WikiPage]:
        return api_selectors.wiki_rows(user=self.reader())

    def fetch(self, pk: int) -> WikiPage:
        return wiki.page_by_pk(user=self.reader(), pk=pk)

    @extend_schema(
        summary="Write a wiki page",
        description=(
            "In the alliance wiki (members and stewards) or a space's (a role there that "
            "may post). A title is unique in its wiki (422 when taken)."
        ),
        request=p.WikiPageIn,
        responses={201: s.WikiPageSerializer},
    )
    def create(self, request) -> Response:
        data = self.valid(p.WikiPageIn)
        space = wiki.wiki_space(user=request.user, slug=data.pop("space"))
        return self.created(wiki_services.page_create(author=request.user, space=space, **data))

    @extend_schema(
        summary="Edit or rename a wiki page",
        description=(
            "Whoever may edit it on the site. Send the whole new text with the revision "
            "you read (``base_revision``): changes made since then are merged in, or, "
            "where they overlap, the answer is 409 and nothing is saved. A ``title`` "
            "renames the page (its old title keeps leading to it). Only its author or "
            "whoever may edit where it lives changes its visibility."
        ),
        request=p.WikiEditIn,
        responses={200: s.WikiPageSerializer},
    )
    def partial_update(self, request, pk: str) -> Response:
        page = self.fetch(int(pk))
        data = self.valid(p.WikiEditIn, partial=True)
        title = data.pop("title", None)
        if "body" in data and "base_revision" not in data:
            raise refusal({"base_revision": [_("Say which revision your text is written from.")]})
        data.setdefault("body", page.body)
        data.setdefault("base_revision", page.revision)
        with transaction.atomic():
            try:
                saved = wiki_services.page_edit(actor=request.user, page=page, **data).page
            except wiki_services.EditConflict as conflict:
                raise Conflict(
                    _(
                        "The page was changed since revision %(base)s (now %(latest)s): read "
                        "it again and send your text from there."
                    )
                    % {"base": data["base_revision"], "latest": conflict.page.revision}
                ) from None
            if title is not None:
                saved = wiki_services.page_rename(
                    actor=request.user, page=saved, title=title, summary=data.get("summary", "")
                )
        return self.answer(saved)


@extend_schema_view(
    list=extend_schema(summary="Library resources"),
    retrieve=extend_schema(summary="A library resource"),
)
class ResourceViewSet(KindViewSet):
    """The library: reports, videos, training materials, position papers, toolkits."""

    api_scope = Scope.RESOURCES
    serializer_class = s.ResourceSerializer

    def get_queryset(self) -> QuerySet[Resource]:
        return api_selectors.resource_rows(user=self.reader())

    def fetch(self, pk: int) -> Resource:
        return library.resource_get(user=self.reader(), pk=pk)

    @extend_schema(
        summary="Add a resource kept elsewhere (a link)",
        description=(
            "To the alliance library (members and stewards) or a space's (a role there "
            "that may post). Files are uploaded on the site."
        ),
        request=p.ResourceIn,
        responses={201: s.ResourceSerializer},
    )
    def create(self, request) -> Response:
        data = self.valid(p.ResourceIn)
        space = _space(request.user, data.pop("space"))
        resource = library_services.resource_create(author=request.user, space=space, **data)
        return self.created(resource)

    @extend_schema(
        summary="Change a resource's description",
        description="Its authors. Its files change by new versions, on the site.",
        request=p.ResourceEdit,
        responses={200: s.ResourceSerializer},
    )
    def partial_update(self, request, pk: str) -> Response:
        resource = self.fetch(int(pk))
        data = self.valid(p.ResourceEdit, partial=True)
        saved = library_services.resource_update(actor=request.user, resource=resource, **data)
        return self.answer(saved)


@extend_schema_view(
    list=extend_schema(summary="Events, latest start first"),
    retrieve=extend_schema(summary="An event"),
)
class EventViewSet(KindViewSet):
    """Events: workshops, webinars, teleconferences, field visits, meetings."""

    api_scope = Scope.EVENTS
    serializer_class = s.EventSerializer
    keyset = "-starts"

    def get_queryset(self) -> QuerySet[Event]:
        return api_selectors.event_rows(user=self.reader())

    def fetch(self, pk: int) -> Event:
        return events.event_get(user=self.reader(), pk=pk)

    @extend_schema(
        summary="Organise an event",
        description=(
            "Whoever may post where it is (a space, or alliance-wide: members and "
            "stewards). It starts in the future and lasts at most 31 days."
        ),
        request=p.EventIn,
        responses={201: s.EventSerializer},
    )
    def create(self, request) -> Response:
        data = self.valid(p.EventIn)
        space = _space(request.user, data.pop("space"))
        if data.get("visibility") is None:
            data.pop("visibility", None)  # the service's default for where it is
        return self.created(event_services.event_create(actor=request.user, space=space, **data))

    @extend_schema(
        summary="Change an event",
        description=(
            "Its organisers, until it is cancelled. Those registered are told of a new "
            "time; more places let the waiting list in."
        ),
        request=p.EventEdit,
        responses={200: s.EventSerializer},
    )
    def partial_update(self, request, pk: str) -> Response:
        event = self.fetch(int(pk))
        data = self.valid(p.EventEdit, partial=True)
        return self.answer(event_services.event_update(actor=request.user, event=event, **data))

    @extend_schema(
        summary="Cancel an event",
        description=(
            "Its organisers. The event stays, marked cancelled: registration closes and "
            "everyone registered is told once. (Events are not deleted.)"
        ),
        request=None,
        responses={200: s.EventSerializer},
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk: str) -> Response:
        event = self.fetch(int(pk))
        return self.answer(event_services.event_cancel(actor=request.user, event=event))
