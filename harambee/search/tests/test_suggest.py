""" "Did you mean", through the gate; and search hits that are thread replies link to
the page of the thread that holds them. Runs on SQLite and on PostgreSQL (with
``DATABASE_URL``) with the same corpus and the same expected suggestions."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from harambee.core.models import Visibility
from harambee.core.tests.factories import (
    CommentFactory,
    MembershipFactory,
    PostFactory,
    SpaceFactory,
)
from harambee.core.tests.querycount import MAX_QUERIES
from harambee.core.visibility import can_view
from harambee.search import services, suggest
from harambee.search.selectors import Filters, search
from harambee.search.tests import corpus
from harambee.spaces.models import Space

pytestmark = pytest.mark.django_db


def suggested(user, text, filters=None):
    """What the results page offers: only for a search that finds little."""
    results = search(user=user, text=text, filters=filters, facets=False)
    if results.total >= suggest.SUGGEST_BELOW or results.capped:
        return None
    found = suggest.suggest(user=user, text=text, filters=filters, found=results.total)
    return found.text if found else None


@pytest.fixture
def world(cast):
    made = corpus.build(cast.space, cast.space_lead)
    services.index_rebuild()
    return made


# The same answers on both databases (the vocabulary differs in how it is kept,
# not in what it holds).
EXPECTED = {
    "harvestng": "harvesting",
    "rainwatr": "rainwater",
    "radoi": "radio",
    "Radoi": "Radio",
    "RADOI": "RADIO",
    '"dry seasn"': '"dry season"',
    '"rain harvestng" OR pumps -dma': '"rain harvesting" OR pumps -dma',
    "wels OR pumps": "wells OR pumps",
    "educasion": "educacion",
    "savngs  grups": "savings  groups",
    "bushfire": None,  # a beginning that finds something is not a misspelling
    "radio": None,
    "rain": None,  # plenty found
    "nothingmatchesthis": None,
    "xq": None,
    "-radoi": None,
    "2024": None,
}


@pytest.mark.parametrize("text", sorted(EXPECTED))
def test_the_shared_corpus_gives_the_expected_suggestions(cast, world, text):
    assert suggested(cast.anon, text) == EXPECTED[text]


def test_a_suggestion_is_checked_under_the_filters(cast, world):
    assert suggested(cast.anon, "radoi", Filters(kind="post")) == "radio"
    assert suggested(cast.anon, "radoi", Filters(kind="lesson")) is None
    assert suggested(cast.anon, "radoi", Filters(space_ids=[cast.other_space.pk])) is None


@pytest.fixture
def secret_word(cast):
    """A project name that only the members of a secret space may read."""
    secret = SpaceFactory(name="Hidden project", listing=Space.Listing.SECRET)
    MembershipFactory(space=secret, user=cast.space_member)
    post = PostFactory(
        space=secret,
        author=cast.space_member,
        visibility=Visibility.SPACE,
        title="Zeltronix kickoff",
        body="Plans for Zeltronix.",
    )
    private = PostFactory(
        space=cast.space,
        author=cast.space_lead,
        visibility=Visibility.PRIVATE,
        title="Notes",
        body="Quorvantha is the new name.",
    )
    # A hidden comment on a visible item is hidden too.
    removed = CommentFactory(
        content=PostFactory(space=cast.space, visibility=Visibility.PUBLIC, title="Open"),
        author=cast.space_lead,
        body="Mirandolex was removed.",
        removed=True,
    )
    services.index_rebuild()
    return post, private, removed


@pytest.mark.parametrize("who", ["anon", "outsider", "guest", "member", "space_member", "steward"])
def test_a_word_only_hidden_items_hold_is_never_suggested(cast, secret_word, who, client_for):
    post, private, _removed = secret_word
    user = getattr(cast, who)
    sees = can_view(user, post)
    assert suggested(user, "zeltronex") == ("zeltronix" if sees else None)
    assert suggested(user, "Zeltronex kickof") == ("Zeltronix kickof" if sees else None)
    assert suggested(user, "quorvanta") == ("quorvantha" if can_view(user, private) else None)
    assert suggested(user, "mirandolx") is None
    page = client_for(user).get(reverse("search:search"), {"q": "zeltronex"}).content.decode()
    assert ("Did you mean" in page) is sees
    assert ("eltronix" in page.lower()) is sees


def test_a_near_visible_word_is_still_offered_beside_a_hidden_one(cast, secret_word):
    PostFactory(space=cast.space, visibility=Visibility.PUBLIC, title="Zeltronia fair")
    services.index_rebuild()
    assert suggested(cast.member, "zeltronex") == "zeltronia"
    assert suggested(cast.space_member, "zeltronex") == "zeltronix"


def test_the_page_offers_a_link_that_keeps_the_filters(cast, world, client_for):
    response = client_for(cast.anon).get(
        reverse("search:search"), {"q": '"rain harvestng" -dma', "kind": "post", "page": "2"}
    )
    body = response.content.decode()
    match = re.search(r'<p class="search-suggestion">(.*?)</p>', body, re.S)
    assert match, body
    assert "Did you mean:" in match.group(1)
    href = re.search(r'href="([^"]*)"', match.group(1)).group(1)
    assert href == "?q=%22rain+harvesting%22+-dma&amp;kind=post"
    assert "&quot;rain <em>harvesting</em>&quot; -dma</a>" in match.group(1)
    # Following it finds the phrase.
    assert (
        "1 result"
        in client_for(cast.anon)
        .get(reverse("search:search") + href.replace("&amp;", "&"))
        .content.decode()
    )


def test_plentiful_results_ask_for_no_suggestion(cast, world, client_for):
    client = client_for(cast.anon)
    with CaptureQueriesContext(connection) as ctx:
        body = client.get(reverse("search:search"), {"q": "rain"}).content.decode()
    assert "Did you mean" not in body
    assert not [q for q in ctx.captured_queries if "search_vocab" in q["sql"]]


def test_the_vocabulary_follows_edits_and_deletions(cast, django_capture_on_commit_callbacks):
    def doc(term):
        with connection.cursor() as cursor:
            cursor.execute("SELECT doc FROM search_vocab WHERE term = %s", [term])
            row = cursor.fetchone()
        return row[0] if row else 0

    with django_capture_on_commit_callbacks(execute=True):
        one = PostFactory(space=cast.space, title="Quinoa quinoa", body="Grown high up.")
        two = PostFactory(space=cast.space, title="Quinoa prices")
        comment = CommentFactory(content=two, body="Quinoa and amaranth")
    assert (doc("quinoa"), doc("amaranth")) == (3, 1)
    with django_capture_on_commit_callbacks(execute=True):
        one.title = "Millet"
        one.save()
        comment.removed = True
        comment.save()
    assert (doc("quinoa"), doc("amaranth"), doc("millet")) == (1, 0, 1)
    services.index_rebuild()
    assert (doc("quinoa"), doc("amaranth"), doc("millet")) == (1, 0, 1)
    with django_capture_on_commit_callbacks(execute=True):
        two.delete()
    assert doc("quinoa") == 0
    assert suggested(cast.space_member, "quinao") is None
    assert suggested(cast.space_member, "milet") == "millet"


def test_distance_counts_swaps_and_stops_at_the_limit():
    assert suggest.distance("radio", "radoi", 1) == 1
    assert suggest.distance("harvesting", "harvestng", 2) == 1
    assert suggest.distance("kitten", "sitting", 2) == 3  # over the limit
    assert suggest.distance("abcdef", "abcdef", 2) == 0
    assert suggest.distance("ab", "abcde", 2) == 3


def test_rewrite_keeps_quotes_or_and_exclusions():
    pieces = suggest.rewrite('"Stakeholdr maping" OR x -maping', {"stakeholdr": "stakeholder"})
    assert "".join(p for p, _ in pieces) == '"Stakeholder maping" OR x -maping'
    assert [p for p, replaced in pieces if replaced] == ["Stakeholder"]
    text = suggest.rewrite("maping -maping MAPING", {"maping": "mapping"})
    assert "".join(p for p, _ in text) == "mapping -maping MAPPING"


def test_stakeholder_mapping(cast, client_for):
    PostFactory(
        space=cast.space, visibility=Visibility.PUBLIC, title="Stakeholder mapping in Kumasi"
    )
    services.index_rebuild()
    assert suggested(cast.anon, "stakeholdr maping") == "stakeholder mapping"
    body = client_for(cast.anon).get(reverse("search:search"), {"q": "stakeholdr maping"})
    assert "<em>stakeholder</em> <em>mapping</em></a>" in body.content.decode()


# Query budget ----------------------------------------------------------------------


def test_a_page_with_few_hits_and_a_suggestion_stays_within_the_budget(cast, client_for):
    typo = PostFactory(space=cast.space, visibility=Visibility.PUBLIC, title="Trees")
    CommentFactory(content=typo, body="The baobob by the river")  # a comment hit
    for _ in range(3):
        PostFactory(space=cast.space, visibility=Visibility.PUBLIC, title="Baobab seeds")
    services.index_rebuild()
    client = client_for(cast.space_member)
    url = reverse("search:search")
    for q in ["baobob", "baobabz", "baobob mahogany"]:
        client.get(url, {"q": q})
        with CaptureQueriesContext(connection) as ctx:
            body = client.get(url, {"q": q}).content.decode()
        assert len(ctx.captured_queries) <= MAX_QUERIES, (q, len(ctx.captured_queries))
        if q == "baobob":
            assert "<em>baobab</em></a>" in body


# Links to replies ------------------------------------------------------------------


def test_a_reply_on_a_later_page_of_a_thread_links_to_that_page(cast, client_for):
    from harambee.spaces.views import THREAD_PAGE_SIZE

    thread = PostFactory(space=cast.space, visibility=Visibility.PUBLIC, title="Long thread")
    tops = [
        CommentFactory(content=thread, author=cast.space_lead, body=f"Reply {i}")
        for i in range(THREAD_PAGE_SIZE + 10)
    ]
    reply = CommentFactory(
        content=thread, parent=tops[-5], author=cast.guest, body="An okapi was seen"
    )
    top = CommentFactory(content=thread, author=cast.guest, body="Pangolins too")
    services.index_rebuild()
    base = thread.get_absolute_url()
    client = client_for(cast.anon)
    body = client.get(reverse("search:search"), {"q": "okapi"}).content.decode()
    assert f'href="{base}?from={tops[-5].pk}#comment-{reply.pk}"' in body
    body = client.get(reverse("search:search"), {"q": "pangolins"}).content.decode()
    assert f'href="{base}?from={top.pk}#comment-{top.pk}"' in body
    # The link lands on the page that shows the reply.
    page = client.get(f"{base}?from={tops[-5].pk}").content.decode()
    assert f'id="comment-{reply.pk}"' in page
    assert f'id="comment-{reply.pk}"' not in client.get(base).content.decode()


def test_the_page_with_a_suggestion_is_valid_html(cast, world, client_for, tmp_path):
    from harambee.core.tests.checkers import VNU_JAR, require_file, vnu

    require_file(VNU_JAR)
    client = client_for(cast.space_member)
    for name, q in {"none": '"rain harvestng" -dma', "few": "wels OR pumps"}.items():
        body = client.get(reverse("search:search"), {"q": q}).content.decode()
        assert "Did you mean" in body
        (tmp_path / f"{name}.html").write_text(body)
    problems = [
        m for m in vnu(tmp_path) if m.get("type") == "error" or m.get("subType") == "warning"
    ]
    assert [(m["url"].rsplit("/", 1)[-1], m["message"], m.get("extract")) for m in problems] == []


def test_vocabulary_buckets_are_cached_and_the_gate_still_decides(cast, settings):
    """With the cache on, a beginning's words are read once, then from the cache: a
    word indexed later is proposed only after the cache expires, and a cached word
    that only hidden items hold is still never offered."""
    from django.core.cache import cache

    settings.SEARCH_VOCABULARY_CACHE_SECONDS = 300
    PostFactory(space=None, author=cast.member, visibility="public", title="Kestrel counts")
    hidden = PostFactory(
        space=cast.space, author=cast.space_lead, visibility="space", title="Kestrix notes"
    )
    services.index_rebuild()
    assert suggested(cast.anon, "kestrl") == "kestrel"
    with CaptureQueriesContext(connection) as ctx:
        assert suggested(cast.anon, "kestrl") == "kestrel"
    assert not any("search_vocab" in q["sql"] for q in ctx.captured_queries)
    # The hidden word is in the cached bucket, and still not offered to an outsider.
    assert suggested(cast.outsider, "kestrixx") is None
    assert suggested(cast.space_member, "kestrixx") == "kestrix"
    assert can_view(cast.space_member, hidden)
    # A word indexed after the bucket was cached waits for the cache.
    PostFactory(space=None, author=cast.member, visibility="public", title="Kestrok counts")
    services.index_rebuild()
    assert suggested(cast.anon, "kestrokk") is None
    cache.clear()
    assert suggested(cast.anon, "kestrokk") == "kestrok"
