"""The leak test's world, rendered through this app's routes only: a quick check to
run while working on the stream (``core/tests/test_leaks.py`` runs every route)."""

from __future__ import annotations

import pytest

from harambee.core.tests.test_leaks import (  # noqa: F401
    CAST,
    cast,
    leak_world,
    our_route_names,
    urls_for,
    world,
)
from harambee.core.visibility import can_see_space, can_view

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", CAST)
def test_stream_routes_hide_what_each_cast_member_may_not_see(cast, world, client_for, who):  # noqa: F811
    names = sorted(n for n in our_route_names() if n.startswith("stream:"))
    assert len(names) >= 10
    user = getattr(cast, who)
    client = client_for(user)
    hidden = [item for item in world["items"] if not can_view(user, item)]
    markers = [item.title.split("-")[0] for item in hidden]
    assert any(m.endswith("H") for m in markers)
    hide_secret = not can_see_space(user, world["secret"])
    shown = 0
    for url in [u for name in names for u in urls_for(name, cast, world)]:
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = client.get(url, **headers)
            assert response.status_code < 500, (who, url)
            body = response.content.decode()
            for marker in markers:
                assert marker not in body, (who, url, marker)
            if hide_secret:
                assert "SECRETSPACE-MARK" not in body, (who, url)
            shown += body.count("H-TITLE") + body.count("H-BODY")
    if user.is_authenticated:
        assert shown  # what may be seen does show, on the timeline and elsewhere
