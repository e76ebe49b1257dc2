from __future__ import annotations

from typing import Any

from django.db import transaction

from harambee.people.models import User


@transaction.atomic
def profile_update(*, user: User, **fields: Any) -> User:
    for name, value in fields.items():
        setattr(user, name, value)
    user.full_clean(exclude=["password"])
    user.save()
    return user
