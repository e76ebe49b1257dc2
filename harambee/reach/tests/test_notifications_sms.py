"""SMS as a notification channel: a member who chose it hears at once, by SMS, at the
number linked to their account, once per notice, and only of what they may see."""

from __future__ import annotations

import pytest

from harambee.core.tests.factories import PostFactory
from harambee.notifications import services as notifications
from harambee.notifications.models import Channel, Frequency, Kind
from harambee.reach.gateways import console
from harambee.reach.models import Message
from harambee.reach.tests.helpers import contact, sms_space

pytestmark = pytest.mark.django_db


def test_a_member_who_chose_sms_is_texted_once_per_notice(cast, run_on_commit_now):
    sms_space(cast.space)
    contact(cast.space, phone="+233201111111", user=cast.space_member)
    notifications.preferences_set(
        user=cast.space_member, choices={(Kind.MENTION, Channel.SMS): Frequency.IMMEDIATELY}
    )
    post = PostFactory(
        space=cast.space, author=cast.space_lead, visibility="space", title="Seedlings"
    )
    for _ in range(2):
        notifications.notification_create_many(
            recipients=[cast.space_member, cast.guest],
            kind=Kind.MENTION,
            actor=cast.space_lead,
            content=post,
        )
    texts = [text for _, to, text in console.OUTBOX if to == "+233201111111"]
    assert len(texts) == 1 and "Seedlings" in texts[0]
    assert Message.objects.filter(purpose="notification").count() == 1


def test_sms_is_off_by_default_and_never_for_what_the_person_may_not_see(cast, run_on_commit_now):
    sms_space(cast.space)
    contact(cast.other_space, phone="+233202222222", user=cast.member)
    notifications.preferences_set(
        user=cast.member, choices={(Kind.MENTION, Channel.SMS): Frequency.IMMEDIATELY}
    )
    hidden = PostFactory(
        space=cast.space, author=cast.space_lead, visibility="space", title="HIDDENSMS"
    )
    notifications.notification_create_many(
        recipients=[cast.member], kind=Kind.MENTION, actor=cast.space_lead, content=hidden
    )
    assert not any("HIDDENSMS" in text for _, _, text in console.OUTBOX)
    contact(cast.space, phone="+233203333333", user=cast.space_member)
    visible = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    notifications.notification_create_many(
        recipients=[cast.space_member], kind=Kind.MENTION, actor=cast.space_lead, content=visible
    )
    assert not [to for _, to, _ in console.OUTBOX if to == "+233203333333"]


def test_the_preferences_offer_sms_at_once_or_never(cast, client_for):
    page = client_for(cast.member).get("/notifications/settings/").content.decode()
    assert "By SMS" in page
