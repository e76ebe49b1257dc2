"""What a facilitator may see of a snapshot's threads and people is kept for them
between writes (``insights.views._names``): the next view reads neither, and any
committed write -- a thread made private, a person's name changed -- shows at once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from harambee.insights.tests.factories import reply, thread
from harambee.people.models import User

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _shared_cache(settings):
    # The generation keys other caches only when the page cache (a shared one) is on.
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 300


def _gated_reads(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return [
        q["sql"]
        for q in ctx.captured_queries
        if '"core_content"."title" AS "title"' in q["sql"]
        or '"people_user"."display_name" AS "display_name"' in q["sql"]
    ]


def test_the_next_view_reads_no_title_and_a_write_shows_at_once(cast, client_for):
    post = thread(cast.space, cast.space_member, hours_ago=30, title="KEPT-THREAD")
    reply(post, cast.space_lead, hours_ago=20)
    url = reverse("insights:space", args=[cast.space.slug])
    lead = client_for(cast.space_lead)
    assert "KEPT-THREAD" in lead.get(url).content.decode()
    assert _gated_reads(lead, url) == []
    # Renamed and then made private by its author: each write shows on the next view.
    post.title = "RENAMED-THREAD"
    post.save()
    page = lead.get(url).content.decode()
    assert "RENAMED-THREAD" in page and "KEPT-THREAD" not in page
    post.visibility = "private"
    post.save()
    assert "RENAMED-THREAD" not in lead.get(url).content.decode()
    # Another facilitator does not read the lead's entry: a key of their own.
    assert _gated_reads(client_for(cast.steward), url)


def test_a_name_changed_shows_at_once(cast, client_for):
    post = thread(cast.space, cast.space_member, hours_ago=30)
    reply(post, cast.space_member, hours_ago=20)
    url = reverse("insights:space", args=[cast.space.slug])
    lead = client_for(cast.space_lead)
    lead.get(url)
    person = User.objects.get(pk=cast.space_member.pk)
    person.display_name = "Newly Named"
    person.save()
    assert "Newly Named" in lead.get(url).content.decode()


def test_prompts_pages_keep_titles_per_reader_and_hide_a_thread_made_private(cast, client_for):
    from harambee.insights.models import Prompt

    post = thread(cast.space, cast.space_member, hours_ago=60, title="PROMPTED-THREAD")
    Prompt.objects.create(kind="unanswered", key="k", space=cast.space, thread=post)
    url = reverse("insights:space_prompts", args=[cast.space.slug])
    lead = client_for(cast.space_lead)
    assert "PROMPTED-THREAD" in lead.get(url).content.decode()
    assert _gated_reads(lead, url) == []
    post.visibility = "private"
    post.save()
    assert "PROMPTED-THREAD" not in lead.get(url).content.decode()
