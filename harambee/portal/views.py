from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.sitemaps.views import index as sitemap_index_view
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from harambee.portal import feeds, selectors, services
from harambee.portal.sitemaps import SITEMAPS

# Paths no search engine needs: accounts, the admin, search results, a person's own
# pages and the private feeds (their addresses are secrets; this only asks politely).
DISALLOWED = [
    "/accounts/",
    "/admin/",
    "/search/",
    "/notifications/",
    "/timeline/",
    "/bookmarks/",
    "/feeds/private/",
    "/settings/",
]


@require_GET
def robots(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED)]
    lines.append(f"Sitemap: {feeds.absolute(reverse('portal:sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    """The index: one address per section and page of 5,000 (``?p=2``)."""
    return sitemap_index_view(request, sitemaps=SITEMAPS, sitemap_url_name="portal:sitemap_section")


@require_GET
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    return sitemap_view(request, sitemaps=SITEMAPS, section=section)


def _feed_view(scope: str, fmt: str):
    serve = feeds.feed(scope, fmt)

    @require_GET
    def view(request: HttpRequest, **kwargs) -> HttpResponse:
        response = serve(request, **kwargs)
        if scope == "private":
            response["Cache-Control"] = "private, no-store"
            response["X-Robots-Tag"] = "noindex"
        return response

    view.__name__ = f"{scope}_{fmt}"
    return view


FEEDS = {(scope, fmt): _feed_view(scope, fmt) for scope in feeds.SCOPES for fmt in feeds.FORMATS}


@login_required
def feed_settings(request: HttpRequest) -> HttpResponse:
    """The person's private feed: make its address (shown once) or revoke it."""
    token = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            if services.feed_token_revoke(user=request.user):
                messages.success(request, _("Your private feed address no longer works."))
            return redirect("portal:feed_settings")
        token = services.feed_token_create(user=request.user)
    context = {
        "token": token,
        "current": selectors.feed_token(user=request.user),
        "urls": (
            {
                fmt: feeds.absolute(reverse(f"portal:private_{fmt}", args=[token]))
                for fmt in feeds.FORMATS
            }
            if token
            else {}
        ),
    }
    response = render(request, "portal/feed_settings.html", context)
    response["Cache-Control"] = "private, no-store"
    return response
