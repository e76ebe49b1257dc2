from django.urls import path

from harambee.notifications import views

app_name = "notifications"
urlpatterns = [
    path("notifications/", views.centre, name="centre"),
    path("notifications/<int:pk>/", views.go, name="go"),
    path("notifications/<int:pk>/read/", views.mark_read, name="read"),
    path("notifications/read/", views.mark_all_read, name="read_all"),
    path("notifications/watch/<int:pk>/", views.watch, name="watch"),
    path("notifications/settings/", views.preferences, name="preferences"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
