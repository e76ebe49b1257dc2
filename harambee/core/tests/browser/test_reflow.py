"""No page scrolls sideways on a phone (360 px, WCAG 1.4.10 reflow), whatever people
write: every kind of item here carries a long address and a long unbroken word, in
its title, text, comments, links and profile fields, and each page that shows them
is loaded at 360 px and must fit: ``scrollWidth <= clientWidth``."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from harambee.core.models import Visibility
from harambee.core.tests.factories import CommentFactory, PostFactory
from harambee.initiatives.models import Initiative, LearningNote, Lesson
from harambee.library.models import Resource
from harambee.spaces.models import Space
from harambee.stories.models import Story
from harambee.stream.models import StreamPost
from harambee.wiki.models import WikiPage, WikiRevision

pytestmark = pytest.mark.browser

URL = (
    "https://example.org/reports/2026/forest-guardians/community-monitoring-of-the-"
    "northern-reserve-and-its-buffer-zone/annex-4-field-measurements-final-final-v3.pdf"
)
WORD = "Nkabomkuokuoekuokuoekuoekuokuoekuoekuoakuoekuoekuoekuoeaseɛ" * 2
TEXT = (
    f"See {URL} and [the annex]({URL}). {WORD} #{WORD[:40]}\n\n    {URL}\n\n"
    f"| a | {URL} |\n|---|---|\n| {WORD} | x |"
)


@pytest.fixture
def long_world(cast):
    space = cast.space
    Space.objects.filter(pk=space.pk).update(
        kind=Space.Type.INITIATIVE, listing=Space.Listing.PUBLIC, description=TEXT
    )
    initiative, _ = Initiative.objects.update_or_create(
        space=space,
        defaults={
            "summary": f"{WORD[:200]} {URL[:90]}",
            "links": f"{URL}\n{URL}?x={WORD}",
            "place": WORD[:190],
        },
    )
    public = {"visibility": Visibility.PUBLIC, "title": f"{WORD[:150]} {URL[:40]}"}
    thread = PostFactory(space=space, author=cast.space_lead, body=TEXT, **public)
    CommentFactory(content=thread, author=cast.space_member, body=TEXT)
    note = LearningNote(
        initiative=initiative, space=space, author=cast.space_lead, learned=TEXT, **public
    )
    note.save()
    lesson = Lesson.objects.create(
        note=note, space=space, author=cast.space_lead, body=TEXT, **public
    )
    stream = StreamPost.objects.create(space=None, author=cast.member, body=TEXT[:480], **public)
    story = Story.objects.create(
        space=None,
        author=cast.member,
        body=TEXT,
        status="published",
        audience="public",
        published=timezone.now(),
        **public,
    )
    resource = Resource.objects.create(
        space=None,
        author=cast.member,
        body=TEXT,
        link=URL,
        author_names=WORD,
        resource_type=Resource.Type.REPORT,
        **public,
    )
    page = WikiPage(space=None, author=cast.member, body=TEXT, revision=1, **public)
    page.save()
    WikiRevision.objects.create(
        page=page,
        number=1,
        title=page.title,
        body=page.body,
        category=page.category,
        author=cast.member,
    )
    from datetime import timedelta

    from harambee.events.models import Event, Session

    event = Event.objects.create(
        space=space,
        author=cast.space_lead,
        body=TEXT,
        event_kind=Event.Kind.REGIONAL_WORKSHOP,
        starts=timezone.now() + timedelta(days=2),
        ends=timezone.now() + timedelta(days=2, hours=3),
        time_zone="America/Argentina/ComodRivadavia",
        mode=Event.Mode.HYBRID,
        place=WORD[:190],
        address=f"{URL}\n{WORD}",
        interpretation=WORD[:190],
        capacity=3,
        ask_dietary=True,
        **public,
    )
    Session.objects.create(
        event=event, title=WORD[:190], starts=event.starts, outside_speakers=WORD[:190]
    )
    cast.member.bio = TEXT
    cast.member.display_name = WORD[:100]
    cast.member.save()
    return [
        initiative.get_absolute_url(),
        space.get_absolute_url(),
        reverse("spaces:list"),
        thread.get_absolute_url(),
        note.get_absolute_url(),
        lesson.get_absolute_url(),
        stream.get_absolute_url(),
        reverse("stream:timeline"),
        story.get_absolute_url(),
        resource.get_absolute_url(),
        reverse("library:index"),
        page.url(),
        reverse("people:person", args=[cast.member.pk]),
        reverse("people:profile_edit"),
        f"{reverse('search:search')}?q=Nkabomkuokuoekuokuo",
        reverse("notifications:centre"),
        event.get_absolute_url(),
        reverse("events:calendar"),
        reverse("events:calendar") + f"?view=month&month={event.starts:%Y-%m}",
        reverse("events:space_calendar", args=[space.slug]),
    ]


def sign_in(page, user, base_url: str) -> None:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies([{"name": name, "value": client.cookies[name].value, "url": base_url}])


def test_no_page_scrolls_sideways_at_360px(new_page, live_server, cast, long_world):
    page = new_page(viewport={"width": 360, "height": 740})
    sign_in(page, cast.space_member, live_server.url)
    wide = []
    for path in long_world:
        response = page.goto(path)
        assert response is not None and response.status < 400, (path, response and response.status)
        overflow = page.evaluate(
            "() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
        )
        if overflow > 0:
            wide.append(f"{path}: {overflow}px too wide")
    assert not wide, "\n".join(wide)
