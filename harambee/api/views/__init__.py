"""The REST API's endpoints: thin views over the other apps' selectors (every read
through the gate) and services (every write, so permissions, audit, notifications,
moderation and posting limits apply as on the site). docs/api.md describes them."""

from harambee.api.views.items import (
    EventViewSet,
    LessonViewSet,
    NoteViewSet,
    ResourceViewSet,
    StoryViewSet,
    WikiPageViewSet,
)
from harambee.api.views.search import NotFoundView, SearchView
from harambee.api.views.spaces import InitiativeViewSet, SpaceViewSet, ThreadViewSet

__all__ = [
    "EventViewSet",
    "InitiativeViewSet",
    "LessonViewSet",
    "NoteViewSet",
    "NotFoundView",
    "ResourceViewSet",
    "SearchView",
    "SpaceViewSet",
    "StoryViewSet",
    "ThreadViewSet",
    "WikiPageViewSet",
]
