"""Stories and story calls for the demo alliance (``data/stories.toml``): an alliance
blog, a space blog, a call to the alliance with a published collection, and drafts and
reviews in between."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from harambee.core.services import comment_create
from harambee.initiatives.models import Theme
from harambee.people.models import User
from harambee.sampledata.common import text
from harambee.sampledata.datafiles import read, records
from harambee.sampledata.specs import CallSpec, StoryGroup, StorySpec
from harambee.spaces.models import Space
from harambee.stories import services
from harambee.stories.models import Story, StoryCall

GROUPS: tuple[StoryGroup, ...] = records(StoryGroup, read("stories")["groups"])


def load_stories(people: dict[str, User], spaces: dict[str, Space], now: datetime) -> None:
    written: list[tuple[StorySpec, Story]] = []
    for group in GROUPS:
        call = _call(people, spaces, now, group.call) if group.call else None
        stories = [(spec, _story(people, spaces, spec, call)) for spec in group.stories]
        for spec, story in stories:
            if spec.submitted:
                services.story_submit(actor=people[spec.author], story=story)
            if spec.published_by:
                services.story_publish(actor=people[spec.published_by], story=story)
        if call is not None and group.call and group.call.collection_by:
            services.call_publish_collection(
                actor=people[group.call.collection_by],
                call=StoryCall.objects.get(pk=call.pk),
                stories=[story for spec, story in stories if spec.published_by],
                intro=group.call.collection_intro,
            )
        for spec, story in stories:
            for author, body in spec.comments:
                comment_create(author=people[author], content=story, body=body)
        written += stories
    for spec, story in written:
        if spec.days_ago is not None:
            _backdate(story, now - timedelta(days=spec.days_ago))


def _call(
    people: dict[str, User], spaces: dict[str, Space], now: datetime, spec: CallSpec
) -> StoryCall:
    return services.call_create(
        actor=people[spec.by],
        space=spaces[spec.space] if spec.space else None,
        title=spec.title,
        body=text(spec.body),
        deadline=(now + timedelta(days=spec.deadline_days)).date(),
        visibility=spec.visibility,
    )


def _story(
    people: dict[str, User], spaces: dict[str, Space], spec: StorySpec, call: StoryCall | None
) -> Story:
    return services.story_create(
        author=people[spec.author],
        space=spaces[spec.space] if spec.space else None,
        title=spec.title,
        body=text(spec.body),
        audience=spec.audience,
        call=call,
        coauthors=[people[c] for c in spec.coauthors],
        themes=list(Theme.objects.filter(slug__in=spec.themes)),
    )


def _backdate(story: Story, when: datetime) -> None:
    fields: dict[str, Any] = {"created": when, "updated": when}
    if story.published:
        fields["published"] = when + timedelta(days=2)
    Story.objects.filter(pk=story.pk).update(**fields)
