from django.urls import path

from harambee.portal import views

app_name = "portal"

_ARGS = {
    "all": "feeds/",
    "kind": "feeds/kinds/<str:kind>/",
    "space": "feeds/spaces/<slug:slug>/",
    "initiative": "feeds/initiatives/<slug:slug>/",
    "theme": "feeds/themes/<slug:slug>/",
    "tag": "feeds/tags/<str:name>/",
    "private": "feeds/private/<str:token>/",
}

urlpatterns = [
    path("robots.txt", views.robots, name="robots"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_section"),
    path("settings/feed/", views.feed_settings, name="feed_settings"),
    path("portal/", views.front, name="front"),
    path("portal/curate/", views.curate, name="curate"),
    path("news/", views.news_index, name="news_list"),
    path("news/new/", views.news_create, name="news_create"),
    path("news/<id:pk>/", views.news_detail, name="news"),
    path("news/<id:pk>/edit/", views.news_edit, name="news_edit"),
    path("newsletter/", views.newsletter_signup, name="newsletter"),
    path("newsletter/confirm/<str:token>/", views.newsletter_confirm, name="newsletter_confirm"),
    path(
        "newsletter/unsubscribe/<str:token>/",
        views.newsletter_unsubscribe,
        name="newsletter_unsubscribe",
    ),
    *(
        path(f"{prefix}{fmt}.xml", views.FEEDS[(scope, fmt)], name=f"{scope}_{fmt}")
        for scope, prefix in _ARGS.items()
        for fmt in ("rss", "atom")
    ),
]
