from django.urls import path

from harambee.site import people_views as views

app_name = "people"
urlpatterns = [
    path("people/", views.people, name="people"),
    path("people/<id:pk>/", views.person, name="person"),
    path("profile/", views.profile_edit, name="profile_edit"),
    path("welcome/", views.welcome, name="welcome"),
    path("people/sign-ups/", views.signups, name="signups"),
    path("people/sign-ups/<id:pk>/", views.signup_decide, name="signup_decide"),
    path("organisations/", views.organisations, name="organisations"),
    path("organisations/<slug:slug>/", views.organisation, name="organisation"),
]
