from django.urls import path

from harambee.initiatives import views

app_name = "initiatives"
urlpatterns = [
    path("initiatives/", views.directory, name="directory"),
    path("initiatives/<slug:slug>/", views.detail, name="detail"),
    path("initiatives/<slug:slug>/edit/", views.edit, name="edit"),
    path("initiatives/<slug:slug>/dossier/", views.dossier, name="dossier"),
    path("initiatives/<slug:slug>/dossier.md", views.dossier_markdown, name="dossier_markdown"),
    path("initiatives/<slug:slug>/stakeholders/", views.stakeholder_add, name="stakeholder_add"),
    path(
        "initiatives/<slug:slug>/stakeholders/<id:pk>/remove/",
        views.stakeholder_remove,
        name="stakeholder_remove",
    ),
    path("initiatives/<slug:slug>/cycles/new/", views.cycle_create, name="cycle_create"),
    path("initiatives/<slug:slug>/notes/new/", views.note_create, name="note_create"),
    path("cycles/<id:pk>/", views.cycle_detail, name="cycle"),
    path("cycles/<id:pk>/notes/", views.phase_note_add, name="phase_note_add"),
    path("notes/<id:pk>/", views.note_detail, name="note"),
    path("notes/<id:pk>/edit/", views.note_edit, name="note_edit"),
    path("notes/<id:pk>/history/", views.note_history, name="note_history"),
    path("notes/<id:pk>/history/<id:number>/", views.note_revision, name="note_revision"),
    path("notes/<id:pk>/history/<id:number>/revert/", views.note_revert, name="note_revert"),
    path("notes/<id:pk>/lessons/new/", views.lesson_create, name="lesson_create"),
    path("notes/<id:pk>/evidence/", views.evidence_add, name="evidence_add"),
    path(
        "notes/<id:pk>/evidence/<id:attachment_pk>/remove/",
        views.evidence_remove,
        name="evidence_remove",
    ),
    path("lessons/", views.lessons, name="lessons"),
    path("lessons/<id:pk>/", views.lesson_detail, name="lesson"),
    path("content/<id:pk>/adapt/", views.adaptation_start, name="adaptation_start"),
    path("adaptations/<id:pk>/submit/", views.adaptation_submit, name="adaptation_submit"),
    path("adaptations/<id:pk>/decide/", views.adaptation_decide, name="adaptation_decide"),
]
