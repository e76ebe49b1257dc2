from django.urls import path

from harambee.moderation import views

app_name = "moderation"
urlpatterns = [
    path("moderation/", views.queue, name="queue"),
    path("moderation/hidden/", views.hidden, name="hidden"),
    path("moderation/flag/<int:pk>/", views.flag, name="flag"),
    path("moderation/items/<int:pk>/", views.item, name="item"),
    path("moderation/yours/<int:pk>/", views.yours, name="yours"),
    path("moderation/items/<int:pk>/act/", views.act, name="act"),
    path("moderation/items/<int:pk>/move/", views.move, name="move"),
    path("moderation/suspensions/", views.suspensions, name="suspensions"),
    path("moderation/suspensions/<int:pk>/lift/", views.lift, name="lift"),
    path("moderation/people/<int:pk>/suspend/", views.suspend, name="suspend"),
]
