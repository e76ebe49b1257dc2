from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.core.forms import CommentForm
from harambee.core.http import is_htmx, redirect_next
from harambee.core.markdown import MAX_NAME_LENGTH
from harambee.core.selectors import conversation
from harambee.core.visibility import visible
from harambee.spaces.rules import may_write_in
from harambee.spaces.selectors import membership_for, space_get
from harambee.stream import selectors, services
from harambee.stream.forms import StreamPostForm
from harambee.stream.models import Hashtag
from harambee.stream.suggest import mention_suggestions, tag_suggestions


def _compose(request: HttpRequest, space: Any) -> tuple[StreamPostForm | None, HttpResponse | None]:
    """The compose box, and a redirect when a valid post was just written."""
    if not may_write_in(request.user, space):
        if request.method == "POST":
            raise PermissionDenied
        return None, None
    form = StreamPostForm(request.POST if request.method == "POST" else None, space=space)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.stream_post_create(
                author=request.user,
                space=space,
                text=form.cleaned_data["text"],
                visibility=form.cleaned_data["visibility"],
                language=getattr(request, "LANGUAGE_CODE", "en"),
            )
        except ValidationError as error:
            form.add_error("text", error)
        else:
            messages.success(request, _("Your post is in the stream."))
            return form, redirect(request.path + f"#item-{post.pk}")
    return form, None


def stream(request: HttpRequest) -> HttpResponse:
    """Stream posts from across the alliance, with a box to post alliance-wide."""
    form, done = _compose(request, None)
    if done is not None:
        return done
    page = selectors.page_of(
        request.user, selectors.stream_posts(), before=request.GET.get("before")
    )
    status = 422 if form is not None and form.errors else 200
    return render(
        request,
        "stream/stream.html",
        {
            "page": page,
            "form": form,
            "space": None,
            "tags": selectors.tags_in_use(user=request.user),
            "my_spaces": selectors.my_spaces(user=request.user),
        },
        status=status,
    )


def space_stream(request: HttpRequest, slug: str) -> HttpResponse:
    space = space_get(user=request.user, slug=slug)
    form, done = _compose(request, space)
    if done is not None:
        return done
    page = selectors.page_of(
        request.user, selectors.stream_posts(space=space), before=request.GET.get("before")
    )
    for item in page.items:
        item.shown_space = None  # the page is the space's own
    status = 422 if form is not None and form.errors else 200
    return render(
        request,
        "stream/stream.html",
        {
            "page": page,
            "form": form,
            "space": space,
            "membership": membership_for(request.user, space.pk),
            "following": selectors.is_following(user=request.user, target=space),
        },
        status=status,
    )


def post_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_post(request, pk)


def render_post(
    request: HttpRequest, pk: int, *, comment_form: CommentForm | None = None, status: int = 200
) -> HttpResponse:
    post = selectors.stream_post_get(user=request.user, pk=pk)
    return render(
        request,
        "stream/post.html",
        {
            "post": post,
            **conversation(request, post, comment_form),
            "bookmarked": selectors.is_bookmarked(user=request.user, content=post),
            "may_remove": request.user.is_authenticated and post.author_id == request.user.pk,
        },
        status=status,
    )


@require_POST
@login_required
def post_remove(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.stream_post_get(user=request.user, pk=pk)
    services.stream_post_remove(actor=request.user, post=post)
    messages.success(request, _("Your post is removed."))
    return redirect("stream:stream")


def tag(request: HttpRequest, name: str) -> HttpResponse:
    """Every item carrying the tag that the reader may see, of every kind. A tag
    nobody used, or used only on hidden items, shows the same empty page."""
    normalised = services.hashtag_name(name)
    if normalised is None:
        raise Http404
    if normalised != name:
        return redirect("stream:tag", name=normalised)
    hashtag = selectors.hashtag_find(name=normalised)
    page = selectors.page_of(
        request.user, selectors.tagged(hashtag=hashtag), before=request.GET.get("before")
    )
    return render(
        request,
        "stream/tag.html",
        {
            "name": normalised,
            "page": page,
            "following": selectors.is_following(user=request.user, target=hashtag),
        },
    )


@login_required
def person(request: HttpRequest, pk: int) -> HttpResponse:
    """What one person wrote that the reader may see, with a follow button."""
    who = selectors.person_get(user=request.user, pk=pk)
    page = selectors.page_of(
        request.user, selectors.by_person(person=who), before=request.GET.get("before")
    )
    return render(
        request,
        "stream/person.html",
        {
            "person": who,
            "handle": getattr(who, "handle", None),
            "page": page,
            "following": selectors.is_following(user=request.user, target=who),
        },
    )


@login_required
def timeline(request: HttpRequest) -> HttpResponse:
    page = selectors.page_of(
        request.user, selectors.timeline(user=request.user), before=request.GET.get("before")
    )
    return render(
        request,
        "stream/timeline.html",
        {
            "page": page,
            "since": page.first_cursor or selectors.now_cursor(),
            "new_count": 0,
            "cap": selectors.NEW_ITEMS_CAP,
            "following": selectors.following(user=request.user),
        },
    )


@login_required
def timeline_new(request: HttpRequest) -> HttpResponse:
    """The "new items" notice the timeline polls for. Without JavaScript there is
    nothing to poll: the timeline itself is the answer."""
    if not is_htmx(request):
        return redirect("stream:timeline")
    since = request.GET.get("since", "")
    if selectors.Cursor.parse(since) is None:
        since = selectors.now_cursor()
    count = selectors.newer_than(
        visible(request.user, selectors.timeline(user=request.user)), since
    )
    return render(
        request,
        "stream/_new_items.html",
        {"since": since, "new_count": count, "cap": selectors.NEW_ITEMS_CAP},
    )


@login_required
def bookmarks(request: HttpRequest) -> HttpResponse:
    page = selectors.bookmarks_page(user=request.user, before=request.GET.get("before"))
    return render(request, "stream/bookmarks.html", {"page": page})


def _on(request: HttpRequest) -> bool:
    return request.POST.get("on", "1") != "0"


@require_POST
@login_required
def bookmark(request: HttpRequest, pk: int) -> HttpResponse:
    content = selectors.content_get(user=request.user, pk=pk)
    on = services.bookmark_set(user=request.user, content=content, on=_on(request))
    if is_htmx(request):
        return render(request, "stream/_bookmark.html", {"item": content, "bookmarked": on})
    messages.success(request, _("Saved in your bookmarks.") if on else _("Bookmark removed."))
    return redirect_next(request, content.get_absolute_url())


def _follow_response(request: HttpRequest, target: Any, url: str, on: bool) -> HttpResponse:
    if is_htmx(request):
        return render(
            request,
            "stream/_follow.html",
            {"target": target, "follow_url": request.path, "following": on},
        )
    messages.success(request, _("You follow this now.") if on else _("You no longer follow this."))
    return redirect_next(request, url)


@require_POST
@login_required
def follow_tag(request: HttpRequest, name: str) -> HttpResponse:
    normalised = services.hashtag_name(name)
    if normalised is None:
        raise Http404
    on = _on(request)
    hashtag: Hashtag | None
    if on:
        hashtag = services.hashtags_get_or_create(names={normalised})[0]
    else:
        hashtag = selectors.hashtag_find(name=normalised)
    if hashtag is not None:
        services.follow_set(follower=request.user, target=hashtag, on=on)
    url = Hashtag(name=normalised).get_absolute_url()
    return _follow_response(request, hashtag, url, on)


@require_POST
@login_required
def follow_person(request: HttpRequest, pk: int) -> HttpResponse:
    who = selectors.person_get(user=request.user, pk=pk)
    on = services.follow_set(follower=request.user, target=who, on=_on(request))
    return _follow_response(request, who, reverse("stream:person", args=[who.pk]), on)


@require_POST
@login_required
def follow_space(request: HttpRequest, slug: str) -> HttpResponse:
    space = space_get(user=request.user, slug=slug)
    on = services.follow_set(follower=request.user, target=space, on=_on(request))
    return _follow_response(request, space, space.get_absolute_url(), on)


@login_required
def suggest(request: HttpRequest) -> HttpResponse:
    """``?q=@luc`` or ``?q=#wat``: what the editor offers to complete (core/editor.py)."""
    query = request.GET.get("q", "")[: 1 + MAX_NAME_LENGTH]
    results: list[dict[str, str]] = []
    if query[:1] == "@":
        results = mention_suggestions(user=request.user, query=query[1:])
    elif query[:1] == "#":
        results = tag_suggestions(user=request.user, query=query[1:])
    return JsonResponse({"results": results}, headers={"Cache-Control": "private, no-store"})
