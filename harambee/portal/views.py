from __future__ import annotations

from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.sitemaps.views import index as sitemap_index_view
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from harambee.core.http import paginate, safe_next
from harambee.core.registry import content_kinds
from harambee.inputs import to_id
from harambee.portal import feeds, newsletter, rules, selectors, services
from harambee.portal.forms import FeatureForm, FrontPageForm, NewsForm, SignupForm
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


# The front page ------------------------------------------------------------------------


@require_GET
def front(request: HttpRequest) -> HttpResponse:
    """The public front page: the same for everyone (read as an anonymous visitor),
    so anonymous visitors are served it from the page cache. The site's home answers
    with it for anonymous visitors."""
    context = {
        "front": selectors.front_page(),
        "featured": selectors.featured(),
        "news": selectors.latest_news(),
        "events": selectors.upcoming_public_events(),
        "initiatives": selectors.public_initiatives(),
        "latest": selectors.latest_public(),
        "may_curate": rules.may_curate(request.user),
        "news_feed": reverse("portal:kind_rss", args=["news"]),
    }
    return render(request, "portal/front.html", context)


def _item_from_address(address: str) -> int | None:
    """The id of the item whose page ``address`` is, or None."""
    try:
        match = resolve(urlsplit(address.strip()).path or "/")
    except (Resolver404, ValueError):
        return None
    if match.view_name not in {kind.url_name for kind in content_kinds()}:
        return None
    return to_id(match.kwargs.get("pk"))


def _feature(request: HttpRequest, pk: int | None, form: FeatureForm | None = None) -> bool:
    """Feature item ``pk``; a refusal is a message (or the form's error)."""
    if pk is None:
        if form is not None:
            form.add_error("address", _("That address is not the page of an item."))
        return False
    content = selectors.content_for_curator(user=request.user, pk=pk)
    try:
        services.feature_add(actor=request.user, content=content)
    except ValidationError as error:
        if form is not None:
            form.add_error("address", error)
        else:
            messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, _("It is on the front page."))
    return True


def _feature_or_unfeature(request: HttpRequest, action: str, pk: int | None) -> None:
    try:
        if pk is None:
            raise Http404
        if action == "feature":
            _feature(request, pk)
            return
        content = selectors.content_for_curator(user=request.user, pk=pk)
    except Http404:
        messages.error(request, _("That item cannot be found."))
        return
    if services.feature_remove(actor=request.user, content=content):
        messages.success(request, _("It is off the front page."))


@login_required
def curate(request: HttpRequest) -> HttpResponse:
    """A steward's page for the front page: its text and its featured items."""
    if not rules.may_curate(request.user):
        raise PermissionDenied
    front_page = selectors.front_page()
    intro_form = FrontPageForm(initial={"intro": front_page.intro})
    feature_form = FeatureForm()
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "intro":
            intro_form = FrontPageForm(request.POST)
            if intro_form.is_valid():
                services.front_page_update(actor=request.user, **intro_form.cleaned_data)
                messages.success(request, _("The front page's text is saved."))
                return redirect("portal:curate")
        elif action == "address":
            feature_form = FeatureForm(request.POST)
            if feature_form.is_valid():
                pk = _item_from_address(feature_form.cleaned_data["address"])
                try:
                    if _feature(request, pk, feature_form):
                        return redirect("portal:curate")
                except Http404:
                    feature_form.add_error("address", _("That address is not the page of an item."))
        elif action in ("feature", "unfeature"):
            # From this page, or from an item's own page (which asks to go back to it).
            _feature_or_unfeature(request, action, to_id(request.POST.get("item")))
            return redirect(safe_next(request, reverse("portal:curate")))
        else:
            messages.error(request, _("That page sent a request this one cannot answer."))
            return redirect("portal:curate")
        status = 422 if intro_form.errors or feature_form.errors else 200
    context = {
        "intro_form": intro_form,
        "feature_form": feature_form,
        "featured": selectors.featured(limit=50),
        "not_shown": selectors.features_not_shown(),
        "candidates": selectors.feature_candidates(),
    }
    return render(request, "portal/curate.html", context, status=status)


# News ------------------------------------------------------------------------------------


@require_GET
def news_index(request: HttpRequest) -> HttpResponse:
    context = {
        "page": paginate(request, selectors.news_list()),
        "drafts": selectors.news_drafts(user=request.user),
        "may_curate": rules.may_curate(request.user),
        "news_feed": reverse("portal:kind_rss", args=["news"]),
    }
    return render(request, "portal/news_list.html", context)


def render_news(request: HttpRequest, pk: int, *, comment_form=None, status: int = 200):
    news = selectors.news_get(user=request.user, pk=pk)
    context = {"news": news, "may_curate": rules.may_curate(request.user)}
    return render(request, "portal/news.html", context, status=status)


@require_GET
def news_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_news(request, pk)


def _news_form(request: HttpRequest, news=None) -> HttpResponse:
    if not rules.may_curate(request.user):
        raise PermissionDenied
    form = NewsForm.for_news(request.POST if request.method == "POST" else None, news=news)
    if request.method == "POST" and form.is_valid():
        try:
            if news is None:
                news = services.news_create(author=request.user, **form.cleaned_data)
            else:
                news = services.news_update(actor=request.user, news=news, **form.cleaned_data)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            if news.is_published:
                messages.success(request, _("The news item is published."))
            else:
                messages.success(request, _("The draft is saved. Only you can read it."))
            return redirect(news)
    status = 422 if form.is_bound and form.errors else 200
    return render(request, "portal/news_form.html", {"form": form, "news": news}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def news_create(request: HttpRequest) -> HttpResponse:
    return _news_form(request)


@login_required
@require_http_methods(["GET", "POST"])
def news_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _news_form(request, selectors.news_get(user=request.user, pk=pk))


# The newsletter --------------------------------------------------------------------------


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def newsletter_signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                newsletter.subscriber_signup(
                    email=form.cleaned_data["email"], source=request.META.get("REMOTE_ADDR", "")
                )
            except newsletter.TooManySignups:
                form.add_error(
                    None,
                    _(
                        "Too many sign-ups came from your network in the last hour. "
                        "Please try again later."
                    ),
                )
                status = 429
            else:
                return _private(render(request, "portal/newsletter_sent.html"))
        else:
            status = 422
    return _private(render(request, "portal/newsletter.html", {"form": form}, status=status))


@require_http_methods(["GET", "POST"])
def newsletter_confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = newsletter.subscriber_for_confirmation(token=token)
    if subscriber is None:
        return _private(render(request, "portal/newsletter_invalid.html", status=400))
    done = subscriber.confirmed is not None
    if request.method == "POST":
        newsletter.subscriber_confirm(subscriber=subscriber)
        done = True
    return _private(render(request, "portal/newsletter_confirm.html", {"done": done}))


# A mail client unsubscribes with one POST and no CSRF token (RFC 8058): the signed
# link is all it holds, and it can do nothing but remove its own address.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def newsletter_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = newsletter.subscriber_for_unsubscribe(token=token)
    done = subscriber is None
    if request.method == "POST":
        if subscriber is not None:
            newsletter.subscriber_unsubscribe(subscriber=subscriber)
        done = True
    return _private(render(request, "portal/newsletter_unsubscribe.html", {"done": done}))
