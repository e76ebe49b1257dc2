"""Writes of SMS polls: a question with numbered options, texted once to the
space's contacts who agreed to polls; the answers are counted in ``services``
(one per number, a unique row)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.core.services import audit_record
from harambee.reach import rules
from harambee.reach.models import Contact, Message, Poll, SpaceSms
from harambee.reach.segments import count as segment_count
from harambee.reach.services import SmsAction, _later
from harambee.spaces.models import Space


def poll_create(*, actor: Any, space: Space, question: str, options: list[str]) -> Poll:
    if not rules.may_manage_sms(actor, space):
        raise PermissionDenied
    options = [o.strip() for o in options if o.strip()]
    if not 2 <= len(options) <= 9:
        raise ValidationError({"options": _("Give between 2 and 9 options, one a line.")})
    return Poll.objects.create(space=space, author=actor, question=question, options=options)


def poll_open(*, actor: Any, poll: Poll) -> int:
    """Open the poll and text it, once, to the space's contacts who agreed to polls."""
    from harambee.reach import tasks

    if not rules.may_manage_sms(actor, poll.space):
        raise PermissionDenied
    with transaction.atomic():
        updated = Poll.objects.filter(pk=poll.pk, opened__isnull=True).update(opened=timezone.now())
        if not updated:
            return 0
        space_sms = SpaceSms.objects.filter(space=poll.space).first()
        channel_name = space_sms.channel if space_sms else settings.SMS_DEFAULT_CHANNEL
        text = poll.sms_text()
        contacts = Contact.objects.filter(
            spaces=poll.space, consent_polls=True, opted_out__isnull=True
        ).order_by("pk")
        Message.objects.bulk_create(
            [
                Message(
                    direction=Message.Direction.OUT,
                    channel=channel_name,
                    contact=c,
                    phone=c.phone,
                    body=text,
                    status=Message.Status.QUEUED,
                    purpose=Message.Purpose.POLL,
                    poll=poll,
                    segments=segment_count(text).count,
                )
                for c in contacts
            ],
            ignore_conflicts=True,
        )
        audit_record(actor=actor, action=SmsAction.POLL_OPENED, space=poll.space, poll=poll.pk)
        ids = list(
            Message.objects.filter(poll=poll, status=Message.Status.QUEUED).values_list(
                "pk", flat=True
            )
        )
        for pk in ids:
            _later(tasks.send_message, pk)
    return len(ids)


def poll_close(*, actor: Any, poll: Poll) -> None:
    if not rules.may_manage_sms(actor, poll.space):
        raise PermissionDenied
    Poll.objects.filter(pk=poll.pk, closed__isnull=True).update(closed=timezone.now())
