"""axe-core finds no WCAG 2.2 A/AA violation on the moderation pages -- the flag form
(with an error), both queues, a review page with flagged comments and a hidden item,
the hidden list, the move form, suspensions and the suspend form -- in light and dark,
on a phone and a laptop, and none scrolls sideways on a phone."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.tests.browser.test_accessibility import (
    LIGHT_ONLY,
    PHONE,
    WITH_DARK,
    problems_on,
    sign_in,
)
from harambee.core.tests.checkers import AXE_JS, require_file
from harambee.core.tests.factories import CommentFactory, MembershipFactory, PostFactory
from harambee.moderation import services
from harambee.people.roles import SpaceRole

pytestmark = pytest.mark.browser


def test_moderation_pages_pass_axe(new_page, live_server, cast):
    require_file(AXE_JS)
    # A second space the lead runs, so that the move form has somewhere to go.
    MembershipFactory(space=cast.other_space, user=cast.space_lead, role=SpaceRole.FACILITATOR)
    thread = PostFactory(
        space=cast.space, author=cast.space_member, visibility="space", title="Burning plan"
    )
    comment = CommentFactory(content=thread, author=cast.guest, body="Rude *words*")
    hidden = PostFactory(space=cast.space, author=cast.guest, visibility="space", title="Ads")
    forum = PostFactory(space=None, author=cast.member, visibility="alliance", title="Open")
    services.flag_create(flagger=cast.guest, content=thread, reason="other", note="Why & how")
    services.flag_create(flagger=cast.space_member, content=thread, comment=comment, reason="spam")
    services.flag_create(flagger=cast.space_member, content=forum, reason="abusive")
    services.flag_create(flagger=cast.space_member, content=hidden, reason="spam")
    services.content_hide(actor=cast.space_lead, content=hidden, reason="Spam")
    services.member_suspend(actor=cast.steward, user=cast.member, reason="Cool down")
    flag_url = reverse("moderation:flag", args=[thread.pk])
    tours = {
        cast.space_lead: [
            (reverse("moderation:queue"), WITH_DARK),
            (reverse("moderation:item", args=[thread.pk]), WITH_DARK),
            (reverse("moderation:item", args=[hidden.pk]), LIGHT_ONLY),
            (reverse("moderation:hidden"), LIGHT_ONLY),
            (reverse("moderation:move", args=[thread.pk]), [(PHONE, "light")]),
            (flag_url, LIGHT_ONLY),
            (f"{flag_url}?comment={comment.pk}", [(PHONE, "light")]),
        ],
        cast.steward: [
            (reverse("moderation:queue"), LIGHT_ONLY),
            (reverse("moderation:item", args=[forum.pk]), LIGHT_ONLY),
            (reverse("moderation:suspensions"), WITH_DARK),
            (reverse("moderation:suspend", args=[cast.space_member.pk]), LIGHT_ONLY),
        ],
    }
    problems = []
    for user, visits in tours.items():
        page = new_page(bypass_csp=True)
        sign_in(page, user, live_server.url)
        for path, looks in visits:
            response = page.goto(path)
            assert response is not None and response.status == 200, (str(user), path)
            problems += problems_on(page, f"{path} ({user})", looks)
    # The flag form's error state, sent without JavaScript's help.
    page = new_page(bypass_csp=True)
    sign_in(page, cast.space_lead, live_server.url)
    page.goto(flag_url)
    page.get_by_role("radio", name="Something else").check()
    page.get_by_role("button", name="Send the flag").click()
    page.wait_for_load_state()
    assert page.locator(".errorlist").count() >= 1
    problems += problems_on(page, "flag form with an error", LIGHT_ONLY)
    assert problems == [], "\n".join(problems)
