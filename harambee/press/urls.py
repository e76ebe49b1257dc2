from django.urls import path

from harambee.press import views

app_name = "press"

urlpatterns = [
    path("p/<id:pk>/", views.go, name="go"),
    path("spaces/<slug:slug>/print/", views.index, name="index"),
    path("spaces/<slug:slug>/print/new/", views.new, name="new"),
    path("spaces/<slug:slug>/print/digest/", views.digest, name="digest"),
    path("spaces/<slug:slug>/print/<id:pk>/", views.detail, name="brochure"),
    path("spaces/<slug:slug>/print/<id:pk>/retry/", views.retry, name="retry"),
    path(
        "spaces/<slug:slug>/print/<id:pk>/brochure.pdf",
        views.download,
        {"which": "brochure"},
        name="pdf",
    ),
    path(
        "spaces/<slug:slug>/print/<id:pk>/booklet.pdf",
        views.download,
        {"which": "booklet"},
        name="booklet",
    ),
]
