"""Every SMS page is valid HTML (the Nu Html Checker), answers bad input with a
message instead of a 500, and keeps its list pages within a constant number of
queries."""

from __future__ import annotations

import shutil

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from harambee.core.tests.checkers import VNU_JAR, java, require_file, vnu
from harambee.reach import polls as poll_services
from harambee.reach import services
from harambee.reach.models import Contact, FieldReport
from harambee.reach.tests.helpers import contact, inbound, sms_space

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast, run_on_commit_now):
    sms_space(cast.space)
    ama = contact(cast.space, phone="+233201111111", name="Ama & <Co>", show_name=True)
    contact(cast.space, phone="+233202222222", name="", language="fr")
    inbound("FIRE Techiman 3 trees <cut> near river 7.59,-1.94", sid="w1", phone=ama.phone)
    inbound("LOGGING trucks at night", sid="w2", phone="+233202222222")
    inbound("When is the meeting?", sid="w3", phone="+233202222222")
    verified = FieldReport.objects.order_by("pk").first()
    services.report_review(
        actor=cast.space_lead, report=verified, status="verified", visibility="public"
    )
    broadcast = services.broadcast_create(
        actor=cast.space_lead,
        space=cast.space,
        text="Meeting Friday {bring} reports",
        translations={"fr": "Réunion vendredi"},
    )
    poll = poll_services.poll_create(
        actor=cast.space_lead, space=cast.space, question="Which day?", options=["Mon", "Fri"]
    )
    poll_services.poll_open(actor=cast.space_lead, poll=poll)
    inbound("2", sid="w4", phone=ama.phone)
    pending = FieldReport.objects.order_by("pk").last()
    return {
        "ama": ama,
        "verified": verified,
        "pending": pending,
        "broadcast": broadcast,
        "poll": poll,
    }


def pages(cast, world) -> list[tuple[str, str, str, str, dict | None, int]]:
    slug = cast.space.slug
    lead = "space_lead"
    return [
        ("sms-index", lead, "get", reverse("reach:index"), None, 200),
        ("sms-space", lead, "get", reverse("reach:space", args=[slug]), None, 200),
        ("sms-settings", lead, "get", reverse("reach:settings", args=[slug]), None, 200),
        (
            "sms-settings-errors",
            lead,
            "post",
            reverse("reach:settings", args=[slug]),
            {"join_code": "a b", "report_keywords": "STOP", "channel": "console"},
            422,
        ),
        ("sms-contacts", lead, "get", reverse("reach:contacts", args=[slug]), None, 200),
        ("sms-contact-new", lead, "get", reverse("reach:contact_new", args=[slug]), None, 200),
        (
            "sms-contact-errors",
            lead,
            "post",
            reverse("reach:contact_new", args=[slug]),
            {"phone": "12345", "language": "en", "how": "form"},
            422,
        ),
        (
            "sms-contact",
            lead,
            "get",
            reverse("reach:contact", args=[slug, world["ama"].pk]),
            None,
            200,
        ),
        (
            "sms-queue",
            lead,
            "get",
            reverse("reach:reports", args=[slug]) + "?status=pending",
            None,
            200,
        ),
        (
            "sms-reports-member",
            "space_member",
            "get",
            reverse("reach:reports", args=[slug]),
            None,
            200,
        ),
        (
            "sms-report-lead",
            lead,
            "get",
            reverse("reach:report", args=[world["pending"].pk]),
            None,
            200,
        ),
        (
            "sms-report-anon",
            "anon",
            "get",
            reverse("reach:report", args=[world["verified"].pk]),
            None,
            200,
        ),
        (
            "sms-review-errors",
            lead,
            "post",
            reverse("reach:report_review", args=[world["pending"].pk]),
            {"status": "duplicate", "visibility": "space", "duplicate_of": "abc"},
            422,
        ),
        ("sms-inbox", lead, "get", reverse("reach:inbox", args=[slug]), None, 200),
        ("sms-summary", "space_member", "get", reverse("reach:summary", args=[slug]), None, 200),
        ("sms-brief", "space_member", "get", reverse("reach:brief", args=[slug]), None, 200),
        (
            "sms-brief-print",
            "space_member",
            "get",
            reverse("reach:brief_print", args=[slug]) + "?all=1",
            None,
            200,
        ),
        ("sms-broadcasts", lead, "get", reverse("reach:broadcasts", args=[slug]), None, 200),
        ("sms-broadcast-new", lead, "get", reverse("reach:broadcast_new", args=[slug]), None, 200),
        (
            "sms-broadcast-errors",
            lead,
            "post",
            reverse("reach:broadcast_new", args=[slug]),
            {"text": "", "item": "12abc"},
            422,
        ),
        (
            "sms-broadcast",
            lead,
            "get",
            reverse("reach:broadcast", args=[slug, world["broadcast"].pk]),
            None,
            200,
        ),
        ("sms-polls", lead, "get", reverse("reach:polls", args=[slug]), None, 200),
        ("sms-poll-new", lead, "get", reverse("reach:poll_new", args=[slug]), None, 200),
        (
            "sms-poll-errors",
            lead,
            "post",
            reverse("reach:poll_new", args=[slug]),
            {"question": "Q", "options": "only one"},
            422,
        ),
        ("sms-poll", lead, "get", reverse("reach:poll", args=[slug, world["poll"].pk]), None, 200),
    ]


def _render(cast, client_for, world):
    found = {}
    for label, who, method, path, data, status in pages(cast, world):
        client = client_for(getattr(cast, who))
        response = getattr(client, method)(path, data or {})
        assert response.status_code == status, (label, response.status_code)
        found[label] = response.content.decode()
    return found


def test_every_sms_page_is_valid_html(cast, client_for, world, tmp_path):
    require_file(VNU_JAR)
    java()
    rendered = _render(cast, client_for, world)
    for label, html in rendered.items():
        (tmp_path / f"{label}.html").write_text(html, encoding="utf-8")
    shutil.copy(finders.find("harambee/harambee.css"), tmp_path / "harambee.css")
    problems = [
        m for m in vnu(tmp_path) if m.get("type") == "error" or m.get("subType") == "warning"
    ]
    assert problems == [], [
        (m.get("url", "")[-30:], m.get("message"), m.get("extract")) for m in problems
    ]


def test_bad_input_keeps_what_was_typed_and_says_why(cast, client_for, world):
    rendered = _render(cast, client_for, world)
    assert "This is not a phone number" in rendered["sms-contact-errors"]
    assert 'value="12345"' in rendered["sms-contact-errors"]
    assert (
        "Use 3 to 20 letters" in rendered["sms-settings-errors"]
        or "Each keyword" in rendered["sms-settings-errors"]
    )
    assert "Give the number of a report" in rendered["sms-review-errors"]
    assert "Give the number of an item" in rendered["sms-broadcast-errors"]
    assert "between 2 and 9 options" in rendered["sms-poll-errors"]


@pytest.mark.parametrize("phone", ["", "abc", "+1", "+999 123", "0" * 40, "+233 20 123 456789012"])
def test_a_bad_number_is_a_form_error_not_a_500(cast, client_for, phone):
    response = client_for(cast.space_lead).post(
        reverse("reach:contact_new", args=[cast.space.slug]),
        {"phone": phone, "language": "en", "how": "form"},
    )
    assert response.status_code == 422
    assert Contact.objects.count() == 0


def test_a_number_is_stored_as_e164_whatever_its_spelling(cast, client_for, settings):
    settings.SMS_DEFAULT_REGION = "GH"
    response = client_for(cast.space_lead).post(
        reverse("reach:contact_new", args=[cast.space.slug]),
        {"phone": "020 123 4567", "language": "sw", "how": "paper", "consents": ["reports"]},
    )
    assert response.status_code == 302
    saved = Contact.objects.get()
    assert saved.phone == "+233201234567" and saved.consent_reports and not saved.consent_polls
    change = saved.consent_log.get()
    assert (change.purpose, change.granted, change.how, change.by) == (
        "reports",
        True,
        "paper",
        cast.space_lead,
    )


@pytest.mark.parametrize(
    "path",
    [
        "/sms/reports/98765432109876543210/",
        "/spaces/ghana-forest/sms/contacts/98765432109876543210/",
        "/spaces/nope/sms/",
    ],
)
def test_hostile_ids_are_404(cast, client_for, path):
    assert client_for(cast.space_lead).get(path).status_code == 404


def test_list_pages_read_a_constant_number_of_queries(
    cast, client_for, world, django_assert_max_num_queries
):
    client = client_for(cast.space_lead)
    slug = cast.space.slug
    for n in range(20):
        contact(cast.space, phone=f"+23320555{n:04d}")
    for url in [
        reverse("reach:contacts", args=[slug]),
        reverse("reach:reports", args=[slug]),
        reverse("reach:inbox", args=[slug]),
        reverse("reach:broadcasts", args=[slug]),
        reverse("reach:polls", args=[slug]),
        reverse("reach:summary", args=[slug]),
    ]:
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
