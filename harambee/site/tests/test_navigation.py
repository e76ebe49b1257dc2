"""The menu: a few top-level places that the apps fill, the current one marked from
the path in one place (``core.navigation``), on every section of the product."""

from __future__ import annotations

import re

import pytest

from harambee.core.models import Visibility
from harambee.core.navigation import current_section, entries, sections
from harambee.core.tests.factories import PostFactory

pytestmark = pytest.mark.django_db

MAIN_NAV = re.compile(r'<nav aria-label="Main">(.*?)</nav>', re.S)
CURRENT = re.compile(r'<a href="[^"]*" aria-current="(?:page|true)">([^<]+)</a>')


def current_places(html: str) -> list[str]:
    """The labels of the top-level places marked current in the main menu."""
    menu = MAIN_NAV.search(html)
    assert menu is not None, "no main menu on the page"
    # Only the places themselves, not the pages listed under them.
    places = re.sub(r'<ul class="nav-children">.*?</ul>', "", menu.group(1), flags=re.S)
    return CURRENT.findall(places)


def test_the_top_level_places_are_few_and_in_order():
    keys = [s.key for s in sections() if not s.account]
    assert keys == ["home", "spaces", "learning", "knowledge", "conversations", "people"]


def test_every_entry_belongs_to_a_registered_place():
    known = {s.key for s in sections()}
    assert entries() and {e.section for e in entries()} <= known


@pytest.mark.parametrize(
    ("path", "section"),
    [
        ("/", "home"),
        ("/spaces/", "spaces"),
        ("/spaces/ghana-forest/wiki/", "spaces"),
        ("/spaces/ghana-forest/stream/", "spaces"),
        ("/initiatives/", "learning"),
        ("/notes/4/", "learning"),
        ("/lessons/", "learning"),
        ("/themes/water/", "learning"),
        ("/stories/", "learning"),
        ("/calls/3/", "learning"),
        ("/wiki/", "knowledge"),
        ("/wiki/Some_page/history/", "knowledge"),
        ("/library/collections/", "knowledge"),
        ("/forum/", "conversations"),
        ("/posts/12/", "conversations"),
        ("/stream/", "conversations"),
        ("/tags/water/", "conversations"),
        ("/timeline/", "conversations"),
        ("/people/", "people"),
        ("/organisations/x/", "people"),
        ("/search/", ""),
        ("/notifications/", ""),
    ],
)
def test_each_path_belongs_to_one_place(path, section):
    assert current_section(path) == section


def test_the_highlighted_place_is_right_on_every_section(cast, client_for):
    thread = PostFactory(space=None, author=cast.member, visibility=Visibility.ALLIANCE)
    space_thread = PostFactory(
        space=cast.space, author=cast.space_lead, visibility=Visibility.SPACE
    )
    client = client_for(cast.space_lead)
    expected = {
        "/": "Home",
        "/spaces/": "Spaces",
        cast.space.get_absolute_url(): "Spaces",
        f"/spaces/{cast.space.slug}/threads/": "Spaces",
        f"/spaces/{cast.space.slug}/wiki/": "Spaces",
        f"/spaces/{cast.space.slug}/members/": "Spaces",
        "/initiatives/": "Learning",
        "/themes/": "Learning",
        "/lessons/": "Learning",
        "/stories/": "Learning",
        "/wiki/": "Knowledge",
        "/wiki/pages/recent/": "Knowledge",
        "/library/": "Knowledge",
        "/forum/": "Conversations",
        thread.get_absolute_url(): "Conversations",
        space_thread.get_absolute_url(): "Conversations",
        "/stream/": "Conversations",
        "/timeline/": "Conversations",
        "/people/": "People",
        "/organisations/": "People",
        "/search/?q=water": None,
        "/notifications/": None,
    }
    wrong = {}
    for path, place in expected.items():
        response = client.get(path)
        assert response.status_code == 200, path
        found = current_places(response.content.decode())
        if found != ([place] if place else []):
            wrong[path] = found
    assert wrong == {}


def test_the_forum_marks_conversations_not_spaces(cast, client_for):
    html = client_for(cast.member).get("/forum/").content.decode()
    assert current_places(html) == ["Conversations"]
    assert 'aria-current="page">Forum</a>' in html


def test_a_visitor_is_not_offered_places_they_may_not_open(cast, client_for):
    html = client_for(cast.anon).get("/forum/").content.decode()
    menu = MAIN_NAV.search(html).group(1)
    assert ">People</a>" not in menu and ">Your timeline</a>" not in menu
    assert ">Knowledge</a>" in menu and ">Conversations</a>" in menu
    steward = client_for(cast.steward).get("/").content.decode()
    assert ">Audit log</a>" in steward and ">Admin</a>" in steward
    member = client_for(cast.member).get("/").content.decode()
    assert ">Audit log</a>" not in member and ">Admin</a>" not in member


def test_the_header_uses_no_emoji_as_icons(cast, client_for):
    html = client_for(cast.space_lead).get("/").content.decode()
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    emoji = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\u2b50]")
    assert not emoji.search(header)
    # Icons are inline SVG hidden from assistive technology, beside text names.
    assert header.count('<svg class="icon" aria-hidden="true"') >= 3
    assert "Notifications</span>" in header and "Menu</summary>" in header
