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
    path("spaces/<slug:slug>/threads/", views.threads, name="threads"),
    path("spaces/<slug:slug>/members/", views.members, name="members"),
    path("spaces/<slug:slug>/members/<id:user_id>/role/", views.member_role, name="member_role"),
    path(
        "spaces/<slug:slug>/members/<id:user_id>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path("spaces/<slug:slug>/requests/", views.requests, name="requests"),
    path("spaces/<slug:slug>/requests/<id:pk>/", views.request_decide, name="request_decide"),
    path("spaces/<slug:slug>/invite/", views.invite, name="invite"),
    path("spaces/<slug:slug>/posts/new/", views.post_create, name="post_create"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("posts/<id:pk>/", views.post_detail, name="post"),
    path("posts/<id:pk>/edit/", views.post_edit, name="post_edit"),
    path("posts/<id:pk>/moderate/", views.thread_moderate, name="thread_moderate"),
    path("posts/<id:pk>/answer/", views.thread_answer, name="thread_answer"),
    path("posts/<id:pk>/summary/", views.thread_summary, name="thread_summary"),
    path("posts/<id:pk>/invite/", views.thread_invite, name="thread_invite"),
    path(
        "posts/<id:pk>/guests/<id:grant_id>/end/",
        views.thread_guest_end,
        name="thread_guest_end",
    ),
    path("forum/", views.forum, name="forum"),
    path("forum/new/", views.forum_create, name="forum_create"),
]
