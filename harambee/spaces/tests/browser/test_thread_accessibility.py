"""axe-core finds no WCAG 2.2 A/AA violation on the thread pages -- the forum, a thread
with its summary, accepted answer, quotes and moderation tools, the guest's view, and
the summary and invitation forms -- and none scrolls sideways on a phone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from harambee.core.services import comment_create
from harambee.core.tests.browser.test_accessibility import (
    LIGHT_ONLY,
    PHONE,
    WITH_DARK,
    problems_on,
    sign_in,
)
from harambee.core.tests.checkers import AXE_JS, require_file
from harambee.core.tests.factories import PostFactory
from harambee.spaces import selectors, services
from harambee.spaces.models import ThreadGuest

pytestmark = pytest.mark.browser


def test_thread_pages_pass_axe(new_page, live_server, cast):
    require_file(AXE_JS)
    thread = PostFactory(
        space=cast.space,
        author=cast.space_member,
        visibility="space",
        is_question=True,
        title="Who signs the burning plan?",
    )
    first = comment_create(author=cast.space_lead, content=thread, body="The forest office.")
    quote = selectors.quote_for(thread=thread, comment_id=str(first.pk))
    comment_create(author=cast.guest, content=thread, body=quote + "And the volunteers.")
    comment_create(author=cast.space_member, content=thread, body="Agreed.", parent=first)
    services.thread_mark_answer(actor=cast.space_member, thread=thread, comment=first)
    services.thread_summarise(actor=cast.space_lead, thread=thread, body="Two signatures.")
    services.thread_summarise(actor=cast.space_lead, thread=thread, body="**Both** sign.")
    services.thread_set_pinned(actor=cast.space_lead, thread=thread, pinned=True)
    voice = cast.outsider
    grant = ThreadGuest.objects.create(
        thread=thread, user=voice, expires=timezone.now() + timedelta(days=3)
    )
    forum = PostFactory(space=None, author=cast.member, visibility="public", title="Open talk")
    services.thread_set_locked(actor=cast.steward, thread=forum, locked=True)
    url = thread.get_absolute_url()
    tours = {
        cast.space_lead: [
            (url, WITH_DARK),
            (f"{url}?quote={first.pk}", [(PHONE, "light")]),
            (f"{url}summary/", LIGHT_ONLY),
            (f"{url}invite/", LIGHT_ONLY),
            ("/forum/", LIGHT_ONLY),
            ("/forum/new/", [(PHONE, "light")]),
        ],
        voice: [(url, LIGHT_ONLY)],
        None: [("/forum/", LIGHT_ONLY), (forum.get_absolute_url(), LIGHT_ONLY)],
    }
    assert grant.is_active
    problems = []
    for user, visits in tours.items():
        page = new_page(bypass_csp=True)
        if user is not None:
            sign_in(page, user, live_server.url)
        for path, looks in visits:
            response = page.goto(path)
            assert response is not None and response.status == 200, (str(user), path)
            problems += problems_on(page, f"{path} ({user})", looks)
    assert problems == [], "\n".join(problems)
