"""axe-core finds no WCAG 2.2 A/AA violation on the main pages, for a visitor and
for a signed-in member, on a phone (360px) and a laptop (1280px) in light mode, and
on the home and post pages in dark mode too; and no page scrolls sideways on a
phone (WCAG 1.4.10, reflow), which axe does not check.

axe is injected from tools/node_modules; the site's CSP allows only its own
scripts, so these browser contexts bypass CSP for the injection. Each page is
loaded once and checked at every size and colour scheme in turn.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import Client

from harambee.core.models import Visibility
from harambee.core.services import reaction_toggle
from harambee.core.tests.checkers import AXE_JS, require_file
from harambee.core.tests.factories import CommentFactory, OrganisationFactory, PostFactory
from harambee.spaces import services
from harambee.spaces.models import Space

pytestmark = pytest.mark.browser

WCAG = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]
PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}
LIGHT_ONLY = [(PHONE, "light"), (LAPTOP, "light")]
WITH_DARK = [*LIGHT_ONLY, (PHONE, "dark"), (LAPTOP, "dark")]

# (page, who, looks): "anon" is a visitor, "member" is signed in (a member of the space),
# "lead" leads the space and organises its event.
PAGES = [
    ("home", "anon", WITH_DARK),
    ("home", "member", WITH_DARK),
    ("people", "member", LIGHT_ONLY),
    ("space", "anon", LIGHT_ONLY),
    ("space", "member", LIGHT_ONLY),
    ("post", "anon", LIGHT_ONLY),
    ("post", "member", WITH_DARK),
    ("profile", "member", LIGHT_ONLY),
    ("sign-in", "anon", LIGHT_ONLY),
    ("sign-up", "anon", LIGHT_ONLY),
    ("404", "anon", LIGHT_ONLY),
    ("404", "member", LIGHT_ONLY),
    ("event", "anon", LIGHT_ONLY),
    ("event", "member", WITH_DARK),
    ("events", "anon", LIGHT_ONLY),
    ("events-month", "member", LIGHT_ONLY),
    ("event-form", "member", LIGHT_ONLY),
    ("my-events", "member", LIGHT_ONLY),
    ("event-attendance", "lead", LIGHT_ONLY),
]


@pytest.fixture
def scene(cast):
    """A public space with a discussed public post, so a visitor sees them too."""
    org = OrganisationFactory(name="Forest Voices")
    cast.space_member.organisation, cast.space_member.country = org, "GH"
    cast.space_member.save()
    cast.space.listing = Space.Listing.PUBLIC
    cast.space.description = "We meet **monthly** to compare nurseries."
    cast.space.save()
    post = PostFactory(
        space=cast.space,
        author=cast.space_lead,
        title="What the nursery taught us",
        body="Text with a [link](https://example.org), `code` and\n\n> a quote.",
        visibility=Visibility.PUBLIC,
    )
    first = CommentFactory(content=post, author=cast.space_member, body="First, *with* markdown")
    CommentFactory(content=post, author=cast.guest, parent=first, body="A reply")
    CommentFactory(content=post, author=cast.steward, body="Second")
    reaction_toggle(user=cast.space_lead, content=post, type="thanks")
    for _ in range(3):
        PostFactory(space=cast.space, author=cast.space_lead, visibility=Visibility.PUBLIC)
    from harambee.events.services import registration_create
    from harambee.events.tests.helpers import make_event

    event = make_event(
        cast.space_lead,
        cast.space,
        title="Webinar on nursery records",
        capacity=20,
        ask_dietary=True,
        ask_sector=True,
        mode="hybrid",
        place="Techiman hall",
        languages=["en", "tw"],
    )
    registration_create(event=event, user=cast.space_lead)
    return SimpleNamespace(
        user=cast.space_member,
        lead=cast.space_lead,
        org=org,
        post=post,
        paths={
            "home": "/",
            "people": "/people/",
            "space": cast.space.get_absolute_url(),
            "post": post.get_absolute_url(),
            "profile": "/profile/",
            "sign-in": "/accounts/login/",
            "sign-up": "/accounts/signup/",
            "404": "/no/such/page/",
            "event": event.get_absolute_url(),
            "events": "/events/",
            "events-month": f"/events/?view=month&month={event.starts:%Y-%m}",
            "event-form": f"/spaces/{cast.space.slug}/events/new/",
            "my-events": "/events/mine/",
            "event-attendance": f"/events/{event.pk}/attendance/",
        },
    )


def sign_in(page, user, base_url: str) -> None:
    """Sign in by session cookie: faster than the form, which other tests walk."""
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies([{"name": name, "value": client.cookies[name].value, "url": base_url}])


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"  {v['id']} ({v['impact']}): {v['help']} — {v['helpUrl']}")
        for node in v["nodes"][:8]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary']}")
            lines.append(f"        {node['html'][:200]}")
    return "\n".join(lines)


def problems_on(page, where: str, looks) -> list[str]:
    """axe's violations and any sideways scrolling, at each (viewport, colour scheme)."""
    page.add_script_tag(path=str(AXE_JS))
    found = []
    for size, scheme in looks:
        page.set_viewport_size(size)
        page.emulate_media(color_scheme=scheme)
        look = f"{where} at {size['width']}px, {scheme}"
        violations = page.evaluate(
            """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                           resultTypes: ['violations']})
                         .then((result) => result.violations)""",
            WCAG,
        )
        if violations:
            found.append(f"{look}: {len(violations)} axe violations\n{describe(violations)}")
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            found.append(f"{look}: the page scrolls sideways by {overflow}px")
    return found


@pytest.mark.parametrize(
    ("name", "who", "looks"), [pytest.param(*p, id=f"{p[0]}-{p[1]}") for p in PAGES]
)
def test_page_passes_axe(new_page, live_server, scene, name, who, looks):
    require_file(AXE_JS)
    page = new_page(bypass_csp=True)
    if who in ("member", "lead"):
        sign_in(page, scene.lead if who == "lead" else scene.user, live_server.url)
    path = scene.paths[name]
    response = page.goto(path)
    assert response is not None
    assert response.status == (404 if name == "404" else 200), page.url
    assert page.url.endswith(path), f"redirected to {page.url}"
    signed_in = page.locator(".site-header .account-menu").count() == 1
    assert signed_in == (who != "anon")
    problems = problems_on(page, f"{path} ({who})", looks)
    assert problems == [], "\n".join(problems)


def test_the_other_pages_on_a_phone(new_page, live_server, cast, scene):
    """The pages of leads, stewards and guests, and the account settings."""
    require_file(AXE_JS)
    from harambee.initiatives.models import Initiative

    space = cast.space
    Initiative.objects.create(space=space, countries=["GH"], stage="running")
    services.join_request_create(user=cast.member, space=space, message="May I join?")
    services.invitation_create(actor=cast.space_lead, space=space, email="new@elsewhere.org")
    tours = {
        cast.space_lead: [
            f"/spaces/{space.slug}/members/",
            f"/spaces/{space.slug}/requests/",
            f"/spaces/{space.slug}/invite/",
            f"/spaces/{space.slug}/edit/",
            f"/spaces/{space.slug}/posts/new/",
            f"{scene.post.get_absolute_url()}edit/",
            "/spaces/",
            "/spaces/new/",
            "/initiatives/",
            f"/initiatives/{space.slug}/",
            f"/people/{cast.space_member.pk}/",
            "/organisations/",
            scene.org.get_absolute_url(),
            "/accounts/email/",
            "/accounts/password/change/",
            "/accounts/2fa/",
        ],
        cast.steward: ["/audit/", f"/spaces/{space.slug}/members/"],
        cast.guest: ["/", f"/spaces/{space.slug}/"],
    }
    problems = []
    for user, paths in tours.items():
        page = new_page(bypass_csp=True)
        sign_in(page, user, live_server.url)
        for path in paths:
            response = page.goto(path)
            assert response is not None and response.status == 200, (str(user), path)
            assert page.url.endswith(path), f"{path} redirected to {page.url}"
            problems += problems_on(page, f"{path} ({user})", [(PHONE, "light")])
    assert problems == [], "\n".join(problems)
