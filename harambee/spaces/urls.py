from django.urls import path

from harambee.spaces import views

app_name = "spaces"
urlpatterns = [
    path("spaces/", views.space_list, name="list"),
    path("spaces/new/", views.space_create, name="create"),
    path("spaces/<slug:slug>/", views.space_detail, name="detail"),
    path("spaces/<slug:slug>/edit/", views.space_edit, name="edit"),
    path("spaces/<slug:slug>/join/", views.join, name="join"),
    path("spaces/<slug:slug>/withdraw/", views.withdraw, name="withdraw"),
    path("spaces/<slug:slug>/leave/", views.leave, name="leave"),
    path("spaces/<slug:slug>/members/", views.members, name="members"),
    path("spaces/<slug:slug>/members/<int:user_id>/role/", views.member_role, name="member_role"),
    path(
        "spaces/<slug:slug>/members/<int:user_id>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path("spaces/<slug:slug>/requests/", views.requests, name="requests"),
    path("spaces/<slug:slug>/requests/<int:pk>/", views.request_decide, name="request_decide"),
    path("spaces/<slug:slug>/invite/", views.invite, name="invite"),
    path("spaces/<slug:slug>/posts/new/", views.post_create, name="post_create"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("posts/<int:pk>/", views.post_detail, name="post"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
]
