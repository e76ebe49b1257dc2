from django.urls import path

from harambee.radio import views

app_name = "radio"

urlpatterns = [
    path("radio/", views.stations, name="stations"),
    path("radio/<slug:slug>/", views.station, name="station"),
    path("radio/<slug:slug>/podcast.xml", views.podcast, name="podcast"),
    path("radio/<slug:slug>/edit/", views.station_edit, name="station_edit"),
    path("radio/<slug:slug>/bulletins/new/", views.bulletin_new, name="bulletin_new"),
    path("radio/bulletins/<id:pk>/", views.bulletin, name="bulletin"),
    path("radio/bulletins/<id:pk>/script.txt", views.script_text, name="script_text"),
    path("radio/bulletins/<id:pk>/script.html", views.script_html, name="script_html"),
    path("radio/bulletins/<id:pk>/script.pdf", views.script_pdf, name="script_pdf"),
    path("radio/bulletins/<id:pk>/build/", views.builder, name="builder"),
    path("radio/bulletins/<id:pk>/segments/", views.segment_add, name="segment_add"),
    path(
        "radio/bulletins/<id:pk>/segments/<id:segment>/",
        views.segment_edit,
        name="segment_edit",
    ),
    path("radio/bulletins/<id:pk>/audio/", views.audio_make, name="audio_make"),
    path("radio/bulletins/<id:pk>/recording/", views.recording, name="recording"),
    path("radio/bulletins/<id:pk>/callins/", views.callins, name="callins"),
    path("radio/audio/<id:pk>/<str:kind>/", views.audio_file, name="audio_file"),
    path("spaces/<slug:slug>/radio/", views.space_radio, name="space"),
    path("spaces/<slug:slug>/radio/new/", views.station_new, name="station_new"),
]
