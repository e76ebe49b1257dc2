from django.urls import path  # noqa: F401

from harambee.library import views  # noqa: F401

app_name = "library"
urlpatterns: list = []
