from django.urls import path

from harambee.reach import views

app_name = "reach"

urlpatterns = [
    path("sms/", views.index, name="index"),
    path("sms/reports/<id:pk>/", views.report_detail, name="report"),
    path("sms/reports/<id:pk>/review/", views.report_review, name="report_review"),
    path("spaces/<slug:slug>/sms/", views.space_home, name="space"),
    path("spaces/<slug:slug>/sms/settings/", views.space_settings, name="settings"),
    path("spaces/<slug:slug>/sms/contacts/", views.contacts, name="contacts"),
    path("spaces/<slug:slug>/sms/contacts/new/", views.contact_edit, name="contact_new"),
    path("spaces/<slug:slug>/sms/contacts/<id:pk>/", views.contact_edit, name="contact"),
    path("spaces/<slug:slug>/sms/reports/", views.reports, name="reports"),
    path("spaces/<slug:slug>/sms/summary/", views.summary, name="summary"),
    path("spaces/<slug:slug>/sms/summary.csv", views.summary_csv, name="summary_csv"),
    path("spaces/<slug:slug>/sms/brief/", views.brief, name="brief"),
    path("spaces/<slug:slug>/sms/brief/print/", views.brief_print, name="brief_print"),
    path("spaces/<slug:slug>/sms/brief.md", views.brief_markdown, name="brief_markdown"),
    path("spaces/<slug:slug>/sms/brief.pdf", views.brief_pdf, name="brief_pdf"),
    path("spaces/<slug:slug>/sms/inbox/", views.inbox, name="inbox"),
    path(
        "spaces/<slug:slug>/sms/inbox/<id:pk>/handled/", views.inbox_handled, name="inbox_handled"
    ),
    path("spaces/<slug:slug>/sms/broadcasts/", views.broadcasts, name="broadcasts"),
    path("spaces/<slug:slug>/sms/broadcasts/new/", views.broadcast_new, name="broadcast_new"),
    path("spaces/<slug:slug>/sms/broadcasts/<id:pk>/", views.broadcast_detail, name="broadcast"),
    path("spaces/<slug:slug>/sms/polls/", views.polls, name="polls"),
    path("spaces/<slug:slug>/sms/polls/new/", views.poll_new, name="poll_new"),
    path("spaces/<slug:slug>/sms/polls/<id:pk>/", views.poll_detail, name="poll"),
]
