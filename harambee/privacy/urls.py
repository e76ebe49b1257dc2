from django.urls import path

from harambee.privacy import views

app_name = "privacy"
urlpatterns = [
    path("settings/data/", views.home, name="home"),
    path("settings/data/export/", views.export_request, name="export"),
    path("settings/data/export/<id:pk>/", views.export_download, name="download"),
    path("settings/delete-account/", views.erase, name="erase"),
]
