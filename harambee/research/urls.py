from django.urls import path, register_converter

from harambee.research import views


class DecisionConverter:
    regex = "accept|decline"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(DecisionConverter, "decision")

app_name = "research"
urlpatterns = [
    path("research/", views.collaborations, name="list"),
    path("spaces/<slug:slug>/research/", views.collaborations, name="space_list"),
    path("spaces/<slug:slug>/research/new/", views.collaboration_create, name="create"),
    path("research/<id:pk>/", views.collaboration_detail, name="collaboration"),
    path("research/<id:pk>/edit/", views.collaboration_edit, name="collaboration_edit"),
    path("research/<id:pk>/contributors/", views.contributor_add, name="contributor_add"),
    path(
        "research/<id:pk>/contributors/<id:contributor_pk>/",
        views.contributor_edit,
        name="contributor_edit",
    ),
    path(
        "research/<id:pk>/contributors/<id:contributor_pk>/remove/",
        views.contributor_remove,
        name="contributor_remove",
    ),
    path("research/<id:pk>/milestones/", views.milestone_add, name="milestone_add"),
    path(
        "research/<id:pk>/milestones/<id:milestone_pk>/toggle/",
        views.milestone_toggle,
        name="milestone_toggle",
    ),
    path("research/<id:pk>/links/", views.link_add, name="link_add"),
    path("research/<id:pk>/links/<id:link_pk>/remove/", views.link_remove, name="link_remove"),
    path("research/<id:pk>/outputs/new/", views.output_create, name="output_create"),
    path("research/<id:pk>/calls/new/", views.call_create, name="call_create"),
    path("research/outputs/<id:pk>/", views.output_detail, name="output"),
    path("research/outputs/<id:pk>/edit/", views.output_edit, name="output_edit"),
    path("research/outputs/<id:pk>/sources/", views.source_add, name="source_add"),
    path(
        "research/outputs/<id:pk>/sources/<id:link_pk>/remove/",
        views.source_remove,
        name="source_remove",
    ),
    path("research/calls/<id:pk>/", views.call_detail, name="call"),
    path("research/calls/<id:pk>/edit/", views.call_edit, name="call_edit"),
    path("research/calls/<id:pk>/submit/", views.submit, name="submit"),
    path("research/submissions/<id:pk>/<decision:action>/", views.decide, name="decide"),
]
