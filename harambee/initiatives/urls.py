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
        "initiatives/<slug:slug>/stakeholders/<int:pk>/remove/",
        views.stakeholder_remove,
        name="stakeholder_remove",
    ),
    path("initiatives/<slug:slug>/cycles/new/", views.cycle_create, name="cycle_create"),
    path("initiatives/<slug:slug>/notes/new/", views.note_create, name="note_create"),
    path("cycles/<int:pk>/", views.cycle_detail, name="cycle"),
    path("cycles/<int:pk>/notes/", views.phase_note_add, name="phase_note_add"),
    path("notes/<int:pk>/", views.note_detail, name="note"),
    path("notes/<int:pk>/edit/", views.note_edit, name="note_edit"),
    path("notes/<int:pk>/history/", views.note_history, name="note_history"),
    path("notes/<int:pk>/history/<int:number>/", views.note_revision, name="note_revision"),
    path("notes/<int:pk>/history/<int:number>/revert/", views.note_revert, name="note_revert"),
    path("notes/<int:pk>/lessons/new/", views.lesson_create, name="lesson_create"),
    path("notes/<int:pk>/evidence/", views.evidence_add, name="evidence_add"),
    path(
        "notes/<int:pk>/evidence/<int:attachment_pk>/remove/",
        views.evidence_remove,
        name="evidence_remove",
    ),
    path("lessons/", views.lessons, name="lessons"),
    path("lessons/<int:pk>/", views.lesson_detail, name="lesson"),
    path("content/<int:pk>/adapt/", views.adaptation_start, name="adaptation_start"),
    path("adaptations/<int:pk>/submit/", views.adaptation_submit, name="adaptation_submit"),
    path("adaptations/<int:pk>/decide/", views.adaptation_decide, name="adaptation_decide"),
]
