"""Stories and story calls for the demo alliance: an alliance blog, a space blog, a
call to the alliance with a published collection, and drafts and reviews in between."""

from __future__ import annotations

from datetime import datetime, timedelta
from textwrap import dedent
from typing import Any

from harambee.core.services import comment_create
from harambee.initiatives.models import Theme
from harambee.stories import services
from harambee.stories.models import Story, StoryCall


def _text(body: str) -> str:
    return dedent(body).strip()


def _story(
    people, spaces, *, author, title, body, audience, space=None, coauthors=(), call=None, themes=()
):
    return services.story_create(
        author=people[author],
        space=spaces[space] if space else None,
        title=title,
        body=_text(body),
        audience=audience,
        call=call,
        coauthors=[people[c] for c in coauthors],
        themes=list(Theme.objects.filter(slug__in=themes)),
    )


def _backdate(story: Story, when: datetime) -> None:
    fields: dict[str, Any] = {"created": when, "updated": when}
    if story.published:
        fields["published"] = when + timedelta(days=2)
    Story.objects.filter(pk=story.pk).update(**fields)


def load_stories(people: dict[str, Any], spaces: dict[str, Any], now: datetime) -> None:
    amara, kwame = people["amara"], people["kwame"]

    call = services.call_create(
        actor=amara,
        space=None,
        title="How did you bring government to the table?",
        body=_text("""
            Several initiatives have found ways to get district officers, ministries or
            municipalities to sit with communities and companies, and to come back. Tell us
            how it happened for you: the first contact, what made the difference, and what
            you would do differently. A page is enough; voice notes transcribed are welcome.
        """),
        deadline=(now + timedelta(days=21)).date(),
        visibility="alliance",
    )

    walk = _story(
        people,
        spaces,
        author="kwame",
        coauthors=("akosua",),
        call=call,
        audience="public",
        title="The forest officer who came back",
        themes=("multi-stakeholder-processes", "forests-land-use"),
        body="""
            The first time the district forest officer came to the forum, he stayed for
            twenty minutes and left before the communities spoke. Nobody was surprised.

            What changed was small. Akosua asked him before the second meeting what *he*
            needed from the forum, and he said: a record he could show his director. So the
            forum started writing short minutes, read out in Twi and English at the end of
            each meeting, signed by a community representative and by him.

            He has not missed a meeting since. The minutes gave him a reason to come that
            made sense inside his office, not only inside ours.

            **What we would do differently:** ask the question about his needs at the very
            first contact, not after a failed meeting.
        """,
    )
    board = _story(
        people,
        spaces,
        author="wanjiru",
        call=call,
        audience="alliance",
        title="When the water board asked to join us",
        themes=("water-sanitation", "leadership-enabling-conditions"),
        body="""
            We had invited the water resources authority three times. In the end they came
            because the farmers' kiosk records showed a pattern their own gauges had missed:
            the dry days were not random, they followed the upstream irrigation schedule.

            Data the communities collected themselves opened the door that letters had not.
        """,
    )
    radio = _story(
        people,
        spaces,
        author="lucia",
        call=call,
        audience="public",
        title="Radio as a way in (draft)",
        body="""
            Notes for a story: the council's director heard the communities on the radio
            before he met them. Need to ask Mateo about the dates.
        """,
    )
    for story in (walk, board):
        services.story_submit(actor=story.author, story=story)
        services.story_publish(actor=amara, story=story)
    services.call_publish_collection(
        actor=amara,
        call=StoryCall.objects.get(pk=call.pk),
        stories=[walk, board],
        intro="Two ways in: a record that makes sense inside the office, and data the "
        "communities collected themselves.",
    )
    comment_create(
        author=people["priya"],
        content=walk,
        body="The signed minutes are such a simple idea. Did the officer ever "
        "disagree with what was written?",
    )
    comment_create(
        author=kwame,
        content=walk,
        body="Once, about a date. We corrected it at the next meeting, aloud.",
    )

    circle = _story(
        people,
        spaces,
        author="thandi",
        coauthors=("priya",),
        audience="public",
        title="What a practice circle taught us about listening",
        themes=("complexity-thinking",),
        body="""
            For eight months a dozen practitioners met online every second Thursday to
            share one moment from their work where they did not know what to do.

            The rule was simple: no advice for the first ten minutes, only questions. It was
            hard. It was also the part everyone remembered.
        """,
    )
    services.story_submit(actor=people["thandi"], story=circle)
    services.story_publish(actor=amara, story=circle)

    review = _story(
        people,
        spaces,
        author="rafael",
        audience="alliance",
        title="Overlapping land claims: a lawyer's view from Pará",
        themes=("land-rights",),
        body="""
            A first draft for comment. Most of the overlapping registrations on quilombola
            land were never validated, which means they can be cancelled administratively.
            The hard part is not the law; it is who pays for the surveyor.
        """,
    )
    services.story_submit(actor=people["rafael"], story=review)
    comment_create(
        author=amara,
        content=review,
        body="Could you add one example, without names, of a cancellation that "
        "worked? Then it is ready.",
    )

    voices = _story(
        people,
        spaces,
        author="akosua",
        space="ghana",
        audience="space",
        title="Voice notes in Twi, one season on",
        body="""
            Six community facilitators now send a two-minute voice note after each session.
            We listen together on Monday mornings and write one page for the forum.
        """,
    )
    services.story_submit(actor=people["akosua"], story=voices)
    services.story_publish(actor=kwame, story=voices)

    walk_call = services.call_create(
        actor=people["akosua"],
        space=spaces["ghana"],
        title="What did the boundary walk change for you?",
        body="Stories from the communities and the forest office, in any language.",
        deadline=(now + timedelta(days=30)).date(),
        visibility="space",
    )
    _story(
        people,
        spaces,
        author="yaw",
        call=walk_call,
        audience="space",
        title="Walking with the forest guards",
        body="A first draft: the guards knew the paths better than the maps.",
    )

    for days, story in (
        (40, walk),
        (33, board),
        (12, radio),
        (50, circle),
        (6, review),
        (20, voices),
    ):
        _backdate(story, now - timedelta(days=days))
