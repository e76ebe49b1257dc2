"""Writes for stories and story calls."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.core.models import Visibility
from harambee.core.services import attachment_add, audit_visibility_change
from harambee.core.visibility import can_view
from harambee.people.models import User
from harambee.spaces.models import Space
from harambee.spaces.rules import may_write_in
from harambee.stories import rules
from harambee.stories.models import Story, StoryCall


def _set_cover(actor: User, story: Story, cover: Any) -> None:
    if cover is None:
        return
    attachment = attachment_add(actor=actor, content=story, upload=cover, caption=story.title)
    if attachment.type != "image":
        raise ValidationError({"cover": _("The cover must be a photo or picture.")})
    story.cover = attachment
    story.save(update_fields=["cover"])


@transaction.atomic
def story_create(
    *,
    author: User,
    space: Space | None,
    title: str,
    body: str,
    audience: str,
    themes: list[Any] | None = None,
    coauthors: list[User] | None = None,
    call: StoryCall | None = None,
    cover: Any = None,
) -> Story:
    if call is not None:
        if not can_view(author, call) or call.status != StoryCall.Status.OPEN:
            raise ValidationError(_("This story call is not open."))
        space = call.space
    if not may_write_in(author, space):
        raise PermissionDenied
    if audience == "space" and space is None:
        audience = Visibility.ALLIANCE
    story = Story.objects.create(
        author=author,
        space=space,
        title=title.strip(),
        body=body,
        audience=audience,
        visibility=Visibility.PRIVATE,
        call=call,
    )
    if themes:
        story.themes.set(themes)
    if coauthors:
        story.coauthors.set([c for c in coauthors if c.pk != author.pk])
    _set_cover(author, story, cover)
    return story


@transaction.atomic
def story_update(
    *,
    actor: User,
    story: Story,
    themes: list[Any] | None = None,
    coauthors: list[User] | None = None,
    cover: Any = None,
    **fields: Any,
) -> Story:
    if not rules.is_author(actor, story):
        raise PermissionDenied
    if fields.get("audience") == "space" and story.space_id is None:
        fields["audience"] = Visibility.ALLIANCE
    for name, value in fields.items():
        setattr(story, name, value)
    if story.status == Story.Status.PUBLISHED:
        before = story.visibility
        story.visibility = story.audience
        story.save()
        audit_visibility_change(actor=actor, content=story, before=before)
    else:
        story.save()
    if themes is not None:
        story.themes.set(themes)
    if coauthors is not None and actor.pk == story.author_id:
        story.coauthors.set([c for c in coauthors if c.pk != story.author_id])
    _set_cover(actor, story, cover)
    return story


def _move(actor: User, story: Story, status: str, visibility: str) -> Story:
    before = story.visibility
    story.status = status
    story.visibility = visibility
    if status == Story.Status.PUBLISHED and story.published is None:
        story.published = timezone.now()
    story.save(update_fields=["status", "visibility", "published", "updated"])
    audit_visibility_change(actor=actor, content=story, before=before)
    return story


@transaction.atomic
def story_submit(*, actor: User, story: Story) -> Story:
    """Ask for review: the space's members (or the alliance) read and comment."""
    if not rules.is_author(actor, story) or story.status != Story.Status.DRAFT:
        raise PermissionDenied
    reviewers = Visibility.SPACE if story.space_id else Visibility.ALLIANCE
    return _move(actor, story, Story.Status.REVIEW, reviewers)


@transaction.atomic
def story_publish(*, actor: User, story: Story) -> Story:
    if not rules.may_edit_stories(actor, story.space) or story.status == Story.Status.PUBLISHED:
        raise PermissionDenied
    return _move(actor, story, Story.Status.PUBLISHED, story.audience)


@transaction.atomic
def story_return(*, actor: User, story: Story) -> Story:
    """Back to its authors as a private draft."""
    if not (rules.is_author(actor, story) or rules.may_edit_stories(actor, story.space)):
        raise PermissionDenied
    story.in_collection = False
    return _move(actor, story, Story.Status.DRAFT, Visibility.PRIVATE)


@transaction.atomic
def call_create(
    *, actor: User, space: Space | None, title: str, body: str, deadline: Any, visibility: str
) -> StoryCall:
    if not rules.may_edit_stories(actor, space):
        raise PermissionDenied
    return StoryCall.objects.create(
        author=actor,
        space=space,
        title=title.strip(),
        body=body,
        deadline=deadline,
        visibility=visibility,
    )


@transaction.atomic
def call_publish_collection(
    *, actor: User, call: StoryCall, stories: list[Story], intro: str = ""
) -> StoryCall:
    if not rules.may_edit_stories(actor, call.space):
        raise PermissionDenied
    chosen = {s.pk for s in stories}
    answers = list(call.answers.all())
    for story in answers:
        if story.pk in chosen and story.status != Story.Status.PUBLISHED:
            raise ValidationError(_("Only published stories can join the collection."))
    Story.objects.filter(call=call).update(in_collection=False)
    Story.objects.filter(call=call, pk__in=chosen).update(in_collection=True)
    call.status = StoryCall.Status.PUBLISHED
    call.collection_intro = intro
    call.save()
    return call


@transaction.atomic
def call_close(*, actor: User, call: StoryCall) -> StoryCall:
    if not rules.may_edit_stories(actor, call.space):
        raise PermissionDenied
    call.status = StoryCall.Status.CLOSED
    call.save(update_fields=["status", "updated"])
    return call
