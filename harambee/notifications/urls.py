from django.urls import path

from harambee.notifications import views

app_name = "notifications"
urlpatterns = [
    path("notifications/", views.centre, name="centre"),
    path("notifications/<id:pk>/", views.go, name="go"),
    path("notifications/<id:pk>/read/", views.mark_read, name="read"),
    path("notifications/read/", views.mark_all_read, name="read_all"),
    path("notifications/watch/<id:pk>/", views.watch, name="watch"),
    path("notifications/settings/", views.preferences, name="preferences"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
