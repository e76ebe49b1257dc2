"""Online rooms for events: one module per provider (Jitsi Meet, BigBlueButton).

To add a provider: a module here with ``join_url(event, user, *, moderator) -> str``
(raising ``RoomUnavailable`` with a message for the reader when the server cannot give
a room), a value in ``Event.Room``, and a branch in ``join_url`` below."""

from __future__ import annotations

from typing import Any


class RoomUnavailable(Exception):
    """The meeting server cannot give a room now; the message is for the reader.
    ``key`` is the server's own short name of the problem, when it gave one."""

    key = ""


def join_url(event: Any, user: Any, *, moderator: bool) -> str:
    from harambee.events.models import Event
    from harambee.events.rooms import bbb, jitsi

    if event.room == Event.Room.JITSI:
        return jitsi.join_url(event, user, moderator=moderator)
    if event.room == Event.Room.BBB:
        return bbb.join_url(event, user, moderator=moderator)
    raise RoomUnavailable("no room")
