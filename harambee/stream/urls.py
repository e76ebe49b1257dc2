from django.urls import path

from harambee.stream import views

app_name = "stream"
urlpatterns = [
    path("stream/", views.stream, name="stream"),
    path("stream/<id:pk>/", views.post_detail, name="post"),
    path("stream/<id:pk>/remove/", views.post_remove, name="post_remove"),
    path("stream/people/<id:pk>/", views.person, name="person"),
    path("spaces/<slug:slug>/stream/", views.space_stream, name="space"),
    path("tags/<str:name>/", views.tag, name="tag"),
    path("stream/suggest/", views.suggest, name="suggest"),
    path("timeline/", views.timeline, name="timeline"),
    path("timeline/new/", views.timeline_new, name="timeline_new"),
    path("bookmarks/", views.bookmarks, name="bookmarks"),
    path("bookmarks/<id:pk>/", views.bookmark, name="bookmark"),
    path("follow/tags/<str:name>/", views.follow_tag, name="follow_tag"),
    path("follow/people/<id:pk>/", views.follow_person, name="follow_person"),
    path("follow/spaces/<slug:slug>/", views.follow_space, name="follow_space"),
]
