from django.urls import path

from harambee.moderation import views

app_name = "moderation"
urlpatterns = [
    path("moderation/", views.queue, name="queue"),
    path("moderation/hidden/", views.hidden, name="hidden"),
    path("moderation/flag/<id:pk>/", views.flag, name="flag"),
    path("moderation/items/<id:pk>/", views.item, name="item"),
    path("moderation/yours/<id:pk>/", views.yours, name="yours"),
    path("moderation/items/<id:pk>/act/", views.act, name="act"),
    path("moderation/items/<id:pk>/move/", views.move, name="move"),
    path("moderation/suspensions/", views.suspensions, name="suspensions"),
    path("moderation/suspensions/<id:pk>/lift/", views.lift, name="lift"),
    path("moderation/people/<id:pk>/suspend/", views.suspend, name="suspend"),
]
