"""Writes of the site app: remembering when people visit; deciding on sign-ups."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from harambee.core.email import send_templated
from harambee.core.services import audit_record
from harambee.people.models import User
from harambee.site.models import Visit

# Seen again after this long away, a person starts a new visit: what is new is
# counted from the end of the last one. Longer than the hour between two writes.
NEW_VISIT_AFTER = timedelta(hours=3)


def visit_record(*, user: Any, now: datetime | None = None) -> datetime | None:
    """Note that ``user`` is here now; return when their previous visit ended (None
    for a first visit). Two queries; the caller asks at most once an hour."""
    now = now or timezone.now()
    visit = Visit.objects.filter(user_id=user.pk).first()
    if visit is None:
        Visit.objects.bulk_create([Visit(user_id=user.pk, seen=now)], ignore_conflicts=True)
        return None
    if now - visit.seen >= NEW_VISIT_AFTER:
        visit.previous = visit.seen
    visit.seen = now
    Visit.objects.filter(user_id=user.pk).update(seen=visit.seen, previous=visit.previous)
    return visit.previous


# Sign-ups awaiting a steward (HARAMBEE_SIGNUP=approval) ------------------------------


class SignupAction(models.TextChoices):
    APPROVED = "signup_approved", "approved a sign-up"
    DECLINED = "signup_declined", "declined a sign-up"


def signup_requested(*, user: Any) -> None:
    """Tell the stewards that ``user`` asks to join (sent after the commit)."""
    from harambee.people.roles import AllianceRole

    stewards = [
        (steward.email, steward.language_hint, steward.time_zone)
        for steward in User.objects.filter(role=AllianceRole.STEWARD, is_active=True)
    ]

    def send() -> None:
        for email, language, time_zone in stewards:
            send_templated(
                to=email,
                template="site/email/signup_request",
                context={"person": user, "link": reverse("people:signups")},
                language=language,
                time_zone=time_zone,
            )

    transaction.on_commit(send)


def signup_decide(*, actor: Any, user: Any, approve: bool) -> None:
    """Approve (the account becomes active; the person is told) or decline (the
    account and its e-mail address are deleted; nothing personal stays in the log)."""
    with transaction.atomic():
        locked = User.objects.select_for_update().filter(pk=user.pk, awaiting_approval=True).first()
        if locked is None:
            return  # decided already, by another steward
        if approve:
            locked.is_active, locked.awaiting_approval = True, False
            locked.save(update_fields=["is_active", "awaiting_approval"])
            audit_record(actor=actor, action=SignupAction.APPROVED, subject=locked)
            email, language, time_zone = locked.email, locked.language_hint, locked.time_zone
            transaction.on_commit(
                lambda: send_templated(
                    to=email,
                    template="site/email/signup_approved",
                    context={"link": reverse("people:welcome")},
                    language=language,
                    time_zone=time_zone,
                )
            )
        else:
            audit_record(actor=actor, action=SignupAction.DECLINED)
            locked.delete()
