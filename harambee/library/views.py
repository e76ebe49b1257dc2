"""Thin views for the resource library: browse, resource pages with versions and
gated downloads, and collections."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.core.files import FileRefused
from harambee.core.http import file_response, paginate
from harambee.core.selectors import conversation
from harambee.core.visibility import may_see_people
from harambee.initiatives.selectors import known_initiatives
from harambee.library import rules, selectors, services
from harambee.library.forms import (
    AddToCollectionForm,
    CollectionForm,
    EntryForm,
    LibraryFilterForm,
    ResourceForm,
    VersionForm,
)
from harambee.library.models import Collection
from harambee.people.roles import Perm
from harambee.spaces.models import Space
from harambee.spaces.selectors import coauthor_choices, space_get


def _space(request, slug: str | None) -> Space | None:
    return space_get(user=request.user, slug=slug) if slug else None


def index(request, slug: str | None = None):
    space = _space(request, slug)
    form = LibraryFilterForm(
        request.GET or None, choices=selectors.filter_choices(user=request.user, space=space)
    )
    filters = form.filters()
    page = paginate(
        request,
        selectors.resource_list(user=request.user, space=space, **filters),
        keys=selectors.resource_keys(user=request.user, space=space, **filters),
    )
    return render(
        request,
        "library/index.html",
        {
            "space": space,
            "form": form,
            "page": page,
            "collections": selectors.collections_first(user=request.user, space=space),
            "may_add": rules.may_add_resource(request.user, space),
            "links_people": may_see_people(request.user),
        },
    )


def _resource_form(request, *, space: Space | None, instance=None, relations=None) -> ResourceForm:
    user = request.user
    return ResourceForm(
        request.POST or None,
        request.FILES or None,
        instance=instance,
        editing=instance is not None,
        in_space=space is not None,
        people=coauthor_choices(user=user, space=space, item=instance),
        initiatives=known_initiatives(user=user),
        wiki_pages=selectors.wiki_page_choices(user=user),
        organisations=selectors.organisation_choices(user=user),
        relations=relations,
    )


def _report(form, error: Exception) -> None:
    """Put a service's refusal next to the field it is about."""
    if isinstance(error, FileRefused):
        form.add_error("file" if "file" in form.fields else None, str(error))
    elif isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    elif isinstance(error, ValidationError):
        form.add_error(None, error.messages)


def _relations(data: dict) -> dict:
    return {
        name: list(data.pop(name))
        for name in ("coauthors", "organisations", "themes", "initiatives", "wiki_pages")
    }


@login_required
def resource_create(request, slug: str | None = None):
    space = _space(request, slug)
    if not rules.may_add_resource(request.user, space):
        raise PermissionDenied
    form = _resource_form(request, space=space)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        relations = _relations(data)
        try:
            resource = services.resource_create(
                author=request.user,
                space=space,
                upload=data.pop("file"),
                **relations,
                **data,
            )
        except (FileRefused, ValidationError) as error:
            _report(form, error)
        else:
            messages.success(request, _("The resource is in the library."))
            return redirect(resource)
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "library/resource_form.html",
        {"form": form, "space": space, "resource": None},
        status=status,
    )


@login_required
def resource_edit(request, pk: int):
    resource = selectors.resource_get(user=request.user, pk=pk)
    if not rules.is_editor(request.user, resource):
        raise PermissionDenied
    form = _resource_form(
        request,
        space=resource.space,
        instance=selectors.resource_for_form(resource=resource),
        relations=selectors.resource_relations(resource=resource),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        relations = _relations(data)
        try:
            services.resource_update(actor=request.user, resource=resource, **relations, **data)
        except ValidationError as error:
            _report(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(resource)
    return render(
        request,
        "library/resource_form.html",
        {
            "form": form,
            "space": resource.shown_space,
            "resource": resource,
        },
        status=422 if request.method == "POST" else 200,
    )


def render_resource(
    request,
    pk: int,
    *,
    comment_form=None,
    status: int = 200,
    version_form=None,
):
    resource = selectors.resource_get(user=request.user, pk=pk)
    user = request.user
    is_editor = rules.is_editor(user, resource)
    return render(
        request,
        "library/resource.html",
        {
            "resource": resource,
            "versions": selectors.resource_versions(resource=resource),
            "is_editor": is_editor,
            "may_collect": rules.may_collect(user),
            "may_see_directory": user.is_authenticated and user.may(Perm.SEE_DIRECTORY),
            "version_form": version_form or (VersionForm() if is_editor else None),
            **selectors.resource_related(user=user, resource=resource),
            **conversation(request, resource, comment_form),
        },
        status=status,
    )


def resource_detail(request, pk: int):
    return render_resource(request, pk)


@require_POST
@login_required
def version_add(request, pk: int):
    resource = selectors.resource_get(user=request.user, pk=pk)
    if not rules.is_editor(request.user, resource):
        raise PermissionDenied
    form = VersionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            version = services.resource_version_add(
                actor=request.user,
                resource=resource,
                upload=form.cleaned_data["file"],
                note=form.cleaned_data["note"],
            )
        except FileRefused as refusal:
            form.add_error("file", str(refusal))
        else:
            messages.success(
                request, _("Version %(n)s is now the current file.") % {"n": version.number}
            )
            return redirect(f"{resource.get_absolute_url()}#versions")
    return render_resource(request, pk, version_form=form, status=422)


def download(request, pk: int, number: int | None = None):
    """The gate first (404 for hidden and missing alike), then count, then the file."""
    version = selectors.version_get(user=request.user, pk=pk, number=number)
    attachment = version.attachment
    response = file_response(
        attachment.file, filename=attachment.download_name, content_type=attachment.mime
    )
    services.resource_download_count(version=version)
    return response


@login_required
def add_to_collection(request, pk: int):
    """Add this resource to one of my collections (a page of its own, so the
    resource's page need not list everyone's collections)."""
    resource = selectors.resource_get(user=request.user, pk=pk)
    form = AddToCollectionForm(
        request.POST or None, collections=selectors.editable_collections(user=request.user)
    )
    if request.method == "POST" and form.is_valid():
        collection = form.cleaned_data["collection"]
        try:
            services.collection_entry_add(
                actor=request.user,
                collection=collection,
                item=resource,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            _report(form, error)
        else:
            messages.success(request, _("Added to the collection."))
            return redirect(collection)
    return render(
        request,
        "library/add_to_collection.html",
        {"resource": resource, "form": form},
        status=422 if request.method == "POST" else 200,
    )


def collections(request, slug: str | None = None):
    space = _space(request, slug)
    return render(
        request,
        "library/collections.html",
        {
            "space": space,
            "page": paginate(
                request,
                selectors.collection_list(user=request.user, space=space),
                keys=selectors.collection_keys(user=request.user, space=space),
            ),
            "may_add": rules.may_add_resource(request.user, space),
        },
    )


@login_required
def collection_create(request, slug: str | None = None):
    space = _space(request, slug)
    if not rules.may_add_resource(request.user, space):
        raise PermissionDenied
    form = CollectionForm(request.POST or None, in_space=space is not None)
    if request.method == "POST" and form.is_valid():
        try:
            collection = services.collection_create(
                author=request.user, space=space, **form.cleaned_data
            )
        except ValidationError as error:
            _report(form, error)
        else:
            messages.success(request, _("The collection is made. Now add resources to it."))
            return redirect(collection)
    return render(
        request,
        "library/collection_form.html",
        {"form": form, "space": space, "collection": None},
        status=422 if request.method == "POST" else 200,
    )


@login_required
def collection_edit(request, pk: int):
    collection = selectors.collection_get(user=request.user, pk=pk)
    if not rules.is_editor(request.user, collection):
        raise PermissionDenied
    form = CollectionForm(
        request.POST or None,
        instance=selectors.collection_for_form(collection=collection),
        in_space=collection.space_id is not None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.collection_update(
                actor=request.user, collection=collection, **form.cleaned_data
            )
        except ValidationError as error:
            _report(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(collection)
    return render(
        request,
        "library/collection_form.html",
        {"form": form, "space": collection.shown_space, "collection": collection},
        status=422 if request.method == "POST" else 200,
    )


def render_collection(request, pk: int, *, comment_form=None, status: int = 200, entry_form=None):
    collection = selectors.collection_get(user=request.user, pk=pk)
    is_editor = rules.is_editor(request.user, collection)
    if entry_form is None and is_editor:
        entry_form = EntryForm(items=selectors.collectable_items(user=request.user))
    return render(
        request,
        "library/collection.html",
        {
            "collection": collection,
            "entries": selectors.collection_entries(user=request.user, collection=collection),
            "is_editor": is_editor,
            "entry_form": entry_form,
            **conversation(request, collection, comment_form),
        },
        status=status,
    )


def collection_detail(request, pk: int):
    return render_collection(request, pk)


def _editable_collection(request, pk: int) -> Collection:
    collection = selectors.collection_get(user=request.user, pk=pk)
    if not rules.is_editor(request.user, collection):
        raise PermissionDenied
    return collection


@require_POST
@login_required
def entry_add(request, pk: int):
    collection = _editable_collection(request, pk)
    form = EntryForm(request.POST, items=selectors.collectable_items(user=request.user))
    if form.is_valid():
        try:
            services.collection_entry_add(
                actor=request.user,
                collection=collection,
                item=form.cleaned_data["item"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            _report(form, error)
        else:
            messages.success(request, _("Added to the collection."))
            return redirect(f"{collection.get_absolute_url()}#entries")
    return render_collection(request, pk, entry_form=form, status=422)


@require_POST
@login_required
def entry_move(request, pk: int, entry_pk: int, direction: str):
    collection = _editable_collection(request, pk)
    entry = selectors.entry_get(user=request.user, collection=collection, pk=entry_pk)
    services.collection_entry_move(
        actor=request.user, collection=collection, entry=entry, direction=direction
    )
    return redirect(f"{collection.get_absolute_url()}#entry-{entry.pk}")


@require_POST
@login_required
def entry_remove(request, pk: int, entry_pk: int):
    collection = _editable_collection(request, pk)
    entry = selectors.entry_get(user=request.user, collection=collection, pk=entry_pk)
    services.collection_entry_remove(actor=request.user, collection=collection, entry=entry)
    messages.success(request, _("Removed from the collection."))
    return redirect(f"{collection.get_absolute_url()}#entries")
