"""The resource library: resources with file versions, and collections."""

from django.urls import path, register_converter

from harambee.library import views


class DirectionConverter:
    regex = "up|down"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(DirectionConverter, "direction")

app_name = "library"
urlpatterns = [
    path("library/", views.index, name="index"),
    path("library/new/", views.resource_create, name="create"),
    path("library/resources/<id:pk>/", views.resource_detail, name="resource"),
    path("library/resources/<id:pk>/edit/", views.resource_edit, name="edit"),
    path("library/resources/<id:pk>/versions/", views.version_add, name="version_add"),
    path("library/resources/<id:pk>/download/", views.download, name="download"),
    path(
        "library/resources/<id:pk>/versions/<id:number>/download/",
        views.download,
        name="version_download",
    ),
    path(
        "library/resources/<id:pk>/add-to-collection/",
        views.add_to_collection,
        name="add_to_collection",
    ),
    path("library/collections/", views.collections, name="collections"),
    path("library/collections/new/", views.collection_create, name="collection_create"),
    path("library/collections/<id:pk>/", views.collection_detail, name="collection"),
    path("library/collections/<id:pk>/edit/", views.collection_edit, name="collection_edit"),
    path("library/collections/<id:pk>/entries/", views.entry_add, name="entry_add"),
    path(
        "library/collections/<id:pk>/entries/<id:entry_pk>/<direction:direction>/",
        views.entry_move,
        name="entry_move",
    ),
    path(
        "library/collections/<id:pk>/entries/<id:entry_pk>/remove/",
        views.entry_remove,
        name="entry_remove",
    ),
    path("spaces/<slug:slug>/library/", views.index, name="space_index"),
    path("spaces/<slug:slug>/library/new/", views.resource_create, name="space_create"),
    path("spaces/<slug:slug>/library/collections/", views.collections, name="space_collections"),
    path(
        "spaces/<slug:slug>/library/collections/new/",
        views.collection_create,
        name="space_collection_create",
    ),
]
