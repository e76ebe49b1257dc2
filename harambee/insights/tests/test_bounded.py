"""What keeps the insights pages light at any size: a space's page shows its newest
prompts and links to the rest, a page at a time; the tables and their charts are
rendered once per thing they show, and a viewer who may see less gets tables of their
own, never another viewer's."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from harambee.insights import views
from harambee.insights.models import Prompt
from harambee.insights.selectors import PROMPTS_SHOWN
from harambee.insights.tests.factories import reply, thread

pytestmark = pytest.mark.django_db


def _prompts(space, author, count: int, prefix: str) -> list:
    made = []
    for number in range(count):
        post = thread(space, author, hours_ago=60, title=f"{prefix}-{number:02d}")
        made.append(
            Prompt.objects.create(
                kind="unanswered", key=f"{prefix}:{number}", space=space, thread=post
            )
        )
    return made


def _titles(html: str, prefix: str) -> set[str]:
    """The threads named in the page's prompts (the tables name threads too)."""
    section = html.split('aria-labelledby="prompts-heading"', 1)[-1].split("</section>", 1)[0]
    return set(re.findall(rf"{prefix}-\d\d", section))


def test_a_space_page_shows_its_newest_prompts_and_links_to_every_one(cast, client_for):
    made = _prompts(cast.space, cast.space_member, PROMPTS_SHOWN + 20, "NUDGE")
    lead = client_for(cast.space_lead)
    html = lead.get(reverse("insights:space", args=[cast.space.slug])).content.decode()
    assert len(_titles(html, "NUDGE")) == PROMPTS_SHOWN
    everything = reverse("insights:space_prompts", args=[cast.space.slug])
    assert f'href="{everything}"' in html
    # The prompts' own pages, 25 at a time, hold every open prompt once.
    seen: set[str] = set()
    url = everything
    while url:
        page = lead.get(url)
        assert page.status_code == 200
        body = page.content.decode()
        seen |= _titles(body, "NUDGE")
        found = re.search(r'href="\?([^"]+)" rel="next"', body)
        url = f"{everything}?{found.group(1).replace('&amp;', '&')}" if found else None
    assert seen == {p.thread.title for p in made}
    # Dismissed from its page, a prompt goes back to that page.
    first = lead.get(everything).content.decode()
    assert 'name="next"' in first
    answer = lead.post(
        reverse("insights:dismiss", args=[made[0].pk]), {"next": everything + "?after=x"}
    )
    assert answer.status_code == 302 and answer["Location"] == everything + "?after=x"


def test_the_prompt_pages_are_for_facilitators_and_stewards_only(cast, client_for):
    _prompts(cast.space, cast.space_member, 3, "NUDGE")
    hidden = thread(cast.other_space, cast.outsider, hours_ago=60, title="ELSEWHERE-00")
    Prompt.objects.create(kind="unanswered", key="x", space=cast.other_space, thread=hidden)
    url = reverse("insights:space_prompts", args=[cast.space.slug])
    assert client_for(cast.space_member).get(url).status_code == 404
    assert client_for(cast.outsider).get(url).status_code == 404
    assert client_for(None).get(url).status_code in (302, 404)
    shown = client_for(cast.space_lead).get(url).content.decode()
    assert len(_titles(shown, "NUDGE")) == 3 and "ELSEWHERE" not in shown
    # The other space's page is not the lead's to see.
    other = reverse("insights:space_prompts", args=[cast.other_space.slug])
    assert client_for(cast.space_lead).get(other).status_code == 404
    forum = thread(None, cast.member, hours_ago=50, visibility="alliance", title="FORUM-00")
    Prompt.objects.create(kind="unanswered", key="f", space=None, thread=forum)
    forum_url = reverse("insights:forum_prompts")
    assert client_for(cast.member).get(forum_url).status_code == 404
    assert client_for(cast.space_lead).get(forum_url).status_code == 404
    assert "FORUM-00" in client_for(cast.steward).get(forum_url).content.decode()


def test_tables_are_rendered_once_and_never_shared_with_a_viewer_who_sees_less(
    cast, client_for, monkeypatch
):
    post = thread(cast.space, cast.space_member, hours_ago=30, title="TABLED-THREAD")
    reply(post, cast.space_lead, hours_ago=20)
    drawn = []
    real = views.bar_chart
    monkeypatch.setattr(views, "bar_chart", lambda table: drawn.append(table.key) or real(table))
    url = reverse("insights:space", args=[cast.space.slug])
    lead = client_for(cast.space_lead)
    first = lead.get(url).content.decode()
    charts = len(drawn)
    assert charts > 5 and "TABLED-THREAD" in first
    again = lead.get(url).content.decode()
    assert len(drawn) == charts  # the same tables: not drawn again
    assert again.count("<table") == first.count("<table")
    # A member sees the space as a whole: fewer tables, drawn for them, no thread rows.
    member = client_for(cast.space_member).get(url).content.decode()
    assert len(drawn) > charts
    assert "TABLED-THREAD" not in member and member.count("<table") < first.count("<table")
    # The thread renamed: the lead's tables show the new title at once.
    type(post).objects.filter(pk=post.pk).update(title="RENAMED-THREAD")
    renamed = lead.get(url).content.decode()
    assert "RENAMED-THREAD" in renamed and "TABLED-THREAD" not in renamed


def test_a_stewards_index_lists_every_space_a_page_at_a_time(cast, client_for):
    from harambee.core.tests.factories import SpaceFactory
    from harambee.spaces.models import Space

    for number in range(views.SPACES_PER_PAGE + 5):
        SpaceFactory(name=f"Zone {number:03d}", slug=f"zone-{number:03d}")
    steward = client_for(cast.steward)
    url = reverse("insights:index")
    seen: set[str] = set()
    page = steward.get(url).content.decode()
    assert 'rel="next"' in page
    while True:
        seen |= set(re.findall(r'href="/insights/spaces/([\w-]+)/"', page))
        found = re.search(r'href="\?([^"]+)" rel="next"', page)
        if not found:
            break
        page = steward.get(f"{url}?{found.group(1).replace('&amp;', '&')}").content.decode()
    assert seen == set(Space.objects.values_list("slug", flat=True))
    # A member's index lists their own spaces, with no pages.
    mine = client_for(cast.space_member).get(url).content.decode()
    assert cast.space.slug in mine and "zone-000" not in mine and 'rel="next"' not in mine


def test_the_period_picker_kept_as_a_fragment_still_shows_each_readers_values_and_errors(
    cast, client_for
):
    lead = client_for(cast.space_lead)
    url = reverse("insights:space", args=[cast.space.slug])
    plain = lead.get(url).content.decode()
    assert 'value="30" selected' in plain and 'role="alert"' not in plain
    week = lead.get(url, {"days": 7}).content.decode()
    assert 'value="7" selected' in week and 'value="30" selected' not in week
    for _ in range(2):  # a wrong value is never kept: its message shows every time
        wrong = lead.get(url, {"days": 7, "end": "2999-01-01"}).content.decode()
        assert "Choose today or a day before it." in wrong
    assert "Choose today" not in lead.get(url, {"days": 7}).content.decode()
