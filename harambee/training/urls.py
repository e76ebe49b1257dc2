from django.urls import path

from harambee.training import views

app_name = "training"
urlpatterns = [
    path("training/", views.programmes, name="programmes"),
    path("training/mine/", views.mine, name="mine"),
    path("spaces/<slug:slug>/programmes/new/", views.programme_create, name="programme_create"),
    path("training/<id:pk>/", views.programme, name="programme"),
    path("training/<id:pk>/edit/", views.programme_edit, name="programme_edit"),
    path("training/<id:pk>/modules/new/", views.module_create, name="module_create"),
    path("training/<id:pk>/cohorts/new/", views.cohort_create, name="cohort_create"),
    path("training/<id:pk>/evidence/", views.evidence, name="evidence"),
    path("training/<id:pk>/learners/", views.learners, name="learners"),
    path("training/<id:pk>/learners/<id:user_pk>/recognise/", views.recognise, name="recognise"),
    path(
        "training/<id:pk>/learners/<id:user_pk>/certificate/",
        views.certificate_issue,
        name="certificate_issue",
    ),
    path(
        "training/<id:pk>/learners/<id:user_pk>/cohort/",
        views.learner_place,
        name="learner_place",
    ),
    path("training/cohorts/<id:pk>/", views.cohort, name="cohort"),
    path("training/cohorts/<id:pk>/edit/", views.cohort_edit, name="cohort_edit"),
    path("training/modules/<id:pk>/", views.module, name="module"),
    path("training/modules/<id:pk>/edit/", views.module_edit, name="module_edit"),
    path("training/modules/<id:pk>/remove/", views.module_remove, name="module_remove"),
    path("training/modules/<id:pk>/steps/new/", views.item_add, name="item_add"),
    path("training/steps/<id:pk>/edit/", views.item_edit, name="item_edit"),
    path("training/steps/<id:pk>/done/", views.item_mark, name="item_mark"),
    path("training/steps/<id:pk>/remove/", views.item_remove, name="item_remove"),
    path("training/steps/<id:pk>/reflect/", views.reflect, name="reflect"),
    path("training/people/<id:pk>/", views.pathway, name="pathway"),
    path("certificates/<str:token>/", views.verify, name="verify"),
    path("certificates/<str:token>/certificate.pdf", views.certificate_download, name="pdf"),
    path("certificates/<str:token>/revoke/", views.certificate_revoke, name="revoke"),
]
