"""The gate around SMS: a report stays in its space until verified; phone numbers
are shown to the space's facilitators only; broadcasts and polls belong to
facilitators; a broadcast's link goes only to recipients who may see the item.
Each hidden side is paired with the allowed side."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.tests.factories import PostFactory
from harambee.core.tests.pagechecks import without_csrf_tokens
from harambee.reach import polls as poll_services
from harambee.reach import services
from harambee.reach.gateways import console
from harambee.reach.models import Broadcast, FieldReport, Message
from harambee.reach.tests.helpers import contact, inbound, sms_space

pytestmark = pytest.mark.django_db

PHONE = "+233201234567"
EVERYONE = ["anon", "outsider", "guest", "member", "space_member", "space_lead", "steward"]
IN_SPACE = {"guest", "space_member", "space_lead"}


@pytest.fixture
def report(cast, run_on_commit_now):
    sms_space(cast.space)
    contact(cast.space, phone=PHONE, name="Ama Reporter", show_name=True)
    inbound("FIRE LEAKMARK trees cut near river", sid="g1", phone=PHONE)
    return FieldReport.objects.get()


def _page(client_for, cast, who, url):
    return client_for(getattr(cast, who)).get(url)


def test_a_pending_report_is_read_only_inside_its_space(cast, client_for, report):
    url = reverse("reach:report", args=[report.pk])
    for who in EVERYONE:
        response = _page(client_for, cast, who, url)
        if who in IN_SPACE:
            assert response.status_code == 200, who
            assert "LEAKMARK" in response.content.decode()
        else:
            assert response.status_code == 404, who
    for who in ("anon", "outsider", "member", "steward"):
        listing = _page(client_for, cast, who, reverse("reach:index") if who != "anon" else "/")
        assert "LEAKMARK" not in listing.content.decode(), who


def test_a_verified_public_report_is_shown_to_everyone_without_the_reporter(
    cast, client_for, report
):
    services.report_review(
        actor=cast.space_lead, report=report, status="verified", visibility="public"
    )
    url = reverse("reach:report", args=[report.pk])
    for who in EVERYONE:
        page = _page(client_for, cast, who, url).content.decode()
        assert "LEAKMARK" in page, who
        if who != "space_lead":
            assert PHONE not in page, who
            assert "Ama Reporter" not in page, who
    # Public with the reporter named, when both agreed.
    services.report_review(
        actor=cast.space_lead,
        report=report,
        status="verified",
        visibility="public",
        show_reporter=True,
    )
    assert "Ama Reporter" in _page(client_for, cast, "anon", url).content.decode()


def test_only_a_verified_report_may_leave_the_space(cast, report):
    services.report_review(
        actor=cast.space_lead, report=report, status="rejected", visibility="public"
    )
    report.refresh_from_db()
    assert report.visibility == "space"


def test_members_who_are_not_facilitators_may_not_review(cast, client_for, report):
    url = reverse("reach:report_review", args=[report.pk])
    for who in ("space_member", "guest"):
        response = client_for(getattr(cast, who)).post(
            url, {"status": "verified", "visibility": "public"}
        )
        assert response.status_code == 403, who
    assert client_for(cast.outsider).post(url, {"status": "verified"}).status_code == 404
    report.refresh_from_db()
    assert report.status == "pending"
    response = client_for(cast.space_lead).post(
        url, {"status": "verified", "visibility": "alliance"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.visibility) == ("verified", "alliance")


def test_phone_numbers_are_shown_to_the_spaces_facilitators_only(cast, client_for, report):
    slug = cast.space.slug
    pages = [
        reverse("reach:contacts", args=[slug]),
        reverse("reach:contact", args=[slug, report.contact_id]),
        reverse("reach:report", args=[report.pk]),
        reverse("reach:reports", args=[slug]),
        reverse("reach:space", args=[slug]),
        reverse("reach:inbox", args=[slug]),
    ]
    for url in pages:
        for who in EVERYONE:
            response = _page(client_for, cast, who, url)
            body = response.content.decode()
            assert PHONE not in body and "20 123 4567" not in body or who == "space_lead", (
                who,
                url,
            )
            if who == "space_lead":
                assert response.status_code == 200, url
    assert PHONE in _page(client_for, cast, "space_lead", pages[0]).content.decode()
    assert PHONE in _page(client_for, cast, "space_lead", pages[2]).content.decode()


@pytest.mark.parametrize(
    "name",
    ["contacts", "inbox", "broadcasts", "polls", "settings", "space", "broadcast_new", "poll_new"],
)
def test_management_pages_refuse_everyone_but_facilitators(cast, client_for, name):
    url = reverse(f"reach:{name}", args=[cast.space.slug])
    assert _page(client_for, cast, "anon", url).status_code == 302
    assert _page(client_for, cast, "outsider", url).status_code in (403, 404)
    for who in ("guest", "space_member", "member", "steward"):
        assert _page(client_for, cast, who, url).status_code in (403, 404), who
    assert _page(client_for, cast, "space_lead", url).status_code == 200


def test_another_spaces_broadcasts_and_polls_answer_404(cast, client_for):
    other = services.broadcast_create(actor=cast.space_lead, space=cast.space, text="LEAKB")
    poll = poll_services.poll_create(
        actor=cast.space_lead, space=cast.space, question="LEAKQ?", options=["a", "b"]
    )
    from harambee.spaces.models import Membership

    Membership.objects.filter(space=cast.other_space, user=cast.outsider).update(role="lead")
    client = client_for(cast.outsider)
    slug = cast.other_space.slug
    assert client.get(reverse("reach:broadcast", args=[slug, other.pk])).status_code == 404
    assert client.get(reverse("reach:poll", args=[slug, poll.pk])).status_code == 404
    lead = client_for(cast.space_lead)
    assert (
        "LEAKB"
        in lead.get(reverse("reach:broadcast", args=[cast.space.slug, other.pk])).content.decode()
    )
    assert (
        "LEAKQ" in lead.get(reverse("reach:poll", args=[cast.space.slug, poll.pk])).content.decode()
    )


def test_a_broadcast_links_an_item_only_for_recipients_the_gate_lets_see_it(
    cast, run_on_commit_now
):
    sms_space(cast.space)
    anonymous = contact(cast.space, phone="+233201111111", language="en")
    member = contact(cast.space, phone="+233202222222", user=cast.space_member)
    stopped = contact(cast.space, phone="+233203333333")
    services.contact_opt_out(contact=stopped, how="keyword")
    hidden = PostFactory(space=cast.space, author=cast.space_lead, visibility="space")
    broadcast = services.broadcast_create(
        actor=cast.space_lead, space=cast.space, text="Meeting on Friday", item=hidden
    )
    services.broadcast_confirm(actor=cast.space_lead, broadcast=broadcast)
    sent = {to: text for _, to, text in console.OUTBOX}
    link = hidden.get_absolute_url()
    assert link not in sent[anonymous.phone]
    assert link in sent[member.phone]
    assert stopped.phone not in sent
    assert Broadcast.objects.get().status == "sent"


def test_a_broadcast_may_not_link_an_item_its_author_may_not_see(cast):
    from django.core.exceptions import ValidationError

    secret = PostFactory(space=cast.other_space, author=cast.outsider, visibility="space")
    with pytest.raises(ValidationError):
        services.broadcast_create(actor=cast.space_lead, space=cast.space, text="x", item=secret)


def _pdf_text(data: bytes) -> str:
    import pypdfium2

    assert data.startswith(b"%PDF")
    pdf = pypdfium2.PdfDocument(data)
    return "".join(page.get_textpage().get_text_range() for page in pdf)


def test_the_brief_and_counts_cite_only_what_the_reader_may_see(cast, client_for, report):
    slug = cast.space.slug
    brief = reverse("reach:brief", args=[slug])
    printed = reverse("reach:brief_print", args=[slug])
    markdown = reverse("reach:brief_markdown", args=[slug])
    pdf = reverse("reach:brief_pdf", args=[slug])
    summary = reverse("reach:summary", args=[slug])
    csv = reverse("reach:summary_csv", args=[slug])
    services.report_review(
        actor=cast.space_lead, report=report, status="verified", visibility="space"
    )

    def text(who: str, url: str) -> str:
        response = _page(client_for, cast, who, url)
        if who not in IN_SPACE and response.status_code == 404:
            return ""  # the factory's space is not listed to them
        assert response.status_code == 200, (who, url)
        if response["Content-Type"] == "application/pdf":
            return _pdf_text(response.content)
        return response.content.decode()

    # What leaves the platform is the public brief unless the member asks for more.
    for url in (brief, printed, markdown, pdf):
        assert "LEAKMARK" not in text("space_member", url), url
        assert "LEAKMARK" in text("space_member", f"{url}?all=1"), url
    assert "Private" in text("space_member", f"{pdf}?all=1")
    assert "FIRE" in text("space_member", csv)
    assert "FIRE" in text("space_member", summary)
    # Nobody outside the space reads the report, whichever way they ask.
    for who in ("anon", "member", "outsider"):
        for url in (brief, f"{brief}?all=1", f"{markdown}?all=1", f"{pdf}?all=1", summary, csv):
            body = without_csrf_tokens(text(who, url))
            assert "LEAKMARK" not in body and "FIRE" not in body, (who, url)


def test_a_public_verified_report_is_in_the_public_brief(cast, client_for, report):
    services.report_review(
        actor=cast.space_lead, report=report, status="verified", visibility="public"
    )
    pdf = reverse("reach:brief_pdf", args=[cast.space.slug])
    for who in IN_SPACE:
        response = _page(client_for, cast, who, pdf)
        assert "LEAKMARK" in _pdf_text(response.content), who
        assert "Private" not in _pdf_text(response.content), who


def test_replies_never_go_to_an_opted_out_number(cast, run_on_commit_now):
    sms_space(cast.space)
    person = contact(cast.space)
    services.contact_opt_out(contact=person, how="form")
    inbound("FIRE near river", sid="o1")
    assert console.OUTBOX == []
    assert FieldReport.objects.count() == 1  # the report itself is kept
    assert not Message.objects.filter(direction="out", status="sent").exists()
