from django.contrib import admin
from django.urls import include, path

from harambee.core import views as core_views

admin.site.site_header = "Harambee"
admin.site.site_title = "Harambee"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("", include("harambee.core.urls")),
    path("", include("harambee.people.urls")),
    path("", include("harambee.spaces.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler500 = "harambee.core.views.server_error"
