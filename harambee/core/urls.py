from django.urls import path

from harambee.core import editor, views

app_name = "core"
urlpatterns = [
    path("content/<id:pk>/comments/", views.comment, name="comment"),
    path("content/<id:pk>/comment-form/", views.comment_form, name="comment_form"),
    path("content/<id:pk>/react/", views.react, name="react"),
    path("content/<id:pk>/language/", views.item_language, name="item_language"),
    path("files/<id:pk>/thumbnail.jpg", views.attachment_thumbnail, name="attachment_thumbnail"),
    path("files/images/<id:pk>/<str:name>", views.inline_image, name="inline_image"),
    path("editor/image/", editor.image, name="editor_image"),
    path("files/<id:pk>/<str:name>", views.attachment, name="attachment"),
    path("editor/preview/", editor.preview, name="editor_preview"),
    path("editor/draft/", editor.draft, name="editor_draft"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("language/<str:code>/", views.language, name="language"),
]
