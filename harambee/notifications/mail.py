"""Notification email: one message per notice sent at once, and digests.

Every message has a plain-text and an HTML part, is written in the recipient's
language and time zone, says only what the gate lets the recipient see at the time
of sending, links to the reply form, and carries a one-click unsubscribe header
(RFC 8058) whose signed link turns that email off without signing in.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from harambee.notifications.models import Frequency, Kind, Notification
from harambee.notifications.selectors import entry_for, gated
from harambee.notifications.services import ALL_KINDS, unsubscribe_token
from harambee.people.models import User

# Sent by the spaces app's own messages as soon as they happen; a notice of these
# kinds wanted "immediately" by email is therefore not mailed a second time.
MAILED_ELSEWHERE = {Kind.JOIN_REQUEST, Kind.JOIN_DECISION, Kind.INVITATION}


def _absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else f"{settings.SITE_URL}{url}"


def build_message(
    *, recipient: Any, template: str, context: dict[str, Any], kind: str
) -> EmailMultiAlternatives:
    unsubscribe = _absolute(
        reverse("notifications:unsubscribe", args=[unsubscribe_token(user=recipient, kind=kind)])
    )
    context = {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "recipient": recipient,
        "unsubscribe_url": unsubscribe,
        "preferences_url": _absolute(reverse("notifications:preferences")),
        "all_kinds": kind == ALL_KINDS,
        **context,
    }
    with (
        translation.override(recipient.language_hint or settings.LANGUAGE_CODE),
        timezone.override(recipient.time_zone or "UTC"),
    ):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=f"[{settings.SITE_NAME}] {' '.join(subject.split())}",
        body=text,
        to=[recipient.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def _absolute_entry(entry: Any) -> Any:
    entry.url = _absolute(entry.url) if entry.url else ""
    entry.reply_url = _absolute(entry.reply_url) if entry.reply_url else ""
    return entry


def send_immediate(*, recipient_id: int) -> int:
    """Mail each of the person's notices wanted at once and not yet sent. Idempotent:
    a notice is marked sent in the transaction that sends it."""
    recipient = User.objects.filter(pk=recipient_id).first()
    if recipient is None:
        return 0
    sent = 0
    with transaction.atomic():
        due = list(
            Notification.objects.select_for_update(of=("self",))
            .select_related("actor", "content__space", "comment__parent", "space", "join_request")
            .select_related("invitation", "submission")
            .filter(recipient_id=recipient_id, email=Frequency.IMMEDIATELY, emailed__isnull=True)
            .order_by("pk")
        )
        if not due:
            return 0
        now = timezone.now()
        allowed = set() if not recipient.is_active else {n.pk for n in gated(recipient, due)}
        messages = [
            build_message(
                recipient=recipient,
                template="notifications/email/notice",
                context={"entry": _absolute_entry(entry_for(n, recipient))},
                kind=n.kind,
            )
            for n in due
            if n.pk in allowed and n.kind not in MAILED_ELSEWHERE and n.read is None
        ]
        Notification.objects.filter(pk__in=[n.pk for n in due]).update(emailed=now)
        if messages:
            from django.core.mail import get_connection

            sent = get_connection().send_messages(messages) or 0
    return sent
