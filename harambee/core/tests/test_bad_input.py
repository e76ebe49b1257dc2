"""The rules of bad input (``harambee/inputs.py``, docs/architecture.md "Bad input"),
and the defects of issue 14 that the hostile tour (``test_hostile_tour.py``) found
first, each written out once so that a failure names its cause."""

from __future__ import annotations

import datetime
import inspect
import time
from importlib import import_module

import pytest
from django import forms
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from harambee.core.models import Comment
from harambee.core.tests.factories import CommentFactory, PostFactory
from harambee.initiatives.models import Initiative
from harambee.inputs import BODY_MAX, InputRulesMixin, clean_body, clean_line, to_id
from harambee.notifications.models import Notification
from harambee.spaces.models import Post, Space
from harambee.stories import services as story_services
from harambee.stories.models import Story
from harambee.wiki import services as wiki_services

pytestmark = pytest.mark.django_db

BAD_NEXT = [
    "abc-not-a-number",
    "98765432109876543210",
    "<script>alert(1)</script>",
    "//evil.example.com/",
    "https://evil.example.com/",
    "/\\evil.example.com",
    "/ok\nLocation: https://evil.example.com/",
]


def test_a_single_line_loses_control_direction_and_zero_width_characters():
    typed = "Ab\x00c\u202edef\u2066g\u200bh\ufeffi\u200cj\u200dk\tl\nm"
    assert clean_line(typed) == "Abcdefghijk l m"


def test_an_emoji_keeps_its_joiner():
    farmer = "\U0001f469\u200d\U0001f33e"
    assert clean_line(f"{farmer} farmer") == f"{farmer} farmer"


def test_a_body_keeps_new_lines_and_tabs_and_loses_other_control_characters():
    assert clean_body("a\tb\r\nc\x07d\x1be\u200cf") == "a\tb\r\ncde\u200cf"


@pytest.mark.parametrize(
    "value", ["abc", "", "-1", "0", "1.5", "98765432109876543210", str(2**63), None, True]
)
def test_a_value_no_row_can_have_is_no_id(value):
    assert to_id(value) is None


def test_a_whole_number_the_database_holds_is_an_id():
    assert to_id(" 42 ") == 42
    assert to_id(2**63 - 1) == 2**63 - 1


def _product_form_classes():
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("harambee."):
            continue
        try:
            module = import_module(f"{config.name}.forms")
        except ModuleNotFoundError:
            continue
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, forms.BaseForm) and value.__module__ == module.__name__:
                found.append(value)
    return found


def test_every_form_of_the_product_follows_the_input_rules():
    classes = _product_form_classes()
    assert len(classes) >= 40
    without = [
        f"{c.__module__}.{c.__name__}" for c in classes if not issubclass(c, InputRulesMixin)
    ]
    assert without == []


@pytest.mark.parametrize("target", BAD_NEXT)
def test_a_next_that_is_not_a_local_path_goes_to_the_fallback(cast, client_for, target):
    post = PostFactory(space=None, author=cast.member, visibility="alliance")
    client = client_for(cast.member)
    answers = [
        client.post(reverse("stream:bookmark", args=[post.pk]), {"on": "1", "next": target}),
        client.post(reverse("stream:follow_tag", args=["forest"]), {"next": target}),
        client.post(reverse("notifications:watch", args=[post.pk]), {"next": target}),
        client.post(reverse("notifications:read_all"), {"next": target}),
        client.get(reverse("core:language", args=["fr"]), {"next": target}),
    ]
    for response in answers:
        assert response.status_code == 302
        assert response["Location"].startswith("/")
        assert not response["Location"].startswith(("//", "/\\"))
        assert "evil" not in response["Location"] or response["Location"] == "/"
    assert answers[0]["Location"] == post.get_absolute_url()


def test_a_local_next_is_followed(cast, client_for):
    post = PostFactory(space=None, author=cast.member, visibility="alliance")
    client = client_for(cast.member)
    response = client.post(
        reverse("stream:bookmark", args=[post.pk]), {"on": "1", "next": "/stream/?x=1"}
    )
    assert response["Location"] == "/stream/?x=1"


def test_mark_read_with_a_bad_next_goes_to_the_notices(cast, client_for):
    post = PostFactory(space=None, author=cast.member, visibility="alliance")
    notice = Notification.objects.create(
        recipient=cast.space_member,
        actor=cast.member,
        kind="thread",
        content=post,
        shown=timezone.now(),
    )
    response = client_for(cast.space_member).post(
        reverse("notifications:read", args=[notice.pk]), {"next": "abc-not-a-number"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("notifications:centre")


@pytest.fixture
def initiative(cast):
    Space.objects.filter(pk=cast.space.pk).update(kind=Space.Type.INITIATIVE)
    return Initiative.objects.create(space=cast.space, countries=["GH"])


@pytest.mark.parametrize("bad", ["98765432109876543210", "-5", "abc"])
def test_a_bad_id_in_a_select_is_a_form_error_that_keeps_the_text(
    cast, client_for, initiative, bad
):
    response = client_for(cast.space_lead).post(
        reverse("initiatives:note_create", args=[cast.space.slug]),
        {
            "title": "Boundary walk",
            "learned": "Go slowly KEPT",
            "visibility": "space",
            "cycle": bad,
            "themes": [bad],
            "coauthors": [bad],
        },
    )
    page = response.content.decode()
    assert response.status_code in (200, 422)
    assert 'class="errorlist' in page
    assert "Go slowly KEPT" in page


def test_a_latitude_off_the_globe_is_refused(cast, client_for, initiative):
    response = client_for(cast.space_lead).post(
        reverse("initiatives:edit", args=[cast.space.slug]),
        {"latitude": "314", "longitude": "-200", "stage": "running", "summary": "KEPT summary"},
    )
    page = response.content.decode()
    assert "KEPT summary" in page
    assert page.count('class="errorlist') >= 2
    initiative.refresh_from_db()
    assert initiative.latitude is None


def test_a_story_sent_to_a_call_closed_meanwhile_keeps_the_text(cast, client_for):
    call = story_services.call_create(
        actor=cast.space_lead,
        space=cast.space,
        title="Q?",
        body="",
        deadline=datetime.date(2027, 1, 1),
        visibility="space",
    )
    story_services.call_close(actor=cast.space_lead, call=call)
    response = client_for(cast.space_member).post(
        reverse("stories:create") + f"?call={call.pk}",
        {"call": call.pk, "title": "Tea", "body": "It started with tea KEPT", "audience": "space"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "This story call is not open." in page
    assert "It started with tea KEPT" in page
    assert not Story.objects.exists()


def test_a_story_sent_to_a_call_that_is_not_there_keeps_the_text(cast, client_for):
    response = client_for(cast.member).post(
        reverse("stories:create"),
        {"call": "98765432109876543210", "title": "Tea", "body": "KEPT", "audience": "public"},
    )
    page = response.content.decode()
    assert "That story call cannot be found" in page
    assert "KEPT" in page


@pytest.mark.parametrize("parent", ["abc", "98765432109876543210", "999999"])
def test_a_reply_to_a_comment_that_is_not_there_keeps_the_text(cast, client_for, parent):
    post = PostFactory(space=None, author=cast.member, visibility="alliance")
    response = client_for(cast.member).post(
        reverse("core:comment", args=[post.pk]), {"body": "My reply KEPT", "parent": parent}
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert "The comment you answered is no longer there" in page
    assert "My reply KEPT" in page
    assert not Comment.objects.filter(body="My reply KEPT").exists()


def test_a_flag_on_a_comment_that_is_not_there_keeps_the_note(cast, client_for):
    post = PostFactory(space=None, author=cast.member, visibility="alliance")
    response = client_for(cast.space_member).post(
        reverse("moderation:flag", args=[post.pk]),
        {"comment": "98765432109876543210", "reason": "other", "note": "Why KEPT"},
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert "The comment you flagged is no longer there" in page
    assert "Why KEPT" in page


def test_an_unknown_reaction_says_so_instead_of_a_bare_400(cast, client_for):
    post = PostFactory(space=None, author=cast.member, visibility="alliance")
    client = client_for(cast.member)
    response = client.post(reverse("core:react", args=[post.pk]), {"type": "<b>x</b>"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "That reaction is not one we know" in page


def test_a_wiki_edit_with_a_bad_hidden_field_says_so_and_keeps_the_text(cast, client_for):
    page = wiki_services.page_create(
        author=cast.member, space=None, title="Mapping", body="Old", visibility="alliance"
    )
    response = client_for(cast.member).post(
        reverse("wiki:edit", args=[page.slug]),
        {"base_revision": "98765432109876543210", "category": "concept", "body": "New KEPT"},
    )
    html = response.content.decode()
    assert response.status_code in (200, 409, 422)
    assert "This page sent a value that is no longer valid" in html
    assert "New KEPT" in html


def test_a_huge_body_is_refused_quickly_with_its_limit_and_kept(cast, client_for):
    body = "word " * 60_000
    started = time.monotonic()
    response = client_for(cast.member).post(
        reverse("spaces:forum_create"), {"title": "Long", "body": body, "visibility": "alliance"}
    )
    assert time.monotonic() - started < 3
    page = response.content.decode()
    assert f"at most {BODY_MAX:,}".replace(",", "") in page.replace(",", "").replace("\u202f", "")
    assert body.strip() in page
    assert not Post.objects.filter(title="Long").exists()


def test_titles_and_names_are_stored_without_invisible_characters(cast, client_for):
    client = client_for(cast.member)
    client.post(
        reverse("spaces:forum_create"),
        {"title": "Ab\u202ecd\u200b\x07", "body": "Body\x07 text", "visibility": "alliance"},
    )
    post = Post.objects.get()
    assert post.title == "Abcd"
    assert post.body == "Body text"
    client.post(
        reverse("people:profile_edit"),
        {"display_name": "Mo\u2066 Member\ufeff", "time_zone": "UTC", "sector": "", "country": ""},
    )
    cast.member.refresh_from_db()
    assert cast.member.display_name == "Mo Member"


def test_a_deleted_comment_is_no_reason_to_lose_a_moderators_redirect(cast, client_for):
    post = PostFactory(space=cast.space, author=cast.space_member, visibility="space")
    comment = CommentFactory(content=post, author=cast.space_member)
    client = client_for(cast.space_lead)
    response = client.post(
        reverse("moderation:act", args=[post.pk]),
        {"action": "dismiss", "comment": comment.pk + 1000, "next": "//evil.example.com/"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("moderation:item", args=[post.pk])


def _routes_with_ids():
    from django.urls import URLPattern, URLResolver, get_resolver

    found = []

    def walk(patterns, prefix, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = p.namespace or namespace
                walk(p.url_patterns, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern) and namespace and "<" in str(p.pattern):
                route = prefix + str(p.pattern)
                if "<id:" in route:
                    found.append(route)

    walk(get_resolver().url_patterns, "", None)
    return found


def test_no_route_takes_a_plain_int():
    """``<int:>`` would pass a 20-digit number to a query; ``<id:>`` refuses it."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    plain = [str(p) for p in root.glob("*/*urls.py") if "<int:" in p.read_text()]
    assert plain == []


def test_a_twenty_digit_id_in_an_address_is_404_not_500(cast, client_for):
    import re

    client = client_for(cast.space_lead)
    client.raise_request_exception = False
    routes = _routes_with_ids()
    assert len(routes) > 30
    for route in routes:
        url = "/" + re.sub(r"<id:\w+>", "98765432109876543210", route)
        url = re.sub(r"<[^>]+>", "x", url).replace("^", "").replace("$", "")
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code in (302, 404, 405), url
