"""Journeys of the people who use Harambee, walked in Chromium on a phone (360 px) and a
laptop (1280 px), signed in as they would be:

- a lead's morning: home says a person asks to join; the lead decides on the request,
  writes a learning note for the initiative, and replies to a thread;
- a member's: follows a tag, posts to the stream, reads a thread and reacts to it.

Every page of a journey is checked as it is met: axe finds no WCAG 2.2 A/AA
violation, nothing scrolls sideways, no entity (``&amp;``, ``&lt;``) is shown as text;
its HTML goes to one run of the Nu Html Checker at the end. A screenshot of every
step is written to ``var/artefacts/journeys/<journey>-<width>/`` (``HARAMBEE_ARTEFACTS``
to write them elsewhere), so a reviewer can look at what a person saw.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from harambee.core.models import Visibility
from harambee.core.tests.browser.test_accessibility import problems_on, sign_in
from harambee.core.tests.checkers import AXE_JS, require_file, vnu
from harambee.core.tests.factories import CommentFactory, MembershipFactory, PostFactory
from harambee.core.tests.pagechecks import escaping_faults
from harambee.initiatives.models import Initiative, LearningNote
from harambee.people.roles import SpaceRole
from harambee.spaces import services as space_services
from harambee.spaces.models import JoinRequest, Space
from harambee.stream import services as stream_services
from harambee.stream.models import StreamPost

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}
SIZES = [pytest.param(PHONE, id="360px"), pytest.param(LAPTOP, id="1280px")]
ROOT = Path(__file__).resolve().parents[4]
AXE_TAG = re.compile(r'<script type="text/javascript">/\*! axe.*?</script>', re.S)


def artefacts(journey: str, size: dict) -> Path:
    base = Path(os.environ.get("HARAMBEE_ARTEFACTS", ROOT / "var" / "artefacts"))
    folder = base / "journeys" / f"{journey}-{size['width']}"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    return folder


class Walk:
    """Checks and records every page of one journey."""

    def __init__(self, page, journey: str, size: dict, html_dir: Path) -> None:
        self.page = page
        self.size = size
        self.shots = artefacts(journey, size)
        self.html_dir = html_dir
        self.problems: list[str] = []
        self.steps = 0

    def seen(self, step: str) -> None:
        """The page as it is now: screenshot, axe, reflow, escaping; HTML for vnu."""
        self.steps += 1
        name = f"{self.steps:02d}-{step}"
        self.page.screenshot(path=str(self.shots / f"{name}.png"), full_page=True)
        # Without axe, which problems_on puts into the page (it stays after an htmx swap).
        html = AXE_TAG.sub("", self.page.content())
        self.problems += [f"{step}: {fault}" for fault in escaping_faults(html)]
        self.problems += problems_on(self.page, f"{step} ({self.page.url})", [(self.size, "light")])
        (self.html_dir / f"{self.size['width']}-{name}.html").write_text(
            "<!DOCTYPE html>\n" + html if not html.startswith("<!DOCTYPE") else html,
            encoding="utf-8",
        )


def valid_html(html_dir: Path) -> list[str]:
    messages = vnu(html_dir)
    return [
        f"{m.get('url', '').rsplit('/', 1)[-1]}: {m['message']} ({m.get('extract', '')[:80]})"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "warning"
    ]


@pytest.fixture
def morning(cast):
    """An initiative space led by the cast's space lead, a person asking to join it and
    a thread with a question from one of its members."""
    space = cast.space
    space.kind = Space.Type.INITIATIVE
    space.name = "Forest & water initiative"
    space.save()
    Initiative.objects.create(space=space, summary="Community forest monitoring.")
    space_services.join_request_create(
        user=cast.member, space=space, message="I run a nursery near Kumasi & would like to help."
    )
    thread = PostFactory(
        space=space,
        author=cast.space_member,
        title="Which seedlings survive the dry season?",
        body="We lost half of the mahogany seedlings in **February**.",
        visibility=Visibility.SPACE,
    )
    CommentFactory(content=thread, author=cast.space_member, body="Teak did better for us.")
    return space, thread


@pytest.mark.parametrize("size", SIZES)
def test_a_leads_morning(new_page, live_server, browser_errors, cast, morning, size, tmp_path):
    require_file(AXE_JS)
    space, thread = morning
    page = new_page(viewport=size, bypass_csp=True)
    walk = Walk(page, "lead", size, tmp_path)
    sign_in(page, cast.space_lead, live_server.url)

    # Home: what needs the lead first.
    page.goto("/")
    expect(
        page.get_by_role("heading", name=re.compile("asks to join a space you lead"))
    ).to_be_visible()
    walk.seen("home")
    page.get_by_role("link", name=re.compile(r"Decide on .*request")).click()
    expect(page).to_have_url(re.compile(rf"/spaces/{space.slug}/requests/$"))
    walk.seen("requests")
    page.get_by_role("button", name=re.compile(r"^Approve ")).click()
    expect(page.get_by_text(f"{cast.member.display_name} is now a member.")).to_be_visible()
    walk.seen("request-approved")
    assert JoinRequest.objects.get(space=space, user=cast.member).status == "approved"

    # A learning note for the initiative.
    page.goto(f"/initiatives/{space.slug}/notes/new/")
    expect(page.get_by_role("heading", name="Write a learning note", level=1)).to_be_visible()
    walk.seen("note-form")
    page.get_by_label(re.compile(r"^Title:?$")).fill("Dry-season nursery shade")
    page.get_by_label(re.compile(r"^Context:?$")).fill("Seedlings dried out in *February*.")
    page.get_by_label(re.compile(r"^What was learned:?$")).fill("Shade nets & mulch halve losses.")
    page.get_by_label("Space: members of this space").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(re.compile(r"/notes/\d+/$"))
    expect(page.get_by_role("heading", name="Dry-season nursery shade", level=1)).to_be_visible()
    expect(page.get_by_text("Shade nets & mulch halve losses.")).to_be_visible()
    walk.seen("note")
    assert LearningNote.objects.filter(title="Dry-season nursery shade", author=cast.space_lead)

    # A reply in the thread.
    page.goto(thread.get_absolute_url())
    walk.seen("thread")
    page.get_by_role("link", name=re.compile(r"^Reply")).first.click()
    form = page.locator("#comment-form")
    expect(form.get_by_text(re.compile("Replying to"))).to_be_visible()
    form.get_by_label(re.compile("^Your reply")).fill("Try shade nets: they worked in Wenchi.")
    form.get_by_role("button", name="Reply", exact=True).click()
    expect(page.get_by_text("Try shade nets: they worked in Wenchi.")).to_be_visible()
    walk.seen("replied")
    assert thread.comments.filter(author=cast.space_lead, parent__isnull=False).count() == 1

    assert walk.problems == [], "\n".join(walk.problems)
    assert valid_html(tmp_path) == []
    assert browser_errors == []
    assert len(list(walk.shots.glob("*.png"))) == walk.steps == 7


@pytest.fixture
def member_day(cast):
    """A public thread with replies in the cast's space, and a stream post tagged
    #agroforestry by someone else."""
    MembershipFactory(space=cast.space, user=cast.member, role=SpaceRole.MEMBER)
    thread = PostFactory(
        space=cast.space,
        author=cast.space_lead,
        title="Sharing seed between villages",
        body="Our seed bank lends seed & asks for twice as much back.",
        visibility=Visibility.ALLIANCE,
    )
    first = CommentFactory(content=thread, author=cast.space_member, body="We do the same.")
    CommentFactory(content=thread, author=cast.space_lead, parent=first, body="How many seasons?")
    stream_services.stream_post_create(
        author=cast.space_lead,
        text="Planting along the river this week #agroforestry",
        visibility=Visibility.ALLIANCE,
    )
    return thread


@pytest.mark.parametrize("size", SIZES)
def test_a_members_day(new_page, live_server, browser_errors, cast, member_day, size, tmp_path):
    require_file(AXE_JS)
    page = new_page(viewport=size, bypass_csp=True)
    walk = Walk(page, "member", size, tmp_path)
    sign_in(page, cast.member, live_server.url)

    page.goto("/")
    expect(page.get_by_role("heading", name=re.compile("^Welcome"), level=1)).to_be_visible()
    walk.seen("home")

    # Follow a tag.
    page.goto("/tags/agroforestry/")
    expect(page.get_by_role("link", name=re.compile("^Planting along the river"))).to_be_visible()
    walk.seen("tag")
    page.get_by_role("button", name="Follow", exact=True).click()
    expect(page.get_by_role("button", name=re.compile("^Following"))).to_be_visible()
    walk.seen("tag-followed")

    # Post to the stream.
    page.goto("/stream/")
    walk.seen("stream")
    box = page.locator("main form").filter(has=page.get_by_role("button", name="Post", exact=True))
    box.get_by_role("textbox").first.fill("Mulch trial started today #agroforestry & #soil")
    box.get_by_role("button", name="Post", exact=True).click()
    expect(page.get_by_text("Mulch trial started today").first).to_be_visible()
    walk.seen("posted")
    assert StreamPost.objects.filter(author=cast.member, body__startswith="Mulch trial").exists()

    # Read a thread and thank its author.
    page.goto(member_day.get_absolute_url())
    expect(
        page.get_by_role("heading", name="Sharing seed between villages", level=1)
    ).to_be_visible()
    expect(page.get_by_text("How many seasons?")).to_be_visible()
    walk.seen("thread")
    page.get_by_role("button", name=re.compile("^Thanks")).click()
    expect(page.get_by_role("button", name=re.compile("^Thanks"))).to_have_attribute(
        "aria-pressed", "true"
    )
    walk.seen("thanked")

    assert walk.problems == [], "\n".join(walk.problems)
    assert valid_html(tmp_path) == []
    assert browser_errors == []
    assert len(list(walk.shots.glob("*.png"))) == walk.steps == 7
