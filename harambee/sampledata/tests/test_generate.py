"""``harambee generate``: the synthetic alliance for benchmarks, at a tiny scale."""

from __future__ import annotations

from collections import Counter
from io import StringIO
from itertools import product

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.html import escape
from django_countries import countries as all_countries

from harambee.core.markdown import render_markdown
from harambee.core.models import Attachment, Comment, Content, Reaction, Visibility
from harambee.core.visibility import can_view, visible, visible_spaces
from harambee.initiatives.models import (
    Initiative,
    InquiryCycle,
    LearningNote,
    Lesson,
    NoteRevision,
    PhaseNote,
    Theme,
)
from harambee.initiatives.services import WIDTH, _snapshot
from harambee.library.models import Collection, CollectionEntry, Resource
from harambee.people.models import User
from harambee.people.roles import AllianceRole, SpaceRole
from harambee.sampledata.generate import (
    CHILD_TABLES,
    KIND_CYCLE,
    VISIBILITY_CYCLE,
    alliance,
    generate,
    kind_at,
)
from harambee.sampledata.kinds import Kind
from harambee.search.models import Entry
from harambee.spaces.models import Membership, Post, Space
from harambee.stories.models import Story, StoryCall
from harambee.stream.models import ContentHashtag, StreamPost
from harambee.stream.services import content_tags_sync
from harambee.synthesis.models import RelatedItem
from harambee.synthesis.services import RELATED_KINDS
from harambee.wiki.markup import render_page
from harambee.wiki.models import WikiLink, WikiPage, WikiRevision

SCALE = 300


@pytest.fixture
def generated(db):
    return generate(SCALE, progress=None)


def test_writes_every_kind_visibility_and_space_setting(generated):
    assert Content.objects.count() == SCALE == generated.counts["content"]
    # The mix: out of 20 items 8 threads, 2 stream posts, 2 inquiry cycles, 3 learning
    # notes, 2 lessons, a wiki page, a resource and a story; a story call instead of the
    # story in one block of 20 in 11, a collection instead of the resource in one in 7.
    assert Counter(KIND_CYCLE) == {
        Kind.POST: 8,
        Kind.STREAM_POST: 2,
        Kind.CYCLE: 2,
        Kind.NOTE: 3,
        Kind.LESSON: 2,
        Kind.WIKI_PAGE: 1,
        Kind.RESOURCE: 1,
        Kind.STORY: 1,
    }
    assert Counter(kind_at(i) for i in range(220 * 20))[Kind.STORY_CALL] == 20
    assert Counter(kind_at(i) for i in range(140 * 20))[Kind.COLLECTION] == 20
    assert Counter(kind_at(i) for i in range(260 * 20))[Kind.EVENT] == 20
    per_kind = Counter(Content.objects.values_list("kind", flat=True))
    assert per_kind == {
        Kind.POST: 118,
        Kind.EVENT: 2,
        Kind.STREAM_POST: 30,
        Kind.CYCLE: 30,
        Kind.NOTE: 45,
        Kind.LESSON: 30,
        Kind.WIKI_PAGE: 15,
        Kind.RESOURCE: 13,
        Kind.COLLECTION: 2,
        Kind.STORY: 13,
        Kind.STORY_CALL: 2,
    }
    assert all(generated.counts[kind] == n for kind, n in per_kind.items())
    # Every kind has its child row (a multi-table subclass), none is missing.
    for kind, model in CHILD_TABLES.items():
        assert model.objects.count() == per_kind[kind], kind
    per_visibility = Counter(Content.objects.values_list("visibility", flat=True))
    cycles = SCALE // len(VISIBILITY_CYCLE)
    assert per_visibility == {v: VISIBILITY_CYCLE.count(v) * cycles for v in Visibility.values}
    # Every kind at every visibility (story calls and collections are too few here, and
    # the one wiki page in 20 meets the private slots only after 400 items).
    few = {Kind.STORY_CALL, Kind.COLLECTION, Kind.WIKI_PAGE, Kind.EVENT}
    assert set(Content.objects.exclude(kind__in=few).values_list("kind", "visibility")) == set(
        product(set(CHILD_TABLES) - few, Visibility.values)
    )
    # Co-authors only on some private drafts.
    coauthored = Content.objects.filter(coauthors__isnull=False).distinct()
    assert coauthored.exists()
    assert set(coauthored.values_list("visibility", flat=True)) == {Visibility.PRIVATE}
    assert Content.objects.filter(removed=True).exists()

    assert User.objects.count() >= 50
    assert User.objects.filter(role=AllianceRole.GUEST).exists()
    assert User.objects.filter(role=AllianceRole.STEWARD).exists()
    combos = set(Space.objects.values_list("kind", "listing", "join_policy"))
    assert len(combos) == len(Space.Type) * len(Space.Listing) * len(Space.JoinPolicy)
    assert not Space.objects.filter(join_policy="code", invite_code="").exists()
    assert set(Membership.objects.values_list("role", flat=True)) == set(SpaceRole.values)
    leads = Membership.objects.filter(role=SpaceRole.LEAD).values("space").distinct().count()
    assert leads == Space.objects.count()
    assert Membership.objects.filter(expires__lt=timezone.now()).exists()

    assert Comment.objects.filter(parent__isnull=True).exists()
    assert Comment.objects.filter(parent__isnull=False).exists()
    assert (
        not Comment.objects.filter(parent__isnull=False)
        .exclude(parent__content=F("content"))
        .exists()
    )
    assert not Comment.objects.filter(parent__parent__isnull=False).exists()
    assert not Comment.objects.filter(created__lt=F("content__created")).exists()
    assert not Comment.objects.filter(content__visibility=Visibility.PRIVATE).exists()
    busy = Content.objects.annotate(n=Count("comments")).order_by("-n").first()
    assert busy.n >= 50
    assert Reaction.objects.exists()
    # The history runs forward with the ids, as real posting would.
    dates = list(Content.objects.order_by("pk").values_list("created", flat=True))
    assert dates == sorted(dates)
    assert Content.objects.exclude(body_html="").count() == SCALE


def test_every_kind_that_exists_is_generated(generated):
    missing = set(Kind.values) - set(CHILD_TABLES)
    assert not missing, f"harambee generate writes no {sorted(missing)}: add them to it"
    assert set(Content.objects.values_list("kind", flat=True)) == set(Kind.values)


def test_initiatives_have_profiles_cycles_notes_and_lessons(generated):
    initiative_spaces = Space.objects.filter(kind=Space.Type.INITIATIVE)
    # Cycles, notes and lessons only in initiative spaces; posts everywhere.
    initiative_kinds = [Kind.CYCLE, Kind.NOTE, Kind.LESSON]
    assert not Content.objects.filter(kind__in=initiative_kinds).exclude(
        space__in=initiative_spaces
    )
    assert Post.objects.filter(space__in=initiative_spaces).exists()
    assert Post.objects.exclude(space__in=initiative_spaces).exists()

    # One profile per initiative space, filled in.
    assert (
        Initiative.objects.count() == initiative_spaces.count() == generated.counts["initiatives"]
    )
    codes = dict(all_countries)
    stages = set()
    for initiative in Initiative.objects.prefetch_related("themes", "stakeholders"):
        assert initiative.countries and set(initiative.countries) <= set(codes), initiative
        assert initiative.place and initiative.summary and initiative.started, initiative
        assert initiative.regions, initiative
        groups = {theme.group for theme in initiative.themes.all()}
        assert groups == {Theme.Group.OBJECTIVE, Theme.Group.ISSUE}, initiative
        assert 2 <= len(initiative.stakeholders.all()) <= 3, initiative
        stages.add(initiative.stage)
    assert len(stages) >= 4
    assert any(len(c) > 1 for c in Initiative.objects.values_list("countries", flat=True))

    # Cycles belong to their space's initiative and carry phase notes across the phases.
    cycles = InquiryCycle.objects.all()
    assert not cycles.exclude(initiative_id=F("space_id")).exists()
    assert not cycles.annotate(n=Count("phase_notes")).filter(n=0).exists()
    assert set(PhaseNote.objects.values_list("phase", flat=True)) == set(PhaseNote.Phase.values)
    assert set(cycles.values_list("status", flat=True)) == set(InquiryCycle.Status.values)
    assert not cycles.filter(status=InquiryCycle.Status.COMPLETE, ended__isnull=True).exists()
    assert not cycles.filter(ended__lt=F("started")).exists()
    assert not PhaseNote.objects.filter(created__lt=F("cycle__created")).exists()
    assert not PhaseNote.objects.exclude(body_html="").filter(body_html="").exists()
    assert PhaseNote.objects.exclude(body_html="").count() == PhaseNote.objects.count()

    # Notes: of their space's initiative, sometimes of one of its earlier cycles.
    notes = LearningNote.objects.all()
    assert not notes.exclude(initiative_id=F("space_id")).exists()
    with_cycle = notes.filter(cycle__isnull=False)
    assert 0 < with_cycle.count() < notes.count()
    assert not with_cycle.exclude(cycle__initiative=F("initiative")).exists()
    assert not with_cycle.filter(cycle__created__gt=F("created")).exists()
    assert notes.filter(themes__isnull=False).distinct().count() == notes.count()
    assert Attachment.objects.filter(content__in=notes, type=Attachment.Type.LINK).exists()
    for note in notes.prefetch_related("themes"):
        assert note.context and note.tried and note.happened and note.learned, note.pk
        # The body is exactly what LearningNote.save() makes of the sections.
        body, html = note.body, note.body_html
        assert html == render_markdown(body)
        note.save()
        assert (note.body, note.body_html) == (body, html), note.pk
    assert notes.filter(evidence="").exists() and notes.exclude(evidence="").exists()

    # Every note has its first version, a snapshot like the services take.
    revisions = NoteRevision.objects.select_related("note")
    assert revisions.count() == notes.count()
    assert set(revisions.values_list("number", flat=True)) == {1}
    for revision in revisions:
        assert revision.author_id == revision.note.author_id
        assert revision.data == _snapshot(revision.note), revision.note_id

    # Lessons cite an earlier note of their space and are never shared more widely.
    lessons = Lesson.objects.select_related("note").prefetch_related("themes", "note__themes")
    assert lessons.exists()
    for lesson in lessons:
        assert lesson.space_id == lesson.note.space_id, lesson.pk
        assert lesson.created > lesson.note.created, lesson.pk
        assert WIDTH[lesson.visibility] <= WIDTH[lesson.note.visibility], lesson.pk
        assert not lesson.note.removed, lesson.pk
        assert set(lesson.themes.all()) <= set(lesson.note.themes.all()), lesson.pk
    assert set(lessons.values_list("strength", flat=True)) == set(Lesson.Strength.values)
    assert Lesson.themes.through.objects.exists()


@pytest.mark.django_db
def test_a_profile_that_already_exists_is_filled_in_not_doubled(monkeypatch):
    """Migrations and ``space_create`` make empty profiles; the generator fills them."""
    make_spaces = alliance.spaces

    def spaces_with_empty_profiles(*args, **kwargs):
        spaces = make_spaces(*args, **kwargs)
        Initiative.objects.bulk_create(
            [Initiative(space=s) for s in spaces if s.kind == Space.Type.INITIATIVE]
        )
        return spaces

    monkeypatch.setattr(alliance, "spaces", spaces_with_empty_profiles)
    generate(60, progress=None)
    assert Initiative.objects.count() == Space.objects.filter(kind=Space.Type.INITIATIVE).count()
    for initiative in Initiative.objects.prefetch_related("themes"):
        assert initiative.countries and initiative.place and initiative.themes.all()


@pytest.mark.django_db
def test_stories_and_calls_follow_the_publishing_rules():
    # Calls come one in 220 items and take answers for 30 to 60 days: a larger scale.
    generate(4400, progress=None)
    stories = Story.objects.select_related("call").prefetch_related("themes")
    calls = StoryCall.objects.all()
    assert stories.count() == 200 and calls.count() == 20
    assert set(stories.values_list("status", flat=True)) == set(Story.Status.values)
    assert set(calls.values_list("status", flat=True)) == set(StoryCall.Status.values)
    # The visibility follows the status: drafts private, in review the space (or the
    # alliance on the alliance blog), published the audience.
    for story in stories:
        if story.status == Story.Status.DRAFT:
            expected = Visibility.PRIVATE
        elif story.status == Story.Status.REVIEW:
            expected = Visibility.SPACE if story.space_id else Visibility.ALLIANCE
        else:
            expected = story.audience
        assert story.visibility == expected, story.pk
        assert (story.published is not None) == (story.status == Story.Status.PUBLISHED)
        assert not (story.space_id is None and story.audience == "space"), story.pk
        if story.call is not None:
            call = story.call
            assert story.space_id == call.space_id, story.pk
            assert call.created < story.created and story.created.date() <= call.deadline
            assert call.visibility != Visibility.PRIVATE
        if story.in_collection:
            assert story.status == Story.Status.PUBLISHED, story.pk
            assert story.call.status == StoryCall.Status.PUBLISHED, story.pk
    assert stories.filter(space__isnull=True).exists()  # the alliance blog
    assert stories.filter(space__isnull=False).exists()  # spaces' blogs
    assert stories.filter(call__isnull=False).exists()
    assert stories.filter(in_collection=True).exists()
    assert stories.filter(themes__isnull=False).exists()
    # Calls are run by leads and facilitators of their space, or by stewards.
    for call in calls.select_related("author"):
        if call.space_id is None:
            assert call.author.role == AllianceRole.STEWARD, call.pk
        else:
            role = Membership.objects.get(space_id=call.space_id, user=call.author).role
            assert role in (SpaceRole.LEAD, SpaceRole.FACILITATOR), call.pk
        assert call.deadline > call.created.date()
        assert bool(call.collection_intro) == (call.status == StoryCall.Status.PUBLISHED)
        assert call.collection_intro_html == render_markdown(call.collection_intro)


def _people_to_check() -> dict[str, object]:
    expired = Membership.objects.filter(expires__lt=timezone.now()).first()
    coauthor = User.objects.filter(coauthored__isnull=False).first()
    return {
        "anonymous": AnonymousUser(),
        "guest": User.objects.filter(role=AllianceRole.GUEST).first(),
        "steward": User.objects.filter(role=AllianceRole.STEWARD).first(),
        "member": User.objects.filter(role=AllianceRole.MEMBER).order_by("pk").last(),
        "expired member": expired.user,
        "co-author": coauthor,
    }


def test_the_gate_agrees_with_itself_on_generated_data(generated):
    items = list(Content.objects.all())
    for label, user in _people_to_check().items():
        assert user is not None, label
        seen = set(visible(user, Content.objects.all()).values_list("pk", flat=True))
        assert seen == {c.pk for c in items if can_view(user, c)}, label
        assert 0 < len(seen) < len(items), label


def test_the_pages_render_on_generated_data(generated, client_for):
    lead = Membership.objects.filter(role=SpaceRole.LEAD).select_related("space", "user").first()
    busy = (
        Post.objects.filter(visibility=Visibility.PUBLIC, removed=False)
        .annotate(n=Count("comments"))
        .order_by("-n")
        .first()
    )
    anon, member = client_for(None), client_for(lead.user)
    for client, url in [
        (anon, "/"),
        (member, "/"),
        (member, lead.space.get_absolute_url()),
        (anon, busy.get_absolute_url()),
        (member, busy.get_absolute_url()),
        (member, "/people/"),
        (member, "/spaces/"),
        (anon, "/initiatives/"),
        (member, "/initiatives/"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    page = anon.get(busy.get_absolute_url()).content.decode()
    assert busy.title.replace("'", "&#x27;") in page


def _lead_of(space_id: int) -> User:
    return Membership.objects.get(space_id=space_id, role=SpaceRole.LEAD).user


def test_the_initiative_pages_render_on_generated_data(generated, client_for):
    # The newest note only the space sees, from a cycle (so on the first page of its
    # initiative's timeline): read by a member of its space.
    note = (
        LearningNote.objects.filter(visibility=Visibility.SPACE, removed=False, cycle__isnull=False)
        .order_by("-created")
        .select_related("initiative__space")
        .first()
    )
    member = client_for(_lead_of(note.space_id))
    initiative = note.initiative
    page = member.get(initiative.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    assert escape(initiative.space.name) in text
    assert escape(note.title) in text
    assert escape(initiative.place) in text

    page = member.get(note.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    assert escape(note.title) in text
    assert render_markdown(note.learned) in text
    for path in ("history/", "history/1/"):
        assert member.get(note.get_absolute_url() + path).status_code == 200, path
    # Outsiders do not read it.
    assert client_for(None).get(note.get_absolute_url()).status_code == 404

    cycle = InquiryCycle.objects.filter(visibility=Visibility.SPACE, removed=False).first()
    lesson = Lesson.objects.filter(visibility=Visibility.SPACE, removed=False).first()
    for item in (cycle, lesson):
        response = client_for(_lead_of(item.space_id)).get(item.get_absolute_url())
        assert response.status_code == 200, item.kind
        assert escape(item.title) in response.content.decode(), item.kind
    public = Lesson.objects.filter(visibility=Visibility.PUBLIC, removed=False).first()
    assert client_for(None).get(public.get_absolute_url()).status_code == 200


def test_the_story_pages_render_on_generated_data(generated, client_for):
    anon = client_for(None)
    member = client_for(User.objects.filter(role=AllianceRole.MEMBER).first())
    for client, url in [(anon, "/stories/"), (member, "/stories/"), (member, "/calls/")]:
        assert client.get(url).status_code == 200, url
    published = Story.objects.filter(visibility=Visibility.PUBLIC, removed=False).first()
    page = anon.get(published.get_absolute_url())
    assert page.status_code == 200
    assert escape(published.title) in page.content.decode()
    in_review = Story.objects.filter(
        status=Story.Status.REVIEW, space__isnull=False, removed=False
    ).first()
    reader = client_for(_lead_of(in_review.space_id))
    assert reader.get(in_review.get_absolute_url()).status_code == 200
    call = StoryCall.objects.filter(
        visibility__in=[Visibility.PUBLIC, Visibility.ALLIANCE], removed=False
    ).first()
    page = member.get(call.get_absolute_url())
    assert page.status_code == 200
    assert escape(call.title) in page.content.decode()


@pytest.mark.django_db
def test_the_command_fills_an_empty_database_and_refuses_a_full_one():
    out = StringIO()
    call_command("generate", "--scale", "60", "--no-progress", stdout=out)
    assert "Generated 60 content items" in out.getvalue()
    assert Content.objects.count() == 60
    with pytest.raises(CommandError, match="already has content"):
        call_command("generate", "--scale", "60", "--no-progress", stdout=StringIO())
    call_command("generate", "--scale", "20", "--force", "--no-progress", stdout=StringIO())
    assert Content.objects.count() == 80
    per_kind = Counter(Content.objects.values_list("kind", flat=True))
    assert set(per_kind) == set(CHILD_TABLES) - {Kind.COLLECTION}  # one in 140 items
    for kind, model in CHILD_TABLES.items():
        assert model.objects.count() == per_kind[kind], kind
    assert Initiative.objects.count() == Space.objects.filter(kind=Space.Type.INITIATIVE).count()
    assert NoteRevision.objects.count() == per_kind[Kind.NOTE]


def test_wiki_pages_resources_collections_and_stream_posts_are_whole(generated, client_for):
    # Wiki pages: one first revision each, the same text, [[links]] recorded.
    pages = WikiPage.objects.all()
    assert pages.filter(space__isnull=True).exists() and pages.filter(space__isnull=False)
    for page in pages:
        revision = WikiRevision.objects.get(page=page)
        assert (revision.number, revision.title, revision.body) == (1, page.title, page.body)
        assert page.revision == 1 and page.body_html == render_page(page.body)
    assert WikiLink.objects.filter(source__in=pages).exists()
    assert not WikiPage.objects.filter(visibility="space", space__isnull=True).exists()

    # Resources are links with a year, languages and a licence; collections hold
    # earlier resources and wiki pages, in order.
    for resource in Resource.objects.all():
        assert resource.link and resource.year and resource.languages, resource.pk
    entries = CollectionEntry.objects.select_related("item")
    assert Collection.objects.exists() and entries.exists()
    assert {e.item.kind for e in entries} <= {Kind.RESOURCE, Kind.WIKI_PAGE}
    assert not entries.filter(item__created__gt=F("collection__created")).exists()

    # Stream posts are short, and their tag rows are what a save would make of them.
    for post in StreamPost.objects.all():
        assert len(post.body) <= 500
        stored = set(
            ContentHashtag.objects.filter(content=post).values_list("hashtag__name", flat=True)
        )
        assert stored and stored == content_tags_sync(content=post), post.pk

    # Everything not removed is in the search index.
    assert Entry.objects.filter(content_id__isnull=False).values(
        "content_id"
    ).distinct().count() == (Content.objects.filter(removed=False).count())

    # And their pages render for a member.
    member = User.objects.filter(role=AllianceRole.MEMBER).order_by("pk").last()
    client = client_for(member)
    shown = visible(
        member,
        Content.objects.filter(
            kind__in=[Kind.WIKI_PAGE, Kind.RESOURCE, Kind.COLLECTION, Kind.STREAM_POST]
        ),
    )
    # Items of spaces the member may know about (others have no address for them).
    shown = shown.filter(
        Q(space__isnull=True) | Q(space__in=visible_spaces(member, Space.objects.all()))
    )
    for kind in (Kind.WIKI_PAGE, Kind.RESOURCE, Kind.COLLECTION, Kind.STREAM_POST):
        item = shown.filter(kind=kind).first()
        if item is not None:
            response = client.get(item.get_absolute_url(), follow=True)
            assert response.status_code == 200, (kind, item.pk)
    for url in ("/wiki/", "/library/", "/stream/", "/forum/", "/tags/radio/", "/search/?q=radio"):
        assert client.get(url).status_code == 200, url


def test_related_experiences_are_computed_for_the_newest_items(generated):
    related = RelatedItem.objects.select_related("source", "target")
    sources = {r.source_id for r in related}
    eligible = Content.objects.filter(kind__in=RELATED_KINDS, removed=False).count()
    # Generated texts share their vocabulary, so nearly every item finds neighbours.
    assert len(sources) >= eligible * 0.8
    for row in related:
        assert row.source.kind in RELATED_KINDS and row.target.kind in RELATED_KINDS
        assert row.source.space_id is None or row.target.space_id != row.source.space_id
        assert row.shared_terms


def test_the_related_command_recomputes_the_newest(generated):
    RelatedItem.objects.all().delete()
    out = StringIO()
    call_command("related", "--newest", "5", "--no-progress", stdout=out)
    assert "for 5 items" in out.getvalue()
    assert 1 <= RelatedItem.objects.values("source_id").distinct().count() <= 5
    with pytest.raises(CommandError):
        call_command("related", "--newest", "0")
