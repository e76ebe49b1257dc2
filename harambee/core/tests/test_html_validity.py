"""Every page, as each member of the cast sees it, is valid HTML by the Nu Html
Checker (the W3C's validator), and so is the stylesheet.

The pages are rendered with the test client, written to one directory and checked
in a single vnu run: starting the JVM costs seconds, checking a page milliseconds.
"""

from __future__ import annotations

import re
import shutil
from urllib.parse import unquote, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.db import DatabaseError
from django.test import RequestFactory

from harambee.core.models import Visibility
from harambee.core.tests.checkers import VNU_JAR, java, require_file, vnu
from harambee.core.tests.factories import (
    CommentFactory,
    MembershipFactory,
    OrganisationFactory,
    PostFactory,
    SpaceFactory,
)
from harambee.core.views import server_error
from harambee.spaces import services
from harambee.spaces.models import Space

pytestmark = pytest.mark.django_db


def tour(cast):
    """(label, who, method, path, data, expected status): the pages to check,
    with the data that makes every part of them show (comments, replies,
    reactions, requests, invitations, form errors, pagination)."""
    org = OrganisationFactory(
        name="Forest Voices", description="Community radio.\nTwo lines.", website="https://fv.org"
    )
    for person in (cast.member, cast.space_member):
        person.organisation, person.country, person.bio = org, "GH", "Works on\nforests."
        person.languages, person.channels = ["en", "fr"], ["email", "sms"]
        person.save()
    space = cast.space
    space.description = "We **meet** monthly.\n\n- one\n- two"
    space.save()
    public_space = SpaceFactory(
        name="Open kitchen",
        slug="open-kitchen",
        listing=Space.Listing.PUBLIC,
        join_policy=Space.JoinPolicy.OPEN,
    )
    code_space = SpaceFactory(
        name="Coded", slug="coded", join_policy=Space.JoinPolicy.CODE, invite_code="sesame"
    )
    MembershipFactory(space=code_space, user=cast.space_lead, role="lead")
    closed_space = SpaceFactory(name="Closed", slug="closed", join_policy="invitation")
    for n in range(22):  # more than a page of posts
        PostFactory(space=public_space, visibility=Visibility.PUBLIC, author=cast.member)
    post = PostFactory(
        space=space,
        author=cast.space_lead,
        title="What the nursery taught us",
        body="# A heading\n\nText with a [link](https://example.org) and `code`.\n\n> quoted",
        visibility=Visibility.ALLIANCE,
    )
    first = CommentFactory(content=post, author=cast.space_member, body="First, *with* markdown")
    CommentFactory(content=post, author=cast.guest, parent=first, body="A reply")
    CommentFactory(content=post, author=cast.steward, body="Second")
    from harambee.core.services import reaction_toggle

    reaction_toggle(user=cast.space_member, content=post, type="thanks")
    public_post = PostFactory(space=space, author=cast.space_lead, visibility=Visibility.PUBLIC)
    CommentFactory(content=public_post, author=cast.space_member)
    services.join_request_create(user=cast.member, space=space, message="Please.\nThanks")
    services.join_request_create(user=cast.steward, space=space)
    sent = services.invitation_create(
        actor=cast.space_lead, space=space, email="voice@elsewhere.org", message="Come!\nDo."
    )
    services.invitation_create(
        actor=cast.space_lead, space=space, email="g@elsewhere.org", as_guest=True
    )
    token = sent.token
    existing = services.invitation_create(
        actor=cast.space_lead, space=space, email=cast.outsider.email
    )
    slug = space.slug
    p = post.pk
    everyone = cast.names
    return [
        *[(f"home-{who}", who, "get", "/", None, 200) for who in everyone],
        ("home-page-2", "anon", "get", "/?page=2", None, 200),
        *[(f"spaces-{w}", w, "get", "/spaces/", None, 200) for w in ("anon", "member")],
        ("spaces-filtered", "steward", "get", "/spaces/?kind=initiative", None, 200),
        *[
            (f"space-{who}", who, "get", f"/spaces/{slug}/", None, 200)
            for who in ("guest", "member", "space_member", "space_lead", "steward")
        ],
        ("space-public-anon", "anon", "get", "/spaces/open-kitchen/", None, 200),
        ("space-public-member", "member", "get", "/spaces/open-kitchen/?page=2", None, 200),
        ("threads-anon", "anon", "get", "/spaces/open-kitchen/threads/?sort=new", None, 200),
        ("threads-member", "member", "get", "/spaces/open-kitchen/threads/", None, 200),
        ("forum-replies", "member", "get", "/forum/?sort=replies", None, 200),
        ("lessons", "member", "get", "/lessons/", None, 200),
        ("wiki-recent", "member", "get", "/wiki/pages/recent/", None, 200),
        ("space-code-member", "member", "get", "/spaces/coded/", None, 200),
        ("space-code-lead", "space_lead", "get", "/spaces/coded/", None, 200),
        ("space-code-wrong", "member", "post", "/spaces/coded/join/", {"code": "x"}, 200),
        ("space-invitation-only", "member", "get", f"/spaces/{closed_space.slug}/", None, 200),
        ("space-create", "member", "get", "/spaces/new/", None, 200),
        ("space-create-errors", "member", "post", "/spaces/new/", {"name": ""}, 200),
        ("space-edit", "space_lead", "get", f"/spaces/{slug}/edit/", None, 200),
        *[
            (f"members-{who}", who, "get", f"/spaces/{slug}/members/", None, 200)
            for who in ("space_member", "space_lead", "steward")
        ],
        ("requests", "space_lead", "get", f"/spaces/{slug}/requests/", None, 200),
        ("invite", "space_lead", "get", f"/spaces/{slug}/invite/", None, 200),
        ("invite-errors", "space_lead", "post", f"/spaces/{slug}/invite/", {"email": "x"}, 200),
        ("invitation-new", "anon", "get", f"/invitations/{token}/", None, 200),
        ("invitation-errors", "anon", "post", f"/invitations/{token}/", {"password": "1"}, 200),
        (
            "invitation-existing",
            "anon",
            "get",
            f"/invitations/{existing.token}/",
            None,
            200,
        ),
        ("invitation-signed-in", "member", "get", f"/invitations/{token}/", None, 200),
        ("invitation-bad", "anon", "get", "/invitations/nonsense/", None, 410),
        *[
            (f"post-{who}", who, "get", f"/posts/{p}/", None, 200)
            for who in ("guest", "member", "space_member", "space_lead")
        ],
        ("post-public-anon", "anon", "get", f"/posts/{public_post.pk}/", None, 200),
        ("comment-errors", "space_member", "post", f"/content/{p}/comments/", {"body": ""}, 422),
        ("post-create", "space_member", "get", f"/spaces/{slug}/posts/new/", None, 200),
        ("post-create-errors", "space_member", "post", f"/spaces/{slug}/posts/new/", {}, 200),
        ("post-edit", "space_lead", "get", f"/posts/{p}/edit/", None, 200),
        ("people", "member", "get", "/people/", None, 200),
        ("people-filtered", "steward", "get", "/people/?sector=civil_society&q=o", None, 200),
        ("organisations", "member", "get", "/organisations/", None, 200),
        ("organisation", "member", "get", f"/organisations/{org.slug}/", None, 200),
        ("person", "member", "get", f"/people/{cast.space_member.pk}/", None, 200),
        ("person-self", "member", "get", f"/people/{cast.member.pk}/", None, 200),
        ("profile", "member", "get", "/profile/", None, 200),
        ("profile-errors", "member", "post", "/profile/", {"display_name": ""}, 200),
        ("audit", "steward", "get", "/audit/", None, 200),
        ("login", "anon", "get", "/accounts/login/", None, 200),
        ("login-errors", "anon", "post", "/accounts/login/", {"login": "a@b.org"}, 200),
        ("signup", "anon", "get", "/accounts/signup/", None, 200),
        ("signup-errors", "anon", "post", "/accounts/signup/", {"email": "no"}, 200),
        ("password-reset", "anon", "get", "/accounts/password/reset/", None, 200),
        ("password-reset-done", "anon", "get", "/accounts/password/reset/done/", None, 200),
        ("password-reset-bad-key", "anon", "get", "/accounts/password/reset/key/1-x/", None, 200),
        ("confirm-email-sent", "anon", "get", "/accounts/confirm-email/", None, 200),
        ("confirm-email-bad-key", "anon", "get", "/accounts/confirm-email/nokey/", None, 200),
        ("logout", "member", "get", "/accounts/logout/", None, 200),
        ("email", "member", "get", "/accounts/email/", None, 200),
        ("password-change", "member", "get", "/accounts/password/change/", None, 200),
        ("password-change-errors", "member", "post", "/accounts/password/change/", {}, 200),
        ("two-factor", "member", "get", "/accounts/2fa/", None, 200),
        ("404-anon", "anon", "get", "/no/such/page/", None, 404),
        ("404-member", "member", "get", f"/spaces/{slug}/nope/", None, 404),
        ("403", "space_member", "get", f"/posts/{public_post.pk}/edit/", None, 403),
        ("403-directory", "guest", "get", "/people/", None, 403),
        # In French too: longer words, other plurals, the same markup.
        ("fr-home", "space_member", "get", "/", None, 200),
        ("fr-post", "space_member", "get", f"/posts/{p}/", None, 200),
        ("fr-signup-errors", "anon", "post", "/accounts/signup/", {"email": "no"}, 200),
        ("fr-profile", "member", "get", "/profile/", None, 200),
    ]


def initiative_tour(cast):
    """The pages of an initiative's action inquiry: profile, cycle, note, history, lesson."""
    import datetime

    from harambee.initiatives import services as inquiry
    from harambee.initiatives.models import Initiative, Theme

    space = cast.space
    space.kind = Space.Type.INITIATIVE
    space.save()
    initiative = Initiative.objects.create(space=space, countries=["GH", "CI"], stage="running")
    initiative.themes.add(*Theme.objects.all()[:3])
    inquiry.stakeholder_set(
        actor=cast.space_lead,
        initiative=initiative,
        organisation=OrganisationFactory(name="District assembly", sector="government"),
        role="convener",
    )
    lead = cast.space_lead
    cycle = inquiry.cycle_create(
        author=lead,
        initiative=initiative,
        title="Who speaks at the boundary walk?",
        visibility=Visibility.SPACE,
        started=datetime.date(2026, 3, 1),
    )
    for phase in ("plan", "act"):
        inquiry.phase_note_add(
            author=lead, cycle=cycle, phase=phase, date=datetime.date(2026, 3, 2), body="*Did* it."
        )
    note = inquiry.note_create(
        author=lead,
        initiative=initiative,
        title="Boundary walk",
        visibility=Visibility.PUBLIC,
        cycle=cycle,
        themes=list(Theme.objects.all()[:2]),
        coauthors=[cast.space_member],
        tried="Walked the **boundary**",
        learned="Go slowly\n\n- ask\n- listen",
    )
    inquiry.note_update(actor=lead, note=note, summary="Clearer", learned="Go slowly, ask first")
    CommentFactory(content=note, author=cast.space_member, body="Which month?")
    lesson = inquiry.lesson_create(
        author=lead,
        note=note,
        title="Walk with the elders first",
        body="Then the rest.",
        strength="repeated",
        visibility=Visibility.PUBLIC,
    )
    slug, n = space.slug, note.pk
    return [
        ("initiatives-anon", "anon", "get", "/initiatives/", None, 200),
        ("initiatives-filtered", "member", "get", "/initiatives/?stage=running", None, 200),
        ("initiative-lead", "space_lead", "get", f"/initiatives/{slug}/", None, 200),
        ("initiative-member", "member", "get", f"/initiatives/{slug}/", None, 200),
        ("initiative-edit", "space_lead", "get", f"/initiatives/{slug}/edit/", None, 200),
        ("initiative-edit-errors", "space_lead", "post", f"/initiatives/{slug}/edit/", {}, 200),
        ("cycle-new", "space_lead", "get", f"/initiatives/{slug}/cycles/new/", None, 200),
        ("cycle", "space_member", "get", f"/cycles/{cycle.pk}/", None, 200),
        ("note-new", "space_member", "get", f"/initiatives/{slug}/notes/new/", None, 200),
        ("note-new-errors", "space_member", "post", f"/initiatives/{slug}/notes/new/", {}, 200),
        ("note", "space_member", "get", f"/notes/{n}/", None, 200),
        ("note-member", "member", "get", f"/notes/{n}/", None, 200),
        ("note-edit", "space_lead", "get", f"/notes/{n}/edit/", None, 200),
        ("note-history", "space_lead", "get", f"/notes/{n}/history/", None, 200),
        ("note-revision", "space_lead", "get", f"/notes/{n}/history/1/", None, 200),
        ("lesson-new", "space_lead", "get", f"/notes/{n}/lessons/new/", None, 200),
        ("lesson-anon", "anon", "get", f"/lessons/{lesson.pk}/", None, 200),
        ("lesson-member", "space_member", "get", f"/lessons/{lesson.pk}/", None, 200),
    ]


def event_tour(cast):
    """The events pages: calendars, an event with its agenda and registration, the
    organisers' page, forms with their errors, an invitation link."""
    from harambee.events import services as events
    from harambee.events.tests.helpers import make_event

    event = make_event(
        cast.space_lead,
        cast.space,
        title="Workshop & <field> visit",
        visibility="space",
        capacity=1,
        ask_dietary=True,
        ask_accessibility=True,
        ask_sector=True,
        mode="hybrid",
        place="Techiman hall",
        address="Main road\nTechiman",
        latitude=7.59,
        longitude=-1.94,
        languages=["en", "tw"],
        interpretation="Twi and English",
    )
    from harambee.events.models import Session

    session = Session.objects.create(
        event=event, title="Opening", starts=event.starts, outside_speakers="Ama, Kofi"
    )
    session.speakers.set([cast.space_member])
    events.registration_create(event=event, user=cast.guest, dietary="None")
    events.registration_create(event=event, user=cast.space_member)
    guest = events.guest_invite(
        actor=cast.space_lead,
        event=event,
        email="voice@example.org",
        expires=event.ends,
    )
    e, slug = event.pk, cast.space.slug
    return [
        ("events", "anon", "get", "/events/", None, 200),
        ("events-past", "member", "get", "/events/?view=past", None, 200),
        (
            "events-month",
            "space_member",
            "get",
            f"/events/?view=month&month={event.starts:%Y-%m}",
            None,
            200,
        ),
        ("events-space", "space_member", "get", f"/spaces/{slug}/events/", None, 200),
        ("events-mine", "space_member", "get", "/events/mine/", None, 200),
        ("event-organiser", "space_lead", "get", f"/events/{e}/", None, 200),
        ("event-waitlisted", "space_member", "get", f"/events/{e}/", None, 200),
        ("event-new", "space_lead", "get", f"/spaces/{slug}/events/new/", None, 200),
        (
            "event-new-errors",
            "space_lead",
            "post",
            f"/spaces/{slug}/events/new/",
            {"capacity": "0"},
            422,
        ),
        ("event-edit", "space_lead", "get", f"/events/{e}/edit/", None, 200),
        ("event-attendance", "space_lead", "get", f"/events/{e}/attendance/", None, 200),
        ("event-session-new", "space_lead", "get", f"/events/{e}/sessions/new/", None, 200),
        ("event-guest-link", "anon", "get", f"/events/guest/{guest.token}/", None, 200),
        ("event-guest-bad", "member", "get", "/events/guest/nope/", None, 404),
    ]


def error_pages() -> dict[str, str]:
    request = RequestFactory().get("/")
    pages = {"500": server_error(request).content.decode()}
    try:
        raise DatabaseError("down")
    except DatabaseError:
        response = server_error(request)
    assert response.status_code == 503
    pages["503"] = response.content.decode()
    return pages


def test_every_page_is_valid_html(cast, client_for, tmp_path, settings, run_on_commit_now):
    require_file(VNU_JAR)
    java()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    pages: dict[str, str] = {}
    for label, who, method, path, data, status in [
        *tour(cast),
        *initiative_tour(cast),
        *event_tour(cast),
    ]:
        client = client_for(getattr(cast, who))
        language = "fr" if label.startswith("fr-") else "en"
        response = getattr(client, method)(
            path, data or {}, follow=True, HTTP_ACCEPT_LANGUAGE=language
        )
        assert response.status_code == status, (label, who, path, response.status_code)
        if method == "get":
            assert not response.redirect_chain, (label, who, path, response.redirect_chain)
        assert response["Content-Type"].startswith("text/html"), (label, response["Content-Type"])
        assert f'<html lang="{language}" dir="ltr">' in response.content.decode(), label
        pages[label] = response.content.decode()
    pages.update(error_pages())

    for label, html in pages.items():
        (tmp_path / f"{label}.html").write_text(html, encoding="utf-8")
    shutil.copy(finders.find("harambee/harambee.css"), tmp_path / "harambee.css")

    messages = vnu(tmp_path)
    problems = [m for m in messages if m.get("type") == "error" or m.get("subType") == "warning"]
    if problems:
        pytest.fail(f"{len(problems)} problems in {len(pages)} pages:\n{report(problems)}")
    assert len(pages) >= 75


def report(messages: list[dict]) -> str:
    """One paragraph per distinct message, with up to three places it occurs."""
    grouped: dict[str, list[str]] = {}
    for m in messages:
        page = unquote(urlsplit(m.get("url", "")).path).rsplit("/", 1)[-1]
        extract = re.sub(r"\s+", " ", m.get("extract", "")).strip()[:160]
        message = re.sub(r"“[^”]*\d[^”]*”", "“…”", m["message"])  # dates, ids: one kind
        key = f"{m.get('subType', m['type'])}: {message}"
        grouped.setdefault(key, []).append(f"{page}:{m.get('lastLine', '?')}: {extract}")
    lines = []
    for key, places in grouped.items():
        lines.append(f"{key} ({len(places)}×)")
        lines += [f"    {place}" for place in places[:3]]
    return "\n".join(lines)
