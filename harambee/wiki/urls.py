from django.urls import path

from harambee.wiki import views

app_name = "wiki"

# Every page view, once for the alliance wiki and once under a space.
_PAGE_VIEWS = [
    ("", views.page_detail, "page"),
    ("edit/", views.page_edit, "edit"),
    ("history/", views.history, "history"),
    ("diff/", views.diff, "diff"),
    ("revisions/<id:number>/", views.revision, "revision"),
    ("revisions/<id:number>/revert/", views.revert, "revert"),
    ("rename/", views.rename, "rename"),
    ("watch/", views.watch, "watch"),
    ("links/", views.links, "links"),
]

urlpatterns = [
    path("wiki/", views.index, name="index"),
    path("wiki/new/", views.page_create, name="create"),
    path("wiki/pages/<id:pk>/", views.page_by_id, name="page_by_id"),
    # Under pages/, which no page's own views use, so no page's address is taken.
    path("wiki/pages/recent/", views.recent_changes, name="recent"),
    path("spaces/<slug:space_slug>/wiki/pages/recent/", views.recent_changes, name="space_recent"),
    path("spaces/<slug:space_slug>/wiki/", views.index, name="space_index"),
    path("spaces/<slug:space_slug>/wiki/new/", views.page_create, name="space_create"),
    *[path(f"wiki/<str:slug>/{route}", view, name=name) for route, view, name in _PAGE_VIEWS],
    *[
        path(f"spaces/<slug:space_slug>/wiki/<str:slug>/{route}", view, name=f"space_{name}")
        for route, view, name in _PAGE_VIEWS
    ],
]
