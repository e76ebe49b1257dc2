from __future__ import annotations

from typing import Any

from django.db import transaction

from harambee.core.models import AuditEntry
from harambee.core.services import audit_record
from harambee.people.models import User


@transaction.atomic
def profile_update(*, user: User, **fields: Any) -> User:
    for name, value in fields.items():
        setattr(user, name, value)
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def alliance_role_change(*, actor: User, user: User, role: str) -> User:
    before = user.role
    if before != role:
        user.role = role
        user.save(update_fields=["role", "is_staff"])
        audit_record(
            actor=actor,
            action=AuditEntry.Action.ALLIANCE_ROLE_CHANGED,
            subject=user,
            before=before,
            after=role,
        )
    return user
