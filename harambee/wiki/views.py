"""Thin views of the knowledge base. Each takes ``space_slug`` (None for the
alliance wiki); pages are read through ``selectors`` and written through
``services``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.core.http import paginate
from harambee.core.models import VISIBILITY_SHORT
from harambee.core.selectors import conversation
from harambee.inputs import to_id
from harambee.spaces.rules import may_write_in
from harambee.wiki import diff as wikidiff
from harambee.wiki import rules, selectors, services
from harambee.wiki.forms import EditForm, PageForm, RenameForm, template_text
from harambee.wiki.markup import render_page as render_markup
from harambee.wiki.models import WikiPage
from harambee.wiki.toc import with_anchors


def _page(request, space_slug: str | None, slug: str) -> WikiPage:
    space = selectors.wiki_space(user=request.user, slug=space_slug)
    return selectors.page_or_404(user=request.user, space=space, slug=slug)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def index(request, space_slug: str | None = None):
    space = selectors.wiki_space(user=request.user, slug=space_slug)
    category = request.GET.get("category", "")
    if category not in WikiPage.Category.values:
        category = ""
    pages = selectors.page_list(user=request.user, space=space, category=category)
    return render(
        request,
        "wiki/index.html",
        {
            "space": space,
            "page_obj": paginate(request, pages),
            "category": category,
            "categories": WikiPage.Category.choices,
            "may_create": may_write_in(request.user, space),
        },
    )


@login_required
def page_create(request, space_slug: str | None = None):
    space = selectors.wiki_space(user=request.user, slug=space_slug)
    if not may_write_in(request.user, space):
        raise PermissionDenied
    category = request.GET.get("category", "")
    if category not in WikiPage.Category.values:
        category = WikiPage.Category.CONCEPT
    form = PageForm(
        request.POST or None,
        visibility_choices=services.visibility_choices(space),
        example_choices=selectors.example_options(user=request.user, page=None),
        initial={
            "title": request.GET.get("title", "")[:200],
            "category": category,
            "visibility": "space" if space else "alliance",
            "body": template_text(category),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            page = services.page_create(author=request.user, space=space, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The page is saved."))
            return redirect(page.url())
    return render(
        request,
        "wiki/create.html",
        {"form": form, "space": space, "categories": WikiPage.Category.choices},
        status=422 if form.errors else 200,
    )


def render_page(request, pk: int, *, comment_form=None, status: int = 200):
    """The page of a wiki page; also shows a comment form's errors in place."""
    page = selectors.page_by_pk(user=request.user, pk=pk)
    return _render_page(request, page, comment_form=comment_form, status=status)


def _render_page(request, page: WikiPage, *, comment_form=None, status: int = 200):
    latest = selectors.revisions(page=page).first()
    body_html, toc = with_anchors(
        selectors.linked_html(user=request.user, page=page, html=page.body_html)
    )
    context = {
        "page": page,
        "space": page.space if page.space_id else None,
        "body_html": body_html,
        "toc": toc,
        "examples": selectors.examples(user=request.user, page=page),
        "latest": latest,
        "watching": selectors.is_watching(user=request.user, page=page),
        "may_edit": rules.may_edit(request.user, page),
        **conversation(request, page, comment_form),
    }
    return render(request, "wiki/page.html", context, status=status)


def page_detail(request, slug: str, space_slug: str | None = None):
    space = selectors.wiki_space(user=request.user, slug=space_slug)
    page, renamed = selectors.page_get(user=request.user, space=space, slug=slug)
    if page is None:
        raise Http404
    if renamed or page.slug != slug:
        return redirect(page.url(), permanent=True)
    return _render_page(request, page)


def recent_changes(request, space_slug: str | None = None):
    """The latest saves of the wiki's pages (the alliance's: every wiki the reader may
    read), newest first, paged by key."""
    space = selectors.wiki_space(user=request.user, slug=space_slug)
    keyset = paginate(
        request, selectors.recent_revisions(user=request.user, space=space).order_by("-created")
    )
    selectors.name_spaces(user=request.user, revisions=keyset.object_list)
    return render(request, "wiki/recent.html", {"space": space, "keyset": keyset})


def page_by_id(request, pk: int):
    return redirect(selectors.page_by_pk(user=request.user, pk=pk).url())


def _example_ids(request, page: WikiPage) -> list[int]:
    return selectors.example_choices(user=request.user, page=page)


@login_required
def page_edit(request, slug: str, space_slug: str | None = None):
    page = _page(request, space_slug, slug)
    if not rules.may_edit(request.user, page):
        raise PermissionDenied
    space = page.space if page.space_id else None
    choices = (
        services.visibility_choices(space)
        if rules.may_change_visibility(request.user, page, space)
        else None
    )
    examples = selectors.example_options(user=request.user, page=page)
    form = EditForm(
        request.POST or None,
        visibility_choices=choices,
        example_choices=examples,
        had_text=bool(page.body.strip()),
        initial={
            "base_revision": page.revision,
            "body": page.body,
            "category": page.category,
            "visibility": page.visibility,
            "examples": _example_ids(request, page),
        },
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.page_edit(
                actor=request.user,
                page=page,
                body=data["body"],
                base_revision=data["base_revision"],
                summary=data["summary"],
                category=data["category"],
                visibility=data.get("visibility"),
                examples=data["examples"],
            )
        except services.EditConflict as clash:
            conflict = clash
            fresh = request.POST.copy()
            fresh["base_revision"] = str(clash.page.revision)
            fresh["body"] = clash.merged
            form = EditForm(
                fresh,
                visibility_choices=choices,
                example_choices=examples,
                had_text=bool(page.body.strip()),
            )
            form.is_valid()
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if saved.revision is None:
                messages.info(request, _("Nothing changed, so no new revision was saved."))
            elif saved.merged_with is not None:
                messages.success(
                    request,
                    _(
                        "Someone saved this page while you were editing it. Your changes "
                        "did not overlap with theirs, so both are kept (revision %(n)d)."
                    )
                    % {"n": saved.revision.number},
                )
            else:
                messages.success(request, _("The page is saved."))
            return redirect(saved.page.url())
    context = {"form": form, "page": page, "space": space, "conflict": conflict}
    if conflict is not None:
        context["conflict_rows"] = wikidiff.side_by_side(conflict.theirs, conflict.mine)
        labels = {**dict(WikiPage.Category.choices), **VISIBILITY_SHORT}
        context["clashes"] = [
            (
                _("Category") if name == "category" else _("Who can see this"),
                labels.get(theirs, theirs),
                labels.get(mine, mine),
            )
            for name, (mine, theirs) in conflict.clashes.items()
        ]
    status = 409 if conflict else 422 if form.errors else 200
    return render(request, "wiki/edit.html", context, status=status)


def history(request, slug: str, space_slug: str | None = None):
    page = _page(request, space_slug, slug)
    return render(
        request,
        "wiki/history.html",
        {
            "page": page,
            "space": page.space if page.space_id else None,
            "page_obj": paginate(request, selectors.revisions(page=page)),
            "may_edit": rules.may_edit(request.user, page),
        },
    )


def _number(value: str | None, default: int) -> int | None:
    """A revision number from the address (0: before the first), or None."""
    if value in (None, ""):
        return default
    if value.strip() == "0":
        return 0
    return to_id(value)


def diff(request, slug: str, space_slug: str | None = None):
    page = _page(request, space_slug, slug)
    newer = _number(request.GET.get("to"), page.revision)
    older = _number(request.GET.get("from"), (newer or 1) - 1)
    if newer is None or older is None:
        # Not a revision number: answered like a revision that does not exist.
        raise Http404
    mode = "inline" if request.GET.get("mode") == "inline" else "side"
    found = selectors.revisions_numbered(page=page, numbers=[older, newer])
    if newer not in found or (older not in found and older != 0):
        raise Http404
    old_revision = found.get(older)
    new_revision = found[newer]
    old_text = old_revision.body if old_revision else ""
    context = {
        "page": page,
        "space": page.space if page.space_id else None,
        "old": old_revision,
        "new": new_revision,
        "mode": mode,
        "may_edit": rules.may_edit(request.user, page),
        "title_changed": old_revision is not None and old_revision.title != new_revision.title,
    }
    if mode == "inline":
        context["segments"] = wikidiff.inline(old_text, new_revision.body)
    else:
        context["rows"] = wikidiff.side_by_side(old_text, new_revision.body)
    return render(request, "wiki/diff.html", context)


def revision(request, slug: str, number: int, space_slug: str | None = None):

    page = _page(request, space_slug, slug)
    old = selectors.revision_get(page=page, number=number)
    return render(
        request,
        "wiki/revision.html",
        {
            "page": page,
            "space": page.space if page.space_id else None,
            "revision": old,
            "body_html": selectors.linked_html(
                user=request.user, page=page, html=render_markup(old.body)
            ),
            "may_edit": rules.may_edit(request.user, page),
        },
    )


@require_POST
@login_required
def revert(request, slug: str, number: int, space_slug: str | None = None):
    page = _page(request, space_slug, slug)
    old = selectors.revision_get(page=page, number=number)
    saved = services.page_revert(actor=request.user, page=page, revision=old)
    if saved.revision is None:
        messages.info(request, _("The page already reads as revision %(n)d.") % {"n": number})
    else:
        messages.success(request, _("The page is back to revision %(n)d.") % {"n": number})
    saved.page.refresh_from_db()
    return redirect(saved.page.url())


@login_required
def rename(request, slug: str, space_slug: str | None = None):
    page = _page(request, space_slug, slug)
    if not rules.may_edit(request.user, page):
        raise PermissionDenied
    form = RenameForm(request.POST or None, initial={"title": page.title})
    if request.method == "POST" and form.is_valid():
        try:
            renamed = services.page_rename(actor=request.user, page=page, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request, _("The page is renamed. Its old title and address lead to it.")
            )
            return redirect(renamed.url())
    return render(
        request,
        "wiki/rename.html",
        {"form": form, "page": page, "space": page.space if page.space_id else None},
        status=422 if form.errors else 200,
    )


@require_POST
@login_required
def watch(request, slug: str, space_slug: str | None = None):
    page = _page(request, space_slug, slug)
    on = request.POST.get("watch") == "1"
    services.page_watch(user=request.user, page=page, watch=on)
    if on:
        messages.success(request, _("You are watching this page."))
    else:
        messages.success(request, _("You no longer watch this page."))
    return redirect(page.url())


def links(request, slug: str, space_slug: str | None = None):
    page = _page(request, space_slug, slug)
    return render(
        request,
        "wiki/links.html",
        {
            "page": page,
            "space": page.space if page.space_id else None,
            "page_obj": paginate(request, selectors.backlinks(user=request.user, page=page)),
            "may_edit": rules.may_edit(request.user, page),
        },
    )
