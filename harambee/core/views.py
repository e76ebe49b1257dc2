from __future__ import annotations

import sys

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.core.comments import comment_context
from harambee.core.forms import CommentForm
from harambee.core.http import alliance_perm_required, is_htmx, paginate
from harambee.core.models import Attachment, AuditEntry, Comment, Content, Reaction
from harambee.core.selectors import reaction_summary
from harambee.core.services import comment_create, may_comment, reaction_toggle
from harambee.core.visibility import can_view, visible, visible_spaces
from harambee.people.roles import Perm
from harambee.spaces.models import Space
from harambee.spaces.selectors import recent_activity


def _renderer(module: str, name: str):
    """A page renderer imported when first used (the apps import core, not back)."""

    def render_item(request, pk: int, **kwargs):
        from importlib import import_module

        return getattr(import_module(module), name)(request, pk, **kwargs)

    return render_item


# kind -> function rendering the item's page, used to show a form error in place.
DETAIL_RENDERERS = {
    "post": _renderer("harambee.spaces.views", "render_post"),
    "cycle": _renderer("harambee.initiatives.views", "render_cycle"),
    "note": _renderer("harambee.initiatives.views", "render_note"),
    "lesson": _renderer("harambee.initiatives.views", "render_lesson"),
    "story": _renderer("harambee.stories.views", "render_story"),
    "story_call": _renderer("harambee.stories.views", "render_call"),
    "stream_post": _renderer("harambee.stream.views", "render_post"),
    "wiki_page": _renderer("harambee.wiki.views", "render_page"),
    "resource": _renderer("harambee.library.views", "render_resource"),
    "collection": _renderer("harambee.library.views", "render_collection"),
}


def home(request):
    activity = recent_activity(user=request.user)
    context = {"activity": activity}
    if request.user.is_authenticated:
        context["my_spaces"] = (
            visible_spaces(request.user, Space.objects.filter(memberships__user=request.user))
            .distinct()
            .order_by("name")
        )
        return render(request, "core/home.html", context)
    context["public_spaces"] = Space.objects.filter(listing=Space.Listing.PUBLIC).order_by("name")[
        :8
    ]
    return render(request, "core/landing.html", context)


def _content_or_404(user, pk: int) -> Content:
    content = Content.objects.select_related("space").filter(pk=pk).first()
    if content is None or not can_view(user, content):
        raise Http404
    return content


def _comment_form_error(request, content: Content, form: CommentForm, parent: Comment | None):
    if is_htmx(request):
        response = render(
            request,
            "core/_comment_form.html",
            {"content": content, "comment_form": form, "parent": parent},
            status=422,
        )
        response["HX-Retarget"] = f"#reply-form-{parent.pk}" if parent else "#comment-form"
        response["HX-Reswap"] = "outerHTML"
        return response
    # Without JavaScript, show the item again with the error and what was typed.
    return DETAIL_RENDERERS[content.kind](request, content.pk, comment_form=form, status=422)


@require_POST
@login_required
def comment(request, pk: int):
    content = _content_or_404(request.user, pk)
    if not may_comment(request.user, content):
        raise PermissionDenied
    parent = None
    if request.POST.get("parent"):
        try:
            parent_id = int(request.POST["parent"])
        except ValueError:
            raise Http404 from None
        parent = get_object_or_404(Comment, pk=parent_id, content=content, removed=False)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _comment_form_error(request, content, form, parent)
    try:
        new = comment_create(
            author=request.user, content=content, body=form.cleaned_data["body"], parent=parent
        )
    except ValidationError as error:
        # A new account's hourly limit: show the message with what was typed.
        form.add_error("body", error)
        return _comment_form_error(request, content, form, parent)
    if is_htmx(request):
        # The new comment with the same tools as on the item's page.
        context = {"content": content, "may_comment": True, **comment_context(request, content)}
        context.update(comment=new, fresh_form=CommentForm())
        return render(request, "core/_comment_created.html", context)
    return redirect(new.get_absolute_url())


@require_POST
@login_required
def react(request, pk: int):
    content = _content_or_404(request.user, pk)
    kind = request.POST.get("type", "")
    if kind not in Reaction.Type.values:
        return HttpResponse(_("Unknown reaction."), status=400)
    reaction_toggle(user=request.user, content=content, type=kind)
    if is_htmx(request):
        return render(
            request,
            "core/_reactions.html",
            {"content": content, "reactions": reaction_summary(user=request.user, content=content)},
        )
    return redirect(content.get_absolute_url())


@alliance_perm_required(Perm.SEE_AUDIT_LOG)
def audit_log(request):
    entries = AuditEntry.objects.select_related("actor", "subject", "space", "content")
    page = paginate(request, entries, per_page=50)
    # Visibility changes name an item: show its title only to those who may read it.
    readable = set(
        visible(
            request.user,
            Content.objects.filter(pk__in=[e.content_id for e in page.object_list if e.content_id]),
        ).values_list("pk", flat=True)
    )
    for entry in page.object_list:
        entry.readable_content = entry.content if entry.content_id in readable else None
    return render(request, "core/audit.html", {"page": page})


def _attachment_or_404(user, pk: int) -> Attachment:
    """The gate of a file is the gate of its item: same 404 for missing and hidden."""
    attachment = Attachment.objects.select_related("content").filter(pk=pk).first()
    if attachment is None or attachment.type == Attachment.Type.LINK:
        raise Http404
    if not can_view(user, attachment.content):
        raise Http404
    return attachment


def _file_response(field, *, filename: str, content_type: str) -> FileResponse:
    try:
        handle = field.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    # Never cached by shared caches: the next reader may not be allowed to see it.
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def attachment(request, pk: int, name: str):
    item = _attachment_or_404(request.user, pk)
    return _file_response(item.file, filename=item.download_name, content_type=item.mime)


def attachment_thumbnail(request, pk: int):
    item = _attachment_or_404(request.user, pk)
    if not item.thumbnail:
        raise Http404
    return _file_response(item.thumbnail, filename="thumbnail.jpg", content_type="image/jpeg")


def language(request, code: str):
    """Switch the interface language. A link, not a form: a language preference needs
    no CSRF token, which keeps anonymous pages free of tokens and cacheable."""
    from django.conf import settings
    from django.utils.http import url_has_allowed_host_and_scheme

    if code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = redirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def healthz(request):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def server_error(request, *args, **kwargs):
    """500 handler. A database that is down or unreachable gets a friendly 503."""
    exc = sys.exc_info()[1]
    if isinstance(exc, DatabaseError):
        template = loader.get_template("503.html")
        response = HttpResponse(template.render({}, None), status=503)
        response["Retry-After"] = "60"
        return response
    template = loader.get_template("500.html")
    return HttpResponse(template.render({}, None), status=500)
