"""Prompts raised once per condition and dismissable; slow mode refuses with a clear
message, keeps the text, spares facilitators and ends by itself."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from harambee.conftest import make_user
from harambee.core.models import Comment
from harambee.core.tests.factories import MembershipFactory
from harambee.insights.models import Prompt, SlowMode
from harambee.insights.prompts import prompts_raise
from harambee.insights.tasks import insights_refresh
from harambee.insights.tests.factories import reply, thread

pytestmark = pytest.mark.django_db


def test_an_unanswered_thread_is_raised_once_and_dismissed(cast, client_for):
    old = thread(cast.space, cast.space_member, hours_ago=50, title="QUIET-THREAD")
    reply(old, cast.space_member, hours_ago=49)  # the author's own reply is no answer
    young = thread(cast.space, cast.space_member, hours_ago=10)
    answered = thread(cast.space, cast.space_member, hours_ago=60)
    reply(answered, cast.space_lead, hours_ago=59)
    assert prompts_raise() == 1
    assert prompts_raise() == 0
    prompt = Prompt.objects.get()
    assert (prompt.kind, prompt.thread_id) == ("unanswered", old.pk)
    assert young.pk != prompt.thread_id
    url = reverse("insights:space", args=[cast.space.slug])
    assert (
        "“QUIET-THREAD” has had no reply" in client_for(cast.space_lead).get(url).content.decode()
    )
    # Members do not see prompts, and may not dismiss them.
    assert "QUIET-THREAD" not in client_for(cast.space_member).get(url).content.decode()
    dismiss = reverse("insights:dismiss", args=[prompt.pk])
    assert client_for(cast.space_member).post(dismiss).status_code == 404
    assert client_for(cast.outsider).post(dismiss).status_code == 404
    assert client_for(cast.space_lead).post(dismiss).status_code == 302
    prompt.refresh_from_db()
    assert prompt.dismissed is not None
    assert "has had no reply" not in client_for(cast.space_lead).get(url).content.decode()
    # Dismissed, the same condition is never raised again.
    assert prompts_raise() == 0


def test_one_sector_and_one_voice(cast):
    people = [make_user(sector="research") for _ in range(3)]
    for person in people:
        MembershipFactory(space=cast.space, user=person)
    post = thread(cast.space, people[0], hours_ago=5)
    reply(post, people[1], hours_ago=4)
    reply(post, people[2], hours_ago=3)
    for hours in (2.5, 2, 1.5, 1):
        reply(post, people[0], hours_ago=hours)
    prompts_raise()
    kinds = {p.kind: p for p in Prompt.objects.filter(thread=post)}
    assert kinds["one_sector"].sector == "research"
    # 5 of 7 posts are by the first person.
    assert kinds["dominant"].person_id == people[0].pk
    assert kinds["dominant"].share == pytest.approx(5 / 7)


def test_quiet_members_and_absent_sectors(cast):
    cast.space_member.sector = "business"
    cast.space_member.save()
    cast.space_lead.sector = "government"
    cast.space_lead.save()
    cast.guest.sector = "government"
    cast.guest.save()
    past = thread(cast.space, cast.space_member, hours_ago=24 * 45)
    now_talk = thread(cast.space, cast.space_lead, hours_ago=3)
    reply(now_talk, cast.guest, hours_ago=2)
    prompts_raise()
    quiet = Prompt.objects.get(kind="quiet")
    assert quiet.person_id == cast.space_member.pk
    absent = Prompt.objects.get(kind="absent_sector")
    assert absent.sector == "business"
    assert past.pk
    # Speaking again, then going quiet again, is a new condition.
    assert prompts_raise() == 0


def test_the_scheduled_task_refreshes_snapshots_and_prompts(cast):
    thread(cast.space, cast.space_member, hours_ago=50)
    assert insights_refresh.call() == 1


def test_forum_prompts_are_for_stewards(cast, client_for):
    forum = thread(None, cast.member, hours_ago=50, visibility="alliance", title="FORUM-Q")
    prompts_raise()
    assert Prompt.objects.get().thread_id == forum.pk
    assert "FORUM-Q" in client_for(cast.steward).get(reverse("insights:index")).content.decode()
    assert "FORUM-Q" not in client_for(cast.member).get(reverse("insights:index")).content.decode()


def _post(client, post, body):
    return client.post(reverse("core:comment", args=[post.pk]), {"body": body})


def test_slow_mode_refuses_with_a_message_and_keeps_the_text(cast, client_for):
    post = thread(cast.space, cast.space_lead, hours_ago=1, title="SLOW-THREAD")
    lead, member = client_for(cast.space_lead), client_for(cast.space_member)
    url = reverse("insights:slow_mode", args=[post.pk])
    assert member.post(url, {"minutes": 10, "hours": 2}).status_code == 404
    refused = lead.post(url, {"minutes": 0, "hours": 2})
    assert refused.status_code == 200 and "errorlist" in refused.content.decode()
    assert not SlowMode.objects.exists()
    assert lead.post(url, {"minutes": 10, "hours": 2}).status_code == 302
    assert SlowMode.objects.get(thread=post).minutes == 10
    assert _post(member, post, "First thought").status_code == 302
    refused = _post(member, post, "SECOND-THOUGHT kept")
    page = refused.content.decode()
    assert "slow mode" in page and "SECOND-THOUGHT kept" in page
    assert Comment.objects.filter(content=post).count() == 1
    # Facilitators are not held.
    assert _post(lead, post, "One").status_code == 302
    assert _post(lead, post, "Two").status_code == 302
    # It ends by itself.
    SlowMode.objects.filter(thread=post).update(ends=timezone.now() - timedelta(minutes=1))
    assert _post(member, post, "Later").status_code == 302
    assert lead.post(url, {"action": "end"}).status_code == 302
    assert not SlowMode.objects.exists()


def test_slow_mode_lets_the_next_reply_through_after_the_wait(cast, client_for):
    post = thread(cast.space, cast.space_lead, hours_ago=1)
    SlowMode.objects.create(thread=post, minutes=5, ends=timezone.now() + timedelta(hours=1))
    member = client_for(cast.space_member)
    reply(post, cast.space_member, hours_ago=0.2)  # 12 minutes ago
    assert _post(member, post, "Again").status_code == 302
