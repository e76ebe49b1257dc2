from django.urls import path  # noqa: F401

from harambee.wiki import views  # noqa: F401

app_name = "wiki"
urlpatterns: list = []
