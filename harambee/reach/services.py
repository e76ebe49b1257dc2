"""Every write of the SMS app. Webhooks store, check and accept in the request (a few
inserts); what a message asks for is handled in the task worker (``tasks``), once."""

from __future__ import annotations

import contextlib
import re
import time
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.core.models import Content, Visibility
from harambee.core.services import audit_record
from harambee.core.visibility import can_view
from harambee.people.models import User
from harambee.people.roles import AllianceRole
from harambee.reach import keywords, rules
from harambee.reach.gateways import Inbound, OptOut, Status, channel
from harambee.reach.models import (
    Broadcast,
    ConsentChange,
    Contact,
    FieldReport,
    InboundRequest,
    Message,
    PollAnswer,
    Purpose,
    SpaceSms,
)
from harambee.reach.phones import normalise_phone
from harambee.reach.replies import reply
from harambee.reach.segments import count as segment_count
from harambee.spaces.models import Space

SMS_AUTHOR_EMAIL = "sms-reports@harambee.invalid"
_COORDINATES = re.compile(r"(-?\d{1,2}\.\d{2,7})\s*,\s*(-?\d{1,3}\.\d{2,7})")
# Headers never kept with a raw request.
_SECRET_HEADERS = {"authorization", "cookie", "apikey"}


class SmsAction(models.TextChoices):
    CONTACT_ADDED = "sms_contact_added", "added an SMS contact"
    CONTACT_CHANGED = "sms_contact_changed", "changed an SMS contact"
    REPORT_REVIEWED = "sms_report_reviewed", "reviewed a field report"
    BROADCAST_SENT = "sms_broadcast_sent", "sent an SMS broadcast"
    POLL_OPENED = "sms_poll_opened", "opened an SMS poll"


def _later(func: Any, *args: Any) -> None:
    transaction.on_commit(lambda: func.enqueue(*args))


# Contacts and consent ----------------------------------------------------------


def _consent(
    contact: Contact, purpose: str, granted: bool, how: str, by: Any, note: str = ""
) -> None:
    ConsentChange.objects.create(
        contact=contact, purpose=purpose, granted=granted, how=how, by=by, note=note
    )


def contact_save(
    *,
    actor: Any,
    space: Space,
    phone: str,
    name: str = "",
    language: str = "en",
    place: str = "",
    consents: list[str],
    how: str = ConsentChange.How.FORM,
    show_name: bool = False,
    user: Any = None,
    contact: Contact | None = None,
) -> Contact:
    """Add a contact to ``space`` (or change one), recording each consent that
    changed: when, how and by whom."""
    if not rules.may_manage_sms(actor, space):
        raise PermissionDenied
    phone = normalise_phone(phone)
    with transaction.atomic():
        if contact is None:
            contact = Contact.objects.filter(phone=phone).first() or Contact(phone=phone)
        elif contact.phone != phone and Contact.objects.filter(phone=phone).exists():
            raise ValidationError({"phone": _("Another contact has this number.")})
        adding = contact.pk is None
        contact.phone, contact.name, contact.language = phone, name, language
        contact.place, contact.show_name, contact.user = place, show_name, user
        changed = []
        for purpose in Purpose.values:
            wanted = purpose in consents
            if getattr(contact, f"consent_{purpose}") != wanted:
                setattr(contact, f"consent_{purpose}", wanted)
                changed.append((purpose, wanted))
        contact.save()
        contact.spaces.add(space)
        for purpose, wanted in changed:
            _consent(contact, purpose, wanted, how, actor)
        audit_record(
            actor=actor,
            action=SmsAction.CONTACT_ADDED if adding else SmsAction.CONTACT_CHANGED,
            space=space,
            contact=contact.pk,
        )
    return contact


def contact_opt_out(*, contact: Contact, how: str, by: Any = None) -> None:
    """STOP: no message of any purpose until START."""
    updated = Contact.objects.filter(pk=contact.pk, opted_out__isnull=True).update(
        opted_out=timezone.now()
    )
    if updated:
        _consent(contact, "all", False, how, by)
    contact.refresh_from_db(fields=["opted_out"])


def contact_opt_in(*, contact: Contact, how: str, by: Any = None) -> None:
    """START/JOIN: back in, for every purpose."""
    Contact.objects.filter(pk=contact.pk).update(
        opted_out=None, consent_reports=True, consent_broadcasts=True, consent_polls=True
    )
    _consent(contact, "all", True, how, by)
    contact.refresh_from_db()


def _contact_for(phone: str, language: str = "") -> Contact:
    """The contact with this number, added if it texts for the first time (no
    consent yet: that takes START, JOIN or a report)."""
    # A short code or an odd sender id is kept as given.
    with contextlib.suppress(ValidationError):
        phone = normalise_phone(phone)
    found = Contact.objects.filter(phone=phone).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return Contact.objects.create(phone=phone, language=language or "en")
    except IntegrityError:
        return Contact.objects.get(phone=phone)


# Webhooks -------------------------------------------------------------------------


def raw_store(*, channel_name: str, gateway: str, request: Any, path: str) -> InboundRequest:
    """The request as it came, before anything reads it."""
    headers = {
        k: ("<hidden>" if k.lower() in _SECRET_HEADERS else v) for k, v in request.headers.items()
    }
    return InboundRequest.objects.create(
        channel=channel_name[:40],
        gateway=gateway[:20],
        path=path[:500],
        headers=headers,
        body=request.body.decode("utf-8", "replace")[:100_000],
    )


def raw_prune(before: Any, *, dry_run: bool = False) -> int:
    """Raw gateway requests (headers and bodies: phone numbers, texts) received before
    ``before``; the messages and reports made from them stay."""
    qs = InboundRequest.objects.filter(received__lt=before)
    return qs.count() if dry_run else qs.delete()[0]


def raw_verdict(raw: InboundRequest, verdict: str) -> None:
    InboundRequest.objects.filter(pk=raw.pk).update(verdict=verdict)


def events_apply(*, channel_name: str, events: list[Any]) -> str:
    """Accept what a verified callback carries. Returns the verdict for its raw row:
    "duplicate" when every message in it was known already."""
    fresh = False
    for event in events:
        if isinstance(event, Inbound):
            fresh |= inbound_accept(channel_name=channel_name, event=event) is not None
        elif isinstance(event, Status):
            status_apply(channel_name=channel_name, event=event)
            fresh = True
        elif isinstance(event, OptOut):
            contact = Contact.objects.filter(phone=event.phone).first()
            if contact is None:
                try:
                    contact = Contact.objects.filter(phone=normalise_phone(event.phone)).first()
                except ValidationError:
                    contact = None
            if contact is not None:
                contact_opt_out(contact=contact, how=ConsentChange.How.GATEWAY)
            fresh = True
    return InboundRequest.Verdict.ACCEPTED if fresh else InboundRequest.Verdict.DUPLICATE


def inbound_accept(*, channel_name: str, event: Inbound) -> Message | None:
    """One row per (channel, provider id): a replay meets the unique constraint and
    adds nothing. The handling is enqueued once, when the row is committed."""

    try:
        with transaction.atomic():
            message = Message.objects.create(
                direction=Message.Direction.IN,
                channel=channel_name,
                phone=event.sender[:32],
                provider_id=event.provider_id[:100],
                body=event.text[:2000],
                status=Message.Status.RECEIVED,
            )
            from harambee.reach.handling import inbound_handle_later

            transaction.on_commit(inbound_handle_later)
    except IntegrityError:
        return None
    return message


# Later statuses never go back: a "sent" after a "delivered" changes nothing.
_STATUS_AFTER = {
    "sent": ["queued", "sending", "unknown"],
    "delivered": ["queued", "sending", "sent", "unknown"],
    "failed": ["queued", "sending", "sent", "unknown"],
    "queued": [],
    "sending": [],
    "received": [],
}


def status_apply(*, channel_name: str, event: Status) -> None:
    messages = Message.objects.filter(
        channel=channel_name, direction=Message.Direction.OUT, provider_id=event.provider_id
    )
    messages.filter(status__in=_STATUS_AFTER.get(event.status, [])).update(
        status=event.status, error=event.error[:200], updated=timezone.now()
    )
    if event.opted_out:
        for contact in Contact.objects.filter(messages__in=messages).distinct():
            contact_opt_out(contact=contact, how=ConsentChange.How.GATEWAY)


# Handling what a message asks (task worker) -----------------------------------------


def _sms_author() -> User:
    """The account field reports are filed under: it cannot sign in and is listed
    nowhere; the reporter is the report's contact."""
    author = User.objects.filter(email=SMS_AUTHOR_EMAIL).first()
    if author is None:
        try:
            with transaction.atomic():
                author = User.objects.create(
                    email=SMS_AUTHOR_EMAIL,
                    display_name="SMS",
                    role=AllianceRole.GUEST,
                    is_active=False,
                )
                author.set_unusable_password()
                author.save(update_fields=["password"])
        except IntegrityError:
            author = User.objects.get(email=SMS_AUTHOR_EMAIL)
    return author


def _keyword_spaces(contact: Contact) -> dict[str, SpaceSms]:
    """Report keywords → the space they file into: the contact's spaces first, so
    two spaces may share a word and each reporter reaches their own."""
    found: dict[str, SpaceSms] = {}
    mine = set(contact.spaces.values_list("pk", flat=True)) if contact.pk else set()
    settings_rows = sorted(
        SpaceSms.objects.select_related("space"), key=lambda s: s.space_id not in mine
    )
    for row in settings_rows:
        for word in row.keywords:
            found.setdefault(keywords.fold(word), row)
    return found


def _place_of(text: str, contact: Contact, space: Space) -> tuple[str, float | None, float | None]:
    match = _COORDINATES.search(text)
    lat = lon = None
    if match:
        a, b = float(match.group(1)), float(match.group(2))
        if -90 <= a <= 90 and -180 <= b <= 180:
            lat, lon = a, b
    known = (
        Contact.objects.filter(spaces=space)
        .exclude(place="")
        .values_list("place", flat=True)
        .distinct()[:500]
    )
    lowered = text.lower()
    for place in sorted(set(known), key=len, reverse=True):
        if re.search(rf"(?<!\w){re.escape(place.lower())}(?!\w)", lowered):
            return place, lat, lon
    return contact.place, lat, lon


def _queue_reply(message: Message, contact: Contact, text: str) -> None:
    """The one reply to ``message`` (its unique ``in_reply_to``)."""
    from harambee.reach import tasks

    try:
        with transaction.atomic():
            out = Message.objects.create(
                direction=Message.Direction.OUT,
                channel=message.channel,
                contact=contact,
                phone=contact.phone,
                body=text,
                status=Message.Status.QUEUED,
                purpose=Message.Purpose.REPLY,
                in_reply_to=message,
                segments=segment_count(text).count,
            )
            _later(tasks.send_message, out.pk)
    except IntegrityError:
        pass


def inbound_handle(*, message_id: int) -> None:
    """Do what an inbound message asks, once: a retried task finds it handled."""
    with transaction.atomic():
        message = (
            Message.objects.select_for_update()
            .filter(pk=message_id, direction="in", status=Message.Status.RECEIVED)
            .first()
        )
        if message is None:
            return
        _handle(message)
        message.status = Message.Status.PROCESSED
        message.save(update_fields=["status", "contact", "space", "in_inbox", "updated"])


def _handle(message: Message) -> None:
    contact = _contact_for(message.phone)
    message.contact = contact
    site = settings.SITE_NAME
    table = _keyword_spaces(contact)
    parsed = keywords.parse(message.body, frozenset(table))
    language = contact.language
    if (
        parsed.language
        and not contact.consent_reports
        and not contact.messages.exclude(pk=message.pk).exists()
    ):
        language = parsed.language
        Contact.objects.filter(pk=contact.pk).update(language=language)
        contact.language = language
    words = ", ".join(sorted(table)[:3]) or "REPORT"
    if parsed.action == "stop":
        contact_opt_out(contact=contact, how=ConsentChange.How.KEYWORD)
        # The one message a carrier allows after STOP: that it worked.
        _queue_reply(message, contact, reply("stopped", language, site=site))
        return
    if parsed.action == "start":
        contact_opt_in(contact=contact, how=ConsentChange.How.KEYWORD)
        _queue_reply(message, contact, reply("started", language, site=site))
        return
    if parsed.action == "help":
        if contact.opted_out is None:
            _queue_reply(message, contact, reply("help", language, site=site, keywords=words))
        return
    if parsed.action == "join":
        row = SpaceSms.objects.select_related("space").filter(join_code__iexact=parsed.rest).first()
        if row is None:
            _queue_reply(message, contact, reply("unknown_code", language))
            return
        contact.spaces.add(row.space)
        contact_opt_in(contact=contact, how=ConsentChange.How.KEYWORD)
        mine = ", ".join(row.keywords[:3]) or words
        _queue_reply(
            message, contact, reply("joined", language, space=row.space.name, keywords=mine)
        )
        return
    if parsed.action == "report":
        row = table[parsed.word]
        _report_create(message, contact, row, parsed)
        return
    if parsed.action == "answer" and _poll_answer(message, contact, int(parsed.word)):
        return
    # Free text: a facilitator's inbox, never lost.
    space = contact.spaces.order_by("pk").first()
    if space is None:
        default = settings.SMS_CHANNELS.get(message.channel, {}).get("space", "")
        space = Space.objects.filter(slug=default).first() if default else None
    message.space = space
    message.in_inbox = True
    if contact.opted_out is None:
        _queue_reply(message, contact, reply("inbox", language))


def _report_create(message: Message, contact: Contact, row: SpaceSms, parsed: Any) -> None:
    space = row.space
    place, lat, lon = _place_of(parsed.rest, contact, space)
    if not contact.consent_reports:
        # Sending a report is consenting to send them.
        Contact.objects.filter(pk=contact.pk).update(consent_reports=True)
        _consent(contact, Purpose.REPORTS, True, ConsentChange.How.KEYWORD, None, "sent a report")
    contact.spaces.add(space)
    headline = parsed.rest if len(parsed.rest) <= 80 else parsed.rest[:79] + "…"
    try:
        with transaction.atomic():
            report = FieldReport.objects.create(
                message=message,
                contact=contact,
                space=space,
                author=_sms_author(),
                visibility=Visibility.SPACE,
                title=f"{parsed.word}: {headline}",
                body=parsed.rest,
                language=contact.language,
                keyword=parsed.word,
                place=place,
                latitude=lat,
                longitude=lon,
                reported=message.created,
            )
    except IntegrityError:
        return
    if contact.opted_out is None:
        text = reply("report_received", contact.language, number=report.pk, space=space.name)
        _queue_reply(message, contact, text)


def _poll_answer(message: Message, contact: Contact, option: int) -> bool:
    """An answer to the newest open poll this contact was sent. False when there is none."""
    copy = (
        Message.objects.filter(
            contact=contact,
            direction="out",
            poll__isnull=False,
            poll__opened__isnull=False,
            poll__closed__isnull=True,
        )
        .select_related("poll")
        .order_by("-created", "-pk")
        .first()
    )
    if copy is None or copy.poll is None:
        return False
    poll = copy.poll
    if not 1 <= option <= len(poll.options):
        _queue_reply(message, contact, reply("answer_bad", contact.language))
        return True
    try:
        with transaction.atomic():
            PollAnswer.objects.create(poll=poll, contact=contact, option=option, message=message)
    except IntegrityError:
        _queue_reply(message, contact, reply("answer_again", contact.language))
        return True
    _queue_reply(message, contact, reply("answer_counted", contact.language, option=option))
    return True


# Sending -------------------------------------------------------------------------


def message_send(*, message_id: int) -> str:
    """Send one queued message at most once: the row is claimed (queued → sending)
    by a conditional update before the gateway is asked, so a retried task, a second
    worker or a resumed broadcast never sends it again. A worker that dies between
    claim and answer leaves it "sending"; ``broadcast_run`` marks such rows unknown
    rather than risk a second copy."""
    claimed = Message.objects.filter(pk=message_id, status=Message.Status.QUEUED).update(
        status=Message.Status.SENDING, updated=timezone.now()
    )
    if not claimed:
        return "claimed"
    message = Message.objects.select_related("contact").get(pk=message_id)
    contact = message.contact
    # Opted out since it was queued: only the confirmation of STOP itself may go.
    stopping = (
        message.purpose == Message.Purpose.REPLY and contact is not None and contact.opted_out
    )
    if contact is None or (contact.opted_out is not None and not stopping):
        Message.objects.filter(pk=message_id).update(status=Message.Status.SKIPPED)
        return "skipped"
    if stopping:
        latest = contact.consent_log.first()
        if latest is None or latest.granted or latest.how != ConsentChange.How.KEYWORD:
            Message.objects.filter(pk=message_id).update(status=Message.Status.SKIPPED)
            return "skipped"
    gateway = channel(message.channel)
    result = gateway.send(to=contact.phone, text=message.body, reference=f"h{message.pk}")
    Message.objects.filter(pk=message_id).update(
        status=result.status,
        provider_id=result.provider_id[:100],
        error=result.error[:200],
        updated=timezone.now(),
    )
    if result.opted_out:
        contact_opt_out(contact=contact, how=ConsentChange.How.GATEWAY)
    return result.status


# Field reports -------------------------------------------------------------------


def report_review(
    *,
    actor: Any,
    report: FieldReport,
    status: str,
    note: str = "",
    visibility: str = Visibility.SPACE,
    show_reporter: bool = False,
    duplicate_of: FieldReport | None = None,
) -> FieldReport:
    """A facilitator's verdict. Only a verified report may leave the space, and its
    reporter is named only when both the facilitator and the contact agreed."""
    if not rules.may_manage_sms(actor, report.space):
        raise PermissionDenied
    if status not in FieldReport.Status.values or status == FieldReport.Status.PENDING:
        raise ValidationError({"status": _("Choose a verdict.")})
    if status != FieldReport.Status.VERIFIED:
        visibility = Visibility.SPACE
    if visibility not in (Visibility.SPACE, Visibility.ALLIANCE, Visibility.PUBLIC):
        raise ValidationError({"visibility": _("Choose who may read the report.")})
    if status == FieldReport.Status.DUPLICATE:
        if (
            duplicate_of is None
            or duplicate_of.pk == report.pk
            or duplicate_of.space_id != report.space_id
        ):
            raise ValidationError({"duplicate_of": _("Give the number of the report it repeats.")})
    else:
        duplicate_of = None
    with transaction.atomic():
        before = report.visibility
        report.status = status
        report.review_note = note
        report.reviewed_by = actor
        report.reviewed = timezone.now()
        report.visibility = visibility
        report.duplicate_of = duplicate_of
        report.show_reporter = bool(
            show_reporter and report.contact is not None and report.contact.show_name
        )
        report.save()
        audit_record(
            actor=actor,
            action=SmsAction.REPORT_REVIEWED,
            space=report.space,
            content=report,
            status=status,
            visibility=visibility,
            before=before,
        )
    return report


def inbox_mark_handled(*, actor: Any, message: Message) -> None:
    if message.space is None or not rules.may_manage_sms(actor, message.space):
        raise PermissionDenied
    Message.objects.filter(pk=message.pk).update(in_inbox=False, handled_by=actor)


# Broadcasts ------------------------------------------------------------------------


def broadcast_recipients(broadcast: Broadcast) -> models.QuerySet[Contact]:
    qs = Contact.objects.filter(
        spaces=broadcast.space, consent_broadcasts=True, opted_out__isnull=True
    )
    if broadcast.language:
        qs = qs.filter(language=broadcast.language)
    if broadcast.place:
        qs = qs.filter(place__icontains=broadcast.place)
    return qs.order_by("pk")


def _item_link(item: Content) -> str:
    return f"{settings.SITE_URL}{item.get_absolute_url()}"


def broadcast_text(broadcast: Broadcast, language: str, *, with_item: bool) -> str:
    text = broadcast.text_for(language)
    if with_item and broadcast.item_id:
        text = f"{text} {_item_link(broadcast.item)}"
    return text


def broadcast_create(
    *,
    actor: Any,
    space: Space,
    text: str,
    translations: dict[str, str] | None = None,
    language: str = "",
    place: str = "",
    item: Content | None = None,
    send_at: datetime | None = None,
) -> Broadcast:
    if not rules.may_manage_sms(actor, space):
        raise PermissionDenied
    if item is not None and not can_view(actor, item):
        raise ValidationError({"item": _("There is no item with this number that you may see.")})
    return Broadcast.objects.create(
        space=space,
        author=actor,
        text=text,
        translations={k: v for k, v in (translations or {}).items() if v},
        language=language,
        place=place,
        item=item,
        send_at=send_at,
    )


def broadcast_confirm(*, actor: Any, broadcast: Broadcast) -> None:
    """Send now, or at ``send_at``: the worker's ``send_due`` picks it up."""
    from harambee.reach import tasks

    if not rules.may_manage_sms(actor, broadcast.space):
        raise PermissionDenied
    updated = Broadcast.objects.filter(pk=broadcast.pk, status=Broadcast.Status.DRAFT).update(
        status=Broadcast.Status.SCHEDULED
    )
    if not updated:
        return
    audit_record(
        actor=actor, action=SmsAction.BROADCAST_SENT, space=broadcast.space, broadcast=broadcast.pk
    )
    if broadcast.send_at is None or broadcast.send_at <= timezone.now():
        _later(tasks.run_broadcast, broadcast.pk)


def broadcast_cancel(*, actor: Any, broadcast: Broadcast) -> None:
    if not rules.may_manage_sms(actor, broadcast.space):
        raise PermissionDenied
    Broadcast.objects.filter(
        pk=broadcast.pk, status__in=[Broadcast.Status.DRAFT, Broadcast.Status.SCHEDULED]
    ).update(status=Broadcast.Status.CANCELLED)


def broadcast_run(*, broadcast_id: int, sleep: Any = time.sleep) -> int:
    """Write one copy per recipient (a unique row each, so running again adds none),
    then send each queued copy once, at the channel's pace. The item it links goes
    only to recipients the gate lets see it (a contact without an account is an
    anonymous reader: public items only); the others get the text alone."""
    with transaction.atomic():
        broadcast = (
            Broadcast.objects.select_for_update()
            .filter(
                pk=broadcast_id, status__in=[Broadcast.Status.SCHEDULED, Broadcast.Status.SENDING]
            )
            .first()
        )
        if broadcast is None:
            return 0
        if broadcast.send_at and broadcast.send_at > timezone.now():
            return 0
        broadcast.status = Broadcast.Status.SENDING
        broadcast.save(update_fields=["status"])
    space_sms = SpaceSms.objects.filter(space=broadcast.space).first()
    channel_name = space_sms.channel if space_sms else settings.SMS_DEFAULT_CHANNEL
    # A copy claimed by a worker that stopped before the gateway answered: whether it
    # went is unknown, and sending again could make a second copy.
    Message.objects.filter(broadcast=broadcast, status=Message.Status.SENDING).update(
        status=Message.Status.UNKNOWN
    )
    item = broadcast.item
    copies = []
    for contact in broadcast_recipients(broadcast).select_related("user"):
        reader = contact.user if contact.user is not None else AnonymousUser()
        text = broadcast_text(
            broadcast, contact.language, with_item=item is not None and can_view(reader, item)
        )
        copies.append(
            Message(
                direction=Message.Direction.OUT,
                channel=channel_name,
                contact=contact,
                phone=contact.phone,
                body=text,
                status=Message.Status.QUEUED,
                purpose=Message.Purpose.BROADCAST,
                broadcast=broadcast,
                segments=segment_count(text).count,
            )
        )
    Message.objects.bulk_create(copies, ignore_conflicts=True, batch_size=500)
    gateway = channel(channel_name)
    pause = 1 / max(gateway.per_second, 0.001)
    sent = 0
    queued = Message.objects.filter(broadcast=broadcast, status=Message.Status.QUEUED)
    for pk in queued.values_list("pk", flat=True).order_by("pk"):
        if message_send(message_id=pk) == "sent":
            sent += 1
            sleep(pause)
    Broadcast.objects.filter(pk=broadcast.pk).update(
        status=Broadcast.Status.SENT, sent=timezone.now()
    )
    return sent


def broadcasts_due(*, now: datetime | None = None) -> list[int]:
    now = now or timezone.now()
    return list(
        Broadcast.objects.filter(
            Q(send_at__lte=now) | Q(send_at__isnull=True),
            status__in=[Broadcast.Status.SCHEDULED, Broadcast.Status.SENDING],
        ).values_list("pk", flat=True)
    )


def notification_text(*, user: Any, key: str, text: str) -> bool:
    """Text a member who chose SMS for a kind of notice, at the number a facilitator
    linked to their account, once per ``key``. False when there is no such number."""
    from harambee.reach import tasks

    contact = Contact.objects.filter(user=user, opted_out__isnull=True).order_by("pk").first()
    if contact is None:
        return False
    row = SpaceSms.objects.filter(space__in=contact.spaces.all()).first()
    try:
        with transaction.atomic():
            out = Message.objects.create(
                direction=Message.Direction.OUT,
                channel=row.channel if row else settings.SMS_DEFAULT_CHANNEL,
                contact=contact,
                phone=contact.phone,
                body=text,
                status=Message.Status.QUEUED,
                purpose=Message.Purpose.NOTIFICATION,
                key=key[:60],
                segments=segment_count(text).count,
            )
            _later(tasks.send_message, out.pk)
    except IntegrityError:
        return False
    return True


# Space settings ------------------------------------------------------------------


def space_sms_save(
    *, actor: Any, space: Space, join_code: str, report_keywords: str, channel_name: str
) -> SpaceSms:
    if not rules.may_manage_sms(actor, space):
        raise PermissionDenied
    row = SpaceSms.objects.filter(space=space).first() or SpaceSms(space=space)
    code = keywords.fold(join_code.strip())
    if not re.fullmatch(r"[A-Z0-9]{3,20}", code):
        raise ValidationError({"join_code": _("Use 3 to 20 letters and digits, no spaces.")})
    if SpaceSms.objects.filter(join_code=code).exclude(pk=row.pk).exists():
        raise ValidationError({"join_code": _("Another space uses this code.")})
    words = [keywords.fold(w.strip()) for w in report_keywords.split(",") if w.strip()]
    reserved = set(keywords.STOP) | set(keywords.START) | set(keywords.HELP) | set(keywords.JOIN)
    for word in words:
        if not re.fullmatch(r"[A-Z0-9]{2,20}", word) or word in reserved:
            raise ValidationError(
                {
                    "report_keywords": _(
                        "Each keyword is one word of letters, not STOP, START, HELP or JOIN."
                    )
                }
            )
    if channel_name not in settings.SMS_CHANNELS:
        raise ValidationError({"channel": _("Choose one of the channels this site has.")})
    row.join_code, row.report_keywords, row.channel = code, ", ".join(words), channel_name
    row.save()
    return row
