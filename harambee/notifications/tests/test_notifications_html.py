"""The notification pages and emails are valid HTML (Nu Html Checker)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from harambee.core.services import comment_create
from harambee.core.tests.checkers import VNU_JAR, java, require_file, vnu
from harambee.core.tests.factories import PostFactory
from harambee.core.tests.test_html_validity import report
from harambee.notifications import services
from harambee.notifications.digests import digests_send
from harambee.notifications.models import Frequency
from harambee.spaces import services as space_services
from harambee.stream.services import handle_ensure, stream_post_create

pytestmark = pytest.mark.django_db


def test_notification_pages_and_emails_are_valid_html(
    cast, client_for, tmp_path, run_on_commit_now, settings
):
    require_file(VNU_JAR)
    java()
    settings.NEW_ACCOUNT_POSTS_PER_HOUR = 0  # many posts by one new account
    steward = f"@{handle_ensure(user=cast.steward).name}"
    for n in range(33):  # more than a page
        stream_post_create(
            author=cast.member,
            space=None,
            text=f"Post {n} for {steward} & <b> #radio",
            visibility="alliance",
            language="en",
        )
    thread = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    comment_create(author=cast.space_member, content=thread, body="A reply <i>with</i> & marks")
    space_services.join_request_create(user=cast.member, space=cast.space)
    space_services.invitation_create(
        actor=cast.space_lead, space=cast.space, email=cast.steward.email
    )
    from django.utils import timezone

    digests_send(frequency=Frequency.WEEKLY, now=timezone.now() + timezone.timedelta(days=7))
    token = services.unsubscribe_token(user=cast.steward, kind="mention")
    pages = {
        "centre": (cast.steward, "get", reverse("notifications:centre"), {}),
        "centre-lead": (cast.space_lead, "get", reverse("notifications:centre"), {}),
        "centre-empty": (cast.guest, "get", reverse("notifications:centre"), {}),
        "settings": (cast.member, "get", reverse("notifications:preferences"), {}),
        "settings-errors": (
            cast.member,
            "post",
            reverse("notifications:preferences"),
            {"mention__web": "sometimes"},
        ),
        "unsubscribe": (None, "get", reverse("notifications:unsubscribe", args=[token]), {}),
        "unsubscribed": (None, "post", reverse("notifications:unsubscribe", args=[token]), {}),
        "unsubscribe-bad": (None, "get", reverse("notifications:unsubscribe", args=["x"]), {}),
    }
    html: dict[str, str] = {}
    for label, (who, method, url, data) in pages.items():
        response = getattr(client_for(who), method)(url, data)
        assert response.status_code in (200, 400, 422), (label, response.status_code)
        html[label] = response.content.decode()
    older = client_for(cast.steward).get(reverse("notifications:centre"))
    assert 'rel="next"' in older.content.decode()
    ours = [m for m in mail.outbox if "List-Unsubscribe" in m.extra_headers]
    assert len(ours) > 3
    for n, message in enumerate(ours):
        html[f"email-{n}"] = message.alternatives[0][0]
    for label, text in html.items():
        (tmp_path / f"{label}.html").write_text(text, encoding="utf-8")
    problems = [
        m for m in vnu(tmp_path) if m.get("type") == "error" or m.get("subType") == "warning"
    ]
    assert not problems, report(problems)
