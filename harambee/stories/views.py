from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.core.files import FileRefused
from harambee.core.http import paginate
from harambee.core.selectors import conversation
from harambee.core.visibility import can_see_space, can_view
from harambee.inputs import to_id
from harambee.spaces.rules import may_write_in
from harambee.spaces.selectors import coauthor_choices, space_get
from harambee.stories import rules, selectors, services
from harambee.stories.forms import CallForm, CollectionForm, StoryForm


def blog(request, slug: str | None = None):
    space = space_get(user=request.user, slug=slug) if slug else None
    return render(
        request,
        "stories/blog.html",
        {
            "space": space,
            "page": paginate(request, selectors.blog(user=request.user, space=space)),
            "drafts": selectors.my_drafts(user=request.user) if space is None else [],
            "may_write": may_write_in(request.user, space),
            "calls": selectors.open_calls(user=request.user) if space is None else [],
        },
    )


def _save_story(request, form, save):
    """Run ``save`` atomically; a refused cover image saves nothing and is reported
    next to its field."""
    try:
        with transaction.atomic():
            return save()
    except FileRefused as refusal:
        form.add_error("cover", str(refusal))
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            # A refusal about the whole story (the call closed since the form opened).
            form.add_error(None, error)
            return None
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    return None


@login_required
def story_create(request, slug: str | None = None):
    space = space_get(user=request.user, slug=slug) if slug else None
    call, lost_call = None, False
    asked = request.POST.get("call") or request.GET.get("call")
    if asked:
        call_id = to_id(asked)
        try:
            if call_id is None:
                raise Http404
            call = selectors.call_get(user=request.user, pk=call_id)
        except Http404:
            if request.method != "POST":
                raise
            # A tampered or vanished call: keep what was typed and say so.
            lost_call = True
        else:
            space = call.space
    if not may_write_in(request.user, space):
        raise PermissionDenied
    form = StoryForm(
        request.POST or None,
        request.FILES or None,
        writers=coauthor_choices(user=request.user, space=space),
        in_space=space is not None,
    )
    if lost_call:
        form.add_error(None, _("That story call cannot be found. Your story is not saved yet."))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        story = _save_story(
            request,
            form,
            lambda: services.story_create(
                author=request.user,
                space=space,
                call=call,
                themes=list(data.pop("themes")),
                coauthors=list(data.pop("coauthors")),
                cover=data.pop("cover"),
                **data,
            ),
        )
        if story is not None:
            messages.success(
                request,
                _(
                    "Your draft is saved. Only you and your co-authors can "
                    "read it until you send it for review."
                ),
            )
            return redirect(story)
    return render(
        request,
        "stories/story_form.html",
        {"form": form, "space": space, "call": call, "story": None},
    )


@login_required
def story_edit(request, pk: int):
    story = selectors.story_get(user=request.user, pk=pk)
    if not rules.is_author(request.user, story):
        raise PermissionDenied
    form = StoryForm(
        request.POST or None,
        request.FILES or None,
        instance=selectors.story_for_form(story=story),
        writers=coauthor_choices(user=request.user, space=story.space, item=story),
        in_space=story.space_id is not None,
    )
    if request.method == "GET":
        form.initial["coauthors"] = list(story.coauthors.all())
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        saved = _save_story(
            request,
            form,
            lambda: services.story_update(
                actor=request.user,
                story=story,
                themes=list(data.pop("themes")),
                coauthors=list(data.pop("coauthors")),
                cover=data.pop("cover"),
                **data,
            ),
        )
        if saved is not None:
            messages.success(request, _("Your changes are saved."))
            return redirect(story)
    return render(
        request,
        "stories/story_form.html",
        {
            "form": form,
            "space": story.space
            if story.space and can_see_space(request.user, story.space)
            else None,
            "call": story.call if story.call_id and can_view(request.user, story.call) else None,
            "story": story,
        },
    )


def render_story(request, pk: int, *, comment_form=None, status: int = 200):
    story = selectors.story_get(user=request.user, pk=pk)
    user = request.user
    return render(
        request,
        "stories/story.html",
        {
            "story": story,
            "is_author": user.is_authenticated and rules.is_author(user, story),
            "may_publish": rules.may_edit_stories(user, story.space),
            "call": story.call if story.call_id and can_view(user, story.call) else None,
            **conversation(request, story, comment_form),
        },
        status=status,
    )


def story_detail(request, pk: int):
    return render_story(request, pk)


@require_POST
@login_required
def story_move(request, pk: int, action: str):
    story = selectors.story_get(user=request.user, pk=pk)
    move = {
        "submit": services.story_submit,
        "publish": services.story_publish,
        "return": services.story_return,
    }[action]
    move(actor=request.user, story=story)
    text = {
        "submit": _("Sent for review: members can now read and comment on the draft."),
        "publish": _("The story is published."),
        "return": _("The story is a private draft again."),
    }[action]
    messages.success(request, text)
    return redirect(story)


def calls(request):
    return render(
        request,
        "stories/calls.html",
        {
            "page": paginate(request, selectors.call_list(user=request.user)),
            "may_call": rules.may_edit_stories(request.user, None),
        },
    )


@login_required
def call_create(request, slug: str | None = None):
    space = space_get(user=request.user, slug=slug) if slug else None
    if not rules.may_edit_stories(request.user, space):
        raise PermissionDenied
    form = CallForm(request.POST or None, in_space=space is not None)
    if request.method == "POST" and form.is_valid():
        call = services.call_create(actor=request.user, space=space, **form.cleaned_data)
        messages.success(request, _("The story call is out."))
        return redirect(call)
    return render(request, "stories/call_form.html", {"form": form, "space": space})


def render_call(request, pk: int, *, comment_form=None, status: int = 200, collection_form=None):
    call = selectors.call_get(user=request.user, pk=pk)
    may_edit = rules.may_edit_stories(request.user, call.space)
    return render(
        request,
        "stories/call.html",
        {
            "call": call,
            "may_edit": may_edit,
            "may_answer": call.status == "open" and may_write_in(request.user, call.space),
            "answers": selectors.call_answers(user=request.user, call=call) if may_edit else [],
            "collection": selectors.collection(user=request.user, call=call),
            "collection_form": collection_form
            or (CollectionForm(call=call, user=request.user) if may_edit else None),
            **conversation(request, call, comment_form),
        },
        status=status,
    )


def call_detail(request, pk: int):
    return render_call(request, pk)


@require_POST
@login_required
def call_collection(request, pk: int):
    call = selectors.call_get(user=request.user, pk=pk)
    if not rules.may_edit_stories(request.user, call.space):
        raise PermissionDenied
    form = CollectionForm(request.POST, call=call, user=request.user)
    if form.is_valid():
        services.call_publish_collection(
            actor=request.user,
            call=call,
            stories=list(form.cleaned_data["stories"]),
            intro=form.cleaned_data["intro"],
        )
        messages.success(request, _("The collection is published."))
        return redirect(call)
    return render_call(request, pk, collection_form=form, status=422)


@require_POST
@login_required
def call_close(request, pk: int):
    call = selectors.call_get(user=request.user, pk=pk)
    services.call_close(actor=request.user, call=call)
    messages.success(request, _("The call is closed to new stories."))
    return redirect(call)
