from django.urls import path

from harambee.events import views

app_name = "events"
urlpatterns = [
    path("events/", views.calendar, name="calendar"),
    path("events/mine/", views.mine, name="mine"),
    path("events/new/", views.event_create, name="create"),
    path("events/feed.ics", views.public_feed, name="public_feed"),
    path("events/feed/<str:token>.ics", views.private_feed, name="private_feed"),
    path("events/feed/renew/", views.token_renew, name="token_renew"),
    path("events/feed/revoke/", views.token_revoke, name="token_revoke"),
    path("events/<id:pk>/", views.event_detail, name="event"),
    path("events/<id:pk>/edit/", views.event_edit, name="edit"),
    path("events/<id:pk>/cancel/", views.event_cancel, name="cancel"),
    path("events/<id:pk>/event.ics", views.event_ics, name="ics"),
    path("events/<id:pk>/register/", views.register, name="register"),
    path(
        "events/<id:pk>/registrations/<id:reg_pk>/cancel/",
        views.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "events/<id:pk>/registrations/<id:reg_pk>/reminders/",
        views.registration_reminders,
        name="registration_reminders",
    ),
    path(
        "events/<id:pk>/registrations/<id:reg_pk>/approve/",
        views.registration_approve,
        name="registration_approve",
    ),
    path("events/<id:pk>/attendance/", views.attendance, name="attendance"),
    path("events/<id:pk>/check-in/", views.check_in, name="check_in"),
    path("events/<id:pk>/outputs/add/", views.output_add, name="output_add"),
    path(
        "events/<id:pk>/outputs/<id:output_pk>/remove/",
        views.output_remove,
        name="output_remove",
    ),
    path("events/<id:pk>/sessions/new/", views.session_add, name="session_add"),
    path(
        "events/<id:pk>/sessions/<id:session_pk>/remove/",
        views.session_remove,
        name="session_remove",
    ),
    path("events/<id:pk>/join/", views.join, name="join"),
    path("events/<id:pk>/end-meeting/", views.end_meeting, name="end_meeting"),
    path("events/<id:pk>/guests/", views.guest_invite, name="guest_invite"),
    path("events/<id:pk>/guests/<id:guest_pk>/end/", views.guest_end, name="guest_end"),
    path("events/guest/<str:token>/", views.guest, name="guest"),
    path("spaces/<slug:slug>/events/", views.calendar, name="space_calendar"),
    path("spaces/<slug:slug>/events/new/", views.event_create, name="space_create"),
    path("spaces/<slug:slug>/events/feed.ics", views.space_feed, name="space_feed"),
]
