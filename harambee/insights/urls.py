from django.urls import path

from harambee.insights import views

app_name = "insights"
urlpatterns = [
    path("insights/", views.index, name="index"),
    path("insights/where-people-are/", views.survey, name="survey"),
    path("insights/where-people-are/not-now/", views.survey_dismiss, name="survey_dismiss"),
    path("insights/alliance/", views.alliance, name="alliance"),
    path("insights/alliance/<slug:table>.csv", views.alliance_csv, name="alliance_csv"),
    path("insights/prompts/", views.forum_prompts, name="forum_prompts"),
    path("insights/spaces/<slug:slug>/", views.space, name="space"),
    path("insights/spaces/<slug:slug>/prompts/", views.space_prompts, name="space_prompts"),
    path("insights/spaces/<slug:slug>/<slug:table>.csv", views.space_csv, name="space_csv"),
    path("insights/threads/<id:pk>/", views.thread, name="thread"),
    path("insights/threads/<id:pk>/<slug:table>.csv", views.thread_csv, name="thread_csv"),
    path("insights/threads/<id:pk>/slow-mode/", views.slow_mode, name="slow_mode"),
    path("insights/prompts/<id:pk>/dismiss/", views.dismiss, name="dismiss"),
]
