"""The one Markdown editor of the product (docs/architecture.md, "Writing").

Every form field whose text is rendered with ``core.markdown`` uses
``MarkdownEditor`` as its widget; ``core/tests/test_editor.py`` walks every form of
the product and fails on a Markdown field without it. What the widget gives:

- a "Preview" submit button. Without JavaScript it sends the form; the form
  (``harambee.inputs.InputRulesMixin``) is then not valid, so the view shows it
  again with everything typed and the widget renders the text above the field with
  the renderer and sanitiser of the item page. Nothing is saved. With htmx the same
  button asks ``preview`` for the fragment instead.
- ``static/harambee/editor.js``, loaded only where an editor is: the toolbar,
  autosaved drafts (``draft``, below, and a copy in the browser's storage), and
  suggestions for ``@mentions`` and ``#tags`` from the URL an app registered
  (``register_suggestions``; the stream app answers them).
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_POST

from harambee.core.files import FileRefused
from harambee.core.markdown import render_markdown
from harambee.core.models import Draft
from harambee.core.services import inline_image_add
from harambee.core.templatetags.links import for_reader
from harambee.inputs import PREVIEW_FIELD, clean_body, clean_line

# The longest text any Markdown field takes (a wiki page); longer is not rendered.
PREVIEW_MAX = 100_000
DRAFT_KEY_MAX = 300
DRAFTS_KEPT = 50
DRAFT_DAYS = 60

_suggest_url_name: list[str] = []


def register_suggestions(url_name: str) -> None:
    """The view that answers ``?q=@luc`` or ``?q=#wat`` with JSON suggestions."""
    _suggest_url_name[:] = [url_name]


def suggest_url() -> str:
    return reverse(_suggest_url_name[0]) if _suggest_url_name else ""


def preview_html(text: str, user) -> str:
    """``text`` as the item page will show it to ``user``."""
    return for_reader(render_markdown(clean_body(text)), user)


class MarkdownEditor(forms.Textarea):
    """A Markdown textarea with a preview, a toolbar, drafts and suggestions."""

    template_name = "core/widgets/markdown.html"
    # Read by harambee.inputs: a form whose preview button was pressed is not valid.
    previews = True

    def __init__(self, attrs=None, *, suggestions: bool = True, images: bool = False):
        super().__init__(attrs)
        self.suggestions = suggestions
        self.images = images
        self.previewing = False
        self.image_alt = ""

    def value_from_datadict(self, data, files, name):
        self.previewing = data.get(PREVIEW_FIELD) == name
        # A picture's description is kept when the form is shown again.
        self.image_alt = data.get(image_fields(name)[1], "") if self.images else ""
        return super().value_from_datadict(data, files, name)

    def render(self, name, value, attrs=None, renderer=None):
        """An empty editor (every comment form on every page) is the same markup for
        everyone in a language: it is rendered once and kept in the ``fragments``
        cache under everything it shows. One with text, or a preview, is rendered."""
        if self.previewing or value not in (None, ""):
            return super().render(name, value, attrs, renderer)
        shown = (
            get_language(),
            name,
            sorted((self.attrs | (attrs or {})).items()),
            self.is_required,
            self.suggestions,
            self.images,
            self.image_alt,
            suggest_url() if self.suggestions else "",
        )
        key = "editor:" + hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()
        fragments = caches["fragments"]
        html = fragments.get(key)
        if html is None:
            html = str(super().render(name, value, attrs, renderer))
            fragments.set(key, html, 24 * 3600)
        return mark_safe(html)  # noqa: S308 -- rendered (and escaped) by the widget template

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["previewing"] = self.previewing
        if self.previewing:
            # The form does not know its reader: mention links are left out, as
            # for anyone who may not see people.
            widget["preview"] = preview_html(widget["value"] or "", None)
        widget["preview_field"] = PREVIEW_FIELD
        widget["suggest_url"] = suggest_url() if self.suggestions else ""
        widget["images"] = self.images
        widget["image_alt"] = self.image_alt
        return context


def image_fields(name: str) -> tuple[str, str]:
    """The names of a Markdown field's picture and its description."""
    return f"{name}_image", f"{name}_image_alt"


@login_required
@require_POST
def image(request: HttpRequest) -> HttpResponse:
    """A picture from the editor's file input (with JavaScript): its Markdown, or
    why it was refused (400)."""
    try:
        markdown = inline_image_add(
            actor=request.user,
            upload=request.FILES.get("image"),
            alt=clean_line(request.POST.get("alt", "")),
        )
    except FileRefused as refused:
        return JsonResponse({"error": str(refused)}, status=400)
    return JsonResponse({"markdown": markdown})


def insert_image(request: HttpRequest) -> None:
    """Without JavaScript, "Insert picture" is a preview button of its field that
    sends the form with its file (``formenctype``): store the picture, add its
    Markdown to the end of the field's text and let the form show again with the
    preview (``core.middleware.DraftMiddleware`` calls this before the view, after
    the CSRF check). A refusal is a message on the page; the text is kept."""
    field = request.POST.get(PREVIEW_FIELD, "")
    file_name, alt_name = image_fields(field)
    if not field or file_name not in request.FILES:
        return
    data = request.POST.copy()
    try:
        markdown = inline_image_add(
            actor=request.user,
            upload=request.FILES[file_name],
            alt=clean_line(data.get(alt_name, "")),
        )
    except FileRefused as refused:
        messages.error(request, str(refused))
        return
    text = data.get(field, "").rstrip()
    data[field] = f"{text}\n\n{markdown}\n" if text else f"{markdown}\n"
    data[alt_name] = ""
    request.POST = data


@login_required
@require_POST
def preview(request: HttpRequest) -> HttpResponse:
    """The rendered fragment of one field: the form posts itself (htmx includes the
    pressed button, ``_preview=<field name>``), or ``text`` alone."""
    field = request.POST.get(PREVIEW_FIELD, "")
    text = request.POST.get(field, "") if field else request.POST.get("text", "")
    context = {"too_long": len(text) > PREVIEW_MAX, "limit": PREVIEW_MAX}
    if not context["too_long"]:
        context["preview"] = preview_html(text, request.user)
    return render(request, "core/_preview.html", context)


def _draft_key(value: str) -> str:
    return value.strip()[:DRAFT_KEY_MAX]


@login_required
@require_http_methods(["GET", "POST"])
def draft(request: HttpRequest) -> HttpResponse:
    """The writer's own unsaved text for one form field. GET ``?key=`` answers it
    (204 when there is none); POST ``key`` and ``body`` keeps it, POST ``key`` and
    ``discard`` forgets it. Nobody else's draft can be named: every query is the
    writer's own."""
    user = request.user
    if request.method == "GET":
        key = _draft_key(request.GET.get("key", ""))
        row = Draft.objects.filter(author=user, key=key).values("body", "updated").first()
        if not key or row is None:
            return HttpResponse(status=204)
        when = timezone.localtime(row["updated"])
        return JsonResponse(
            {
                "body": row["body"],
                "updated": when.isoformat(),
                "updated_text": date_format(when, "DATETIME_FORMAT"),
            },
            headers={"Cache-Control": "private, no-store"},
        )
    key = _draft_key(request.POST.get("key", ""))
    if not key:
        return HttpResponse(status=400)
    if "discard" in request.POST:
        draft_discard(author=user, keys=[key])
        return HttpResponse(status=204)
    body = clean_body(request.POST.get("body", ""))
    if len(body) > PREVIEW_MAX:
        return HttpResponse(status=413)
    draft_keep(author=user, key=key, body=body)
    return HttpResponse(status=204)


def draft_keep(*, author, key: str, body: str) -> None:
    """Keep the writer's text, without a save signal (see ``Draft.changes_pages``).
    A writer keeps at most ``DRAFTS_KEPT`` drafts, none older than ``DRAFT_DAYS``."""
    now = timezone.now()
    if Draft.objects.filter(author=author, key=key).update(body=body, updated=now):
        return
    Draft.objects.bulk_create(
        [Draft(author=author, key=key, body=body, updated=now)], ignore_conflicts=True
    )
    mine = Draft.objects.filter(author=author)
    old = mine.filter(updated__lt=now - timedelta(days=DRAFT_DAYS)).values_list("pk", flat=True)
    beyond = mine.order_by("-updated", "-pk").values_list("pk", flat=True)[DRAFTS_KEPT:]
    Draft.objects.filter(pk__in=[*old, *beyond]).delete()


def draft_discard(*, author, keys: list[str]) -> None:
    Draft.objects.filter(author=author, key__in=[_draft_key(k) for k in keys]).delete()
