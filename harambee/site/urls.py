from django.urls import path

from harambee.site import views

app_name = "site"
urlpatterns = [
    path("audit/", views.audit_log, name="audit"),
]
