from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from harambee.api import token_views, views

app_name = "api"

router = SimpleRouter()
router.register("spaces", views.SpaceViewSet, basename="space")
router.register("initiatives", views.InitiativeViewSet, basename="initiative")
router.register("threads", views.ThreadViewSet, basename="thread")
router.register("notes", views.NoteViewSet, basename="note")
router.register("lessons", views.LessonViewSet, basename="lesson")
router.register("stories", views.StoryViewSet, basename="story")
router.register("wiki", views.WikiPageViewSet, basename="wiki")
router.register("resources", views.ResourceViewSet, basename="resource")
router.register("events", views.EventViewSet, basename="event")

urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", token_views.docs, name="docs"),
    path("api/tokens/", token_views.tokens, name="tokens"),
    path("api/tokens/<id:pk>/revoke/", token_views.token_revoke, name="token_revoke"),
    path("api/search/", views.SearchView.as_view(), name="search"),
    path("api/", include(router.urls)),
    # Any other address under /api/ answers the API's own 404 problem document.
    re_path(r"^api/", views.NotFoundView.as_view(), name="not_found"),
]
