from django.urls import path, register_converter

from harambee.stories import views


class MoveConverter:
    regex = "submit|publish|return"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(MoveConverter, "move")

app_name = "stories"
urlpatterns = [
    path("stories/", views.blog, name="blog"),
    path("stories/new/", views.story_create, name="create"),
    path("stories/<id:pk>/", views.story_detail, name="story"),
    path("stories/<id:pk>/edit/", views.story_edit, name="edit"),
    path("stories/<id:pk>/<move:action>/", views.story_move, name="move"),
    path("spaces/<slug:slug>/stories/", views.blog, name="space_blog"),
    path("spaces/<slug:slug>/stories/new/", views.story_create, name="space_create"),
    path("spaces/<slug:slug>/calls/new/", views.call_create, name="space_call_create"),
    path("calls/", views.calls, name="calls"),
    path("calls/new/", views.call_create, name="call_create"),
    path("calls/<id:pk>/", views.call_detail, name="call"),
    path("calls/<id:pk>/collection/", views.call_collection, name="collection"),
    path("calls/<id:pk>/close/", views.call_close, name="call_close"),
]
