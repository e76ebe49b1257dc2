from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from harambee.site import views as site_views

admin.site.site_header = "Harambee"
admin.site.site_title = "Harambee"
# One way in: the admin's own login form would skip rate limits and MFA.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]


class _Favicon(RedirectView):
    """``/favicon.ico`` for what asks for it by convention (feed readers, bookmarks);
    pages carry their icon inline."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("harambee/favicon.ico")


urlpatterns = [
    # SMS gateways' callbacks first: they come in bursts, and resolve by one prefix.
    path("sms/hooks/", include("harambee.reach.hook_urls")),
    path("favicon.ico", _Favicon.as_view()),
    path("", site_views.home, name="home"),
    path("", include("harambee.core.urls")),
    path("", include("harambee.site.urls")),
    path("", include("harambee.site.people_urls")),
    path("", include("harambee.spaces.urls")),
    path("", include("harambee.initiatives.urls")),
    path("", include("harambee.stories.urls")),
    path("", include("harambee.wiki.urls")),
    path("", include("harambee.library.urls")),
    path("", include("harambee.events.urls")),
    path("", include("harambee.research.urls")),
    path("", include("harambee.training.urls")),
    path("", include("harambee.reach.urls")),
    path("", include("harambee.press.urls")),
    path("", include("harambee.radio.urls")),
    path("", include("harambee.maps.urls")),
    path("", include("harambee.search.urls")),
    path("", include("harambee.stream.urls")),
    path("", include("harambee.moderation.urls")),
    path("", include("harambee.synthesis.urls")),
    path("", include("harambee.insights.urls")),
    path("", include("harambee.notifications.urls")),
    path("", include("harambee.portal.urls")),
    path("", include("harambee.privacy.urls")),
    path("", include("harambee.api.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler500 = "harambee.core.views.server_error"
