from django.urls import path

from harambee.maps import views

app_name = "maps"

urlpatterns = [
    path("map/", views.world, name="world"),
    path("map/places.geojson", views.geojson, name="geojson"),
    path("map/<slug:region>/", views.world, name="region"),
]
