from __future__ import annotations

import sys

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.core.forms import CommentForm
from harambee.core.http import file_response, is_htmx, redirect_next
from harambee.core.models import Comment, Content, Reaction
from harambee.core.selectors import (
    attachment_get,
    comment_get,
    content_get,
    inline_image_get,
    reaction_summary,
    reply_parent,
)
from harambee.core.services import comment_create, may_comment, reaction_toggle
from harambee.inputs import to_id


def _comment_form_error(request, content: Content, form: CommentForm, parent: Comment | None):
    if is_htmx(request):
        response = render(
            request,
            "core/_comment_form.html",
            {"content": content, "comment_form": form, "parent": parent},
            status=422,
        )
        response["HX-Retarget"] = "#comment-form"
        response["HX-Reswap"] = "outerHTML"
        return response
    # Without JavaScript, show the item again with the error and what was typed.
    render_item = content.kind_spec.render
    if render_item is None:
        raise Http404
    return render_item(request, content.pk, comment_form=form, status=422)


@login_required
def comment_form(request, pk: int):
    """The item's one comment form, as a reply to ``?parent=`` (a top-level comment of
    the item) or as a new comment: what a comment's "Reply" link fetches with htmx.
    Without JavaScript the link opens the item's page with ``?reply_to=`` instead."""
    content = content_get(user=request.user, pk=pk)
    if not may_comment(request.user, content):
        raise PermissionDenied
    parent = reply_parent(content, request.GET.get("parent", ""))
    return render(
        request,
        "core/_comment_form.html",
        {"content": content, "comment_form": CommentForm(), "parent": parent, "focus": True},
    )


@require_POST
@login_required
def comment(request, pk: int):
    content = content_get(user=request.user, pk=pk)
    if not may_comment(request.user, content):
        raise PermissionDenied
    parent = None
    form = CommentForm(request.POST)
    if request.POST.get("parent"):
        parent_id = to_id(request.POST["parent"])
        try:
            if parent_id is None:
                raise Http404
            parent = comment_get(content=content, pk=parent_id)
        except Http404:
            # Gone since the page was opened (or tampered with): keep the text.
            form.add_error(
                None,
                _(
                    "The comment you answered is no longer there. Your text is kept "
                    "below: post it as a new comment."
                ),
            )
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
        extra = content.kind_spec.comment_context
        context = {
            "content": content,
            "may_comment": True,
            **(extra(request, content) if extra is not None else {}),
        }
        context.update(comment=new, fresh_form=CommentForm())
        return render(request, "core/_comment_created.html", context)
    return redirect(new.get_absolute_url())


@require_POST
@login_required
def react(request, pk: int):
    content = content_get(user=request.user, pk=pk)
    kind = request.POST.get("type", "")
    if kind in Reaction.Type.values:
        reaction_toggle(user=request.user, content=content, type=kind)
    elif not is_htmx(request):
        messages.error(request, _("That reaction is not one we know; nothing was changed."))
    if is_htmx(request):
        return render(
            request,
            "core/_reactions.html",
            {"content": content, "reactions": reaction_summary(user=request.user, content=content)},
        )
    return redirect(content.get_absolute_url())


def attachment(request, pk: int, name: str):
    item = attachment_get(user=request.user, pk=pk)
    return file_response(item.file, filename=item.download_name, content_type=item.mime)


def attachment_thumbnail(request, pk: int):
    item = attachment_get(user=request.user, pk=pk)
    if not item.thumbnail:
        raise Http404
    return file_response(item.thumbnail, filename="thumbnail.jpg", content_type="image/jpeg")


def language(request, code: str):
    """Switch the interface language. A link, not a form: a language preference needs
    no CSRF token, which keeps anonymous pages free of tokens and cacheable."""
    from django.conf import settings

    if code not in dict(settings.LANGUAGES):
        raise Http404
    response = redirect_next(request, "/")
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


_MIGRATED: list[bool] = []


def _migrated() -> bool:
    """No migration waits to be applied (checked until true, then once per process)."""
    if not _MIGRATED:
        from django.db import connection
        from django.db.migrations.executor import MigrationExecutor

        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            return False
        _MIGRATED.append(True)
    return True


def readyz(request):
    """Readiness for a load balancer or an orchestrator: 200 when this process can serve
    (the database answers and is migrated, the cache answers), else 503 with what
    failed. A restore in progress (read-only) still serves reads, so it is ready."""
    import json

    from django.core.cache import cache
    from django.db import connection

    from harambee.core.backup import is_read_only

    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok" if _migrated() else "migrations not applied"
    except DatabaseError as error:
        checks["database"] = f"unavailable: {type(error).__name__}"
    try:
        cache.set("harambee:readyz", "1", 10)
        checks["cache"] = "ok" if cache.get("harambee:readyz") == "1" else "not keeping values"
    except Exception as error:  # noqa: BLE001 - any cache backend's failure
        checks["cache"] = f"unavailable: {type(error).__name__}"
    ready = all(value == "ok" for value in checks.values())
    body = {"ready": ready, "read_only": is_read_only(), "checks": checks}
    response = HttpResponse(
        json.dumps(body), status=200 if ready else 503, content_type="application/json"
    )
    response["Cache-Control"] = "no-store"
    return response


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


def inline_image(request, pk: int, name: str):
    """A picture in a text, shown in the page (not a download), through the gate."""
    image = inline_image_get(user=request.user, pk=pk, name=name)
    return file_response(image.file, filename=name, content_type=image.mime, inline=True)


@login_required
def item_language(request, pk: int):
    """An item's language and the original it translates, for its authors."""
    from harambee.core import translations
    from harambee.core.forms import LanguageForm

    item = content_get(user=request.user, pk=pk)
    if not translations.may_set_language(request.user, item):
        raise PermissionDenied
    initial = {"language": item.language}
    if item.translation_of_id:
        initial["original"] = str(item.translation_of_id)
    form = LanguageForm(request.POST or None, reader=request.user, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                translations.language_set(
                    actor=request.user,
                    item=item,
                    language=form.cleaned_data["language"],
                    original=form.cleaned_data["original"],
                )
            except translations.TranslationRefused as refusal:
                form.add_error("original", str(refusal))
            else:
                messages.success(request, _("Saved the item's language."))
                return redirect(item.get_absolute_url())
        status = 422
    context = {"item": item, "form": form, "versions": translations.family(request.user, item)}
    return render(request, "core/item_language.html", context, status=status)
