from django.urls import path

from harambee.core import views

app_name = "core"
urlpatterns = [
    path("content/<int:pk>/comments/", views.comment, name="comment"),
    path("content/<int:pk>/comment-form/", views.comment_form, name="comment_form"),
    path("content/<int:pk>/react/", views.react, name="react"),
    path("files/<int:pk>/thumbnail.jpg", views.attachment_thumbnail, name="attachment_thumbnail"),
    path("files/<int:pk>/<str:name>", views.attachment, name="attachment"),
    path("healthz", views.healthz, name="healthz"),
    path("language/<str:code>/", views.language, name="language"),
]
