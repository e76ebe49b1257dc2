"""Reads for stories and calls; every one through the gate."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from harambee.core.selectors import with_comment_counts
from harambee.core.visibility import can_view, visible
from harambee.spaces.models import Space
from harambee.spaces.selectors import with_shown_space
from harambee.stories.models import Story, StoryCall


def blog(*, user: Any, space: Space | None = None) -> QuerySet[Story]:
    qs = Story.objects.filter(status=Story.Status.PUBLISHED)
    if space is not None:
        qs = qs.filter(space=space)
    return (
        with_comment_counts(visible(user, qs))
        .select_related("author", "space", "cover")
        .order_by("-published", "-pk")
    )


def my_drafts(*, user: Any) -> list[Story]:
    if not user.is_authenticated:
        return []
    qs = visible(user, Story.objects.exclude(status=Story.Status.PUBLISHED)).filter(
        Q(author=user) | Q(coauthors=user)
    )
    return list(qs.distinct().select_related("space").order_by("-updated")[:20])


def story_get(*, user: Any, pk: int) -> Story:
    story = (
        Story.objects.select_related("author", "space", "cover", "call")
        .prefetch_related("coauthors", "themes")
        .filter(pk=pk)
        .first()
    )
    if story is None or not can_view(user, story):
        raise Http404
    with_shown_space(user, [story])
    return story


def call_list(*, user: Any) -> QuerySet[StoryCall]:
    return (
        visible(user, StoryCall.objects.all())
        .select_related("author", "space")
        .order_by("-created")
    )


def call_get(*, user: Any, pk: int) -> StoryCall:
    call = StoryCall.objects.select_related("author", "space").filter(pk=pk).first()
    if call is None or not can_view(user, call):
        raise Http404
    with_shown_space(user, [call])
    return call


def call_answers(*, user: Any, call: StoryCall) -> list[Story]:
    """All answers, each marked ``readable`` for this user: the facilitator sees who
    answered, and the titles only of stories they may read."""
    answers = list(call.answers.filter(removed=False).select_related("author").order_by("created"))
    readable = set(visible(user, Story.objects.filter(call=call)).values_list("pk", flat=True))
    for story in answers:
        story.readable = story.pk in readable  # type: ignore[attr-defined]
    return answers


def collection(*, user: Any, call: StoryCall) -> QuerySet[Story]:
    return (
        visible(user, Story.objects.filter(call=call, in_collection=True))
        .select_related("author", "cover")
        .order_by("published", "pk")
    )


def open_calls(*, user: Any, limit: int = 5) -> QuerySet[StoryCall]:
    """The newest calls still taking stories, for the blog's side."""
    return call_list(user=user).filter(status=StoryCall.Status.OPEN)[:limit]


def collectable_answers(*, user: Any, call: StoryCall) -> QuerySet[Story]:
    """Published answers to ``call`` that the editor may read, to choose the
    collection from."""
    return visible(user, call.answers.filter(status=Story.Status.PUBLISHED))


def story_for_form(*, story: Story) -> Story:
    """A fresh copy of a story the caller may edit, for a form to change while the
    service still sees the story as it was."""
    return Story.objects.get(pk=story.pk)
