"""The public newsletter: double opt-in sign-up, one-click unsubscribe, and the weekly
public digest.

- Signing up stores the address unconfirmed and mails it a link signed with
  ``django.core.signing`` that expires after ``CONFIRM_MAX_AGE``. The answer on the page
  is the same whether the address was new, waiting or confirmed, so the form tells
  nobody who subscribes. Each network may sign up ``SIGNUPS_PER_HOUR`` times an hour
  (counted in the database, so the limit holds across web processes), and an address
  is mailed at most once every ``RESEND_AFTER``.
- The unsubscribe link is signed too (it does not expire) and works without signing
  in; the digest's ``List-Unsubscribe`` and ``List-Unsubscribe-Post`` headers (RFC 8058)
  let a mail client unsubscribe with one POST.
- The digest is built like the notifications' digests (``notifications/digests.py``:
  its period, batches of addresses, one connection, marked sent in the sending
  transaction so a second run sends nothing twice), but holds only what may leave the
  platform: public items read as an anonymous visitor (``selectors.public_items``).
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from harambee.core.excerpt import text_excerpt
from harambee.core.models import Content
from harambee.notifications.digests import period_of
from harambee.notifications.models import Frequency
from harambee.portal.models import News, NewsletterRun, SignupAttempt, Subscriber
from harambee.portal.selectors import public_items

CONFIRM_SALT = "harambee.portal.newsletter.confirm"
UNSUBSCRIBE_SALT = "harambee.portal.newsletter.unsubscribe"
CONFIRM_MAX_AGE = timedelta(days=3)
RESEND_AFTER = timedelta(minutes=10)
SIGNUPS_PER_HOUR = 5
BATCH_SIZE = 500
DIGEST_ITEMS = 30
DIGEST_DAYS = 7


class TooManySignups(Exception):
    """This network signed up too often in the last hour."""


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def confirm_token(*, email: str) -> str:
    return signing.dumps({"e": email}, salt=CONFIRM_SALT, compress=True)


def unsubscribe_token(*, subscriber: Subscriber) -> str:
    return signing.dumps({"s": subscriber.pk, "e": subscriber.email}, salt=UNSUBSCRIBE_SALT)


def _source(address: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


def _mail(*, to: str, template: str, context: dict[str, Any], headers=None):
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=f"[{settings.SITE_NAME}] {subject}",
        body=render_to_string(f"{template}.txt", context),
        to=[to],
        headers={"Auto-Submitted": "auto-generated", **(headers or {})},
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message


def subscriber_signup(*, email: str, source: str, now: datetime | None = None) -> None:
    """Ask ``email`` to confirm. Says nothing of what was there before: the caller
    shows the same answer whatever happened. Raises ``TooManySignups``."""
    now = now or timezone.now()
    key = _source(source)
    SignupAttempt.objects.filter(created__lt=now - timedelta(hours=1)).delete()
    # An address nobody confirmed in twice the link's life is forgotten.
    forgotten = now - 2 * CONFIRM_MAX_AGE
    Subscriber.objects.filter(confirmed__isnull=True, created__lt=forgotten).delete()
    if SignupAttempt.objects.filter(source=key).count() >= SIGNUPS_PER_HOUR:
        raise TooManySignups
    SignupAttempt.objects.create(source=key)
    email = email.strip().lower()
    subscriber, _created = Subscriber.objects.get_or_create(email=email)
    if subscriber.confirmed is not None:
        return
    sent = subscriber.confirmation_sent
    if sent is not None and sent > now - RESEND_AFTER:
        return
    Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent=now)
    link = absolute(reverse("portal:newsletter_confirm", args=[confirm_token(email=email)]))
    message = _mail(
        to=email,
        template="portal/email/confirm",
        context={"link": link, "days": CONFIRM_MAX_AGE.days},
    )
    message.send()


def subscriber_for_confirmation(*, token: str) -> Subscriber | None:
    """The waiting subscriber a confirmation link names, or None for an expired,
    tampered or unknown one."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE.total_seconds())
    except (signing.BadSignature, ValueError, TypeError):
        return None
    email = data.get("e") if isinstance(data, dict) else None
    if not isinstance(email, str):
        return None
    return Subscriber.objects.filter(email=email).first()


@transaction.atomic
def subscriber_confirm(*, subscriber: Subscriber) -> None:
    if subscriber.confirmed is None:
        subscriber.confirmed = timezone.now()
        subscriber.save(update_fields=["confirmed"])


def subscriber_for_unsubscribe(*, token: str) -> Subscriber | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict):
        return None
    return Subscriber.objects.filter(pk=data.get("s"), email=data.get("e")).first()


@transaction.atomic
def subscriber_unsubscribe(*, subscriber: Subscriber) -> None:
    """Forget the address altogether: signing up again starts from the beginning."""
    Subscriber.objects.filter(pk=subscriber.pk).delete()


# The digest ----------------------------------------------------------------------------


def digest_items(*, now: datetime) -> tuple[list[Content], list[Content]]:
    """The public news and the other public items of the last ``DIGEST_DAYS`` days."""
    since = now - timedelta(days=DIGEST_DAYS)
    news = list(
        public_items(News.objects.filter(published__gt=since, published__lte=now)).order_by(
            "-published", "-pk"
        )[:DIGEST_ITEMS]
    )
    others = list(
        public_items(Content.objects.filter(created__gt=since, created__lte=now))
        .exclude(kind=News.KIND)
        .order_by("-created", "-pk")[:DIGEST_ITEMS]
    )
    return news, others


def _entries(items: list[Content]) -> list[dict[str, str]]:
    return [
        {
            "title": item.title,
            "kind": str(item.kind_spec.label),
            "url": absolute(item.get_absolute_url()),
            "excerpt": text_excerpt(item.body_html, words=30),
        }
        for item in items
    ]


def _digest_message(subscriber: Subscriber, context: dict[str, Any]):
    unsubscribe = absolute(
        reverse("portal:newsletter_unsubscribe", args=[unsubscribe_token(subscriber=subscriber)])
    )
    return _mail(
        to=subscriber.email,
        template="portal/email/digest",
        context={**context, "unsubscribe_url": unsubscribe},
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def newsletter_send(*, now: datetime | None = None, batch_size: int = BATCH_SIZE) -> NewsletterRun:
    """Send this week's public digest to every confirmed address not sent it yet. A
    week with nothing public to tell sends nothing."""
    now = now or timezone.now()
    period = period_of(Frequency.WEEKLY, now)
    run = NewsletterRun.objects.create(period=period)
    news, others = digest_items(now=now)
    run.items = len(news) + len(others)
    if news or others:
        context = {
            "news": _entries(news),
            "others": _entries(others),
            "front_url": absolute(reverse("portal:front")),
        }
        connection = get_connection()
        while True:
            with transaction.atomic():
                due = list(
                    Subscriber.objects.filter(confirmed__isnull=False)
                    .exclude(last_period=period)
                    .select_for_update()
                    .order_by("pk")[:batch_size]
                )
                if not due:
                    break
                messages = [_digest_message(subscriber, context) for subscriber in due]
                connection.send_messages(messages)
                Subscriber.objects.filter(pk__in=[s.pk for s in due]).update(last_period=period)
            run.recipients += len(due)
    run.finished = timezone.now()
    run.save(update_fields=["items", "recipients", "finished"])
    return run
