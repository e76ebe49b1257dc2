"""No page shows anybody a title, body or comment they may not see, and every item
a person may see is shown to them.

Every item carries unique markers; every GET route of the product is rendered as
every member of the cast; no marker of an item hidden from that person may appear.
A route added without a way to fill its parameters here fails the test. The other
way round, every item each of them may see shows on its own page, in search and on
its app's lists. The world is built once per module (``leak_world``).
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from harambee.conftest import make_cast, offline_test_settings
from harambee.core.models import Attachment, Comment, Visibility
from harambee.core.tests import escapeworld
from harambee.core.tests.factories import (
    CommentFactory,
    MembershipFactory,
    OrganisationFactory,
    PostFactory,
    SpaceFactory,
)
from harambee.core.tests.pagechecks import escaping_faults, internal_links, untranslated
from harambee.core.visibility import can_see_space, can_view
from harambee.initiatives.models import (
    Adaptation,
    Initiative,
    InquiryCycle,
    LearningNote,
    Lesson,
    NoteRevision,
    PhaseNote,
)
from harambee.spaces import services
from harambee.spaces.models import Invitation, Post, Space
from harambee.stories.models import Story, StoryCall

pytestmark = pytest.mark.django_db

OUR_NAMESPACES = {
    "core",
    "people",
    "spaces",
    "initiatives",
    "stories",
    "wiki",
    "library",
    "search",
    "stream",
    "moderation",
    "synthesis",
    "notifications",
    "events",
    "reach",
    "reach_hooks",
    "press",
    "radio",
    "portal",
    "privacy",
    "insights",
    "maps",
    "research",
    "api",
    "training",
}

# Apps that add their own items to the world and fill their own routes' parameters.
# Each module has ``build(cast, world)`` (appends hidden-or-not items, whose title
# begins with a unique ``LEAK<n><letter>`` marker, to ``world["items"]``) and
# ``urls_for(name, cast, world)`` (a list of URLs, or None for a route not its own).
# Search rebuilds its index from the items made before it (so after every app that
# adds items) and before moderation hides some: hidden items stay in the index.
EXTENSIONS = [
    "harambee.core.tests.escapeworld",
    "harambee.core.tests.draftworld",
    "harambee.wiki.tests.leakworld",
    "harambee.library.tests.leakworld",
    "harambee.stream.tests.leakworld",
    "harambee.spaces.tests.leakworld",
    "harambee.events.tests.leakworld",
    "harambee.training.tests.leakworld",
    "harambee.reach.tests.leakworld",
    "harambee.radio.tests.leakworld",
    "harambee.maps.tests.leakworld",
    "harambee.research.tests.leakworld",
    "harambee.search.tests.leakworld",
    "harambee.moderation.tests.leakworld",
    "harambee.synthesis.tests.leakworld",
    "harambee.insights.tests.leakworld",
    "harambee.notifications.tests.leakworld",
    "harambee.press.tests.leakworld",
    "harambee.portal.tests.leakworld",
    "harambee.privacy.tests.leakworld",
    "harambee.api.tests.leakworld",
]


def _extensions():
    from importlib import import_module

    return [import_module(name) for name in EXTENSIONS]


def our_route_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.namespace in OUR_NAMESPACES:
                    walk(p.url_patterns, p.namespace)
                elif p.namespace is None:
                    walk(p.url_patterns, namespace)
            elif isinstance(p, URLPattern) and p.name and namespace:
                names.add(f"{namespace}:{p.name}")
            elif isinstance(p, URLPattern) and p.name == "home":
                names.add("home")

    walk(get_resolver().url_patterns, None)
    return names


@pytest.fixture(scope="module")
def leak_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The cast and its world, built once per module that asks for them.

    They are written inside a transaction that is rolled back when the module ends;
    each test runs in a savepoint within it (pytest-django's ``db``), so what a test
    writes goes with it and the next test finds the world as it was built. Each xdist
    worker has its own database, so each builds the world once for the modules it runs.
    """
    media = tmp_path_factory.mktemp("leak-media")
    with (
        django_db_blocker.unblock(),
        offline_test_settings(MEDIA_ROOT=str(media)),
        transaction.atomic(),
    ):
        cast = make_cast()
        yield SimpleNamespace(cast=cast, world=build_world(cast))
        transaction.set_rollback(True)


@pytest.fixture
def cast(leak_world, db):
    """The cast of the shared world (replaces the per-test cast of ``conftest``)."""
    return leak_world.cast


@pytest.fixture
def world(leak_world, db):
    return leak_world.world


def build_world(cast) -> dict:
    """Items of every kind, in every place, at every visibility, each with a marker."""
    secret = SpaceFactory(name="SECRETSPACE-MARK table", listing=Space.Listing.SECRET)
    MembershipFactory(space=secret, user=cast.space_member)
    org = OrganisationFactory()
    cast.member.organisation = org
    cast.member.save()
    authors = {
        cast.space: cast.space_lead,
        cast.other_space: cast.outsider,
        secret: cast.space_member,
    }
    posts = []
    for space, author in [*authors.items(), (None, cast.member)]:
        for vis in Visibility.values:
            post = PostFactory(space=space, author=author, visibility=vis)
            marker = f"LEAK{post.pk}X"
            Post.objects.filter(pk=post.pk).update(
                title=f"{marker}-TITLE", body=f"{marker}-BODY", body_html=f"<p>{marker}-BODY</p>"
            )
            CommentFactory(content=post, author=author, body=f"{marker}-COMMENT")
            posts.append(Post.objects.get(pk=post.pk))
    services.invitation_create(actor=cast.space_lead, space=cast.space, email="new@example.org")
    invitation = Invitation.objects.get(email="new@example.org")
    items = list(posts)
    cycles, notes, lessons, attachments = [], [], [], []
    for space, author in authors.items():
        Space.objects.filter(pk=space.pk).update(kind=Space.Type.INITIATIVE)
        initiative = Initiative.objects.create(space=space, countries=["GH"])
        # Every note belongs to a private cycle: its title must not travel with the note.
        hidden_cycle = InquiryCycle.objects.create(
            initiative=initiative,
            space=space,
            author=author,
            visibility="private",
            title=f"LEAK{len(items)}Z-TITLE",
        )
        items.append(hidden_cycle)
        for vis in Visibility.values:
            marker = f"LEAK{len(items)}Y"
            cycle = InquiryCycle.objects.create(
                initiative=initiative,
                space=space,
                author=author,
                visibility=vis,
                title=f"{marker}-TITLE",
                body=f"{marker}-BODY",
            )
            PhaseNote.objects.create(
                cycle=cycle, author=author, phase="act", date="2026-01-01", body=f"{marker}-PHASE"
            )
            CommentFactory(content=cycle, author=author, body=f"{marker}-COMMENT")
            note = LearningNote(
                initiative=initiative,
                space=space,
                author=author,
                visibility=vis,
                title=f"{marker}N-TITLE",
                learned=f"{marker}N-BODY",
                cycle=hidden_cycle,
            )
            note.save()
            NoteRevision.objects.create(
                note=note,
                number=1,
                author=author,
                summary=f"{marker}N-SUMMARY",
                data={"title": f"{marker}N-TITLE", "learned": "x"},
            )
            attachments.append(
                Attachment.objects.create(
                    content=note,
                    type="pdf",
                    uploaded_by=author,
                    caption=f"{marker}N-CAPTION",
                    original_name="minutes.pdf",
                    mime="application/pdf",
                    file=ContentFile(f"%PDF-1.4 {marker}N-FILE %%EOF".encode(), name="m.pdf"),
                )
            )
            lesson = Lesson.objects.create(
                note=note,
                space=space,
                author=author,
                visibility=vis,
                title=f"{marker}L-TITLE",
                body=f"{marker}L-BODY",
            )
            cycles.append(cycle)
            notes.append(note)
            lessons.append(lesson)
            items += [cycle, note, lesson]
    calls, stories = [], []
    for space, author in [*authors.items(), (None, cast.steward)]:
        for vis in ("public", "alliance", "space"):
            marker = f"LEAK{len(items)}C"
            call = StoryCall.objects.create(
                space=space,
                author=author,
                visibility=vis if space else "alliance",
                title=f"{marker}-TITLE",
                body=f"{marker}-BODY",
                deadline="2027-01-01",
            )
            calls.append(call)
            items.append(call)
        for status, vis, audience in (
            ("draft", "private", "public"),
            ("review", "space" if space else "alliance", "public"),
            ("published", "public", "public"),
            ("published", "alliance", "alliance"),
            ("published", "space" if space else "alliance", "space"),
        ):
            marker = f"LEAK{len(items)}S"
            story = Story.objects.create(
                space=space,
                author=author,
                visibility=vis,
                status=status,
                audience=audience,
                title=f"{marker}-TITLE",
                body=f"{marker}-BODY",
                call=calls[-1],
                in_collection=status == "published",
                published=timezone.now() if status == "published" else None,
            )
            CommentFactory(content=story, author=author, body=f"{marker}-COMMENT")
            stories.append(story)
            items.append(story)
    StoryCall.objects.filter(pk__in=[c.pk for c in calls]).update(status="published")
    # A published shareable version of every restricted note: it must never carry
    # its original's title or space to readers of the original's kind.
    for note in [n for n in notes if n.visibility in ("space", "private")]:
        copy = LearningNote(
            initiative=note.initiative,
            space=note.space,
            author=note.author,
            visibility="public",
            title="Shareable copy of a note",
            learned="Reworded",
        )
        copy.save()
        Adaptation.objects.create(
            original=note,
            adapted=copy,
            target_visibility="public",
            status="published",
            created_by=note.author,
        )
        notes.append(copy)
    world = {
        "posts": posts,
        "spaces": [cast.space, cast.other_space, secret],
        "org": org,
        "invitation": invitation,
        "secret": secret,
        "items": items,
        "cycles": cycles,
        "notes": notes,
        "lessons": lessons,
        "attachments": attachments,
        "calls": calls,
        "stories": stories,
        "authors": authors,
    }
    for extension in _extensions():
        extension.build(cast, world)
    return world


def urls_for(name: str, cast, world) -> list[str]:
    for extension in _extensions():
        found = extension.urls_for(name, cast, world)
        if found is not None:
            return found
    spaces = world["spaces"]
    posts = world["posts"]
    users = [cast.space_member, cast.guest]
    if name in {
        "spaces:post",
        "spaces:post_edit",
        "core:comment",
        "core:comment_form",
        "core:react",
        "core:item_language",
    }:
        return [reverse(name, args=[p.pk]) for p in posts]
    if name in {"spaces:member_role", "spaces:member_remove"}:
        return [reverse(name, args=[s.slug, u.pk]) for s in spaces for u in users]
    if name in {"initiatives:cycle", "initiatives:phase_note_add"}:
        return [reverse(name, args=[c.pk]) for c in world["cycles"]]
    if name in {
        "initiatives:note",
        "initiatives:note_edit",
        "initiatives:note_history",
        "initiatives:lesson_create",
    }:
        return [reverse(name, args=[n.pk]) for n in world["notes"]]
    if name in {"initiatives:note_revision", "initiatives:note_revert"}:
        return [reverse(name, args=[n.pk, 1]) for n in world["notes"]]
    if name == "core:attachment":
        return [reverse(name, args=[a.pk, a.download_name]) for a in world["attachments"]]
    if name == "core:attachment_thumbnail":
        return [reverse(name, args=[a.pk]) for a in world["attachments"]]
    if name == "initiatives:evidence_add":
        return [reverse(name, args=[n.pk]) for n in world["notes"]]
    if name == "initiatives:evidence_remove":
        return [reverse(name, args=[a.content_id, a.pk]) for a in world["attachments"]]
    if name == "initiatives:adaptation_start":
        return [reverse(name, args=[n.pk]) for n in world["notes"]]
    if name in {"initiatives:adaptation_submit", "initiatives:adaptation_decide"}:
        return [reverse(name, args=[1])]
    if name in {"stories:story", "stories:edit"}:
        return [reverse(name, args=[x.pk]) for x in world["stories"]]
    if name == "stories:move":
        return [reverse(name, args=[x.pk, "publish"]) for x in world["stories"]]
    if name in {"stories:call", "stories:collection", "stories:call_close"}:
        return [reverse(name, args=[x.pk]) for x in world["calls"]]
    if name == "initiatives:lesson":
        return [reverse(name, args=[x.pk]) for x in world["lessons"]]
    if name == "initiatives:stakeholder_remove":
        return [reverse(name, args=[s.slug, 1]) for s in spaces]
    if name == "spaces:request_decide":
        return [reverse(name, args=[s.slug, 1]) for s in spaces]
    if name == "spaces:invitation":
        return [reverse(name, args=[world["invitation"].token])]
    if name == "people:person":
        return [reverse(name, args=[u.pk]) for u in (cast.space_member, cast.guest, cast.member)]
    if name == "people:organisation":
        return [reverse(name, args=[world["org"].slug])]
    if name == "people:signup_decide":
        return [reverse(name, args=[u.pk]) for u in (cast.member, cast.guest)]
    try:
        return [reverse(name)]
    except NoReverseMatch:
        return [reverse(name, args=[s.slug]) for s in spaces]


CAST = ["anon", "outsider", "guest", "member", "space_member", "space_lead", "steward"]


# Links followed per shape of address (digits as N), so a page with many links to
# one kind of page does not make the tour try them all.
LINKS_PER_SHAPE = 4


def _shape(path: str) -> str:
    return re.sub(r"\d+", "N", path.split("?")[0])


@pytest.mark.parametrize("who", CAST)
def test_every_get_route_hides_what_each_cast_member_may_not_see(cast, world, client_for, who):
    """And, on the same tour: every page escapes text exactly once (``pagechecks``,
    with the texts of ``escapeworld``), and every link to the site on a page answers
    something other than 404 to whoever was shown it (a sample of each shape)."""
    names = sorted(our_route_names())
    assert len(names) >= 20
    extra = [
        "/accounts/login/",
        "/accounts/signup/",
        "/admin/",
        "/admin/spaces/post/",
        "/admin/core/auditentry/",
        "/admin/events/event/",
        "/?page=2",
    ]
    user = getattr(cast, who)
    client = client_for(user)
    hidden = [item for item in world["items"] if not can_view(user, item)]
    assert hidden
    # Posts carry LEAK<pk>X markers, initiative items LEAK<n>Y / LEAK<n>Z: the prefix
    # of each hidden item's title marks its title, body, comments and revisions.
    markers = [item.title.split("-")[0] for item in hidden]
    hide_secret = not can_see_space(user, world["secret"])
    urls = [u for name in names for u in urls_for(name, cast, world)] + extra
    urls += world["extra_urls"]
    probes = (escapeworld.SHOWN_TITLE, escapeworld.SHOWN_BODY)
    links: dict[str, str] = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, (who, url)
        raw = b"".join(response.streaming_content) if response.streaming else response.content
        body = raw.decode(errors="replace")
        # An author is shown what a moderator hid of theirs, on its own page.
        own = _ask_extensions("shown_to_author", user, url, world, default=set())
        for marker in markers:
            assert marker in own or marker not in body, (who, url, marker)
        if hide_secret:
            assert "SECRETSPACE-MARK" not in body, (who, url)
        # What is shown to nobody on any page (an unsaved draft, core/tests/draftworld.py).
        for marker in world["never_shown"]:
            assert marker not in body, (who, url, marker)
        if "text/html" in response.get("Content-Type", "") and not url.startswith("/admin/"):
            assert not escaping_faults(body, probes=probes), (who, url)
            for link in internal_links(body):
                links.setdefault(link, url)
    assert len(urls) > 100
    tried: dict[str, int] = {}
    for link, shown_on in sorted(links.items()):
        shape = _shape(link)
        if tried.get(shape, 0) >= LINKS_PER_SHAPE or link.startswith(("/static/", "/admin/")):
            continue
        tried[shape] = tried.get(shape, 0) + 1
        assert client.get(link).status_code != 404, (who, link, "linked from", shown_on)
    assert len(tried) > 20


def french_catalogue() -> dict[str, str]:
    """The interface's English messages with their French, for the ones that differ
    in French and are words a reader would notice (not a lone symbol or a code)."""
    from django.utils.translation import trans_real

    found = {}
    for msgid, msgstr in trans_real.translation("fr")._catalog.items():
        if isinstance(msgid, tuple):  # a plural form
            continue
        if msgstr and msgstr != msgid and len(msgid) > 3 and re.search(r"[A-Za-z]{3}", msgid):
            found[msgid] = msgstr
    return found


@pytest.mark.parametrize("who", ["anon", "member", "space_lead", "steward"])
def test_every_page_of_the_tour_is_french_in_french(cast, world, client_for, settings, who):
    """Every page of the leak test's tour, read in French, shows no message of the
    interface in English (a string left out of the catalogue, or not marked for
    translation where the catalogue has it) and says it is French."""
    catalogue = french_catalogue()
    assert len(catalogue) > 500
    client = client_for(getattr(cast, who))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    names = sorted(our_route_names())
    urls = [u for name in names for u in urls_for(name, cast, world)] + world["extra_urls"]
    urls += ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
    checked = 0
    for url in urls:
        response = client.get(url)
        if response.status_code >= 300 or response.streaming:
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        body = response.content.decode()
        if not body.lstrip().startswith("<!DOCTYPE"):
            continue  # a fragment for htmx
        assert '<html lang="fr"' in body, (who, url)
        found = untranslated(body, catalogue)
        assert not found, (who, url, found)
        checked += 1
    assert checked > 40


def _ask_extensions(hook: str, *args, default):
    """The first answer other than None of the extensions' ``hook``, or ``default``."""
    for extension in _extensions():
        found = getattr(extension, hook, lambda *_: None)(*args)
        if found is not None:
            return found
    return default


@pytest.mark.parametrize("who", CAST)
def test_what_each_cast_member_may_see_is_shown(cast, world, client_for, who):
    """The other half of the leak test, without which hiding everything would pass it:
    every item of the world ``who`` may see, of every kind, shows its marker and its
    comments on its own page, is found by a search for its marker, and is on the list
    pages its app names (an extension's ``listed_on(user, item, world)``: lists of a
    kind within its space or the alliance, short enough here to fit on one page).

    An extension's ``has_page(user, item)`` may answer False for an item that has no
    address for this reader (a wiki page in a space they may not know): its page must
    then answer 404, like a missing one.
    """
    user = getattr(cast, who)
    client = client_for(user)
    visible = [item for item in world["items"] if can_view(user, item)]
    comments: dict[int, list[str]] = {}
    for content_id, body in Comment.objects.filter(
        content_id__in=[item.pk for item in visible], removed=False
    ).values_list("content_id", "body"):
        comments.setdefault(content_id, []).append(body)
    search = reverse("search:search")
    kinds, lists = set(), 0
    for item in visible:
        marker = item.title.split("-")[0]
        url = item.get_absolute_url()
        if not _ask_extensions("has_page", user, item, default=True):
            assert client.get(url, follow=True).status_code == 404, (who, url)
            continue
        response = client.get(url, follow=True)
        assert response.status_code == 200, (who, url, response.status_code)
        addresses = {url, *(target for target, _status in response.redirect_chain)}
        page = response.content.decode()
        assert f"{marker}-TITLE" in page or f"{marker}-BODY" in page, (who, url)
        for body in comments.get(item.pk, []):
            if body.startswith(marker):
                assert body in page, (who, url, body)
        results = client.get(search, {"q": marker}).content.decode()
        results = results.split('id="results-heading"', 1)[-1]
        assert any(f'href="{a}' in results for a in addresses), (who, marker, addresses)
        for list_url in _ask_extensions("listed_on", user, item, world, default=[]):
            listed = client.get(list_url).content.decode()
            assert any(f'href="{a}' in listed for a in addresses), (who, list_url, marker)
            lists += 1
        kinds.add(item.kind)
    everything = {item.kind for item in world["items"]}
    # Anonymous visitors see public items of every kind; the others see more.
    assert kinds == everything, (who, everything - kinds)
    assert lists >= 5, who


def test_files_that_may_be_seen_do_download(cast, world, client_for):
    client = client_for(cast.space_member)
    shown = 0
    for attachment in world["attachments"]:
        if can_view(cast.space_member, attachment.content):
            response = client.get(attachment.get_absolute_url())
            assert b"N-FILE" in b"".join(response.streaming_content)
            shown += 1
    assert shown >= 3


def test_admin_pages_print_no_titles(cast, client_for):
    from harambee.core.tests.factories import PostFactory

    post = PostFactory(space=cast.space, visibility="private", title="ADMINLEAK title")
    CommentFactory(content=post, body="ADMINLEAK comment")
    client = client_for(cast.steward)
    delete_page = client.get(f"/admin/spaces/space/{cast.space.pk}/delete/").content.decode()
    assert "ADMINLEAK" not in delete_page
