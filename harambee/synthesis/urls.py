from django.urls import path

from harambee.synthesis import views

app_name = "synthesis"
urlpatterns = [
    path("themes/", views.theme_index, name="themes"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme"),
    path("themes/<slug:slug>/items/", views.theme_items, name="theme_items"),
    path("themes/<slug:slug>/what-we-know/", views.theme_edit, name="theme_edit"),
    path("synthesis/report/", views.report, name="report"),
    path("synthesis/report/print/", views.report_print, name="report_print"),
    path("synthesis/report.md", views.report_markdown, name="report_markdown"),
    path("synthesis/report.pdf", views.report_pdf, name="report_pdf"),
    path("synthesis/compare/", views.compare, name="compare"),
]
