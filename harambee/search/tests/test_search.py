"""Search through the gate, on whichever database the suite runs on (CI runs this
file on SQLite and on PostgreSQL with the same corpus and the same answers)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from harambee.core.models import Comment, Content, Visibility
from harambee.core.tests.factories import CommentFactory, PostFactory, SpaceFactory
from harambee.core.visibility import can_see_space, can_view
from harambee.search import selectors, services
from harambee.search.models import Entry
from harambee.search.selectors import Filters, search
from harambee.search.tests import corpus
from harambee.spaces.models import Space

pytestmark = pytest.mark.django_db


def found(user, text, **kwargs):
    return [hit.item.pk for hit in search(user=user, text=text, **kwargs).hits]


@pytest.fixture
def world(cast):
    made = corpus.build(cast.space, cast.space_lead)
    services.index_rebuild()
    return made


@pytest.mark.parametrize("text", sorted(corpus.EXPECTED))
def test_the_shared_corpus_gives_the_expected_answers(cast, world, text):
    keys = {pk: key for key, item in world.items() for pk in [item.pk]}
    got = {keys[pk] for pk in found(cast.anon, text)}
    assert got == corpus.EXPECTED[text]


def test_an_exact_title_phrase_ranks_first(cast, world):
    assert found(cast.anon, "rain harvesting")[0] == world["phrase"].pk
    assert found(cast.anon, "deep wells upkeep")[0] == world["wells"].pk


def test_a_comment_hit_shows_its_item_with_the_comments_snippet(cast, world):
    results = search(user=cast.anon, text="bushfires")
    (hit,) = results.hits
    assert hit.item.pk == world["forest"].pk
    assert hit.comment_id == Comment.objects.get(content=world["forest"]).pk
    assert "<mark>bushfires</mark>" in hit.snippet
    assert hit.title == "Forest watch by radio"


def test_snippets_escape_everything_but_the_marks(cast):
    post = PostFactory(
        space=cast.space,
        visibility="public",
        title="<script>alert(1)</script> pumps",
        body="Use <b>pumps</b> & <img src=x onerror=alert(1)> \x02 tricks",
    )
    services.index_content(content_id=post.pk)
    (hit,) = search(user=cast.anon, text="pumps").hits
    assert "<script>" not in hit.title and "&lt;script&gt;" in hit.title
    assert "<mark>pumps</mark>" in hit.title
    assert "<img" not in hit.snippet and "<b>" not in hit.snippet
    assert hit.snippet.count("<mark>") == hit.snippet.count("</mark>") >= 1


def test_date_order_puts_the_newest_first(cast, world):
    ids = found(cast.anon, "rain", order="newest")
    created = [Content.objects.get(pk=pk).created for pk in ids]
    assert created == sorted(created, reverse=True)


def test_filters_by_kind_space_language_author_and_date(cast, world):
    other = PostFactory(
        space=cast.other_space, visibility="public", title="Rain gauges", language="fr"
    )
    services.index_content(content_id=other.pk)
    assert other.pk in found(cast.anon, "rain")
    assert other.pk not in found(cast.anon, "rain", filters=Filters(space_ids=[cast.space.pk]))
    assert found(cast.anon, "rain", filters=Filters(language="fr")) == [other.pk]
    assert found(cast.anon, "rain", filters=Filters(author_id=other.author_id)) == [other.pk]
    assert found(cast.anon, "rain", filters=Filters(kind="lesson")) == []
    assert len(found(cast.anon, "rain", filters=Filters(kind="post"))) == 5
    today = other.created.date()
    assert len(found(cast.anon, "rain", filters=Filters(after=today, before=today))) == 5
    assert found(cast.anon, "rain", filters=Filters(before=today.replace(year=2000))) == []


def test_filters_by_initiative_facts(cast, world):
    from harambee.core.tests.factories import OrganisationFactory
    from harambee.initiatives.models import Initiative, InitiativeOrganisation, Theme

    theme = Theme.objects.create(name="Water", slug="water", group="issue")
    initiative = Initiative.objects.create(space=cast.space, countries=["GH"])
    initiative.themes.add(theme)
    InitiativeOrganisation.objects.create(
        initiative=initiative, organisation=OrganisationFactory(sector="government")
    )
    elsewhere = PostFactory(space=cast.other_space, visibility="public", title="Rain elsewhere")
    services.index_content(content_id=elsewhere.pk)
    for filters in (
        Filters(theme_id=theme.pk),
        Filters(country="GH"),
        Filters(sector="government"),
    ):
        ids = found(cast.anon, "rain", filters=filters)
        assert len(ids) == 4 and elsewhere.pk not in ids
    for filters in (Filters(country="KE"), Filters(sector="media")):
        assert found(cast.anon, "rain", filters=filters) == []


def test_the_initiative_filter_offers_only_initiatives_the_reader_may_know(cast, world, client_for):
    from harambee.initiatives.models import Initiative
    from harambee.search.forms import SearchForm

    Space.objects.filter(pk=cast.space.pk).update(kind=Space.Type.INITIATIVE)
    Initiative.objects.create(space=cast.space, countries=["GH"])
    secret = SpaceFactory(
        name="HIDDENINIT", kind=Space.Type.INITIATIVE, listing=Space.Listing.SECRET
    )
    Initiative.objects.create(space=secret, countries=["PE"])
    for user in (cast.anon, cast.member, cast.space_member):
        form = SearchForm({}, user=user)
        offered = dict(form.fields["initiative"].choices)
        assert "HIDDENINIT" not in offered.values()
        assert "PE" not in dict(form.fields["country"].choices)
        assert (cast.space.slug in offered) == can_see_space(user, cast.space)
    # Filtering by the initiative finds only what is in its space.
    page = client_for(cast.space_member).get(
        reverse("search:search"), {"q": "rain", "initiative": cast.space.slug}
    )
    assert page.status_code == 200
    hits = page.context["results"].hits
    assert hits and {hit.item.space_id for hit in hits} == {cast.space.pk}
    # An initiative the reader may not know is refused like an unknown one.
    page = client_for(cast.member).get(
        reverse("search:search"), {"q": "rain", "initiative": secret.slug}
    )
    assert "HIDDENINIT" not in page.content.decode()


# The gate -------------------------------------------------------------------------


@pytest.fixture
def gated_world(cast):
    """Items at every visibility in the cast's space, another space and a secret one,
    each carrying a marker in its title, body and one comment."""
    secret = SpaceFactory(name="Hidden valley", listing=Space.Listing.SECRET)
    from harambee.core.tests.factories import MembershipFactory

    MembershipFactory(space=secret, user=cast.space_member)
    items = []
    for space, author in (
        (cast.space, cast.space_lead),
        (cast.other_space, cast.outsider),
        (secret, cast.space_member),
        (None, cast.member),
    ):
        for vis in Visibility.values:
            post = PostFactory(space=space, author=author, visibility=vis)
            marker = f"zebra{post.pk}q"
            Content.objects.filter(pk=post.pk).update(
                title=f"{marker} title zebra", body=f"{marker} body zebra"
            )
            CommentFactory(content=post, author=author, body=f"{marker} comment zebra")
            items.append(Content.objects.get(pk=post.pk))
    removed = PostFactory(space=cast.space, visibility="public", title="zebragoneq removed zebra")
    CommentFactory(content=items[0], body="zebra removed comment", removed=True)
    services.index_rebuild()
    Content.objects.filter(pk=removed.pk).update(removed=True)
    items.append(Content.objects.get(pk=removed.pk))
    return {"items": items, "secret": secret}


@pytest.mark.parametrize(
    "who", ["anon", "outsider", "guest", "member", "space_member", "space_lead", "steward"]
)
def test_results_counts_facets_and_snippets_hold_only_what_each_person_may_see(
    cast, gated_world, who, client_for
):
    user = getattr(cast, who)
    items = gated_world["items"]
    seen = {item.pk for item in items if can_view(user, item)}
    hidden = [item for item in items if item.pk not in seen]
    assert hidden
    results = search(user=user, text="zebra")
    got = set()
    for page in range(1, 5):
        got |= {h.item.pk for h in search(user=user, text="zebra", page=page).hits}
    assert got == seen
    assert results.total == len(seen)
    assert sum(n for _, n, _ in results.kinds) == len(seen)
    for space, _n in results.spaces:
        assert can_see_space(user, space)
    # Snippets of hits and of comments on hidden items never show through.
    for term in ["comment", "body", "title", "removed"]:
        for hit in search(user=user, text=f"zebra {term}").hits:
            assert hit.item.pk in seen
    page = client_for(user).get(reverse("search:search"), {"q": "zebra"}).content.decode()
    for item in hidden:
        assert item.title.split()[0] not in page
    if not can_see_space(user, gated_world["secret"]):
        assert "Hidden valley" not in page
        url = reverse("search:search")
        page = client_for(user).get(url, {"q": "zebra", "space": gated_world["secret"].slug})
        assert "There is no such space." in page.content.decode()


def test_a_removed_comment_is_never_a_hit(cast, gated_world):
    assert all(
        h.comment_id is None or not Comment.objects.get(pk=h.comment_id).removed
        for h in search(user=cast.space_lead, text="removed comment").hits
    )
    assert search(user=cast.space_lead, text='"removed comment"').hits == []


def test_the_gate_is_in_the_query_not_after_the_limit(cast):
    """50 hidden items rank above the one visible match; a page holds 10."""
    for _ in range(50):
        PostFactory(
            space=cast.space,
            author=cast.space_lead,
            visibility="private",
            title="Okra okra okra okra",
            body="okra okra okra okra okra okra",
        )
    visible_one = PostFactory(
        space=cast.space, visibility="public", title="Notes", body="Somewhere we grew okra."
    )
    services.index_rebuild()
    assert len(found(cast.space_lead, "okra")) == 10  # their author sees a full page
    results = search(user=cast.anon, text="okra")
    assert [h.item.pk for h in results.hits] == [visible_one.pk]
    assert results.total == 1


# Indexing -------------------------------------------------------------------------


def test_saving_indexes_and_editing_reindexes(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post = PostFactory(space=cast.space, visibility="public", title="Mangrove nursery")
    assert found(cast.anon, "mangrove") == [post.pk]
    with django_capture_on_commit_callbacks(execute=True):
        post.title = "Seagrass nursery"
        post.save()
    assert found(cast.anon, "mangrove") == []
    assert found(cast.anon, "seagrass") == [post.pk]


def test_comments_are_indexed_and_dropped(cast, django_capture_on_commit_callbacks):
    post = PostFactory(space=cast.space, visibility="public", title="Plain")
    with django_capture_on_commit_callbacks(execute=True):
        comment = CommentFactory(content=post, body="Try moringa seeds")
    assert found(cast.anon, "moringa") == [post.pk]
    with django_capture_on_commit_callbacks(execute=True):
        comment.removed = True
        comment.save()
    assert found(cast.anon, "moringa") == []
    assert not Entry.objects.filter(comment_id=comment.pk).exists()


def test_a_visibility_change_takes_effect_at_once(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post = PostFactory(space=cast.space, visibility="public", title="Baobab")
    assert found(cast.anon, "baobab") == [post.pk]
    Content.objects.filter(pk=post.pk).update(visibility="space")  # no signal at all
    assert found(cast.anon, "baobab") == []
    assert found(cast.space_member, "baobab") == [post.pk]


def test_removed_and_deleted_items_drop_out(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        kept = PostFactory(space=cast.space, visibility="public", title="Cassava one")
        gone = PostFactory(space=cast.space, visibility="public", title="Cassava two")
        deleted = PostFactory(space=cast.space, visibility="public", title="Cassava three")
        CommentFactory(content=deleted, body="cassava comment")
    assert len(found(cast.anon, "cassava")) == 3
    with django_capture_on_commit_callbacks(execute=True):
        gone.removed = True
        gone.save()
        deleted.delete()
    assert found(cast.anon, "cassava") == [kept.pk]
    assert not Entry.objects.filter(content_id__in=[gone.pk, deleted.pk]).exists()


def test_a_kind_with_its_own_text_is_searched_by_it(cast, monkeypatch):
    from harambee.spaces.models import Post

    monkeypatch.setattr(Post, "search_text", lambda self: "sorghum", raising=False)
    post = PostFactory(space=cast.space, visibility="public", title="Grains")
    services.index_content(content_id=post.pk)
    assert found(cast.anon, "sorghum") == [post.pk]


def test_the_rebuild_command_indexes_everything_with_a_progress_bar(cast, capsys):
    posts = [
        PostFactory(space=cast.space, visibility="public", title=f"Millet {i}") for i in range(5)
    ]
    CommentFactory(content=posts[0], body="millet comment")
    Entry.objects.all().delete()
    assert found(cast.anon, "millet") == []
    call_command("search", "rebuild", "--batch", "2")
    out = capsys.readouterr()
    assert "search index" in out.err and "Indexed 6 entries" in out.out
    assert sorted(found(cast.anon, "millet")) == sorted(p.pk for p in posts)
    call_command("search", "rebuild", "--no-progress")  # again: same index
    assert Entry.objects.count() == 6
    assert len(found(cast.anon, "millet")) == 5


def test_hostile_queries_are_read_as_words(cast, world, client_for):
    """Search syntax typed by accident never fails: punctuation alone finds nothing,
    a word wrapped in stray syntax finds what the word finds, and operators that are
    not the search's own are words like any other. Every hit is one the reader may see,
    and the page answers each of them."""
    rain = sorted(found(cast.anon, "rain"))
    assert len(rain) == len(corpus.EXPECTED["rain"])
    nothing = ['"', "*", "-", "'", "\\", "%", "\x00", "a:b", "OR OR OR", "ᚠᛇᚻ"]
    wrapped = ["rain*", "(rain", "rain)", "^rain", "🌧️ rain"]
    as_words = {"NEAR(": "near", "rain AND": "rain and", "NOT rain": "not rain"}
    for text in nothing:
        assert found(cast.anon, text) == [], text
    for text in wrapped:
        assert sorted(found(cast.anon, text)) == rain, text
    for text, words in as_words.items():
        assert sorted(found(cast.anon, text)) == sorted(found(cast.anon, words)), text
    assert found(cast.anon, "near") == [world["forest"].pk]
    client = client_for(cast.anon)
    for text in [*nothing, *wrapped, *as_words]:
        results = search(user=cast.anon, text=text)
        assert all(can_view(cast.anon, hit.item) for hit in results.hits), text
        response = client.get(reverse("search:search"), {"q": text})
        assert response.status_code == 200, text


# The page -------------------------------------------------------------------------


def test_the_page_shows_hits_facets_and_pages(cast, world, client_for):
    response = client_for(cast.anon).get(reverse("search:search"), {"q": "rain"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "4 results" in body and "<mark>" in body
    assert 'href="?q=rain&amp;kind=post"' in body
    assert world["phrase"].get_absolute_url() in body


def test_the_page_without_a_query_shows_the_form(cast, client_for):
    response = client_for(cast.anon).get(reverse("search:search"))
    assert response.status_code == 200 and 'role="search"' in response.content.decode()


def test_every_page_has_the_search_box(cast, client_for):
    body = client_for(cast.member).get(reverse("spaces:list")).content.decode()
    assert f'action="{reverse("search:search")}"' in body and 'id="site-search-q"' in body


def test_the_results_page_makes_a_constant_number_of_queries(cast, client_for):
    from harambee.core.tests.querycount import assert_constant_queries

    client = client_for(cast.space_member)
    url = f"{reverse('search:search')}?q=teak"

    def add(n):
        for _ in range(n):
            post = PostFactory(space=cast.space, visibility="space", title="Teak teak")
            CommentFactory(content=post, body="teak")
        services.index_rebuild()
        client.get(url)  # warm: per-person caches of other apps fill on a first visit

    assert_constant_queries(client, url, add)


def test_the_results_page_is_valid_html(cast, world, client_for, tmp_path):
    from harambee.core.tests.checkers import VNU_JAR, require_file, vnu

    require_file(VNU_JAR)
    client = client_for(cast.space_member)
    for name, params in {
        "empty": {},
        "hits": {"q": "rain", "kind": "post"},
        "none": {"q": "nothingmatchesthis"},
        "error": {"q": "rain", "space": "no-such-space"},
    }.items():
        (tmp_path / f"{name}.html").write_text(
            client.get(reverse("search:search"), params).content.decode()
        )
    problems = [
        m for m in vnu(tmp_path) if m.get("type") == "error" or m.get("subType") == "warning"
    ]
    assert [(m["url"].rsplit("/", 1)[-1], m["message"], m.get("extract")) for m in problems] == []


def test_selectors_page_bounds(cast, world):
    assert search(user=cast.anon, text="rain", page=10_000).page == selectors.MAX_PAGES


def test_index_writes_tell_the_anonymous_page_cache(cast, django_capture_on_commit_callbacks):
    from harambee.core import anoncache

    post = PostFactory(space=cast.space, visibility="public", title="Yam")
    services.index_content(content_id=post.pk)
    with django_capture_on_commit_callbacks() as callbacks:
        services.index_content(content_id=post.pk)  # an update: no signal of its own
    assert anoncache.bump in callbacks


def test_a_restored_item_comes_back_with_its_comments(cast, django_capture_on_commit_callbacks):
    post = PostFactory(space=cast.space, visibility="public", title="Fonio", removed=True)
    CommentFactory(content=post, body="fonio porridge")
    services.index_rebuild()
    assert found(cast.anon, "porridge") == []
    with django_capture_on_commit_callbacks(execute=True):
        post.removed = False
        post.save()
    assert found(cast.anon, "porridge") == [post.pk]


def test_the_sqlite_index_stays_consistent_with_its_entries(
    cast, django_capture_on_commit_callbacks
):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("FTS5 only")
    with django_capture_on_commit_callbacks(execute=True):
        posts = [PostFactory(space=cast.space, title=f"Shea {i}") for i in range(4)]
        comment = CommentFactory(content=posts[0], body="shea butter")
    with django_capture_on_commit_callbacks(execute=True):
        posts[1].body = "changed"
        posts[1].save()
        posts[2].delete()
        comment.removed = True
        comment.save()
    services.index_rebuild()
    with django_capture_on_commit_callbacks(execute=True):
        posts[3].title = "Karite"
        posts[3].save()
    with connection.cursor() as cursor:
        # Raises "database disk image is malformed" if index and entries disagree.
        cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
    # What the index answers follows every change: the deleted post and the removed
    # comment are gone, the edited ones are found by their new words only.
    reader = cast.space_lead
    kept = [posts[0].pk, posts[1].pk]
    assert sorted(found(reader, "shea")) == sorted(kept)
    assert found(reader, "karite") == [posts[3].pk]
    assert found(reader, "changed") == [posts[1].pk]
    assert found(reader, "butter") == []
