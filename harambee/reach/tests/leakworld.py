"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

In every space: SMS settings, a contact whose name and place carry a marker and whose
number is unique, field reports at every status (pending and rejected ones stay in the
space; verified ones at space, alliance and public visibility), a message in the
facilitators' inbox, a broadcast and a poll, each with a marker. Contacts, inbox,
broadcasts and polls are for the space's facilitators only; the reports follow the
gate. Phone numbers are markers too: only a space's facilitators may be shown them."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from harambee.core.models import Visibility
from harambee.core.tests.factories import CommentFactory
from harambee.core.visibility import can_see_space
from harambee.reach.models import Broadcast, Contact, FieldReport, Message, Poll, SpaceSms
from harambee.reach.services import _sms_author

STATUSES = [
    ("pending", Visibility.SPACE),
    ("rejected", Visibility.SPACE),
    ("verified", Visibility.SPACE),
    ("verified", Visibility.ALLIANCE),
    ("verified", Visibility.PUBLIC),
]


def build(cast, world) -> None:
    items = world["items"]
    author = _sms_author()
    reports, contacts, broadcasts, polls, inbox = [], [], [], [], []
    for number, (space, lead) in enumerate(world["authors"].items()):
        SpaceSms.objects.create(
            space=space, join_code=f"LEAKCODE{number}", report_keywords="FIRE", channel="console"
        )
        contact = Contact.objects.create(
            phone=f"+2332055500{number:02d}",
            name=f"LEAKCONTACT{number}",
            place=f"LEAKPLACE{number}",
            consent_reports=True,
            consent_broadcasts=True,
            consent_polls=True,
        )
        contact.spaces.add(space)
        contacts.append(contact)
        for status, vis in STATUSES:
            marker = f"LEAK{len(items)}R"
            report = FieldReport.objects.create(
                space=space,
                author=author,
                visibility=vis,
                title=f"{marker}-TITLE",
                body=f"{marker}-BODY",
                contact=contact,
                keyword="FIRE",
                place=f"{marker}-PLACE",
                reported=timezone.now(),
                status=status,
            )
            CommentFactory(content=report, author=lead, body=f"{marker}-COMMENT")
            reports.append(report)
            items.append(report)
        inbox.append(
            Message.objects.create(
                direction="in",
                channel="console",
                contact=contact,
                phone=contact.phone,
                provider_id=f"leak-{number}",
                body=f"LEAKINBOX{number}",
                status="processed",
                space=space,
                in_inbox=True,
            )
        )
        broadcasts.append(
            Broadcast.objects.create(space=space, author=lead, text=f"LEAKBROADCAST{number}")
        )
        polls.append(
            Poll.objects.create(
                space=space, author=lead, question=f"LEAKPOLL{number}", options=["a", "b"]
            )
        )
    world["sms_reports"] = reports
    world["sms_contacts"] = contacts
    world["sms_broadcasts"] = broadcasts
    world["sms_polls"] = polls
    world["sms_inbox"] = inbox
    # Contacts, inbox, broadcasts and polls are shown to each space's facilitators,
    # so they are not content markers here; reach/tests/test_gate.py checks both sides.


def urls_for(name: str, cast, world) -> list[str] | None:
    if not name.startswith(("reach:", "reach_hooks:")):
        return None
    route = name.split(":", 1)[1]
    spaces = world["spaces"]
    if route in {"report", "report_review"}:
        return [reverse(name, args=[r.pk]) for r in world["sms_reports"]]
    if route == "contact":
        return [reverse(name, args=[s.slug, c.pk]) for s in spaces for c in world["sms_contacts"]]
    if route == "inbox_handled":
        return [reverse(name, args=[m.space.slug, m.pk]) for m in world["sms_inbox"]]
    if route == "broadcast":
        return [reverse(name, args=[s.slug, b.pk]) for s in spaces for b in world["sms_broadcasts"]]
    if route == "poll":
        return [reverse(name, args=[s.slug, p.pk]) for s in spaces for p in world["sms_polls"]]
    if route in {"twilio", "twilio_status", "generic", "console"}:
        return [reverse(name, args=["console"])]
    if route == "africastalking":
        return [reverse(name, args=["console", "x" * 20, "inbound"])]
    if route == "index":
        return [reverse(name)]
    if route.startswith("brief"):
        # The public brief, and every verified report the reader may read.
        return [reverse(name, args=[s.slug]) + q for s in spaces for q in ("", "?all=1")]
    return [reverse(name, args=[s.slug]) for s in spaces]


def listed_on(user, item, world) -> list[str] | None:
    """A field report is on its space's list of reports."""
    if not isinstance(item, FieldReport):
        return None
    if item.space is None or not can_see_space(user, item.space):
        return []
    return [reverse("reach:reports", args=[item.space.slug])]
