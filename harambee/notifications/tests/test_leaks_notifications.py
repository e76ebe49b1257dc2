"""The leak test's world through this app's routes only (``core/tests/test_leaks.py``
runs every route): nothing hidden shows, and what may be seen does."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.tests.test_leaks import cast, leak_world, our_route_names, urls_for, world  # noqa: F401
from harambee.core.visibility import can_see_space, can_view
from harambee.notifications import selectors
from harambee.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_notification_routes_hide_and_show_through_the_gate(cast, world, client_for):  # noqa: F811
    names = sorted(n for n in our_route_names() if n.startswith("notifications:"))
    assert len(names) == 7
    for who in ("outsider", "guest", "space_member", "steward"):
        user = getattr(cast, who)
        client = client_for(user)
        hidden = [item for item in world["items"] if not can_view(user, item)]
        markers = [item.title.split("-")[0] for item in hidden]
        # Stale notices about hidden items are in the table, and left out everywhere.
        assert Notification.objects.filter(recipient=user, content__in=hidden).exists()
        hide_secret = not can_see_space(user, world["secret"])
        urls = [u for name in names for u in urls_for(name, cast, world)]
        # Every page of the centre, not only the first.
        before, pages = None, 0
        while True:
            entries, before = selectors.centre(user, before=before)
            pages += 1
            url = reverse("notifications:centre") + (f"?before={before}" if before else "")
            urls.append(url)
            if before is None:
                break
        shown = 0
        for url in urls:
            response = client.get(url)
            assert response.status_code < 500, (who, url)
            body = response.content.decode()
            for marker in markers:
                assert marker not in body, (who, url, marker)
            if hide_secret:
                assert "SECRETSPACE-MARK" not in body, (who, url)
            shown += body.count("-TITLE")
        assert pages > 1 and shown, who
        visible_unread = [
            n
            for n in Notification.objects.filter(recipient=user, read__isnull=True)
            if n.content is None or can_view(user, n.content)
        ]
        assert selectors.unread_count(user) == min(len(visible_unread), 100)
