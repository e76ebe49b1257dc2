"""Every moderation page is valid HTML (the Nu Html Checker, in one run), in each of
its states: flag forms with errors, both queues, a review page with flagged comments,
a hidden item, the move form, suspensions and the page a suspended person gets."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.tests.checkers import VNU_JAR, java, require_file, vnu
from harambee.core.tests.factories import CommentFactory, MembershipFactory, PostFactory
from harambee.moderation import services
from harambee.people.roles import SpaceRole

pytestmark = pytest.mark.django_db


def test_moderation_pages_are_valid_html(cast, client_for, tmp_path):
    require_file(VNU_JAR)
    java()
    MembershipFactory(space=cast.other_space, user=cast.space_lead, role=SpaceRole.FACILITATOR)
    thread = PostFactory(space=cast.space, author=cast.space_member, visibility="space")
    comment = CommentFactory(content=thread, author=cast.guest, body="Rude *words*")
    hidden = PostFactory(space=cast.space, author=cast.guest, visibility="space")
    forum = PostFactory(space=None, author=cast.member, visibility="alliance")
    services.flag_create(flagger=cast.guest, content=thread, reason="other", note="Why & how")
    services.flag_create(flagger=cast.space_member, content=thread, comment=comment, reason="spam")
    services.flag_create(flagger=cast.space_member, content=forum, reason="abusive")
    services.flag_create(flagger=cast.space_member, content=hidden, reason="spam")
    services.content_hide(actor=cast.space_lead, content=hidden, reason="Spam <b>")
    services.member_suspend(actor=cast.steward, user=cast.member, reason="Cool down")
    lead, steward = client_for(cast.space_lead), client_for(cast.steward)
    flag_url = reverse("moderation:flag", args=[thread.pk])
    move_url = reverse("moderation:move", args=[thread.pk])
    suspend_url = reverse("moderation:suspend", args=[cast.space_member.pk])
    pages = {
        "flag": (lead, "get", flag_url, None),
        "flag-comment": (lead, "get", f"{flag_url}?comment={comment.pk}", None),
        "flag-error": (lead, "post", flag_url, {"reason": "other"}),
        "queue-lead": (lead, "get", reverse("moderation:queue"), None),
        "queue-steward": (steward, "get", reverse("moderation:queue"), None),
        "hidden": (lead, "get", reverse("moderation:hidden"), None),
        "item": (lead, "get", reverse("moderation:item", args=[thread.pk]), None),
        "item-hidden": (lead, "get", reverse("moderation:item", args=[hidden.pk]), None),
        "item-forum": (steward, "get", reverse("moderation:item", args=[forum.pk]), None),
        "move": (lead, "get", move_url, None),
        "move-error": (lead, "post", move_url, {"to": "nowhere"}),
        "suspensions": (steward, "get", reverse("moderation:suspensions"), None),
        "suspend": (steward, "get", suspend_url, None),
        "suspend-error": (steward, "post", suspend_url, {"reason": "", "until": "x"}),
        "thread": (lead, "get", thread.get_absolute_url(), None),
        "suspended": (
            client_for(cast.member),
            "post",
            reverse("moderation:flag", args=[forum.pk]),
            {"reason": "spam"},
        ),
    }
    for label, (client, method, path, data) in pages.items():
        response = getattr(client, method)(path, data or {})
        assert response.status_code in (200, 403, 422), (label, response.status_code)
        (tmp_path / f"{label}.html").write_text(response.content.decode(), encoding="utf-8")
    messages = vnu(tmp_path)
    problems = [m for m in messages if m.get("type") == "error" or m.get("subType") == "warning"]
    assert problems == [], "\n".join(
        f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in problems
    )
