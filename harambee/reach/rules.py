"""Who may do what with SMS. Facilitators of a space (a space role that may
moderate: leads and facilitators) manage its contacts, reports, broadcasts and polls
and are the only people who see its contacts' phone numbers. What anyone may *read*
of a field report is the gate's business (``core/visibility.py``)."""

from __future__ import annotations

from typing import Any

from harambee.core.visibility import is_reader
from harambee.people.roles import Perm
from harambee.spaces.rules import space_role_may


def may_manage_sms(user: Any, space: Any) -> bool:
    if space is None or not is_reader(user):
        return False
    return space_role_may(user, space.pk, Perm.MODERATE)
