"""Who may do what with radio. The facilitators of a space (a space role that may
moderate: leads and facilitators) keep its stations, build and publish their bulletins,
make or upload their audio and log what listeners sent back. Anyone may read a
station, its published bulletins and its podcast feed. What a bulletin may *carry* is
the gate's business: public items only (``selectors``)."""

from __future__ import annotations

from typing import Any

from harambee.core.visibility import is_reader
from harambee.people.roles import Perm
from harambee.spaces.rules import space_role_may


def may_manage_radio(user: Any, space: Any) -> bool:
    if space is None or not is_reader(user):
        return False
    return space_role_may(user, space.pk, Perm.MODERATE)


def may_read_bulletin(user: Any, bulletin: Any) -> bool:
    """A published bulletin is public; the others only for the station's facilitators."""
    if bulletin.is_published:
        return True
    return may_manage_radio(user, bulletin.station.space)
